/**
 * The worker process's engine: the intake (polling the app's request and
 * review tables, and the doorbell), and BullMQ queues and workers for sync,
 * execute, write-back and maintenance on one Redis, wired to the hand-off
 * flow. Many processes may run it against one instance: BullMQ spreads the
 * jobs, job schedulers keep one sync schedule per instance and table, a
 * lease keeps one sync pass running per instance and table at a time, and
 * the intake takes each row under a lease of its own.
 */
import { once } from 'node:events';
import { hostname } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { Queue, Worker, type Job, type Processor } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Connector } from '../connector/connector.js';
import type { AppNames } from '../domain/app-names.js';
import { describeCause, isHandoffError } from '../errors.js';
import type { AuditLedger } from '../handoff/audit-ledger.js';
import { openAuditLedger, type AuditSetup } from '../handoff/audit-setup.js';
import { createAuditUpkeep } from '../handoff/audit-upkeep.js';
import type { AuditEvent } from '../handoff/audit-event.js';
import { executeHandoff, fail } from '../handoff/execute.js';
import { expireOverdue } from '../handoff/expiry.js';
import type { FaultPoint, FlowDeps, FlowSettings } from '../handoff/flow-deps.js';
import { createHandoffStore, type HandoffStore } from '../handoff/handoff-store.js';
import { createIntake, type Intake } from '../handoff/intake.js';
import { createNoticeStore } from '../handoff/notices.js';
import { observeAppends } from '../handoff/observed-ledger.js';
import { createPanelWriter } from '../handoff/panel-writer.js';
import { createPeople } from '../handoff/people.js';
import { writeOwedPanels } from '../handoff/refusal.js';
import type { Executor, NoteRenderer, PanelPolicy } from '../handoff/ports.js';
import { createRedisWatermarks, createSeenVersions, syncTable, type SyncStats } from '../handoff/sync.js';
import { createTicketCache } from '../handoff/ticket-cache.js';
import { writeBack } from '../handoff/write-back.js';
import { mappingFor, type MappingSet } from '../mapping/load-mappings.js';
import type { Logger } from '../util/log.js';
import { HANDOFF_BACKOFF, backoffStrategy, mapJobErrors } from './job-errors.js';
import { acquireLease } from './lease.js';
import { startDoorbell, type DoorbellListener } from './doorbell.js';
import { JOB_OPTIONS, QUEUE_NAMES, executeJobId, writebackJobId, type HandoffJob, type QueueName, type SyncJob } from './queues.js';
import { createHealthState, type HealthState } from './health-state.js';
import { createRedis } from './redis-connection.js';
import { startRedisMonitor } from './redis-monitor.js';
import { assertRedisSafe, type RedisSafetyOptions } from './redis-safety.js';
import { describeRedisTarget } from './redis-target.js';

