/**
 * Operations for one worker process: health, readiness, metrics, the
 * watchdog and the HTTP endpoints, wired to the running worker through three
 * hooks only, so the flow's files stay free of counters:
 * - `observeInstanceCall`: the connector transport's observer of every HTTP attempt;
 * - `hooks.onAudit`: every audit event this process appends;
 * - `hooks.onSync`: every completed sync pass.
 * Created before the worker (the hooks go into its wiring), attached after it.
 */
import { once } from 'node:events';
import type { Queue } from 'bullmq';
import { createBudget, createRedisUsageStore } from '../ai/index.js';
import type { RuntimeConfig } from '../config/runtime-config.js';
import type { HandoffError } from '../errors.js';
import type { AuditEvent } from '../handoff/audit-event.js';
import type { Connector } from '../connector/connector.js';
import { HANDOFF_STATUSES, type HandoffStatus } from '../domain/handoff.js';
import type { AuditLedger } from '../handoff/audit-ledger.js';
import { createHandoffStore, type HandoffStore } from '../handoff/handoff-store.js';
import type { PanelPolicy } from '../handoff/ports.js';
import { buildDashboard } from '../handoff/report.js';
import { loadMappings, type MappingSet } from '../mapping/load-mappings.js';
import { loadPolicy } from '../policy/index.js';
import { createHealthState, type HealthState } from '../queue/health-state.js';
import type { ReloadState } from '../queue/reload-state.js';
import { createRedis } from '../queue/redis-connection.js';
import { describeRedisTarget, isSentinelUrl } from '../queue/redis-target.js';
import type { Logger } from '../util/log.js';
import { createDashboardData } from './dashboard-data.js';
import { renderDashboardPage } from './dashboard-page.js';
import { factsOf } from './event-facts.js';
import { tracingFromEnv, type HandoffTracing } from './handoff-traces.js';
import { createHealth, type Health } from './health.js';
import type { HttpListen } from './http-listen.js';
import { startOpsServer, type OpsServer } from './http-server.js';
import { createMetrics, type GaugeSources, type Metrics } from './metrics.js';
import { createTally, redisEventReader } from './ledger-tally.js';
import { withDeadline } from './preflight.js';
import { readiness, type Readiness } from './readiness.js';
import { createReplicationBarrier, withReplicationBarrier } from './replication-barrier.js';
import { createSyncTimes } from './sync-times.js';
import { startWatchdog, type Watchdog } from './watchdog.js';

export interface OpsRuntimeOptions {
  readonly config: RuntimeConfig;
  readonly redisUrl: string;
  readonly prefix: string;
  /** The instance's id (host[:port]), as the connector keys it. */
  readonly instanceId: string;
  /** The synced tables; default config.worker.tables, else every mapped table. */
  readonly tables?: readonly string[];
  /** Where to serve the endpoints; null for none (metrics and the watchdog still run). */
  readonly http: HttpListen | null;
  readonly log: Logger;
  readonly now?: () => number;
  /** Traces per hand-off; default from the environment (OTEL_EXPORTER_OTLP_ENDPOINT), null for none. */
  readonly tracing?: HandoffTracing | null;
}

/** What the transport tells of each HTTP attempt (connectors/servicenow/http-transport.ts ObservedAttempt). */
export interface ObservedCall {
  readonly context: { readonly operation: string };
  readonly status: number;
  readonly attempt?: number;
}

/** The parts of a running worker ops reads. */
export interface AttachedWorker {
  readonly queues: Readonly<Record<string, Queue>>;
  /** The worker's policy port: the dashboard classifies active work with it, as `report` does. */
  readonly policy: PanelPolicy;
  /** The instance, for the dashboard's classification of active work. */
  readonly connector: Connector;
  /** One cheap authenticated call to the instance (the integration user's record). */
  probe(): Promise<unknown>;
  /** The worker's record of Redis (its Redis monitor's): readiness, /metrics and the give-up bound read it. */
  readonly health: Pick<HealthState, 'snapshot'>;
  /** The worker's ledger: a hand-off's earlier events, for its spans' start times (read only). */
  readonly ledger?: Pick<AuditLedger, 'forHandoff'>;
  /** What configuration the worker runs and how its last reload went (src/queue/reload-state.ts). */
  readonly reloads?: Pick<ReloadState, 'snapshot'>;
  /** The worker's mappings (they follow its reloads): the tables readiness and the dashboard cover. */
  readonly mappings?: MappingSet;
}

