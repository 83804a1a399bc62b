/**
 * The real product, in-process, for integration tests: the sandbox instance
 * on a free loopback port, the ServiceNow connector logged in as the
 * integration user, the test run's real Redis, and the wired worker with the
 * sandbox config and the built-in provider. People act through the sandbox's
 * Table API with their own credentials: a request or a review is a row they
 * create in the app's table, as the app's dialog does, so the platform
 * stamps who made it (docs/contract.md).
 */
import { createServiceNowConnector, type ServiceNowConnector } from '../../connectors/servicenow/servicenow-connector.js';
import { parseServiceNowConfig, type ServiceNowConfigInput } from '../../connectors/servicenow/config.js';
import { createSandbox, INTEGRATION_PASSWORD, INTEGRATION_USER, PERSON_PASSWORD, type Sandbox, type SandboxOptions } from '../../connectors/servicenow/sandbox/index.js';
import { loadRuntimeConfig } from '../../src/config/load-runtime-config.js';
import type { RuntimeConfig } from '../../src/config/runtime-config.js';
import type { Provider } from '../../src/ai/index.js';
import { Panel } from '../../src/domain/panel.js';
import type { FaultPoint } from '../../src/handoff/flow-deps.js';
import type { SyncStats } from '../../src/handoff/sync.js';
import { loadMappings, type MappingSet } from '../../src/mapping/load-mappings.js';
import type { TableMapping } from '../../src/mapping/mapping-schema.js';
import { startWiredWorker, type WiredWorker } from '../../src/queue/wiring.js';
import { fromRoot } from '../../src/util/paths.js';
import { silentLogger, type Logger } from '../../src/util/log.js';
import { tempAuditDir, testAuditSetup } from './audit.js';
import { redisUrl, testPrefix } from './redis.js';

export interface TicketView {
  readonly table: string;
  readonly sysId: string;
  readonly record: Record<string, string>;
  readonly panel: Panel | null;
  readonly status: string;
}

export interface JournalNote {
  readonly value: string;
  readonly by: string;
  readonly at: string;
}

/** A Table API answer: its status and body. */
export interface Answer {
  readonly status: number;
  readonly json: unknown;
}

/** A row of the app's request or review table, raw values (as admin reads it). */
export type AppRow = Record<string, string>;

export interface RequestInput {
  readonly operation: string;
  readonly note?: string;
  /** The scope digest confirmed; default the operation's current one. */
  readonly scope?: string;
}

export interface ReviewInput {
  readonly handoff: string;
  readonly decision: 'accept' | 'reject' | 'escalate';
  readonly comment?: string;
}

export interface HarnessOptions {
  readonly sandbox?: SandboxOptions;
  /** Changes to the sandbox runtime config (config/sandbox.yaml). */
  readonly config?: (config: RuntimeConfig) => RuntimeConfig;
  readonly syncIntervalMs?: number;
  readonly log?: Logger;
  readonly fault?: (point: FaultPoint) => void | Promise<void>;
  /** Start without the worker (tests that run it in a child process). */
  readonly noWorker?: boolean;
  readonly now?: () => Date;
  readonly redisUrl?: string;
  /** A provider instead of the built-in one (the obedient stand-in model). */
  readonly provider?: Provider;
  /** Time between intake polls, in ms; default 200. */
  readonly pollMs?: number;
  /** Turn the worker's doorbell on (127.0.0.1, a token) and point the sandbox's app at it; default off (the poll alone). */
  readonly doorbell?: boolean;
  /** Connector settings besides the instance and credentials (retries, timeouts). */
  readonly connector?: Partial<Omit<ServiceNowConfigInput, 'instanceUrl' | 'auth'>>;
  /** The worker's app scope (connector and config), when it should differ from the sandbox's app. */
  readonly appScope?: string;
  /** The runtime config file instead of config/sandbox.yaml; the worker reloads from it (with `config` and the harness's settings applied again). */
  readonly configFile?: string;
}