export interface WorkerRuntimeOptions {
  readonly redisUrl: string;
  /** Key prefix for everything this product keeps in Redis. */
  readonly prefix: string;
  readonly mappings: MappingSet;
  /** Tables to sync; default every mapped table. */
  readonly tables?: readonly string[];
  readonly connector: Connector;
  readonly policy: PanelPolicy;
  readonly executor: Executor;
  readonly notes: NoteRenderer;
  readonly settings: FlowSettings;
  /** The installed app's names (its roles, tables and API). */
  readonly app: AppNames;
  /** Time between sync passes per table, in ms. */
  readonly syncIntervalMs: number;
  /** The intake: poll interval and bound, in ms (worker.intake). */
  readonly intake: { readonly pollMs: number; readonly boundMs: number };
  /** How long users' roles and group members are cached, in ms (worker.userCacheMs). */
  readonly userCacheMs: number;
  /** How long the ticket read at pickup serves execute and write-back, in ms (worker.ticketFreshMs). */
  readonly ticketFreshMs: number;
  /** Listen for the app's doorbell here (AI_HANDOFF_DOORBELL); default none: the poll alone notices rows. */
  readonly doorbell?: { readonly host: string; readonly port: number; readonly token?: string };
  /** Jobs processed at once per queue in this process (intake: rows taken at once). */
  readonly concurrency?: Partial<Record<'intake' | 'execute' | 'writeback', number>>;
  readonly redisSafety?: RedisSafetyOptions;
  /** How often Redis's eviction policy and persistence are checked again while running, in ms. Default 30000. */
  readonly redisRecheckMs?: number;
  /** How often Redis is PINGed while running, in ms (unreachable or not). Default 5000. */
  readonly redisCheckMs?: number;
  readonly log: Logger;
  readonly now?: () => Date;
  readonly fault?: (point: FaultPoint) => void | Promise<void>;
  /** BullMQ lock duration, in ms; a dead worker's job is taken over after about this long. Default 30000. */
  readonly lockDurationMs?: number;
  /** How often the maintenance sweep runs (expiry, stuck hand-offs), in ms. Default 15000. */
  readonly maintenanceEveryMs?: number;
  /** Re-enqueue hand-offs that have not moved for this long, in ms. Default 60000. */
  readonly stuckAfterMs?: number;
  /** Called after each sync pass (tests and metrics). */
  readonly onSync?: (stats: SyncStats) => void;
  /** Called after each page of a sync pass, with the pass's figures so far (progress on a terminal). */
  readonly onSyncPage?: (stats: SyncStats) => void;
  /** The audit ledger's key, folder and checkpoint sinks (src/handoff/audit-setup.ts). */
  readonly audit: AuditSetup;
  /** How the ledger is checkpointed and rotated (runtime config `audit`); defaults as there. */
  readonly auditUpkeep?: { readonly checkpointEveryMs: number; readonly hotMs: number; readonly segmentMaxEvents: number };
  /** Called with every audit event this process appends (metrics: src/ops). */
  readonly onAudit?: (event: AuditEvent) => void;
}

export interface RunningWorker {
  /** Ready or not, and why: Redis safe, unsafe or unreachable (the one record of it; /readyz and /metrics read it). */
  readonly health: HealthState;
  readonly store: HandoffStore;
  readonly ledger: AuditLedger;
  readonly queues: Readonly<Record<QueueName, Queue>>;
  readonly intake: Intake;
  /** Where the app should ring (docs/contract.md, "The doorbell"), when the doorbell is on. */
  readonly doorbellUrl: string | undefined;
  /** Runs one sync pass of a table now (tests, `ai-handoff worker --once`). */
  syncNow(table: string): Promise<SyncStats | undefined>;
  /** Syncs exactly these tables from now on (a reload that adds or removes a mapping). */
  syncTables(tables: readonly string[]): Promise<void>;
  /** Stops taking jobs, waits for running ones up to `deadlineMs`, closes connections. */
  close(deadlineMs?: number): Promise<void>;
}

/** How long a sync pass may hold its lease before renewing, in ms. */
const SYNC_LEASE_MS = 30_000;