export interface OpsRuntime {
  readonly metrics: Metrics;
  readonly health: Health;
  /** Pass to the connector as its transport's `observe`. */
  readonly observeInstanceCall: (call: ObservedCall) => void;
  readonly hooks: { readonly onAudit: (event: AuditEvent) => void; readonly onSync: (stats: { readonly table: string }) => void };
  /** The connector with the replication barrier before each write when Redis is behind Sentinel (ops.replicaWait); else as it is. */
  guardWrites<C extends Connector>(connector: C): C;
  /** Starts the watchdog and the endpoints for a started worker. */
  attach(worker: AttachedWorker): Promise<void>;
  /** Where the endpoints listen, once attached; null when off. */
  readonly url: string | null;
  /** Resolves when a dependency has failed for longer than ops.giveUpAfterMs. */
  readonly gaveUp: Promise<HandoffError>;
  readiness(): Promise<Readiness>;
  close(): Promise<void>;
}

/** Hand-off statuses that are not final, as /metrics reports them. */
const OPEN_STATUSES = ['queued', 'running', 'awaiting_review'] as const;
const JOB_STATES = ['waiting', 'prioritized', 'active', 'delayed', 'failed'] as const;
/** Longest a scrape waits for the queue counts, in ms (as the ops connection's command timeout). */
const QUEUE_READ_MS = 2_000;

