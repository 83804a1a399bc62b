/**
 * The worker's Prometheus metrics (GET /metrics, prom-client), in a registry
 * of their own (no module singleton). Counters follow what this process did:
 * audit events as it appends them (event-facts.ts) and instance calls as its
 * transport makes them; sum them over processes in queries. Gauges are read
 * at scrape time from Redis and the health state, so they show the whole
 * deployment's queues, lags and budgets (take max() over processes).
 * No label carries ticket text, user names or secrets: operations and
 * rejection kinds come from allow-lists, the rest from bounded sets.
 */
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { REJECTION_KINDS } from '../ai/guard/types.js';
import { boundedLabel } from './bounded-label.js';
import type { EventFacts } from './event-facts.js';
import { HANDOFF_STEPS } from './event-facts.js';
import type { ConfigSnapshot } from '../queue/reload-state.js';
import type { HealthSnapshot } from './health.js';
import type { Readiness, SyncLags } from './readiness.js';

/** What the gauges read at scrape time. Each may fail (Redis away): that gauge is then left out of the scrape. */
export interface GaugeSources {
  syncLags(): Promise<SyncLags>;
  /** Jobs per queue and state. */
  queueJobs(): Promise<Readonly<Record<string, Readonly<Record<string, number>>>>>;
  /** Share of each group's budget used this period (0..1+), for groups that spent anything. */
  budgets(): Promise<readonly { readonly group: string; readonly share: number }[]>;
  /** Hand-offs not finished, by status, with the age of the oldest (s) since it last moved. */
  openHandoffs(): Promise<readonly { readonly status: string; readonly count: number; readonly oldestSeconds: number | null }[]>;
  readiness(): Promise<Readiness>;
  health(): HealthSnapshot;
  /** What configuration the worker runs and how its last reload went; null before a worker is attached. */
  config?(): ConfigSnapshot | null;
}

export interface MetricsOptions {
  /** The policy's operation ids: the only values of the `operation` label. */
  readonly operations: readonly string[];
  readonly sources: GaugeSources;
}

export interface InstanceCall {
  /** The connector's call kind: list, get, patch, insert, write (the app API), token. */
  readonly kind: string;
  /** HTTP status; 0 when there was no answer. */
  readonly status: number;
  /** 1 for the first attempt of a call, 2 and up for retries. */
  readonly attempt: number;
}

export interface Metrics {
  readonly registry: Registry;
  /** One audit event this process appended. `durations` are filled in by the caller when it can (seconds). */
  countEvent(facts: EventFacts, durations?: { readonly requestToNote?: number | undefined; readonly review?: number | undefined }): void;
  countInstanceCall(call: InstanceCall): void;
  /** One replication barrier before an instance write (replication-barrier.ts). */
  countReplicaWait(outcome: 'acked' | 'short' | 'skipped'): void;
}

/** Statuses that get their own `code` value; others are counted by class (2xx, 4xx, 5xx). */
const KNOWN_STATUSES = new Set([200, 201, 202, 204, 400, 401, 403, 404, 409, 422, 429, 500, 502, 503, 504]);

export function statusCode(status: number): string {
  if (status === 0) return 'none';
  if (KNOWN_STATUSES.has(status)) return String(status);
  return `${Math.floor(status / 100)}xx`;
}

