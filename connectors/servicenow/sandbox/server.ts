/**
 * `createSandbox`: a local, ServiceNow-compatible instance on node:http
 * (no framework: a handful of routes, and streaming pages needs the raw
 * response anyway). Loopback by default. Wires the store, the instance rules,
 * auth, ACLs, faults, the rate limit, the write log, persistence and the seed.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { silentLogger, type Logger } from '../../../src/util/log.js';
import { describeCause } from '../../../src/errors.js';
import { appNames, DEFAULT_APP_SCOPE, type AppNames } from '../../../src/domain/app-names.js';
import { createAcl, type Acl, type AclOverrides } from './acl.js';
import { createDoorbell, type Doorbell, type DoorbellConfig } from './app/doorbell.js';
import { createAppRowRules } from './app/row-rules.js';
import { createAppApi } from './app/ticket-api.js';
import { createRecordRules, type RecordDenial, type RecordRules } from './record-rules.js';
import { TICKET_TABLES } from './schema/app-fields.js';
import { createCredentials, type Credentials } from './auth/credentials.js';
import { createDirectory, type Directory } from './auth/directory.js';
import { createIdentify } from './auth/identify.js';
import { createSessions, type Sessions } from './auth/sessions.js';
import { createTokens, type Tokens } from './auth/tokens.js';
import { createFaults, type FaultRule, type Faults } from './faults.js';
import { dispatch, type ExtraRoute } from './http/dispatch.js';
import { pageRoutes } from './http/page-routes.js';
import { failure } from './http/reply.js';
import { send } from './http/send.js';
import { loadFile, watchAndSave, type Persistence } from './persist.js';
import { createRateLimiter, type RateLimitConfig, type RateLimiter } from './rate-limit.js';
import { createRecords, type Records } from './records.js';
import { createDisplayValues } from './render/display.js';
import { allTableSpecs, createSchema } from './schema/registry.js';
import type { AppFields } from './schema/app-fields.js';
import { loadSeed, type SeedOptions, type SeedResult } from './seed/index.js';
import { createStore, type Store } from './store.js';
import { systemClock, type Clock } from './time.js';
import { createWriteLog, type WriteLog } from './write-log.js';

export interface SandboxOptions {
  /** TCP port; 0 (default) picks a free one. */
  readonly port?: number;
  /** Interface to listen on; default 127.0.0.1 (loopback only). */
  readonly host?: string;
  /** What to seed on a fresh start; `false`: the metadata and the cast, no tickets. Default: the cast and the hand-written tickets. */
  readonly seed?: SeedOptions | false;
  /** Keep state in this file (loaded at start if it exists, saved atomically after changes). Default: memory only. */
  readonly persistFile?: string;
  /** A rate-limit rule from the start; default none. */
  readonly rateLimit?: RateLimitConfig | null;
  /** Fault rules from the start; default none. */
  readonly faults?: readonly FaultRule[];
  /** Seed for fault rules with a `rate`; default 1. */
  readonly faultSeed?: number;
  /** ACL changes per table, e.g. `{ sys_audit: { read: ['admin'] } }`. */
  readonly acl?: AclOverrides;
  /** Time source (ms since the epoch); default Date.now. */
  readonly clock?: Clock;
  readonly log?: Logger;
  /** Serve the control endpoint under /sandbox/control; default false. */
  readonly control?: boolean;
  /** Most write-log entries kept; default 100,000. */
  readonly writeLogCap?: number;
  /** Serve the ticket page (/tickets, /ticket/<number>, /login.do); default true. */
  readonly page?: boolean;
  /**
   * Whether the Batch API (`POST /api/now/v1/batch`) answers; default true.
   * False answers it as an instance that does not offer it to the caller
   * (400 "Requested URI does not represent any resource").
   */
  readonly batchApi?: boolean;
  /** Extra HTTP routes, tried after the Table API and the page. */
  readonly routes?: readonly ((ctx: SandboxParts) => ExtraRoute)[];
  /** The installed app's scope: its tables, fields, roles and API (src/domain/app-names.ts). Default x_acme_aihandoff. */
  readonly appScope?: string;
  /** Where the app's after-insert rule rings when a request or review row is created (its doorbell properties); default none. */
  readonly doorbell?: DoorbellConfig | null;
  /** Records hidden from one user each, from the start (record-rules.ts). */
  readonly denials?: readonly RecordDenial[];
}

