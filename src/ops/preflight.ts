/**
 * The start-up checks of `ai-handoff worker` and `start`, run before anything
 * else connects: Redis reachable and safe, the instance reachable and taking
 * the integration user's credentials, and (when on) every mapped field present
 * on the instance. Each failure is one HandoffError naming the cause, the
 * target (host and port, never credentials) and the fix; the whole check is
 * bounded by one deadline (ops.preflightMs, default 12 s), so a worker that
 * cannot run exits within 15 s instead of retrying in silence (issue 14: a
 * Redis port with nothing listening hung 31 s and never exited; a wrong
 * password printed SN_AUTH_FAILED and kept running).
 */
import type { Connector } from '../connector/connector.js';
import { HandoffError, isHandoffError, type ErrorCode } from '../errors.js';
import type { TableMapping } from '../mapping/mapping-schema.js';
import { assertRedisSafe, type RedisSafetyOptions } from '../queue/redis-safety.js';
import { describeRedisTarget, newRedisClient } from '../queue/redis-target.js';

/** What the instance lacks of one mapping (the connector's `checkMapping`, narrowed to what is reported). */
export interface MappingGaps {
  readonly table: string;
  readonly missing: readonly { readonly field: string; readonly reason: string }[];
}

export interface PreflightOptions {
  readonly redisUrl: string;
  readonly redisSafety?: RedisSafetyOptions;
  /** A connector for the probe: best one with a quiet log, so retries do not bury the one line that matters. */
  readonly connector: Pick<Connector, 'user'>;
  /** The instance as host[:port], for messages. */
  readonly instance: string;
  readonly integrationUser: string;
  /** When set, every mapped field is checked on the instance. */
  readonly mappings?: { readonly tables: readonly TableMapping[]; check(mapping: TableMapping): Promise<MappingGaps> };
  /** The whole check's deadline, in ms. */
  readonly deadlineMs: number;
  /** Told each step as it starts (a progress line on a terminal). */
  readonly onStep?: (step: string) => void;
}

/** Longest a Redis connection attempt may take, in ms. */
const REDIS_CONNECT_MS = 3_000;

export async function preflight(options: PreflightOptions): Promise<void> {
  const deadline = Date.now() + options.deadlineMs;
  const left = (): number => Math.max(1, deadline - Date.now());
  options.onStep?.('checking Redis and the instance');
  // Both at once (Promise.all rejects at the first failure): a failing start takes as long as the faster failure.
  await Promise.all([checkRedis(options, Math.min(left(), REDIS_CONNECT_MS + 2_000)), checkInstance(options, left())]);
  if (options.mappings) {
    options.onStep?.(`checking ${options.mappings.tables.length} mapping(s) against the instance`);
    await checkMappings(options, options.mappings, left());
  }
}

async function checkRedis(options: PreflightOptions, budgetMs: number): Promise<void> {
  const where = describeRedisTarget(options.redisUrl);
  const redis = newRedisClient(options.redisUrl, {
    lazyConnect: true,
    connectTimeout: Math.min(REDIS_CONNECT_MS, budgetMs),
    commandTimeout: Math.min(REDIS_CONNECT_MS, budgetMs),
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
    sentinelRetryStrategy: () => null,
    connectionName: 'ai-handoff-preflight',
  });
  // ioredis rejects connect() with "Connection is closed"; the socket's own error (ECONNREFUSED, ENOTFOUND) comes as an event.
  let lastError: unknown;
  redis.on('error', (error) => {
    lastError = error;
  });
  const fix = 'start Redis there, or point REDIS_URL (or REDIS_SENTINELS) at a Redis 7 with maxmemory-policy noeviction and appendonly yes (docs/deploy.md)';
  try {
    await withDeadline(
      (async () => {
        await redis.connect();
        await redis.ping();
      })(),
      budgetMs,
      () => new HandoffError('REDIS_UNAVAILABLE', `Redis at ${where} did not answer within ${seconds(budgetMs)}`, { retryable: false, remedy: fix }),
    );
  } catch (cause) {
    redis.disconnect();
    if (isHandoffError(cause)) throw cause;
    throw new HandoffError('REDIS_UNAVAILABLE', `cannot reach Redis at ${where}`, { cause: lastError ?? cause, retryable: false, remedy: fix });
  }
  try {
    await assertRedisSafe(redis, options.redisSafety);
  } catch (cause) {
    if (isHandoffError(cause, 'REDIS_UNSAFE')) throw new HandoffError('REDIS_UNSAFE', `Redis at ${where}: ${cause.message}`, { details: cause.details, ...(cause.remedy ? { remedy: cause.remedy } : {}) });
    throw new HandoffError('REDIS_UNAVAILABLE', `Redis at ${where} did not answer the safety check`, { cause, retryable: false, remedy: fix });
  } finally {
    redis.disconnect();
  }
}

