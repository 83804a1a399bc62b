/**
 * The Redis safety check: refuse to run on a Redis that could evict or
 * silently lose jobs. BullMQ is only correct under `maxmemory-policy
 * noeviction` (other policies can evict job locks and lose jobs; BullMQ
 * itself only warns), and without persistence a Redis restart loses every
 * acknowledged job (../shared/reference/bullmq-redis.md, "Redis must be
 * configured for a queue"). `appendfsync no` leaves flushing to the operating
 * system (up to about 30 s of writes lost on a crash; redis.io, "Redis
 * persistence"), so it is refused too: `everysec` or `always`.
 *
 * The worker checks at start (assertRedisSafe) and again while it runs
 * (src/queue/redis-monitor.ts): a CONFIG SET while running is seen.
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
  /** `always`, `everysec` or `no`; null when CONFIG is unavailable. */
  readonly appendfsync: string | null;
  readonly rdbSnapshots: boolean | null;
  readonly version: string | null;
}

/** Fsync policies that lose at most about a second of writes. */
const SAFE_FSYNC = ['always', 'everysec'];

/**
 * Reads the settings. A CONFIG that Redis refuses (a managed service renames
 * or forbids it: an error reply) gives nulls, which unsafeReason reports as
 * "cannot read the configuration"; a connection lost or timed out is thrown,
 * since that is Redis unreachable, not Redis unsafe.
 */
export async function inspectRedis(redis: Redis): Promise<RedisSafetyReport> {
  const version = /redis_version:(\S+)/.exec(await redis.info('server'))?.[1] ?? null;
  try {
    const policy = (await redis.config('GET', 'maxmemory-policy')) as string[];
    const aof = (await redis.config('GET', 'appendonly')) as string[];
    const fsync = (await redis.config('GET', 'appendfsync')) as string[];
    const save = (await redis.config('GET', 'save')) as string[];
    return {
      maxmemoryPolicy: policy[1] ?? null,
      appendonly: aof[1] === undefined ? null : aof[1] === 'yes',
      appendfsync: fsync[1] ?? null,
      rdbSnapshots: save[1] === undefined ? null : save[1].trim() !== '',
      version,
    };
  } catch (error) {
    if (!isReplyError(error)) throw error;
    return { maxmemoryPolicy: null, appendonly: null, appendfsync: null, rdbSnapshots: null, version };
  }
}

/** An error Redis answered with (ioredis's ReplyError: ERR unknown command, NOPERM), as opposed to no answer. */
function isReplyError(error: unknown): boolean {
  return error instanceof Error && error.name === 'ReplyError';
}

/** The REDIS_UNSAFE error for a report, or null when it is safe under the options. */
export function unsafeReason(report: RedisSafetyReport, options: RedisSafetyOptions = {}): HandoffError | null {
  if (report.maxmemoryPolicy === null) {
    if (options.assumeSafeWithoutConfig) return null;
    return new HandoffError('REDIS_UNSAFE', 'cannot read the Redis configuration (CONFIG GET is disabled)', {
      remedy: 'confirm the service runs maxmemory-policy noeviction with append-only persistence, then set worker.redis.assumeSafeWithoutConfig: true in the runtime config',
    });
  }
  if (report.maxmemoryPolicy !== 'noeviction') {
    return new HandoffError('REDIS_UNSAFE', `Redis maxmemory-policy is '${report.maxmemoryPolicy}': it may evict job locks and lose jobs`, {
      details: { maxmemoryPolicy: report.maxmemoryPolicy },
      remedy: 'set maxmemory-policy noeviction (redis.conf, or CONFIG SET maxmemory-policy noeviction)',
    });
  }
  if (report.appendonly !== true && !options.allowNoPersistence) {
    return new HandoffError('REDIS_UNSAFE', 'Redis append-only persistence is off: a restart would lose acknowledged jobs and hand-offs', {
      details: { appendonly: report.appendonly, rdbSnapshots: report.rdbSnapshots },
      remedy: 'set appendonly yes and appendfsync everysec (redis.conf, or CONFIG SET appendonly yes); for throwaway tests only, worker.redis.allowNoPersistence: true',
    });
  }
  if (report.appendonly === true && report.appendfsync !== null && !SAFE_FSYNC.includes(report.appendfsync)) {
    return new HandoffError('REDIS_UNSAFE', `Redis appendfsync is '${report.appendfsync}': a crash could lose about 30 seconds of acknowledged jobs and audit events`, {
      details: { appendfsync: report.appendfsync },
      remedy: 'set appendfsync everysec (redis.conf, or CONFIG SET appendfsync everysec)',
    });
  }
  return null;
}

/** Throws REDIS_UNSAFE with the setting to change, or returns the report. */
export async function assertRedisSafe(redis: Redis, options: RedisSafetyOptions = {}): Promise<RedisSafetyReport> {
  const report = await inspectRedis(redis);
  const unsafe = unsafeReason(report, options);
  if (unsafe) throw unsafe;
  return report;
}
