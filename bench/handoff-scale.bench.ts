/**
 * `npm run bench -- handoff-scale`: the hand-off on one, two and three
 * `ai-handoff worker` processes sharing one Redis and one instance (issue 13,
 * "Scale beyond one process"). Each round starts its processes on a fresh key
 * prefix, waits until every one of them runs jobs, sends a batch of request
 * rows as agents, and counts, from BullMQ's completed write-back jobs (each
 * records the process that finished it), the hand-offs each process wrote.
 * In the last round one process is SIGKILLed mid-batch: its rows and jobs are
 * taken over (row leases, BullMQ's stalled-job check), and the round still
 * checks every ticket got exactly one note and none was lost.
 *
 * The processes share the 2 cores with the sandbox and Redis, so the total
 * cannot grow with processes here; the figure that carries to a deployment
 * is hand-offs per worker CPU-second, and that the work is shared without a
 * duplicate or a loss.
 */
import { randomBytes } from 'node:crypto';
import { loadavg } from 'node:os';
import { Queue } from 'bullmq';
import { spawnSandbox } from '../connectors/servicenow/sandbox/index.js';
import { loadRuntimeConfig } from '../src/config/load-runtime-config.js';
import type { RuntimeConfig } from '../src/config/runtime-config.js';
import { appNames } from '../src/domain/app-names.js';
import { loadMappings } from '../src/mapping/load-mappings.js';
import { createRedis } from '../src/queue/redis-connection.js';
import { fromRoot } from '../src/util/paths.js';
import { startRedisServer } from '../test/support/redis-server.js';
import { startWorkerProcess, type WorkerProcess } from '../test/support/worker-process.js';
import { createAgents, type Agents, type Candidate } from './handoff-agents.js';
import { atMost, info, type Bench, type BenchResult, type Figure } from './harness.js';
import { processCpuSeconds } from './process-cpu.js';