export function createMetrics(options: MetricsOptions): Metrics {
  const registry = new Registry();
  const registers = [registry];
  const { sources } = options;
  collectDefaultMetrics({ register: registry });
  // prom-client's three gauges named *_total fail `promtool check metrics` ("non-counter metrics should not have
  // _total suffix"); their per-type twins (nodejs_active_handles, nodejs_active_requests, nodejs_active_resources) stay.
  for (const name of ['nodejs_active_handles_total', 'nodejs_active_requests_total', 'nodejs_active_resources_total']) registry.removeSingleMetric(name);

  const operation = boundedLabel({ allowed: options.operations });
  const step = boundedLabel({ allowed: HANDOFF_STEPS });
  const refusal = boundedLabel({ pattern: /^[A-Z][A-Z0-9_]{1,63}$/, max: 60 });
  const rule = boundedLabel({ allowed: REJECTION_KINDS });
  const kind = boundedLabel({ pattern: /^[a-z][a-z_-]{0,31}$/, max: 20 });
  const group = boundedLabel({ pattern: /^[^\n]{1,80}$/, max: 200 });

  const handoffs = new Counter({ name: 'ai_handoff_handoffs_total', help: 'Hand-off steps recorded in the audit ledger by this process, by operation and status (the step reached).', labelNames: ['operation', 'status'], registers });
  const refusals = new Counter({ name: 'ai_handoff_refusals_total', help: 'Requests and reviews refused, by reason (the refusal code).', labelNames: ['reason'], registers });
  const guard = new Counter({ name: 'ai_handoff_guard_rejections_total', help: 'AI outputs the output guard rejected, by rule (rejection kind); nothing was written.', labelNames: ['rule'], registers });
  const calls = new Counter({ name: 'ai_handoff_instance_requests_total', help: 'HTTP attempts against the ServiceNow instance, by kind of call and status code (none: no answer).', labelNames: ['kind', 'code'], registers });
  const retries = new Counter({ name: 'ai_handoff_instance_retries_total', help: 'HTTP attempts against the instance that repeated a call (after a 429, 5xx, timeout or dropped connection).', registers });
  const tokens = new Counter({ name: 'ai_handoff_provider_tokens_total', help: 'Tokens the AI provider reported, by type (prompt, completion).', labelNames: ['type'], registers });
  const cost = new Counter({ name: 'ai_handoff_provider_cost_total', help: 'AI provider cost, in the currency of ai.prices.', registers });
  const replicaWaits = new Counter({ name: 'ai_handoff_redis_replica_waits_total', help: 'Waits for a Redis replica before an instance write (Sentinel), by outcome: acked, short (timed out), skipped (no replica connected).', labelNames: ['outcome'], registers });
  const requestToNote = new Histogram({
    name: 'ai_handoff_request_to_note_seconds',
    help: 'From the hand-off taken in (pickup) to its note written (or shadowed), in seconds.',
    buckets: [0.5, 1, 2, 5, 10, 20, 30, 60, 120, 300, 600, 1800],
    registers,
  });
  const review = new Histogram({
    name: 'ai_handoff_review_seconds',
    help: 'From the note written to the review decision, in seconds, by decision.',
    labelNames: ['decision'],
    buckets: [60, 300, 900, 1800, 3600, 7200, 14_400, 28_800, 86_400, 172_800, 259_200],
    registers,
  });

  const gauge = (name: string, help: string, labelNames: readonly string[], fill: (g: Gauge) => Promise<void>): void => {
    new Gauge({
      name,
      help,
      labelNames: [...labelNames],
      registers,
      async collect() {
        this.reset();
        try {
          await fill(this);
        } catch {
          // The source is unreachable (Redis away): the series are left out of this scrape, and readiness says why.
        }
      },
    });
  };
  gauge('ai_handoff_sync_lag_seconds', 'Seconds since the last completed sync pass of each table (any worker process).', ['table'], async (g) => {
    const lags = await sources.syncLags();
    const sinceStart = (Date.now() - sources.health().startedAt) / 1000;
    for (const [table, lag] of Object.entries(lags ?? {})) g.set({ table }, lag ?? sinceStart);
  });
  gauge('ai_handoff_queue_jobs', 'BullMQ jobs by queue and state.', ['queue', 'state'], async (g) => {
    for (const [queue, states] of Object.entries(await sources.queueJobs())) for (const [state, n] of Object.entries(states)) g.set({ queue, state }, n);
  });
  gauge('ai_handoff_budget_used_ratio', "Share of each group's AI budget used this period (1 = spent), for groups that spent anything.", ['group'], async (g) => {
    for (const b of await sources.budgets()) g.set({ group: group(b.group) }, b.share);
  });
  gauge('ai_handoff_handoffs_open', 'Hand-offs not finished, by status (queued, running, awaiting_review).', ['status'], async (g) => {
    for (const o of await sources.openHandoffs()) g.set({ status: o.status }, o.count);
  });
  gauge('ai_handoff_oldest_open_seconds', 'Age of the oldest unfinished hand-off in each status, since it last moved, in seconds.', ['status'], async (g) => {
    for (const o of await sources.openHandoffs()) if (o.oldestSeconds !== null) g.set({ status: o.status }, o.oldestSeconds);
  });
  gauge('ai_handoff_ready', '1 when /readyz answers 200: Redis reachable and safe, the instance answered recently, sync within its bound.', [], async (g) => {
    g.set((await sources.readiness()).ready ? 1 : 0);
  });
  gauge('ai_handoff_redis_up', '1 when Redis answered the last health check.', [], (g) => {
    const { state } = sources.health().redis;
    g.set(state === 'safe' || state === 'unsafe' ? 1 : 0);
    return Promise.resolve();
  });
  gauge('ai_handoff_redis_safe', '1 when Redis ran noeviction with persistence when last read.', [], (g) => {
    // The last read's verdict, kept while Redis does not answer (that is ai_handoff_redis_up's to tell).
    g.set(sources.health().redis.settingsSafe === false ? 0 : 1);
    return Promise.resolve();
  });
  gauge('ai_handoff_config_reload_ok', '1 unless the last reload of the config, policy and mappings was refused (the previous configuration keeps running).', [], (g) => {
    const config = sources.config?.() ?? null;
    if (config !== null) g.set(config.lastAttempt?.ok === false ? 0 : 1);
    return Promise.resolve();
  });
  gauge('ai_handoff_config_loaded_timestamp_seconds', 'When the running configuration was loaded (the start, or the last applied reload), in seconds since the epoch.', [], (g) => {
    const config = sources.config?.() ?? null;
    if (config !== null) g.set(Date.parse(config.loadedAt) / 1000);
    return Promise.resolve();
  });
  new Counter({
    name: 'ai_handoff_config_reloads_total',
    help: 'Reloads of the config, policy and mappings asked of this process, by outcome (applied, refused).',
    labelNames: ['outcome'],
    registers,
    collect() {
      const config = sources.config?.() ?? null;
      this.reset();
      if (config === null) return;
      this.inc({ outcome: 'applied' }, config.applied);
      this.inc({ outcome: 'refused' }, config.refused);
    },
  });
  gauge('ai_handoff_instance_up', '1 when the instance answered the last call with the credentials accepted.', [], (g) => {
    g.set(sources.health().instance.ok ? 1 : 0);
    return Promise.resolve();
  });

  return {
    registry,
    countEvent(facts, durations = {}) {
      if (facts.step !== null) handoffs.inc({ operation: operation(facts.operation), status: step(facts.step) });
      if (facts.refusal !== null) refusals.inc({ reason: refusal(facts.refusal) });
      if (facts.guardRejection !== null) guard.inc({ rule: rule(facts.guardRejection) });
      if (facts.tokens !== null) {
        tokens.inc({ type: 'prompt' }, facts.tokens.prompt);
        tokens.inc({ type: 'completion' }, facts.tokens.completion);
      }
      if (facts.cost !== null && facts.cost > 0) cost.inc(facts.cost);
      if (durations.requestToNote !== undefined) requestToNote.observe(durations.requestToNote);
      if (durations.review !== undefined && facts.decision !== null) review.observe({ decision: facts.decision }, durations.review);
    },
    countReplicaWait(outcome) {
      replicaWaits.inc({ outcome });
    },
    countInstanceCall(call) {
      calls.inc({ kind: kind(call.kind), code: statusCode(call.status) });
      if (call.attempt > 1) retries.inc();
    },
  };
}
