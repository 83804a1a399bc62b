/**
 * Start-up check: refuse to run on a Redis that could evict or silently lose
 * jobs. BullMQ is only correct under `maxmemory-policy noeviction` (other
 * policies can evict job locks and lose jobs; BullMQ itself only warns), and
 * without persistence a Redis restart loses every acknowledged job
 * (../shared/reference/bullmq-redis.md, "Redis must be configured for a queue").
 */
import type { Redis } from 'ioredis';
import { HandoffError } from '../errors.js';

export interface RedisSafetyOptions {
  /** Allow running without persistence (tests only); default false. */
  readonly allowNoPersistence?: boolean;
  /**
   * For managed Redis services that disable CONFIG: the operator asserts the
   * service runs noeviction with persistence. Default false.
   */
  readonly assumeSafeWithoutConfig?: boolean;
}

export interface RedisSafetyReport {
  readonly maxmemoryPolicy: string | null;
  readonly appendonly: boolean | null;
  readonly rdbSnapshots: boolean | null;
  readonly version: string | null;
}

export async function inspectRedis(redis: Redis): Promise<RedisSafetyReport> {
  const version = /redis_version:(\S+)/.exec(await redis.info('server'))?.[1] ?? null;
  try {
    const policy = (await redis.config('GET', 'maxmemory-policy')) as string[];
    const aof = (await redis.config('GET', 'appendonly')) as string[];
    const save = (await redis.config('GET', 'save')) as string[];
    return {
      maxmemoryPolicy: policy[1] ?? null,
      appendonly: aof[1] === undefined ? null : aof[1] === 'yes',
      rdbSnapshots: save[1] === undefined ? null : save[1].trim() !== '',
      version,
    };
  } catch {
    return { maxmemoryPolicy: null, appendonly: null, rdbSnapshots: null, version };
  }
}

/** Throws REDIS_UNSAFE with the setting to change, or returns the report. */
export async function assertRedisSafe(redis: Redis, options: RedisSafetyOptions = {}): Promise<RedisSafetyReport> {
  const report = await inspectRedis(redis);
  if (report.maxmemoryPolicy === null) {
    if (options.assumeSafeWithoutConfig) return report;
    throw new HandoffError('REDIS_UNSAFE', 'cannot read the Redis configuration (CONFIG GET is disabled)', {
      remedy: 'confirm the service runs maxmemory-policy noeviction with append-only persistence, then set redis.assumeSafeWithoutConfig: true in the runtime config',
    });
  }
  if (report.maxmemoryPolicy !== 'noeviction') {
    throw new HandoffError('REDIS_UNSAFE', `Redis maxmemory-policy is '${report.maxmemoryPolicy}': it may evict job locks and lose jobs`, {
      details: { maxmemoryPolicy: report.maxmemoryPolicy },
      remedy: 'set maxmemory-policy noeviction (redis.conf, or CONFIG SET maxmemory-policy noeviction)',
    });
  }
  if (report.appendonly !== true && !options.allowNoPersistence) {
    throw new HandoffError('REDIS_UNSAFE', 'Redis append-only persistence is off: a restart would lose acknowledged jobs and hand-offs', {
      details: { appendonly: report.appendonly, rdbSnapshots: report.rdbSnapshots },
      remedy: 'set appendonly yes and appendfsync everysec (redis.conf, or CONFIG SET appendonly yes); for throwaway tests only, redis.allowNoPersistence: true',
    });
  }
  return report;
}
