/**
 * The real parts the hand-off benchmark runs on: a redis-server of its own
 * (AOF on, noeviction: as production must run), the sandbox instance in a
 * child process with generated tickets and its control endpoint (so its CPU
 * is not the worker's, and its write log times every write), and the wired
 * worker in this process with the built-in provider and its doorbell, exactly
 * as `ai-handoff start` builds them: the sandbox's app rings the worker when a
 * row is created. Agents and approvers act through the Table API with their
 * own credentials, creating rows of the app's request and review tables, so
 * the platform stamps who they are; they run in a process of their own
 * (bench/handoff-agent-process.ts), so their CPU is not the worker's.
 */
import { fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { Redis } from 'ioredis';
import { createServiceNowConnector, type ServiceNowConnector } from '../connectors/servicenow/servicenow-connector.js';
import { parseServiceNowConfig } from '../connectors/servicenow/config.js';
import { INTEGRATION_PASSWORD, INTEGRATION_USER, spawnSandbox, type SpawnedSandbox, type WriteLogEntry } from '../connectors/servicenow/sandbox/index.js';
import { loadRuntimeConfig } from '../src/config/load-runtime-config.js';
import type { RuntimeConfig } from '../src/config/runtime-config.js';
import { appNames, type AppNames } from '../src/domain/app-names.js';
import type { SyncStats } from '../src/handoff/sync.js';
import { loadMappings } from '../src/mapping/load-mappings.js';
import { startWiredWorker, type WiredWorker } from '../src/queue/wiring.js';
import { silentLogger } from '../src/util/log.js';
import { fromRoot } from '../src/util/paths.js';
import { testAuditSetup } from '../test/support/audit.js';
import { startRedisServer } from '../test/support/redis-server.js';
import { countCalls, type CallCounts } from './handoff-trace.js';
import { createAgents, type Candidate } from './handoff-agents.js';

export { AGENT, BENCH_OPERATION, type Candidate } from './handoff-agents.js';

export interface RigSettings {
  /** Generated tickets in the sandbox (about 8% end up active incidents that may gather diagnostics). */
  readonly tickets: number;
  /** Jobs at once per queue in the worker (config.worker.concurrency). */
  readonly concurrency: { readonly intake: number; readonly execute: number; readonly writeback: number };
  /** The connector's calls in flight (ServiceNowConfig.maxConcurrency). */
  readonly maxConcurrency: number;
  /** worker.syncIntervalMs (default: the config's, 10 s). */
  readonly syncIntervalMs: number;
  /** worker.intake.pollMs (default: the config's, 5 s; the doorbell makes pickup immediate). */
  readonly pollMs: number;
  /** ServiceNowConfig.settleSeconds: how long a change is read again by later passes. */
  readonly settleSeconds: number;
}

/** CPU time used so far, in ms, by the worker (this process), the sandbox and redis-server. */
export interface CpuSample {
  readonly worker: number;
  readonly sandbox: number;
  readonly redis: number;
}

export interface Rig {
  readonly settings: RigSettings;
  readonly worker: WiredWorker;
  readonly calls: CallCounts;
  /**
   * Every call the connector made to the instance since start: each HTTP
   * attempt, and each item of a Batch API call (each is a transaction on the
   * instance), the batch itself not.
   */
  readonly attempts: () => number;
  /** Every HTTP call since start: a Batch API call counted once, its items not. */
  readonly httpCalls: () => number;
  readonly app: AppNames;
  /** The incident mapping's AI field names (the sandbox installs the same). */
  readonly fields: { readonly panel: string; readonly status: string; readonly workNotes: string };
  readonly syncs: readonly SyncStats[];
  /** Active incidents whose panel offers the bench operation, with no hand-off yet. */
  candidates(): Promise<Candidate[]>;
  /** Creates the request row as the agent, through the Table API; answers the row's sys_id. */
  request(candidate: Candidate): Promise<string>;
  /** Creates a review row as `user` for a hand-off; answers the row's sys_id. */
  review(user: string, candidate: Candidate, handoff: string, decision: 'accept' | 'reject' | 'escalate'): Promise<string>;
  /** The sandbox's write log after `seq`. */
  writes(after: number): Promise<WriteLogEntry[]>;
  lastSeq(): Promise<number>;
  /** Hand-offs in a status now (the store's index). */
  countWithStatus(status: 'awaiting_review' | 'failed' | 'accepted'): Promise<number>;
  cpu(): CpuSample;
  /** Commands redis-server has run so far, by command (INFO commandstats): the worker's round trips to Redis. */
  redisCommands(): Promise<Record<string, number>>;
  /** The Redis the product runs on (for the no-op baseline). */
  readonly redisUrl: string;
  close(): Promise<void>;
}

/** CPU ms of another process from /proc (Linux); NaN elsewhere. */
function processCpuMs(pid: number): number {
  const file = `/proc/${pid}/stat`;
  if (!existsSync(file)) return Number.NaN;
  const fields = readFileSync(file, 'utf8').split(') ')[1]!.split(' ');
  // utime and stime, fields 14 and 15 of stat, in clock ticks (100 per second on Linux).
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** The agents' process (bench/handoff-agent-process.ts): calls answered by id. */
async function forkAgents(start: { sandboxUrl: string; scope: string; fields: { panel: string; status: string } }): Promise<{ call(message: Record<string, unknown>): Promise<string>; close(): void }> {
  const child = fork(fromRoot('bench', 'handoff-agent-process.ts'), [JSON.stringify(start)], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const waiting = new Map<number, { resolve: (sysId: string) => void; reject: (error: Error) => void }>();
  let next = 0;
  child.on('message', (m: { id?: number; sysId?: string; error?: string }) => {
    const w = m.id === undefined ? undefined : waiting.get(m.id);
    if (!w) return;
    waiting.delete(m.id!);
    if (m.error !== undefined) w.reject(new Error(m.error));
    else w.resolve(m.sysId ?? '');
  });
  await new Promise<void>((resolve, reject) => {
    child.once('message', () => resolve());
    child.once('exit', (code) => reject(new Error(`the agents' process exited (${code}) before it was ready`)));
  });
  return {
    call: (message) =>
      new Promise<string>((resolve, reject) => {
        const id = next++;
        waiting.set(id, { resolve, reject });
        child.send({ ...message, id });
      }),
    close: () => child.disconnect(),
  };
}

export async function startRig(settings: RigSettings): Promise<Rig> {
  const redis = await startRedisServer();
  const probe = new Redis(redis.url);
  const redisPid = Number(/process_id:(\d+)/.exec(await probe.info('server'))?.[1] ?? 'NaN');
  const profile = process.env.HANDOFF_BENCH_SANDBOX_PROF;
  const sandbox: SpawnedSandbox = await spawnSandbox({ tickets: settings.tickets, control: true, ...(profile ? { execArgv: ['--cpu-prof', `--cpu-prof-dir=${profile}`] } : {}) });
  // Instance calls (each Batch API item counted, the batch itself not) and HTTP calls (a batch counted once, its items not).
  let attempts = 0;
  let httpCalls = 0;
  const connector: ServiceNowConnector = createServiceNowConnector({
    config: parseServiceNowConfig({
      instanceUrl: sandbox.url,
      auth: { kind: 'basic', username: INTEGRATION_USER, password: INTEGRATION_PASSWORD },
      maxConcurrency: settings.maxConcurrency,
      settleSeconds: settings.settleSeconds,
    }),
    log: silentLogger,
    observe: (call) => {
      if (call.context.operation !== 'batch') attempts += 1;
      if (call.batched !== true) httpCalls += 1;
    },
  });
  const calls = countCalls(connector);
  const loaded = loadRuntimeConfig({ file: fromRoot('config', 'sandbox.yaml') }).config;
  // Every mapped table is synced, as in production: the idle figure counts five tables and the two intake polls.
  const config: RuntimeConfig = { ...loaded, worker: { ...loaded.worker, concurrency: { ...settings.concurrency }, intake: { ...loaded.worker.intake, pollMs: settings.pollMs } } };
  const prefix = `bench-${randomBytes(3).toString('hex')}`;
  const syncs: SyncStats[] = [];
  const token = randomBytes(12).toString('hex');
  const worker = await startWiredWorker({
    config,
    connector: calls.connector,
    redisUrl: redis.url,
    integrationUser: INTEGRATION_USER,
    log: silentLogger,
    syncIntervalMs: settings.syncIntervalMs,
    prefix,
    doorbell: { host: '127.0.0.1', port: 0, token },
    audit: testAuditSetup({ sinks: [connector.checkpoints()] }),
    onSync: (stats) => syncs.push(stats),
  });
  const app = appNames(config.app.scope);
  const fields = loadMappings().byTable.get('incident')!.ai;
  const agents = createAgents(sandbox.url, app, fields);
  const remote = await forkAgents({ sandboxUrl: sandbox.url, scope: config.app.scope, fields });
  // The app's doorbell properties, as an admin sets them on an instance.
  const rung = await agents.send('PUT', '/sandbox/control/doorbell', { url: worker.doorbellUrl, token });
  if (rung.status !== 200) throw new Error(`setting the sandbox's doorbell answered ${rung.status}`);

  return {
    settings,
    worker,
    calls,
    attempts: () => attempts,
    httpCalls: () => httpCalls,
    app,
    fields,
    syncs,
    redisUrl: redis.url,
    candidates: () => agents.candidates(),
    request: (candidate) => (process.env.HANDOFF_BENCH_AGENTS_INPROCESS === '1' ? agents.request(candidate) : remote.call({ kind: 'request', candidate })),
    review: (user, candidate, handoff, decision) => remote.call({ kind: 'review', user, candidate, handoff, decision }),
    writes: (after) => agents.writes(after),
    lastSeq: () => agents.lastSeq(),
    countWithStatus: (status) => probe.scard(`${prefix}:handoffs:status:${status}`),
    cpu() {
      const own = process.cpuUsage();
      return { worker: (own.user + own.system) / 1000, sandbox: processCpuMs(sandbox.pid), redis: processCpuMs(redisPid) };
    },
    async redisCommands() {
      const out: Record<string, number> = {};
      for (const m of (await probe.info('commandstats')).matchAll(/^cmdstat_([^:]+):calls=(\d+)/gm)) out[m[1]!] = Number(m[2]);
      return out;
    },
    async close() {
      remote.close();
      await worker.close(10_000);
      connector.close();
      probe.disconnect();
      await sandbox.stop();
      await redis.stop();
    },
  };
}