const num = (name: string, fallback: number): number => {
  const raw = process.env[name];
  const value = raw === undefined || raw.trim() === '' ? fallback : Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number, got '${raw}'`);
  return value;
};

const TICKETS = num('HANDOFF_SCALE_TICKETS', 12_000);
const BATCH = num('HANDOFF_SCALE_BATCH', 240);
const PROCESSES = [1, 2, 3];
const CLIENTS = 32;
const INTEGRATION = 'svc.aihandoff';

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
const load = (): string => loadavg().map((l) => l.toFixed(2)).join(' ');

/** CPU ms a worker process has used so far (NaN once it has exited). */
const processCpuMs = (pid: number | undefined): number => {
  const seconds = processCpuSeconds(pid);
  return seconds < 0 ? Number.NaN : seconds * 1000;
};

async function until<T>(what: string, check: () => Promise<T | undefined>, timeoutMs: number, everyMs = 250): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await sleep(everyMs);
  }
}

interface Round {
  readonly processes: number;
  readonly killed: boolean;
  readonly written: number;
  readonly spanMs: number;
  readonly perSecond: number;
  /** Write-backs finished per process (host:pid), and that per second of the batch. */
  readonly perProcess: readonly { readonly name: string; readonly written: number; readonly perSecond: number }[];
  /** Worker CPU per hand-off across the processes still alive at the end, in ms (NaN when one was killed: its CPU is gone). */
  readonly cpuPerHandoff: number;
  readonly duplicates: number;
  readonly lost: number;
}

async function runRound(options: { agents: Agents; redisUrl: string; sandboxUrl: string; config: RuntimeConfig; tickets: () => Promise<Candidate[]>; processes: number; kill: boolean }): Promise<Round> {
  const { agents } = options;
  const prefix = `bench-scale-${options.processes}-${randomBytes(3).toString('hex')}`;
  const workers: WorkerProcess[] = [];
  const redis = createRedis(options.redisUrl, 'store');
  const sync = new Queue('sync', { connection: redis, prefix: `${prefix}:q` });
  // Execute jobs write their note back themselves (a write-back job only when that write fails).
  const execute = new Queue('execute', { connection: redis, prefix: `${prefix}:q` });
  try {
    for (let i = 0; i < options.processes; i++) workers.push(startWorkerProcess({ instanceUrl: options.sandboxUrl, redisUrl: options.redisUrl, prefix, config: options.config, syncIntervalMs: options.config.worker.syncIntervalMs }));
    // Every process is up (each has finished a sync job: they share the schedule), and every table's first, full pass is over
    // (a later pass of it has completed), so the batch does not share the cores with a full resync.
    const tables = loadMappings().byTable.size;
    await until('every worker process running jobs', async () => {
      const done = await sync.getJobs(['completed'], 0, 500);
      const settled = new Set(done.filter((j) => (j.returnvalue as { fullResync?: boolean } | null)?.fullResync === false).map((j) => (j.data as { table: string }).table));
      return new Set(done.map((j) => j.processedBy)).size >= options.processes && settled.size >= tables ? true : undefined;
    }, 300_000, 1_000);
    const tickets = await options.tickets();
    const cpu0 = workers.map((w) => processCpuMs(w.child.pid));
    const seq = await agents.lastSeq();
    const started = Date.now();
    const queue = [...tickets];
    await Promise.all(Array.from({ length: CLIENTS }, async () => {
      for (let c = queue.shift(); c; c = queue.shift()) await agents.request(c);
    }));
    let killed = false;
    await until('the batch written', async () => {
      const done = await redis.scard(`${prefix}:handoffs:status:awaiting_review`);
      if (options.kill && !killed && done >= tickets.length / 3) {
        // Mid-batch, without a word: its leases lapse and its jobs stall, and the others take them over.
        workers[0]!.child.kill('SIGKILL');
        await workers[0]!.exited;
        killed = true;
      }
      return done >= tickets.length ? true : undefined;
    }, 300_000);
    const cpu1 = workers.map((w) => processCpuMs(w.child.pid));
    const jobs = await execute.getJobs(['completed'], 0, tickets.length * 2);
    const last = Math.max(...jobs.map((j) => j.finishedOn ?? 0));
    const spanMs = last - started;
    const counts = new Map<string, number>();
    for (const job of jobs) counts.set(job.processedBy ?? '?', (counts.get(job.processedBy ?? '?') ?? 0) + 1);
    // Notes by the integration user on the batch's tickets, from the instance's own write log.
    const ids = new Set(tickets.map((t) => t.sysId));
    const notes = new Map<string, number>();
    for (const e of await agents.writes(seq)) {
      if (e.applied && e.user === INTEGRATION && e.sysId !== null && ids.has(e.sysId) && e.changed.includes('work_notes')) notes.set(e.sysId, (notes.get(e.sysId) ?? 0) + 1);
    }
    const cpu = killed ? Number.NaN : cpu1.reduce((sum, c, i) => sum + c - cpu0[i]!, 0) / jobs.length;
    return {
      processes: options.processes,
      killed,
      written: jobs.length,
      spanMs,
      perSecond: jobs.length / (spanMs / 1000),
      perProcess: [...counts].map(([name, written]) => ({ name, written, perSecond: written / (spanMs / 1000) })),
      cpuPerHandoff: cpu,
      duplicates: [...notes.values()].filter((n) => n > 1).length,
      lost: tickets.filter((t) => !notes.has(t.sysId)).length,
    };
  } finally {
    await Promise.all(workers.map((w) => w.stop()));
    await sync.close();
    await execute.close();
    redis.disconnect();
  }
}

export const handoffScaleBench: Bench = {
  name: 'handoff-scale',
  async run(): Promise<BenchResult> {
    const loadBefore = load();
    const redis = await startRedisServer();
    const sandbox = await spawnSandbox({ tickets: TICKETS, control: true });
    try {
      const loaded = loadRuntimeConfig({ file: fromRoot('config', 'sandbox.yaml') }).config;
      // The shipped intervals, the intake polled often (no doorbell: the sandbox rings one URL), a dead process's jobs taken over in seconds.
      const config: RuntimeConfig = {
        ...loaded,
        worker: { ...loaded.worker, concurrency: { intake: 32, execute: 32, writeback: 32 }, intake: { ...loaded.worker.intake, pollMs: 250 }, lockDurationMs: 5_000, stuckAfterMs: 10_000 },
      };
      const agents = createAgents(sandbox.url, appNames(config.app.scope), loadMappings().byTable.get('incident')!.ai);
      const rounds: Round[] = [];
      let pool: Candidate[] = [];
      const next = async (): Promise<Candidate[]> => {
        // The first round's sync writes the panels the agents request on; later rounds take the next tickets.
        if (pool.length === 0) {
          const needed = BATCH * PROCESSES.length;
          pool = await until(`${needed} tickets offering the operation`, async () => {
            const found = await agents.candidates();
            return found.length >= needed ? found : undefined;
          }, 600_000, 3_000);
        }
        return pool.splice(0, BATCH);
      };
      for (const processes of PROCESSES) {
        rounds.push(await runRound({ agents, redisUrl: redis.url, sandboxUrl: sandbox.url, config, tickets: next, processes, kill: processes === PROCESSES[PROCESSES.length - 1] }));
      }
      const figures: Figure[] = [];
      for (const r of rounds) {
        const label = `${r.processes} process${r.processes > 1 ? 'es' : ''}${r.killed ? ', one SIGKILLed mid-batch' : ''}`;
        figures.push(info(`hand-offs per second, ${label}`, Number(r.perSecond.toFixed(1)), 'hand-offs/s'));
        if (!r.killed) figures.push(info(`hand-offs per worker CPU-second, ${label}`, Math.round(1000 / r.cpuPerHandoff), 'hand-offs'));
        figures.push(atMost(`tickets with more than one note, ${label}`, r.duplicates, 'tickets', 0));
        figures.push(atMost(`hand-offs lost (a ticket without its note), ${label}`, r.lost, 'tickets', 0));
      }
      return {
        bench: 'handoff-scale',
        figures,
        notes: [
          `${TICKETS.toLocaleString('en-US')} generated tickets; batches of ${BATCH} request rows by ${CLIENTS} agents at once; worker concurrency 32 per queue per process, intake poll 250 ms, sync every ${config.worker.syncIntervalMs} ms, lock 5 s`,
          ...rounds.map((r) => `${r.processes} process(es)${r.killed ? ' (one SIGKILLed after a third of the batch)' : ''}: ${r.written} written in ${Math.round(r.spanMs)} ms; per process: ${r.perProcess.map((p) => `${p.name} ${p.written} (${p.perSecond.toFixed(1)}/s)`).join(', ')}; worker CPU per hand-off ${Number.isNaN(r.cpuPerHandoff) ? 'n/a (a process was killed)' : `${r.cpuPerHandoff.toFixed(1)} ms`}`),
          'the processes share the 2 cores with the sandbox and redis-server: more processes cannot add CPU here; they show the work is shared, and survive a kill, without a duplicate or a loss',
          `load average before ${loadBefore}, after ${load()} (2 shared cores)`,
        ],
      };
    } finally {
      await sandbox.stop();
      await redis.stop();
    }
  },
};