export async function startWorkerRuntime(options: WorkerRuntimeOptions): Promise<RunningWorker> {
  const { prefix, mappings, connector, log } = options;
  const now = options.now ?? (() => new Date());
  const redis = createRedis(options.redisUrl, 'store');
  await assertRedisSafe(redis, options.redisSafety);
  const workerRedis = createRedis(options.redisUrl, 'worker');
  // The flow's own keys (hand-offs, ledger, notices, leases, watermarks) on a
  // connection of their own with ioredis auto-pipelining: the commands that
  // concurrent jobs issue in one event-loop turn go out in one write. BullMQ
  // keeps plain connections (its maintainers have not vouched for
  // auto-pipelining: github.com/taskforcesh/bullmq/issues/457). Measured in
  // docs/performance.md: about a third less Redis CPU per hand-off.
  const flowRedis = createRedis(options.redisUrl, 'store', { enableAutoPipelining: true });
  const bullPrefix = `${prefix}:q`;

  const queueOf = (name: QueueName): Queue => {
    const queue = new Queue(name, { connection: redis, prefix: bullPrefix });
    // Without a listener BullMQ prints every lost connection; the worker logs them once each.
    queue.on('error', (error) => log.warn('queue connection error', { queue: name, error: describeCause(error) }));
    return queue;
  };
  const queues = {
    sync: queueOf(QUEUE_NAMES.sync),
    execute: queueOf(QUEUE_NAMES.execute),
    writeback: queueOf(QUEUE_NAMES.writeback),
    maintenance: queueOf(QUEUE_NAMES.maintenance),
  };

  const store = createHandoffStore({ redis: flowRedis, prefix, now });
  const ledger = observeAppends(openAuditLedger(flowRedis, prefix, options.audit, now), options.onAudit);
  const upkeep = createAuditUpkeep({ ledger, checkpointEveryMs: 300_000, hotMs: 30 * 86_400_000, segmentMaxEvents: 10_000, ...options.auditUpkeep, now, log });
  const notices = createNoticeStore(flowRedis, prefix);
  const seen = createSeenVersions();
  const panels = createPanelWriter({ connector, store, notices, policy: options.policy, redis: flowRedis, prefix, seen });
  const deps: FlowDeps = {
    connector,
    app: options.app,
    people: createPeople({ connector, ttlMs: options.userCacheMs, now: () => now().getTime() }),
    tickets: createTicketCache(options.ticketFreshMs, () => now().getTime()),
    store,
    ledger,
    notices,
    panels,
    policy: options.policy,
    executor: options.executor,
    notes: options.notes,
    queues: {
      execute: async (h) => {
        await queues.execute.add('execute', { table: h.ticket.table, handoffId: h.id } satisfies HandoffJob, { ...JOB_OPTIONS.execute, jobId: executeJobId(h.id) });
      },
      writeback: async (h) => {
        await queues.writeback.add('writeback', { table: h.ticket.table, handoffId: h.id } satisfies HandoffJob, { ...JOB_OPTIONS.writeback, jobId: writebackJobId(h.id) });
      },
    },
    redis: flowRedis,
    prefix,
    settings: options.settings,
    now,
    log,
    fault: options.fault ?? (() => undefined),
  };

  const watermarks = createRedisWatermarks(flowRedis, prefix);
  const runSync = async (table: string): Promise<SyncStats | undefined> => {
    const mapping = mappingFor(mappings, table);
    const lease = await acquireLease(redis, `${prefix}:lease:sync:${connector.instanceId}:${table}`, SYNC_LEASE_MS);
    if (!lease) return undefined;
    const renew = setInterval(() => void lease.extend(SYNC_LEASE_MS), SYNC_LEASE_MS / 3);
    try {
      const stats = await syncTable({ connector, policy: options.policy, panels, watermarks, seen, log, ...(options.onSyncPage ? { onPage: options.onSyncPage } : {}) }, mapping);
      options.onSync?.(stats);
      if (stats.panelsWritten > 0) log.info('sync pass', { ...stats });
      return stats;
    } finally {
      clearInterval(renew);
      await lease.release();
    }
  };

  const isFinal = (job: Job, error: unknown): boolean => !(isHandoffError(error) && error.retryable) || job.attemptsMade + 1 >= (job.opts.attempts ?? 1);

  /** When a hand-off's job gives up for good, the hand-off fails visibly instead of hanging. */
  const failHandoffOnFinal = async (job: Job<HandoffJob>, error: unknown): Promise<void> => {
    if (!isFinal(job, error)) return;
    const handoff = await store.get(job.data.handoffId);
    if (!handoff || (handoff.status !== 'queued' && handoff.status !== 'running')) return;
    const code = isHandoffError(error) ? error.code : 'INTERNAL';
    await fail(deps, mappingFor(mappings, job.data.table), handoff, code, `The hand-off could not be completed: ${describeCause(error)}`).catch((e: unknown) => log.error('could not mark hand-off failed', { handoff: handoff.id, error: e }));
  };

  const processors: Record<QueueName, Processor> = {
    sync: async (job: Job<SyncJob>) => runSync(job.data.table),
    execute: async (job: Job<HandoffJob>) => {
      try {
        return await executeHandoff(deps, mappingFor(mappings, job.data.table), job.data.handoffId);
      } catch (error) {
        await failHandoffOnFinal(job, error);
        throw error;
      }
    },
    writeback: async (job: Job<HandoffJob>) => {
      try {
        return await writeBack(deps, mappingFor(mappings, job.data.table), job.data.handoffId);
      } catch (error) {
        await failHandoffOnFinal(job, error);
        throw error;
      }
    },
    maintenance: async () => {
      const expired = await expireOverdue(deps, mappings);
      const requeued = await requeueStuck();
      const panels = await writeOwedPanels(deps, mappings);
      const audit = await upkeep.tick();
      return { expired, requeued, panels, audit };
    },
  };

  /** Re-adds the job of a hand-off recorded but not progressing (Redis lost its job after an OS crash, or a worker died between steps). */
  const requeueStuck = async (): Promise<number> => {
    let requeued = 0;
    const cutoff = now().getTime() - (options.stuckAfterMs ?? 60_000);
    for (const status of ['queued', 'running'] as const) {
      for (const id of await store.idsWithStatus(status)) {
        const h = await store.get(id);
        if (!h || Date.parse(h.updatedAt) > cutoff) continue;
        const toWrite = h.output !== null;
        const queue = toWrite ? queues.writeback : queues.execute;
        const jobId = toWrite ? writebackJobId(id) : executeJobId(id);
        const job = await queue.getJob(jobId);
        const state = job ? await job.getState() : 'missing';
        if (state === 'failed' && job) {
          await job.retry();
          requeued++;
        } else if (state === 'missing' || state === 'completed' || state === 'unknown') {
          if (job) await job.remove();
          await (toWrite ? deps.queues.writeback(h) : deps.queues.execute(h));
          requeued++;
        }
      }
    }
    return requeued;
  };

  const concurrency = { intake: 4, execute: 8, writeback: 4, ...options.concurrency };
  // Each job records the process that finished it (BullMQ's processedBy): how several processes shared the work.
  const workerName = `${hostname()}:${process.pid}`;
  const workers = (Object.keys(processors) as QueueName[]).map((name) => {
    const worker = new Worker(name, mapJobErrors(processors[name]), {
      connection: workerRedis,
      prefix: bullPrefix,
      name: workerName,
      concurrency: name === 'execute' || name === 'writeback' ? concurrency[name] : 1,
      // BullMQ: a job whose lock is not renewed within lockDuration is stalled and
      // handed to another worker (docs.bullmq.io, "Stalled jobs"); the stalled
      // check runs at the same pace so a dead worker's job is taken over promptly.
      lockDuration: options.lockDurationMs ?? 30_000,
      stalledInterval: options.lockDurationMs ?? 30_000,
      maxStalledCount: 2,
      settings: { backoffStrategy: (attempts, type, err) => (type === HANDOFF_BACKOFF ? backoffStrategy(attempts, type, err) : 1_000) },
    });
    worker.on('failed', (job, error) => log.warn('job failed', { queue: name, job: job?.id, attempts: job?.attemptsMade, error: describeCause(error) }));
    worker.on('error', (error) => log.error('worker error', { queue: name, error: describeCause(error) }));
    return worker;
  });

  const schedulerOf = (table: string): string => `sync-${sanitize(connector.instanceId)}-${table}`;
  let scheduled: readonly string[] = [];
  /** One sync schedule per table: added for new tables, removed for tables no longer served (a reload's mappings). */
  const syncTables = async (tables: readonly string[]): Promise<void> => {
    for (const table of tables) {
      mappingFor(mappings, table);
      await queues.sync.upsertJobScheduler(schedulerOf(table), { every: options.syncIntervalMs }, { name: 'sync', data: { table } satisfies SyncJob, opts: JOB_OPTIONS.sync });
    }
    for (const table of scheduled.filter((t) => !tables.includes(t))) await queues.sync.removeJobScheduler(schedulerOf(table));
    scheduled = [...tables];
  };
  await syncTables(options.tables ?? [...mappings.byTable.keys()]);
  const intake = createIntake({ deps, mappings, pollMs: options.intake.pollMs, boundMs: options.intake.boundMs, concurrency: concurrency.intake, instanceId: connector.instanceId });
  // Redis can go away or become unsafe (CONFIG SET) while running: watch it, and take no new work while it is unsafe.
  const health = createHealthState();
  health.setRedis('safe', now());
  // A connection of its own that fails fast (no offline queue, a short timeout): a check must see Redis gone, not wait for it.
  const healthRedis = createRedis(options.redisUrl, 'producer', { commandTimeout: 2_000, connectionName: 'ai-handoff-health' });
  // Connected before the first check: without an offline queue, a PING sent while connecting would read as Redis gone.
  if (healthRedis.status !== 'ready') await Promise.race([once(healthRedis, 'ready').catch(() => undefined), sleep(5_000, undefined, { ref: false })]);
  const monitor = startRedisMonitor({
    redis: healthRedis,
    options: options.redisSafety ?? {},
    pingEveryMs: options.redisCheckMs ?? 5_000,
    safetyEveryMs: options.redisRecheckMs ?? 30_000,
    where: describeRedisTarget(options.redisUrl),
    health,
    log,
    now,
    // pause() without doNotWaitActive also drops the blocking fetch in flight, so no job slips in; running jobs finish.
    onUnsafe: async () => {
      intake.pause();
      await Promise.all(workers.map((w) => w.pause()));
    },
    onSafe: async () => {
      await Promise.all(workers.map((w) => w.resume()));
      intake.resume();
    },
  });

  // Anchor the head as found at start: whatever happened to Redis while no worker ran is held against it from now on.
  await upkeep.tick({ force: true });
  await queues.maintenance.upsertJobScheduler('maintenance', { every: options.maintenanceEveryMs ?? 15_000 }, { name: 'maintenance', data: {}, opts: JOB_OPTIONS.maintenance });

  let doorbell: DoorbellListener | undefined;
  if (options.doorbell) {
    doorbell = await startDoorbell({ ...options.doorbell, onRing: () => intake.ring(), log });
    log.info('doorbell listening', { url: doorbell.url, token: options.doorbell.token === undefined ? 'none' : 'set' });
  }
  intake.start();

  return {
    health,
    store,
    ledger,
    queues,
    intake,
    doorbellUrl: doorbell?.url,
    syncNow: runSync,
    syncTables,
    async close(deadlineMs = 10_000) {
      monitor.stop();
      await doorbell?.close();
      await intake.close();
      healthRedis.disconnect();
      const closing = Promise.all(workers.map((w) => w.close()));
      const timedOut = await Promise.race([closing.then(() => false), new Promise<boolean>((r) => setTimeout(() => r(true), deadlineMs).unref())]);
      if (timedOut) {
        log.warn('shutdown deadline passed; forcing workers closed', { deadlineMs });
        await Promise.all(workers.map((w) => w.close(true)));
      }
      await Promise.all(Object.values(queues).map((q) => q.close()));
      await upkeep.tick({ force: true });
      await Promise.all([quit(redis), quit(workerRedis), quit(flowRedis)]);
    },
  };
}

function sanitize(id: string): string {
  return id.replace(/[^A-Za-z0-9._-]/g, '_');
}

async function quit(redis: Redis): Promise<void> {
  try {
    await redis.quit();
  } catch {
    redis.disconnect();
  }
}