export interface FlowHarness {
  readonly sandbox: Sandbox;
  readonly connector: ServiceNowConnector;
  /** The in-process worker (null until started when `noWorker` was set). */
  readonly worker: WiredWorker | null;
  /** Starts the in-process worker (after `noWorker`), with config changes. */
  startWorker(config?: (config: RuntimeConfig) => RuntimeConfig): Promise<WiredWorker>;
  /** Stops the running worker and starts it again with config changes (a kill switch, say), on the same Redis prefix and audit folder. */
  restartWorker(config: (config: RuntimeConfig) => RuntimeConfig): Promise<WiredWorker>;
  readonly mappings: MappingSet;
  readonly config: RuntimeConfig;
  readonly prefix: string;
  /** The audit folder (checkpoint file, archive) the worker uses. */
  readonly auditDir: string;
  readonly syncs: SyncStats[];
  mapping(table: string): TableMapping;
  /** Reads a ticket by number, as the admin would see it (raw values). */
  ticket(number: string): Promise<TicketView>;
  /** Creates a request row as `user` (Assign To AI Operation), for the operation's current scope (or a given digest); returns its sys_id. Throws when the app's rule refuses it. */
  request(user: string, number: string, request: RequestInput): Promise<string>;
  /** The same, answering the instance's reply (a refusal is a 403 with the rule's message). */
  tryRequest(user: string, number: string, request: RequestInput): Promise<Answer>;
  /** Creates a review row as `user` (Accept, Reject, Escalate); returns its sys_id. Throws when the app's rule refuses it. */
  review(user: string, number: string, review: ReviewInput): Promise<string>;
  tryReview(user: string, number: string, review: ReviewInput): Promise<Answer>;
  /**
   * Puts a row straight into the app's table, as if its rule had let these
   * values through (a rule with a defect, a row created by other means): the
   * worker must check everything again. `values` overrides what the rule would stamp.
   */
  plantRow(kind: 'request' | 'review', number: string, values: Record<string, string>): Promise<string>;
  /** A row of the app's request or review table. */
  row(kind: 'request' | 'review', sysId: string): Promise<AppRow>;
  /** The doorbell's token when the harness turned it on. */
  readonly doorbellToken: string;
  /** Waits until the row leaves pending; returns it. */
  untilRowEnds(kind: 'request' | 'review', sysId: string, timeoutMs?: number): Promise<AppRow>;
  /** Patches arbitrary fields as a person (state changes, reassignment: what people do). */
  patchAs(user: string, number: string, body: Record<string, string>): Promise<number>;
  /** The ticket's work notes, oldest first. */
  notes(number: string): Promise<JournalNote[]>;
  /** Polls until `check` returns a value (not undefined/false), or fails with `what`. */
  waitFor<T>(what: string, check: () => Promise<T | undefined | false | null>, timeoutMs?: number): Promise<T>;
  /** Every field the integration user tried to write, across the run, as `table.field` (inserts of audit checkpoint rows aside). */
  integrationFields(): Set<string>;
  /** What the integration user may write, as `table.field`: work notes and the AI fields of every mapped table, and the worker's columns of the app's rows. */
  allowedFields(): Set<string>;
  close(): Promise<void>;
}

const DEFAULT_CONFIG = fromRoot('config', 'sandbox.yaml');

