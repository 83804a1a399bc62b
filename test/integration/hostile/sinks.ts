/**
 * Everywhere a secret or a canary could end up, read back after a run: the
 * work notes the integration user wrote, the panel and status fields, the
 * audit ledger, the sandbox's write log (the integration user's writes), the
 * worker's and the sandbox's log lines, BullMQ's jobs (data, failure reasons,
 * return values, stack traces), everything else under the run's Redis
 * prefix, and what each provider call was given.
 */
import { Redis } from 'ioredis';
import type { Provider, ProviderInput } from '../../../src/ai/index.js';
import { INTEGRATION_USER } from '../../../connectors/servicenow/sandbox/index.js';
import { createLogger, type Logger } from '../../../src/util/log.js';
import type { FlowHarness } from '../../support/flow-harness.js';
import { redisUrl } from '../../support/redis.js';

export interface CapturedLog {
  readonly log: Logger;
  readonly lines: string[];
}

/** A debug-level logger whose lines are kept (the same serialiser and scrubbing as production). */
export function captureLog(): CapturedLog {
  const lines: string[] = [];
  return { log: createLogger({ level: 'debug', write: (line) => lines.push(line) }), lines };
}

export interface RecordingProvider {
  readonly provider: Provider;
  /** Per ticket number, what each call was given (sources and the operator's note; not the canary). */
  inputsFor(number: string): readonly string[];
  all(): readonly string[];
}

/** Wraps a provider so the suite can see exactly what left for it. */
export function recordingProvider(inner: Provider): RecordingProvider {
  const inputs = new Map<string, string[]>();
  const provider: Provider = {
    name: inner.name,
    kind: inner.kind,
    model: inner.model,
    generate(input: ProviderInput, options) {
      const seen = JSON.stringify({ sources: input.sources, note: input.note, ticket: input.ticket });
      inputs.set(input.ticket.number, [...(inputs.get(input.ticket.number) ?? []), seen]);
      return inner.generate(input, options);
    },
  };
  return { provider, inputsFor: (number) => inputs.get(number) ?? [], all: () => [...inputs.values()].flat() };
}

export interface Sink {
  readonly name: string;
  readonly text: string;
  /** Lower case, for case-insensitive search. */
  readonly lower: string;
  /** Letters and digits only (see `squash`). */
  readonly squashed: string;
}

function sink(name: string, text: string): Sink {
  return { name, text, lower: text.toLowerCase(), squashed: squash(text) };
}

/** Reads every sink once, after the cases ran. */
export async function readSinks(h: FlowHarness, logs: readonly string[]): Promise<Sink[]> {
  const worker = h.worker;
  if (!worker) throw new Error('the hostile suite needs the worker');
  const { store, appFields } = h.sandbox;

  const notes: string[] = [];
  for (const p of store.partitions('sys_journal_field')) {
    for (const row of p.rows.values()) if (row.v.sys_created_by === INTEGRATION_USER) notes.push(row.v.value ?? '');
  }
  const fields: string[] = [];
  for (const table of h.mappings.byTable.keys()) {
    for (const p of store.partitions(table)) {
      for (const row of p.rows.values()) fields.push(row.v[appFields.panel] ?? '', row.v[appFields.status] ?? '');
    }
  }
  const events: unknown[] = [];
  for await (const event of worker.ledger.events()) events.push(event);
  const jobs: unknown[] = [];
  for (const queue of Object.values(worker.queues)) {
    for (const job of await queue.getJobs(['completed', 'failed', 'delayed', 'waiting', 'active', 'prioritized', 'waiting-children'])) {
      jobs.push({ queue: queue.name, id: job.id, data: job.data as unknown, failedReason: job.failedReason, returnvalue: job.returnvalue as unknown, stacktrace: job.stacktrace });
    }
  }

  return [
    sink('work notes', notes.join('\n')),
    sink('panel and status fields', fields.join('\n')),
    sink('audit ledger', JSON.stringify(events)),
    sink('sandbox write log (integration user)', JSON.stringify(h.sandbox.writeLog.entries({ user: INTEGRATION_USER }))),
    sink('logs', logs.join('')),
    sink('BullMQ jobs', JSON.stringify(jobs)),
    sink('Redis', await dumpRedis(h.prefix)),
  ];
}

/** Every key under the prefix and its value, whatever its type. */
async function dumpRedis(prefix: string): Promise<string> {
  const redis = new Redis(redisUrl(), { lazyConnect: true, maxRetriesPerRequest: 1 });
  await redis.connect();
  const out: string[] = [];
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
      cursor = next;
      for (const key of keys) out.push(key, await valueOf(redis, key));
    } while (cursor !== '0');
  } finally {
    await redis.quit();
  }
  return out.join('\n');
}

async function valueOf(redis: Redis, key: string): Promise<string> {
  switch (await redis.type(key)) {
    case 'string':
      return (await redis.get(key)) ?? '';
    case 'hash':
      return JSON.stringify(await redis.hgetall(key));
    case 'list':
      return JSON.stringify(await redis.lrange(key, 0, -1));
    case 'set':
      return JSON.stringify(await redis.smembers(key));
    case 'zset':
      return JSON.stringify(await redis.zrange(key, 0, -1));
    case 'stream':
      return JSON.stringify(await redis.xrange(key, '-', '+'));
    default:
      return '';
  }
}

/** Lower case, letters and digits only: finds a value however it was escaped, cased or spaced. */
export function squash(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
}

/** Where `value` appears among the sinks (as is, without regard to case, or squashed when it is long enough to be unambiguous). */
export function sinksHolding(sinks: readonly Sink[], value: string): string[] {
  const lower = value.toLowerCase();
  const squashed = squash(value);
  return sinks.filter((s) => s.lower.includes(lower) || (squashed.length >= 10 && s.squashed.includes(squashed))).map((s) => s.name);
}