export function createOpsRuntime(options: OpsRuntimeOptions): OpsRuntime {
  const { config, log, prefix } = options;
  const now = options.now ?? Date.now;
  // Fails fast while Redis is away (no offline queue), bounded per command: health checks must not wait on it.
  const redis = createRedis(options.redisUrl, 'producer', { commandTimeout: 2_000, connectionName: 'ai-handoff-ops' });
  const store: HandoffStore = createHandoffStore({ redis, prefix });
  const budget = createBudget({ store: createRedisUsageStore(redis, { prefix }), config: config.ai });
  const syncTimes = createSyncTimes(redis, prefix, options.instanceId, now);
  // Redis as the worker's monitor records it (the one record of it), once attached; unknown until then.
  let redisHealth: Pick<HealthState, 'snapshot'> = createHealthState();
  const health = createHealth(() => redisHealth.snapshot().redis, now);
  const tracing = options.tracing === undefined ? tracingFromEnv(process.env) : options.tracing;
  // Read only, once attached: the hand-off's earlier events, for its spans' start times.
  let history: Pick<AuditLedger, 'forHandoff'> | null = null;
  // The worker's mappings once attached (they follow its reloads), the config's until then.
  let mappings: MappingSet = loadMappings(config.paths.mappings);
  const tables = (): readonly string[] => options.tables ?? config.worker.tables ?? [...mappings.byTable.keys()];
  const catalog = loadPolicy(config.paths.policy).operations;
  let queues: Readonly<Record<string, Queue>> = {};
  let reloads: Pick<ReloadState, 'snapshot'> | undefined;
  let server: OpsServer | null = null;
  let watchdog: Watchdog | null = null;
  const closers: (() => void)[] = [];
  let giveUp: (error: HandoffError) => void = () => undefined;
  const gaveUp = new Promise<HandoffError>((resolve) => (giveUp = resolve));

  const currentReadiness = async (): Promise<Readiness> => {
    const lags = await syncTimes.lags(tables()).catch(() => undefined);
    return readiness(health.snapshot(), lags, config.ops.readiness, now(), reloads?.snapshot());
  };

  const sources: GaugeSources = {
    syncLags: () => syncTimes.lags(tables()),
    async queueJobs() {
      // The queues' connection waits for Redis (it must, for the jobs): a scrape must not. Left out while Redis is away.
      if (health.snapshot().redis.state === 'unreachable') throw new Error('Redis is unreachable');
      const counts = Promise.all(Object.entries(queues).map(async ([name, queue]) => [name, await queue.getJobCounts(...JOB_STATES)] as const));
      return Object.fromEntries(await withDeadline(counts, QUEUE_READ_MS, () => new Error(`the queue counts took longer than ${QUEUE_READ_MS} ms`)));
    },
    async budgets() {
      return (await budget.statuses()).map((s) => ({ group: s.group, share: s.share }));
    },
    async openHandoffs() {
      return Promise.all(
        OPEN_STATUSES.map(async (status) => {
          const ids = await store.idsWithStatus(status);
          // The oldest only where the set is small by nature (queued, running); drafts awaiting review may be many.
          if (status === 'awaiting_review' || ids.length === 0) return { status, count: ids.length, oldestSeconds: null };
          const moved = (await Promise.all(ids.slice(0, 500).map((id) => store.get(id)))).flatMap((h) => (h ? [Date.parse(h.updatedAt)] : []));
          return { status, count: ids.length, oldestSeconds: moved.length === 0 ? null : Math.max(0, (now() - Math.min(...moved)) / 1000) };
        }),
      );
    },
    readiness: currentReadiness,
    health: () => health.snapshot(),
    config: () => reloads?.snapshot() ?? null,
  };
  const metrics = createMetrics({ operations: catalog.map((op) => op.id), sources });

  /** Counts an event, with the durations its hand-off's record gives (pickup to note, note to review). */
  const countAudit = async (event: AuditEvent): Promise<void> => {
    const facts = factsOf(event);
    let durations: { requestToNote?: number | undefined; review?: number | undefined } = {};
    if (facts.handoff !== null && (facts.step === 'written' || facts.step === 'shadowed' || facts.decision !== null)) {
      const handoff = await store.get(facts.handoff).catch(() => null);
      const seconds = (from: string | null | undefined): number | undefined => (from ? Math.max(0, (facts.at - Date.parse(from)) / 1000) : undefined);
      if (handoff) durations = facts.decision !== null ? { review: seconds(handoff.writtenAt) } : { requestToNote: seconds(handoff.createdAt) };
    }
    metrics.countEvent(facts, durations);
  };

  return {
    metrics,
    health,
    observeInstanceCall: (call) => {
      health.instanceAttempt(call.status, call.context.operation);
      metrics.countInstanceCall({ kind: call.context.operation, status: call.status, attempt: call.attempt ?? 1 });
    },
    guardWrites(connector) {
      if (!isSentinelUrl(options.redisUrl) || config.ops.replicaWait.replicas === 0) return connector;
      // A connection of its own: WAIT blocks it for up to timeoutMs, which must not hold up the health checks.
      const barrierRedis = createRedis(options.redisUrl, 'store', { commandTimeout: config.ops.replicaWait.timeoutMs + 5_000, connectionName: 'ai-handoff-barrier' });
      closers.push(() => barrierRedis.disconnect());
      const barrier = createReplicationBarrier({ redis: barrierRedis, prefix, ...config.ops.replicaWait, log, onOutcome: (o) => metrics.countReplicaWait(o), now });
      return withReplicationBarrier(connector, barrier);
    },
    hooks: {
      onAudit: (event) => {
        void countAudit(event).catch((error: unknown) => log.debug('audit event not counted', { error }));
        const events = history;
        if (events !== null) void tracing?.onEvent(event, (id) => events.forHandoff(id)).catch((error: unknown) => log.debug('audit event not traced', { error }));
      },
      onSync: (stats) => void syncTimes.completed(stats.table).catch(() => undefined),
    },
    async attach(worker) {
      queues = worker.queues;
      history = worker.ledger ?? null;
      redisHealth = worker.health;
      reloads = worker.reloads;
      if (worker.mappings) mappings = worker.mappings;
      if (redis.status !== 'ready') await Promise.race([once(redis, 'ready'), new Promise((r) => setTimeout(r, 5_000).unref())]);
      watchdog = startWatchdog({
        health,
        redisWhere: describeRedisTarget(options.redisUrl),
        instanceWhere: options.instanceId,
        probe: () => worker.probe(),
        ops: config.ops,
        onGiveUp: (error) => {
          log.error('giving up', { code: error.code, error: error.message });
          giveUp(error);
        },
        now,
      });
      if (options.http === null) return;
      const dashboard = createDashboardData({
        classify: () => buildDashboard(worker.connector, mappings, worker.policy, store),
        tally: createTally(redisEventReader(redis, prefix)),
        async handoffs() {
          const counts = await Promise.all(HANDOFF_STATUSES.map(async (status) => [status, (await store.idsWithStatus(status)).length] as const));
          return Object.fromEntries(counts) as Record<HandoffStatus, number>;
        },
        budgets: () => budget.statuses(),
        queueJobs: () => sources.queueJobs(),
        syncLags: () => sources.syncLags(),
        readiness: currentReadiness,
        titles: new Map(catalog.map((op) => [op.id, op.title])),
        classifyEveryMs: config.ops.dashboard.classifyEveryMs,
        refreshSeconds: config.ops.dashboard.refreshSeconds,
        now,
      });
      server = await startOpsServer(
        options.http,
        {
          async readiness() {
            const r = await currentReadiness();
            return { ready: r.ready, body: r };
          },
          async metrics() {
            return { contentType: metrics.registry.contentType, body: await metrics.registry.metrics() };
          },
          dashboardPage: async () => renderDashboardPage(await dashboard.view()),
          dashboardJson: () => dashboard.view(),
        },
        log,
      );
    },
    get url() {
      return server?.url ?? null;
    },
    gaveUp,
    readiness: currentReadiness,
    async close() {
      watchdog?.stop();
      await server?.close();
      await tracing?.shutdown().catch(() => undefined);
      redis.disconnect();
      for (const close of closers) close();
    },
  };
}
