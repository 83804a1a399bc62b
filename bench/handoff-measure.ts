/**
 * The measurements of the hand-off benchmark. Times come from the sandbox's
 * write log (its clock, millisecond ISO times), so they are the instance's
 * view: when the agent's request row was created, when the worker took it,
 * when its note landed.
 *
 * - a batch: many tickets get a request at once; hand-offs per second from
 *   the first request row created to the last note written (with its status,
 *   awaiting review), and the worker's calls per hand-off by kind;
 * - reviews: each hand-off of a batch accepted by its requester; calls per
 *   review by kind;
 * - no-op BullMQ jobs on the same Redis, same count and concurrency;
 * - a steady rate: requests spread over time; per hand-off, the time from its
 *   row created to the row taken (pickup) and to its note written;
 * - idle: the worker's calls per minute with nothing to do.
 */
import { randomBytes } from 'node:crypto';
import { Queue, Worker } from 'bullmq';
import type { WriteLogEntry } from '../connectors/servicenow/sandbox/index.js';
import { JOB_OPTIONS } from '../src/queue/queues.js';
import { createRedis } from '../src/queue/redis-connection.js';
import { SOURCE_KINDS } from './handoff-trace.js';
import { AGENT, type Candidate, type CpuSample, type Rig } from './handoff-rig.js';

const INTEGRATION = 'svc.aihandoff';

/** Calls per item by connector method, and their sum without the source reads. */
export interface CallsPer {
  /** The connector's method calls (one HTTP call each but workNotes, which makes two when the ticket's journal has no rows). */
  readonly total: number;
  /**
   * Every call the worker made to the instance in the window (the transport's
   * attempts: retries, sync pulls and a second journal read included; each
   * item of a Batch API call counted, as each is a transaction there).
   */
  readonly all: number;
  /** The HTTP calls among them: a Batch API call counted once with its items. */
  readonly http: number;
  /** Besides the reads of the hand-off's sources (issue 13's count). */
  readonly besidesSources: number;
  readonly byKind: Readonly<Record<string, number>>;
}

export interface BatchResult {
  readonly requested: number;
  readonly written: number;
  readonly failed: number;
  /** First request row created to last note written, on the sandbox's clock. */
  readonly spanMs: number;
  readonly perSecond: number;
  /** CPU per hand-off in ms, by process. */
  readonly cpu: CpuSample;
  readonly calls: CallsPer;
  /** Tickets the sync passes read during the batch (the settle window reads recent changes again), per hand-off: pulled (keys and versions on an incremental pass) and read whole. */
  readonly syncPulled: number;
  readonly syncWhole: number;
  /** Tickets of the batch that got exactly one note from the integration user. */
  readonly noteOnce: number;
  /** The hand-offs made, by ticket (for the reviews). */
  readonly handoffs: ReadonlyMap<string, string>;
  /** Redis commands per hand-off (everything redis-server ran during the batch, the benchmark's own few polls included), by command. */
  readonly redis: { readonly total: number; readonly byCommand: Readonly<Record<string, number>> };
}

export interface LatencyResult {
  readonly requested: number;
  readonly measured: number;
  /** Request row created -> row taken (the worker's call setting it queued). */
  readonly pickup: { readonly p50: number; readonly p99: number; readonly max: number };
  /** Request row created -> note written. */
  readonly note: { readonly p50: number; readonly p99: number; readonly max: number };
  /** Requests actually sent per second. */
  readonly rate: number;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
const at = (e: WriteLogEntry): number => Date.parse(e.at);
const bodyField = (e: WriteLogEntry, field: string): string => {
  const v = e.body?.[field];
  return typeof v === 'string' ? v : '';
};

/** Nearest-rank percentile of `values` (0 < p <= 100). */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

async function until(done: () => Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await done()) return true;
    if (Date.now() > deadline) return false;
    await sleep(100);
  }
}

function callsPer(byKind: Readonly<Record<string, number>>, attempts: number, http: number, items: number): CallsPer {
  const n = Math.max(1, items);
  const kinds = Object.entries(byKind).filter(([, c]) => c > 0);
  const total = kinds.reduce((sum, [, c]) => sum + c, 0);
  const besides = kinds.filter(([k]) => !SOURCE_KINDS.includes(k)).reduce((sum, [, c]) => sum + c, 0);
  return { total: total / n, all: attempts / n, http: http / n, besidesSources: besides / n, byKind: Object.fromEntries(kinds.map(([k, c]) => [k, Number((c / n).toFixed(2))])) };
}