export async function startFlowHarness(options: HarnessOptions = {}): Promise<FlowHarness> {
  const sandbox = await createSandbox({ port: 0, ...options.sandbox });
  const loaded = loadRuntimeConfig({ file: options.configFile ?? DEFAULT_CONFIG });
  // The config's mappings, read again whenever a worker starts (a test may add a mapping file before it does).
  let mappings = loadMappings(loaded.config.paths.mappings);
  const shape = (read: RuntimeConfig): RuntimeConfig => {
    const base = {
      ...read,
      worker: { ...read.worker, intake: { ...read.worker.intake, pollMs: options.pollMs ?? 200 } },
      ...(options.appScope === undefined ? {} : { app: { scope: options.appScope } }),
    };
    return options.config ? options.config(base) : base;
  };
  const config = shape(loaded.config);
  const doorbellToken = 'harness-doorbell-token';
  const connector = createServiceNowConnector({
    config: parseServiceNowConfig({ instanceUrl: sandbox.url, auth: { kind: 'basic', username: INTEGRATION_USER, password: INTEGRATION_PASSWORD }, ...options.connector }),
    appScope: config.app.scope,
    log: options.log ?? silentLogger,
  });
  const prefix = testPrefix('flow');
  const auditDir = tempAuditDir();
  const syncs: SyncStats[] = [];
  const launch = (cfg: RuntimeConfig): Promise<WiredWorker> => {
    mappings = loadMappings(cfg.paths.mappings);
    return startWiredWorker({
        config: cfg,
        connector,
        redisUrl: options.redisUrl ?? redisUrl(),
        integrationUser: INTEGRATION_USER,
        log: options.log ?? silentLogger,
        syncIntervalMs: options.syncIntervalMs ?? 250,
        prefix,
        audit: testAuditSetup({ dir: auditDir, sinks: [connector.checkpoints()] }),
        ...(options.fault ? { fault: options.fault } : {}),
        ...(options.now ? { now: options.now } : {}),
        ...(options.provider ? { provider: options.provider } : {}),
        ...(options.doorbell ? { doorbell: { host: '127.0.0.1', port: 0, token: doorbellToken } } : {}),
        onSync: (stats) => syncs.push(stats),
        ...(options.configFile ? { reloadFrom: { file: loaded.file, adjust: shape } } : {}),
      }).then((running) => {
        if (running.doorbellUrl) sandbox.doorbell.set({ url: running.doorbellUrl, token: doorbellToken });
        return running;
      });
  };
  let worker: WiredWorker | null = options.noWorker ? null : await launch(config);
  const { tables } = sandbox.app;
  const tableOf = (kind: 'request' | 'review'): string => (kind === 'request' ? tables.request : tables.review);

  const auth = (user: string): string => `Basic ${Buffer.from(`${user}:${user === INTEGRATION_USER ? INTEGRATION_PASSWORD : user === 'admin' ? PERSON_PASSWORD : PERSON_PASSWORD}`).toString('base64')}`;
  // People's calls wait out the instance's rate limit like a browser would retry; tests limit the integration user.
  const api = async (user: string, method: string, path: string, body?: unknown): Promise<{ status: number; json: unknown }> => {
    for (let attempt = 0; ; attempt++) {
      const res = await fetch(`${sandbox.url}${path}`, {
        method,
        headers: { authorization: auth(user), accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const text = await res.text();
      if (res.status === 429 && attempt < 30) {
        await new Promise((r) => setTimeout(r, 1_000 * Number(res.headers.get('retry-after') ?? '1')));
        continue;
      }
      return { status: res.status, json: text === '' ? null : (JSON.parse(text) as unknown) };
    }
  };

  const locate = async (number: string): Promise<{ table: string; sysId: string; record: Record<string, string> }> => {
    for (const table of mappings.byTable.keys()) {
      const { json } = await api('admin', 'GET', `/api/now/table/${table}?sysparm_query=number=${encodeURIComponent(number)}&sysparm_exclude_reference_link=true&sysparm_limit=1`);
      const rows = (json as { result?: Record<string, string>[] }).result ?? [];
      const row = rows[0];
      if (row) return { table, sysId: row.sys_id ?? '', record: row };
    }
    throw new Error(`no ticket ${number} in the sandbox`);
  };

  const ticket = async (number: string): Promise<TicketView> => {
    const found = await locate(number);
    const mapping = mappings.byTable.get(found.table)!;
    const rawPanel = found.record[mapping.ai.panel] ?? '';
    return { ...found, panel: rawPanel === '' ? null : Panel.parse(JSON.parse(rawPanel)), status: found.record[mapping.ai.status] ?? '' };
  };

  const waitFor = async <T>(what: string, check: () => Promise<T | undefined | false | null>, timeoutMs = 20_000): Promise<T> => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = await check();
      if (value !== undefined && value !== false && value !== null) return value;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };

  const errorOf = (answer: Answer): string => {
    const error = (answer.json as { error?: { message?: string } } | null)?.error;
    return error?.message ?? 'no message';
  };

  const rowOf = async (kind: 'request' | 'review', sysId: string): Promise<AppRow> => {
    const { status, json } = await api('admin', 'GET', `/api/now/table/${tableOf(kind)}/${sysId}?sysparm_exclude_reference_link=true`);
    if (status !== 200) throw new Error(`no ${kind} row ${sysId} (${status})`);
    return (json as { result: AppRow }).result;
  };

  const requestAs = async (user: string, number: string, request: RequestInput): Promise<Answer> => {
    const view = await waitFor(`a panel on ${number}`, async () => {
      const v = await ticket(number);
      return v.panel ? v : undefined;
    });
    const op = view.panel!.operations.find((o) => o.id === request.operation);
    const body = { ticket_table: view.table, ticket: view.sysId, operation: request.operation, scope_digest: request.scope ?? op?.scopeDigest ?? '0'.repeat(32), note: request.note ?? '' };
    return api(user, 'POST', `/api/now/table/${tables.request}?sysparm_exclude_reference_link=true`, body);
  };

  const reviewAs = async (user: string, number: string, review: ReviewInput): Promise<Answer> => {
    const view = await ticket(number);
    const body = { ticket_table: view.table, ticket: view.sysId, handoff: review.handoff, decision: review.decision, comment: review.comment ?? '' };
    return api(user, 'POST', `/api/now/table/${tables.review}?sysparm_exclude_reference_link=true`, body);
  };

  const patchAs = async (user: string, number: string, body: Record<string, string>): Promise<number> => {
    const found = await locate(number);
    return (await api(user, 'PATCH', `/api/now/table/${found.table}/${found.sysId}`, body)).status;
  };

  return {
    sandbox,
    connector,
    get worker() {
      return worker;
    },
    async startWorker(change) {
      if (worker) throw new Error('the worker is running already');
      worker = await launch(change ? change(config) : config);
      return worker;
    },
    async restartWorker(change) {
      await worker?.close(5_000);
      worker = await launch(change(config));
      return worker;
    },
    get mappings() {
      return mappings;
    },
    config,
    prefix,
    auditDir,
    syncs,
    mapping: (table) => mappings.byTable.get(table)!,
    ticket,
    async request(user, number, request) {
      const answer = await requestAs(user, number, request);
      if (answer.status !== 201) throw new Error(`the request as ${user} on ${number} answered ${answer.status}: ${errorOf(answer)}`);
      return (answer.json as { result: AppRow }).result.sys_id!;
    },
    tryRequest: (user, number, request) => requestAs(user, number, request),
    async review(user, number, review) {
      const answer = await reviewAs(user, number, review);
      if (answer.status !== 201) throw new Error(`the review as ${user} on ${number} answered ${answer.status}: ${errorOf(answer)}`);
      return (answer.json as { result: AppRow }).result.sys_id!;
    },
    tryReview: (user, number, review) => reviewAs(user, number, review),
    async plantRow(kind, number, values) {
      const found = await locate(number);
      const by = values.sys_created_by ?? 'alex.rivera';
      const stamped = kind === 'request' ? 'requested_by' : 'reviewed_by';
      const person = sandbox.directory.user(by);
      const row = sandbox.records.create(tableOf(kind), { ticket_table: found.table, ticket: found.sysId, number, state: 'pending', [stamped]: person?.v.sys_id ?? '', ...values }, person ? sandbox.directory.actor(person) : { sysId: '', userName: by, name: by });
      if (!row.ok) throw new Error(`planting a ${kind} row failed: ${row.detail}`);
      return row.row.v.sys_id!;
    },
    row: (kind, sysId) => rowOf(kind, sysId),
    doorbellToken,
    untilRowEnds: (kind, sysId, timeoutMs) =>
      waitFor(`the ${kind} row ${sysId} to end`, async () => {
        const row = await rowOf(kind, sysId);
        return row.state !== 'pending' ? row : undefined;
      }, timeoutMs),
    patchAs,
    async notes(number) {
      const found = await locate(number);
      // From the journal's own rows, oldest first; notes of the same second in the order they were written.
      const rows = sandbox.store.partitions('sys_journal_field')[0]!.indexes.get('element_id')?.get(found.sysId) ?? [];
      return rows
        .filter((r) => r.v.element === 'work_notes')
        .sort((a, b) => (a.v.sys_created_on! < b.v.sys_created_on! ? -1 : a.v.sys_created_on! > b.v.sys_created_on! ? 1 : a.seq - b.seq))
        .map((r) => ({ value: r.v.value ?? '', by: r.v.sys_created_by ?? '', at: r.v.sys_created_on ?? '' }));
    },
    waitFor,
    integrationFields() {
      const fields = new Set<string>();
      for (const e of sandbox.writeLog.entries({ user: INTEGRATION_USER })) {
        // Audit checkpoint rows are the one record it creates (docs/audit.md); anything but an insert there breaks the invariant.
        if (e.table === sandbox.app.tables.checkpoint) {
          if (e.method !== 'POST') fields.add(`${e.method} ${e.table}`);
          continue;
        }
        for (const f of e.fields) fields.add(`${e.table}.${f}`);
      }
      return fields;
    },
    allowedFields() {
      const allowed = new Set<string>();
      for (const m of mappings.byTable.values()) for (const f of [m.ai.workNotes, m.ai.panel, m.ai.status]) allowed.add(`${m.table}.${f}`);
      for (const f of ['state', 'handoff', 'message', 'remedy']) allowed.add(`${tables.request}.${f}`);
      for (const f of ['state', 'message', 'remedy']) allowed.add(`${tables.review}.${f}`);
      return allowed;
    },
    async close() {
      await worker?.close(5_000);
      connector.close();
      await sandbox.close();
    },
  };
}
