/**
 * The real product, in-process, for integration tests: the sandbox instance
 * on a free loopback port, the ServiceNow connector logged in as the
 * integration user, the test run's real Redis, and the wired worker with the
 * sandbox config and the built-in provider. People act through the sandbox's
 * Table API with their own credentials, so the platform's audit names them.
 */
import { createServiceNowConnector, type ServiceNowConnector } from '../../connectors/servicenow/servicenow-connector.js';
import { parseServiceNowConfig } from '../../connectors/servicenow/config.js';
import { createSandbox, INTEGRATION_PASSWORD, INTEGRATION_USER, PERSON_PASSWORD, type Sandbox, type SandboxOptions } from '../../connectors/servicenow/sandbox/index.js';
import { loadRuntimeConfig } from '../../src/config/load-runtime-config.js';
import type { RuntimeConfig } from '../../src/config/runtime-config.js';
import type { Provider } from '../../src/ai/index.js';
import { AiRequest, AiReview } from '../../src/domain/fields.js';
import { Panel } from '../../src/domain/panel.js';
import type { FaultPoint } from '../../src/handoff/flow-deps.js';
import type { SyncStats } from '../../src/handoff/sync.js';
import { loadMappings, type MappingSet } from '../../src/mapping/load-mappings.js';
import type { TableMapping } from '../../src/mapping/mapping-schema.js';
import { startWiredWorker, type WiredWorker } from '../../src/queue/wiring.js';
import { fromRoot } from '../../src/util/paths.js';
import { silentLogger, type Logger } from '../../src/util/log.js';
import { checkpointTableName } from '../../connectors/servicenow/checkpoint-table.js';
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
  /** Sets the request field as `user`, for the operation's current scope (or a given digest). */
  request(user: string, number: string, request: { operation: string; note?: string; scope?: string; raw?: string }): Promise<void>;
  /** Sets the review field as `user`. */
  review(user: string, number: string, review: { handoff: string; decision: 'accept' | 'reject' | 'escalate'; comment?: string } | { raw: string }): Promise<void>;
  /** Patches arbitrary fields as a person (state changes, reassignment: what people do). */
  patchAs(user: string, number: string, body: Record<string, string>): Promise<number>;
  /** The ticket's work notes, oldest first. */
  notes(number: string): Promise<JournalNote[]>;
  /** Polls until `check` returns a value (not undefined/false), or fails with `what`. */
  waitFor<T>(what: string, check: () => Promise<T | undefined | false | null>, timeoutMs?: number): Promise<T>;
  /** Every ticket field the integration user tried to write, across the run (inserts of audit checkpoint rows aside). */
  integrationFields(): Set<string>;
  /** The fields the integration user may write on every mapped table (work notes and the AI fields). */
  allowedFields(): Set<string>;
  close(): Promise<void>;
}

const DEFAULT_CONFIG = fromRoot('config', 'sandbox.yaml');

export async function startFlowHarness(options: HarnessOptions = {}): Promise<FlowHarness> {
  const sandbox = await createSandbox({ port: 0, ...options.sandbox });
  const mappings = loadMappings();
  const loaded = loadRuntimeConfig({ file: DEFAULT_CONFIG });
  const config = options.config ? options.config(loaded.config) : loaded.config;
  const connector = createServiceNowConnector({
    config: parseServiceNowConfig({ instanceUrl: sandbox.url, auth: { kind: 'basic', username: INTEGRATION_USER, password: INTEGRATION_PASSWORD } }),
    log: options.log ?? silentLogger,
  });
  const prefix = testPrefix('flow');
  const auditDir = tempAuditDir();
  const syncs: SyncStats[] = [];
  const launch = (cfg: RuntimeConfig): Promise<WiredWorker> =>
    startWiredWorker({
        config: cfg,
        connector,
        redisUrl: options.redisUrl ?? redisUrl(),
        integrationUser: INTEGRATION_USER,
        log: options.log ?? silentLogger,
        syncIntervalMs: options.syncIntervalMs ?? 250,
        prefix,
        audit: testAuditSetup({ dir: auditDir, sinks: [connector.checkpoints(checkpointTableName())] }),
        ...(options.fault ? { fault: options.fault } : {}),
        ...(options.now ? { now: options.now } : {}),
        ...(options.provider ? { provider: options.provider } : {}),
        onSync: (stats) => syncs.push(stats),
      });
  let worker: WiredWorker | null = options.noWorker ? null : await launch(config);

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
    mappings,
    config,
    prefix,
    auditDir,
    syncs,
    mapping: (table) => mappings.byTable.get(table)!,
    ticket,
    async request(user, number, request) {
      const view = await waitFor(`a panel on ${number}`, async () => {
        const v = await ticket(number);
        return v.panel ? v : undefined;
      });
      const op = view.panel!.operations.find((o) => o.id === request.operation);
      const value = request.raw ?? JSON.stringify(AiRequest.parse({ operation: request.operation, scope: request.scope ?? op?.scopeDigest ?? '0'.repeat(32), ...(request.note === undefined ? {} : { note: request.note }) }));
      const status = await patchAs(user, number, { [mappings.byTable.get(view.table)!.ai.request]: value });
      if (status !== 200) throw new Error(`setting the request as ${user} answered ${status}`);
    },
    async review(user, number, review) {
      const view = await ticket(number);
      const value = 'raw' in review ? review.raw : JSON.stringify(AiReview.parse(review));
      const status = await patchAs(user, number, { [mappings.byTable.get(view.table)!.ai.review]: value });
      if (status !== 200) throw new Error(`setting the review as ${user} answered ${status}`);
    },
    patchAs,
    async notes(number) {
      const found = await locate(number);
      const { json } = await api('admin', 'GET', `/api/now/table/sys_journal_field?sysparm_query=element_id=${found.sysId}^element=work_notes^ORDERBYsys_created_on&sysparm_limit=1000`);
      return ((json as { result: Record<string, string>[] }).result ?? []).map((r) => ({ value: r.value ?? '', by: r.sys_created_by ?? '', at: r.sys_created_on ?? '' }));
    },
    waitFor,
    integrationFields() {
      const fields = new Set<string>();
      for (const e of sandbox.writeLog.entries({ user: INTEGRATION_USER })) {
        // Audit checkpoint rows are the one record it creates (docs/audit.md); anything but an insert there breaks the invariant.
        if (e.table === checkpointTableName()) {
          if (e.method !== 'POST') fields.add(`${e.method} ${e.table}`);
          continue;
        }
        for (const f of e.fields) fields.add(f);
      }
      return fields;
    },
    allowedFields() {
      const allowed = new Set<string>();
      for (const m of mappings.byTable.values()) for (const f of [m.ai.workNotes, m.ai.panel, m.ai.status, m.ai.request, m.ai.review]) allowed.add(f);
      return allowed;
    },
    async close() {
      await worker?.close(5_000);
      connector.close();
      await sandbox.close();
    },
  };
}