function redisPer(before: Readonly<Record<string, number>>, after: Readonly<Record<string, number>>, items: number): BatchResult['redis'] {
  const n = Math.max(1, items);
  const byCommand = Object.entries(after)
    .map(([command, calls]) => [command, (calls - (before[command] ?? 0)) / n] as const)
    .filter(([command, per]) => per >= 0.05 && command !== 'info')
    .sort((a, b) => b[1] - a[1]);
  return { total: byCommand.reduce((sum, [, per]) => sum + per, 0), byCommand: Object.fromEntries(byCommand.map(([c, per]) => [c, Number(per.toFixed(2))])) };
}

/** Sends every request at once through `clients` agents; answers the row sys_id per ticket. */
async function sendAll(rig: Rig, tickets: readonly Candidate[], clients: number): Promise<Map<string, string>> {
  const rows = new Map<string, string>();
  const queue = [...tickets];
  await Promise.all(Array.from({ length: clients }, async () => {
    for (let c = queue.shift(); c; c = queue.shift()) rows.set(c.sysId, await rig.request(c));
  }));
  return rows;
}

export async function runBatch(rig: Rig, batch: readonly Candidate[], options: { clients: number; timeoutMs: number }): Promise<BatchResult> {
  const seq = await rig.lastSeq();
  const written0 = await rig.countWithStatus('awaiting_review');
  const failed0 = await rig.countWithStatus('failed');
  rig.calls.reset();
  const attempts0 = rig.attempts();
  const http0 = rig.httpCalls();
  const redis0 = await rig.redisCommands();
  const cpu0 = rig.cpu();
  const syncs0 = rig.syncs.length;

  const rows = await sendAll(rig, batch, options.clients);
  const settled = async (): Promise<boolean> => (await rig.countWithStatus('awaiting_review')) - written0 + (await rig.countWithStatus('failed')) - failed0 >= batch.length;
  await until(settled, options.timeoutMs);

  const cpu1 = rig.cpu();
  const syncPulled = rig.syncs.slice(syncs0).reduce((sum, stats) => sum + stats.pulled, 0);
  const syncWhole = rig.syncs.slice(syncs0).reduce((sum, stats) => sum + (stats.readWhole ?? 0), 0);
  const redis1 = await rig.redisCommands();
  const byKind = rig.calls.snapshot();
  const attempts = rig.attempts() - attempts0;
  const http = rig.httpCalls() - http0;
  const written = (await rig.countWithStatus('awaiting_review')) - written0;
  const failed = (await rig.countWithStatus('failed')) - failed0;
  const ids = new Set(batch.map((c) => c.sysId));
  const rowIds = new Set(rows.values());
  const log = (await rig.writes(seq)).filter((e) => e.applied && e.sysId !== null);
  const first = Math.min(...log.filter((e) => e.user === AGENT && e.table === rig.app.tables.request && rowIds.has(e.sysId!)).map(at));
  const lastDone = new Map<string, number>();
  const notes = new Map<string, number>();
  const handoffs = new Map<string, string>();
  for (const e of log) {
    if (e.user !== INTEGRATION || !ids.has(e.sysId!)) continue;
    if (bodyField(e, rig.fields.status) === 'awaiting_review' && !lastDone.has(e.sysId!)) lastDone.set(e.sysId!, at(e));
    if (e.changed.includes(rig.fields.workNotes)) notes.set(e.sysId!, (notes.get(e.sysId!) ?? 0) + 1);
  }
  for (const c of batch) {
    const [h] = await rig.worker.store.forTicket('incident', c.sysId, 1);
    if (h) handoffs.set(c.sysId, h.id);
  }
  const spanMs = Math.max(...lastDone.values()) - first;
  const per = (a: number, b: number): number => (b - a) / Math.max(1, written);
  return {
    requested: batch.length,
    written,
    failed,
    spanMs,
    perSecond: lastDone.size / (spanMs / 1000),
    cpu: { worker: per(cpu0.worker, cpu1.worker), sandbox: per(cpu0.sandbox, cpu1.sandbox), redis: per(cpu0.redis, cpu1.redis) },
    calls: callsPer(byKind, attempts, http, written),
    syncPulled: syncPulled / Math.max(1, written),
    syncWhole: syncWhole / Math.max(1, written),
    noteOnce: [...notes.values()].filter((n) => n === 1).length,
    handoffs,
    redis: redisPer(redis0, redis1, written),
  };
}

/** Each hand-off of a batch accepted by its requester (an evidence pack needs no approval); calls per review. */
export async function runReviews(rig: Rig, batch: readonly Candidate[], handoffs: ReadonlyMap<string, string>, options: { clients: number; timeoutMs: number }): Promise<{ reviewed: number; calls: CallsPer }> {
  const accepted0 = await rig.countWithStatus('accepted');
  rig.calls.reset();
  const attempts0 = rig.attempts();
  const http0 = rig.httpCalls();
  const queue = batch.filter((c) => handoffs.has(c.sysId));
  const count = queue.length;
  await Promise.all(Array.from({ length: options.clients }, async () => {
    for (let c = queue.shift(); c; c = queue.shift()) await rig.review(AGENT, c, handoffs.get(c.sysId)!, 'accept');
  }));
  await until(async () => (await rig.countWithStatus('accepted')) - accepted0 >= count, options.timeoutMs);
  const reviewed = (await rig.countWithStatus('accepted')) - accepted0;
  return { reviewed, calls: callsPer(rig.calls.snapshot(), rig.attempts() - attempts0, rig.httpCalls() - http0, reviewed) };
}