/** The parts extra routes may use. */
export interface SandboxParts {
  /** The app's field names on the ticket tables (`app.fields`: S_panel, S_status, S_data_classification). */
  readonly appFields: AppFields;
  /** Everything the installed app names: its tables, ticket fields, roles, API base. */
  readonly app: AppNames;
  /** Per-user record read rules (restricted data, security incidents, test denials). */
  readonly rules: RecordRules;
  /** The app's after-insert doorbell. */
  readonly doorbell: Doorbell;
  readonly store: Store;
  readonly credentials: Credentials;
  readonly records: Records;
  readonly directory: Directory;
  readonly sessions: Sessions;
  readonly acl: Acl;
  readonly log: Logger;
}

export interface Sandbox extends SandboxParts {
  /** Base URL, e.g. http://127.0.0.1:43123 (no trailing slash). */
  readonly url: string;
  readonly port: number;
  readonly host: string;
  readonly writeLog: WriteLog;
  readonly faults: Faults;
  readonly rateLimit: RateLimiter;
  readonly tokens: Tokens;
  /** What the seed produced on a fresh start; undefined when state was loaded from the persist file. */
  readonly seeded: SeedResult | undefined;
  /** Saves to the persist file now (no-op without one). */
  flush(): Promise<void>;
  /** Stops listening, drops open connections, and flushes the persist file. */
  close(): Promise<void>;
}

export async function createSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const clock = options.clock ?? systemClock;
  const log = options.log ?? silentLogger;
  const app = appNames(options.appScope ?? DEFAULT_APP_SCOPE);
  const appFields = app.fields;
  const schema = createSchema(allTableSpecs(app));
  const store = createStore(schema);
  const records = createRecords({ store, clock });
  const credentials = createCredentials();
  const tokens = createTokens(clock);
  const sessions = createSessions(clock);
  const directory = createDirectory(store);
  const acl = createAcl(schema, app, options.acl);
  const rules = createRecordRules(directory, app);
  for (const denial of options.denials ?? []) rules.deny(denial);
  const doorbell = createDoorbell(log, options.doorbell ?? null);
  const appRows = createAppRowRules({ store, acl, rules, names: app, ticketTables: TICKET_TABLES, clock });
  const faults = createFaults(options.faults ?? [], options.faultSeed ?? 1);
  const rateLimit = createRateLimiter(clock, options.rateLimit ?? null);
  const writeLog = createWriteLog(options.writeLogCap);

  let seeded: SeedResult | undefined;
  const loaded = options.persistFile === undefined ? false : await loadFile(options.persistFile, store, credentials);
  if (!loaded) {
    seeded = loadSeed(store, records, credentials, clock(), app, options.seed === false ? { handWritten: false } : (options.seed ?? {}));
  }
  let persistence: Persistence | undefined;
  if (options.persistFile !== undefined) {
    persistence = watchAndSave({ file: options.persistFile, store, credentials, onError: (error) => log.error('sandbox: saving state failed', { error: describeCause(error) }) });
    if (!loaded) await persistence.flush();
  }

  const parts: SandboxParts = { appFields, app, rules, doorbell, store, credentials, records, directory, sessions, acl, log };
  const ctx = {
    table: { store, records, acl, rules, appRows, doorbell, display: createDisplayValues(store) },
    appApi: { base: app.apiBase, handle: createAppApi({ store, records, names: app, ticketTables: TICKET_TABLES }) },
    oauth: { credentials, tokens, directory },
    control: options.control === true ? { faults, rateLimit, acl, tokens, writeLog, rules, doorbell } : undefined,
    identify: createIdentify({ directory, credentials, tokens, sessions }),
    batchApi: options.batchApi ?? true,
    faults,
    rateLimit,
    writeLog,
    clock,
    log,
    extraRoutes: [...(options.page === false ? [] : [pageRoutes]), ...(options.routes ?? [])].map((make) => make(parts)),
  };

  const server: Server = createServer((req, res) => {
    dispatch(ctx, req, res).catch((error: unknown) => {
      log.error('sandbox: request failed', { method: req.method, path: req.url?.split('?')[0], error: describeCause(error) });
      if (!res.headersSent) void send(res, failure(500, 'Internal Server Error', 'The sandbox failed to handle the request')).catch(() => undefined);
      else res.destroy();
    });
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  log.info('sandbox: listening', { url: `http://${urlHost}:${port}` });

  return {
    ...parts,
    url: `http://${urlHost}:${port}`,
    port,
    host,
    writeLog,
    faults,
    rateLimit,
    tokens,
    seeded,
    flush: async () => persistence?.flush(),
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await persistence?.close();
    },
  };
}
