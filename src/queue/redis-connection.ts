/**
 * Redis connections, configured for their role (BullMQ's connection guide,
 * ../shared/reference/bullmq-redis.md "Workers and shutdown"):
 * - `worker`: blocking commands; `maxRetriesPerRequest: null` so a Redis
 *   restart pauses the worker instead of failing its jobs;
 * - `producer`: fails fast (`enableOfflineQueue: false`) so a caller learns
 *   at once that Redis is down;
 * - `store`: the hand-off store and ledger; waits for Redis to come back
 *   (a restart must not fail a hand-off mid-flow), bounded by a command timeout.
 */
import type { Redis, RedisOptions } from 'ioredis';
import { HandoffError } from '../errors.js';
import { describeRedisTarget, newRedisClient } from './redis-target.js';

export type RedisRole = 'worker' | 'producer' | 'store';

export function createRedis(url: string, role: RedisRole, extra: RedisOptions = {}): Redis {
  const base: RedisOptions = {
    connectionName: `ai-handoff-${role}`,
    retryStrategy: (times) => Math.min(100 * 2 ** Math.min(times, 6), 3_000),
  };
  const byRole: Record<RedisRole, RedisOptions> = {
    worker: { maxRetriesPerRequest: null, enableReadyCheck: true },
    producer: { maxRetriesPerRequest: 1, enableOfflineQueue: false },
    store: { maxRetriesPerRequest: null, commandTimeout: 30_000 },
  };
  const redis = newRedisClient(url, { ...base, ...byRole[role], ...extra });
  // ioredis emits 'error' on every failed reconnect; without a listener Node
  // would print each as unhandled. The worker logs connection state itself.
  redis.on('error', () => undefined);
  return redis;
}

/**
 * A connection for a one-shot command (the CLI): connects now and fails fast
 * with a clear message when Redis cannot be reached.
 */
export async function connectOnce(url: string): Promise<Redis> {
  const redis = newRedisClient(url, { lazyConnect: true, maxRetriesPerRequest: 1, retryStrategy: () => null, connectTimeout: 3_000, connectionName: 'ai-handoff-cli' });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    return redis;
  } catch (cause) {
    redis.disconnect();
    throw new HandoffError('REDIS_UNAVAILABLE', `cannot reach Redis at ${describeRedisTarget(url)}`, {
      cause,
      retryable: false,
      remedy: 'start the product (npm start) or set REDIS_URL / --redis-url to the Redis the worker uses',
    });
  }
}
