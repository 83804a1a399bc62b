/**
 * The three measurements of the hand-off benchmark. Times come from the
 * sandbox's write log (its clock, millisecond ISO times), so they are the
 * instance's view: when the agent's request arrived, when the worker's note
 * and status writes arrived.
 *
 * - a batch: many tickets get a request at once; hand-offs per second from
 *   the first request set to the last status written as awaiting_review;
 * - no-op BullMQ jobs on the same Redis, same count and concurrency;
 * - a steady rate: requests spread over time; per hand-off, the time from
 *   its request set to its note (the entry carrying its hand-off id) written.
 */
import { randomBytes } from 'node:crypto';
import { Queue, Worker } from 'bullmq';
import type { WriteLogEntry } from '../connectors/servicenow/sandbox/index.js';
import { JOB_OPTIONS } from '../src/queue/queues.js';
import { createRedis } from '../src/queue/redis-connection.js';
import { AGENT, type Candidate, type CpuSample, type Rig } from './handoff-rig.js';

const INTEGRATION = 'svc.aihandoff';

export interface BatchResult {
  readonly requested: number;
  readonly written: number;
  readonly failed: number;
  /** First request set to last awaiting_review status written, on the sandbox's clock. */
  readonly spanMs: number;
  readonly perSecond: number;
  /** CPU per hand-off in ms, by process. */
  readonly cpu: CpuSample;
  /** The worker's ServiceNow calls per hand-off (besides the sync's pulls). */
  readonly calls: number;
  /** The same, by connector method. */
  readonly callsByKind: Readonly<Record<string, number>>;
  /** Tickets of the batch that got exactly one note from the integration user. */
  readonly noteOnce: number;
}

export interface LatencyResult {
  readonly requested: number;
  readonly measured: number;
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
  /** Requests actually sent per second. */
  readonly rate: number;
  /**
   * Medians of where the time goes, from the write log: request set -> the
   * pickup's write (request cleared, status queued: includes the wait for the
   * next poll), -> the execute's "running" write, -> the note.
   */
  readonly stages: { readonly pickup: number; readonly execute: number; readonly write: number };
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

export async function runBatch(rig: Rig, batch: readonly Candidate[], options: { clients: number; timeoutMs: number }): Promise<BatchResult> {
  const seq = await rig.lastSeq();
  const written0 = await rig.countWithStatus('awaiting_review');
  const failed0 = await rig.countWithStatus('failed');
  rig.calls.reset();
  const cpu0 = rig.cpu();

  // Agents clicking at once: `clients` requests in flight until every ticket has its request.
  const queue = [...batch];
  await Promise.all(Array.from({ length: options.clients }, async () => {
    for (let c = queue.shift(); c; c = queue.shift()) await rig.request(c);
  }));
  const settled = async (): Promise<boolean> => (await rig.countWithStatus('awaiting_review')) - written0 + (await rig.countWithStatus('failed')) - failed0 >= batch.length;
  await until(settled, options.timeoutMs);

  const cpu1 = rig.cpu();
  const byKind = rig.calls.snapshot();
  const calls = Object.values(byKind).reduce((a, b) => a + b, 0);
  const written = (await rig.countWithStatus('awaiting_review')) - written0;
  const failed = (await rig.countWithStatus('failed')) - failed0;
  const ids = new Set(batch.map((c) => c.sysId));
  const log = (await rig.writes(seq)).filter((e) => e.applied && e.sysId !== null && ids.has(e.sysId));
  const first = Math.min(...log.filter((e) => e.user === AGENT && bodyField(e, rig.fields.request) !== '').map(at));
  const lastDone = new Map<string, number>();
  const notes = new Map<string, number>();
  for (const e of log) {
    if (e.user !== INTEGRATION) continue;
    if (bodyField(e, rig.fields.status) === 'awaiting_review' && !lastDone.has(e.sysId!)) lastDone.set(e.sysId!, at(e));
    if (e.fields.includes(rig.fields.workNotes)) notes.set(e.sysId!, (notes.get(e.sysId!) ?? 0) + 1);
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
    calls: calls / Math.max(1, written),
    callsByKind: Object.fromEntries(Object.entries(byKind).filter(([, n]) => n > 0).map(([k, n]) => [k, Number((n / Math.max(1, written)).toFixed(2))])),
    noteOnce: [...notes.values()].filter((n) => n === 1).length,
  };
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

/** Requests at `rate` per second, one every 1/rate s; latency of each from its request set to its note written. */
export async function runSteady(rig: Rig, tickets: readonly Candidate[], rate: number, timeoutMs: number): Promise<LatencyResult> {
  const seq = await rig.lastSeq();
  const written0 = await rig.countWithStatus('awaiting_review');
  const failed0 = await rig.countWithStatus('failed');
  const gap = 1000 / rate;
  const started = performance.now();
  const sends: Promise<void>[] = [];
  for (let i = 0; i < tickets.length; i++) {
    const wait = started + i * gap - performance.now();
    if (wait > 0) await sleep(wait);
    sends.push(rig.request(tickets[i]!));
  }
  await Promise.all(sends);
  const sentRate = tickets.length / ((performance.now() - started) / 1000);
  const settled = async (): Promise<boolean> => (await rig.countWithStatus('awaiting_review')) - written0 + (await rig.countWithStatus('failed')) - failed0 >= tickets.length;
  await until(settled, timeoutMs);

  const ids = new Set(tickets.map((c) => c.sysId));
  const log = (await rig.writes(seq)).filter((e) => e.applied && e.sysId !== null && ids.has(e.sysId));
  const latencies: number[] = [];
  const stages = { pickup: [] as number[], execute: [] as number[], write: [] as number[] };
  for (const ticket of tickets) {
    const [handoff] = await rig.worker.store.forTicket('incident', ticket.sysId, 1);
    if (!handoff) continue;
    const requested = log.find((e) => e.sysId === ticket.sysId && e.user === AGENT && bodyField(e, rig.fields.request) !== '');
    // The note carries the hand-off's id (its marker line): that entry, not just any note on the ticket.
    const note = log.find((e) => e.sysId === ticket.sysId && e.user === INTEGRATION && bodyField(e, rig.fields.workNotes).includes(handoff.id));
    if (!requested || !note) continue;
    latencies.push(at(note) - at(requested));
    const ours = log.filter((e) => e.sysId === ticket.sysId && e.user === INTEGRATION && e.seq > requested.seq && e.seq < note.seq);
    const picked = ours.find((e) => bodyField(e, rig.fields.status) === 'queued');
    const running = ours.find((e) => bodyField(e, rig.fields.status) === 'running');
    if (picked && running) {
      stages.pickup.push(at(picked) - at(requested));
      stages.execute.push(at(running) - at(picked));
      stages.write.push(at(note) - at(running));
    }
  }
  return {
    requested: tickets.length,
    measured: latencies.length,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    max: Math.max(...latencies),
    rate: sentRate,
    stages: { pickup: percentile(stages.pickup, 50), execute: percentile(stages.execute, 50), write: percentile(stages.write, 50) },
  };
}