async function checkInstance(options: PreflightOptions, budgetMs: number): Promise<void> {
  const where = `ServiceNow at ${options.instance}`;
  try {
    await withDeadline(
      options.connector.user({ userName: options.integrationUser }),
      budgetMs,
      () => new HandoffError('SN_TIMEOUT', `${where} did not answer the start-up check within ${seconds(budgetMs)}`, { retryable: false, remedy: 'check SN_INSTANCE_URL, the network path (proxy, firewall) and that the instance is up' }),
    );
  } catch (cause) {
    if (!isHandoffError(cause)) throw new HandoffError('SN_NETWORK', `${where} could not be reached`, { cause, retryable: false, remedy: 'check SN_INSTANCE_URL and the network path to the instance' });
    if (cause.code === 'SN_TIMEOUT' && cause.message.startsWith(where)) throw cause;
    throw new HandoffError(cause.code, `${where}: ${instanceProblem(cause.code, options.integrationUser)} (${cause.message})`, { retryable: false, ...(cause.remedy ? { remedy: cause.remedy } : {}) });
  }
}

function instanceProblem(code: ErrorCode, user: string): string {
  if (code === 'SN_AUTH_FAILED') return `the instance refused the credentials of ${user}`;
  if (code === 'SN_FORBIDDEN') return `${user} may not read sys_user (the integration role is missing)`;
  if (code === 'SN_NETWORK' || code === 'SN_TIMEOUT' || code === 'SN_UNAVAILABLE') return 'the instance is unreachable';
  return 'the start-up check failed';
}

async function checkMappings(options: PreflightOptions, mappings: NonNullable<PreflightOptions['mappings']>, budgetMs: number): Promise<void> {
  const where = `ServiceNow at ${options.instance}`;
  const gaps = await withDeadline(
    (async () => {
      const found: string[] = [];
      for (const mapping of mappings.tables) for (const { field, reason } of (await mappings.check(mapping)).missing) found.push(`${mapping.table}.${field} (${reason})`);
      return found;
    })(),
    budgetMs,
    () => new HandoffError('SN_TIMEOUT', `the mappings check against ${where} did not finish within ${seconds(budgetMs)}`, { retryable: false, remedy: 'run ai-handoff mappings check to see which table is slow, or start with --no-mappings-check' }),
  ).catch((cause: unknown) => {
    if (isHandoffError(cause)) throw cause;
    throw new HandoffError('SN_NETWORK', `the mappings check against ${where} failed`, { cause, retryable: false });
  });
  if (gaps.length === 0) return;
  const shown = gaps.slice(0, 3).join('; ');
  throw new HandoffError('MAPPING_FIELD_MISSING', `${gaps.length} mapped field(s) missing on ${where}: ${shown}${gaps.length > 3 ? `; and ${gaps.length - 3} more` : ''}`, {
    details: { missing: gaps.length },
    remedy: "install or upgrade the ServiceNow app (docs/servicenow-app.md) or correct the mapping files; 'ai-handoff mappings check' lists every gap; --no-mappings-check starts without this check",
  });
}

/** `promise`, or the error `onTimeout` builds when `ms` pass first. The promise's own work is left to end by itself. */
export async function withDeadline<T>(promise: Promise<T>, ms: number, onTimeout: () => Error): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(onTimeout()), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
    promise.catch(() => undefined);
  }
}

function seconds(ms: number): string {
  return `${Math.round(ms / 100) / 10} s`;
}