/** `count` bare BullMQ jobs with a no-op processor, added at once, at `concurrency`, on the product's Redis and job options. */
export async function runNoop(redisUrl: string, count: number, concurrency: number): Promise<{ perSecond: number; spanMs: number }> {
  const prefix = `bench-noop-${randomBytes(3).toString('hex')}`;
  const producer = createRedis(redisUrl, 'store');
  const consumer = createRedis(redisUrl, 'worker');
  const queue = new Queue('noop', { connection: producer, prefix });
  let completed = 0;
  let last = 0;
  const worker = new Worker('noop', () => Promise.resolve(), { connection: consumer, prefix, concurrency });
  worker.on('completed', () => {
    completed++;
    last = performance.now();
  });
  await worker.waitUntilReady();
  try {
    const started = performance.now();
    await Promise.all(Array.from({ length: count }, (_, i) => queue.add('noop', { i }, { ...JOB_OPTIONS.execute, jobId: `noop-${i}` })));
    await until(() => Promise.resolve(completed >= count), 60_000);
    const spanMs = last - started;
    return { perSecond: completed / (spanMs / 1000), spanMs };
  } finally {
    await worker.close();
    await queue.obliterate({ force: true });
    await queue.close();
    await Promise.all([producer.quit(), consumer.quit()]);
  }
}

/** Requests at `rate` per second, one every 1/rate s; per request, the time to pickup and to its note. */
export async function runSteady(rig: Rig, tickets: readonly Candidate[], rate: number, timeoutMs: number): Promise<LatencyResult> {
  const seq = await rig.lastSeq();
  const written0 = await rig.countWithStatus('awaiting_review');
  const failed0 = await rig.countWithStatus('failed');
  const gap = 1000 / rate;
  const started = performance.now();
  const sends: Promise<string>[] = [];
  for (let i = 0; i < tickets.length; i++) {
    const wait = started + i * gap - performance.now();
    if (wait > 0) await sleep(wait);
    sends.push(rig.request(tickets[i]!));
  }
  const rows = await Promise.all(sends);
  const sentRate = tickets.length / ((performance.now() - started) / 1000);
  const settled = async (): Promise<boolean> => (await rig.countWithStatus('awaiting_review')) - written0 + (await rig.countWithStatus('failed')) - failed0 >= tickets.length;
  await until(settled, timeoutMs);

  const log = (await rig.writes(seq)).filter((e) => e.applied && e.sysId !== null);
  const created = new Map(log.filter((e) => e.table === rig.app.tables.request && e.user === AGENT).map((e) => [e.sysId!, at(e)]));
  const taken = new Map(log.filter((e) => e.table === rig.app.tables.request && e.user === INTEGRATION && bodyField(e, 'state') === 'queued').map((e) => [e.sysId!, at(e)]));
  const pickups: number[] = [];
  const notes: number[] = [];
  for (let i = 0; i < tickets.length; i++) {
    const ticket = tickets[i]!;
    const row = rows[i]!;
    const [handoff] = await rig.worker.store.forTicket('incident', ticket.sysId, 1);
    const t0 = created.get(row);
    if (!handoff || t0 === undefined) continue;
    // The note carries the hand-off's id (its marker line): that entry, not just any note on the ticket.
    const note = log.find((e) => e.sysId === ticket.sysId && e.user === INTEGRATION && bodyField(e, rig.fields.workNotes).includes(handoff.id));
    const t1 = taken.get(row);
    if (!note || t1 === undefined) continue;
    pickups.push(t1 - t0);
    notes.push(at(note) - t0);
  }
  const summary = (values: number[]) => ({ p50: percentile(values, 50), p99: percentile(values, 99), max: Math.max(...values) });
  return { requested: tickets.length, measured: notes.length, pickup: summary(pickups), note: summary(notes), rate: sentRate };
}

/** The worker's calls per minute to the instance with nothing to do, over `windowMs`. */
export async function runIdle(rig: Rig, windowMs: number): Promise<{ perMinute: number; calls: number; byKind: Readonly<Record<string, number>> }> {
  rig.calls.reset();
  const before = rig.attempts();
  await sleep(windowMs);
  const calls = rig.attempts() - before;
  const perMinute = (calls * 60_000) / windowMs;
  return { perMinute, calls, byKind: Object.fromEntries(Object.entries(rig.calls.snapshot()).filter(([, n]) => n > 0)) };
}
