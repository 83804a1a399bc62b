/**
 * The replication barrier: before the worker writes to the instance, the
 * Redis writes it made so far are confirmed on a replica. Redis replicates
 * asynchronously, so a master that dies can take its last writes with it
 * (https://redis.io/docs/latest/operate/oss_and_stack/management/replication/,
 * "Allow writes only with N attached replicas"; WAIT does not make Redis
 * strongly consistent, but a write WAIT confirmed is on the replica a
 * Sentinel would promote). The order that matters is Redis first, instance
 * second: a hand-off recorded, then its request field cleared; a note
 * persisted, then written. With the barrier, whatever the instance shows as
 * done is also in the Redis that survives the failover.
 *
 * WAIT waits for the replication offset of the connection's own last write,
 * and the replication stream is one ordered stream, so one small write of
 * our own then WAIT covers every earlier write of every connection.
 */
import type { Redis } from 'ioredis';
import type { Connector } from '../connector/connector.js';
import type { Logger } from '../util/log.js';

export type BarrierOutcome = 'acked' | 'short' | 'skipped';

export interface BarrierOptions {
  /** A connection to the master (follows failovers). */
  readonly redis: Redis;
  readonly prefix: string;
  readonly replicas: number;
  readonly timeoutMs: number;
  readonly log: Logger;
  readonly onOutcome?: (outcome: BarrierOutcome) => void;
  readonly now?: () => number;
}

/** How long the master's count of connected replicas is trusted, in ms. */
const REPLICA_COUNT_MS = 5_000;

export function createReplicationBarrier(options: BarrierOptions): () => Promise<void> {
  const { redis, log } = options;
  const now = options.now ?? Date.now;
  let connected = { count: 0, at: -Infinity };
  let warnedAt = -Infinity;

  const connectedReplicas = async (): Promise<number> => {
    if (now() - connected.at < REPLICA_COUNT_MS) return connected.count;
    const info = await redis.info('replication');
    connected = { count: Number(/connected_slaves:(\d+)/.exec(info)?.[1] ?? 0), at: now() };
    return connected.count;
  };

  return async () => {
    const want = Math.min(options.replicas, await connectedReplicas());
    if (want === 0) {
      options.onOutcome?.('skipped');
      return;
    }
    await redis.set(`${options.prefix}:ops:barrier`, String(now()));
    const acked = Number(await redis.wait(want, options.timeoutMs));
    if (acked >= want) {
      options.onOutcome?.('acked');
      return;
    }
    options.onOutcome?.('short');
    // A replica that cannot keep up: the write goes ahead (availability), once a minute said in the log.
    if (now() - warnedAt > 60_000) {
      warnedAt = now();
      log.warn('Redis replicas did not confirm the writes before an instance write in time; going ahead', { wanted: want, acked, timeoutMs: options.timeoutMs });
    }
  };
}

/** The instance writes the barrier precedes: a ticket's note and fields, and a row's end state (docs/contract.md). */
const WRITES = new Set<PropertyKey>(['writeTicket', 'finishRow']);

/** The connector, with the barrier run before every write (reads pass straight through). */
export function withReplicationBarrier<C extends Connector>(connector: C, barrier: () => Promise<void>): C {
  return new Proxy(connector, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver) as unknown;
      if (!WRITES.has(property) || typeof value !== 'function') return value;
      return async (...args: unknown[]) => {
        await barrier();
        return (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
      };
    },
  });
}
