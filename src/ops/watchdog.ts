/**
 * The running worker's health checks: every `ops.checkEveryMs` a PING to
 * Redis, every `ops.safetyEveryMs` its eviction and persistence settings
 * again, and a probe of the instance when no call answered lately (a worker
 * whose sync passes another process holds makes no calls of its own).
 * Outages shorter than `ops.giveUpAfterMs` are only recorded (the flow
 * retries with back-off; readiness and metrics show them); one that lasts
 * longer is handed to `onGiveUp`, which ends the worker with one line so its
 * supervisor restarts it and someone is told (issue 14).
 */
import type { Redis } from 'ioredis';
import type { Ops } from '../config/ops.js';
import { describeCause, HandoffError, isHandoffError } from '../errors.js';
import { assertRedisSafe, type RedisSafetyOptions } from '../queue/redis-safety.js';
import type { Logger } from '../util/log.js';
import type { Health } from './health.js';

export interface WatchdogOptions {
  readonly health: Health;
  /** A connection that fails fast while Redis is away (no offline queue). */
  readonly redis: Redis;
  readonly redisSafety?: RedisSafetyOptions;
  /** Redis and the instance as host:port, for the give-up line. */
  readonly redisWhere: string;
  readonly instanceWhere: string;
  /** One cheap authenticated call to the instance; its HTTP attempts reach health through the transport hook. */
  readonly probe: () => Promise<unknown>;
  readonly ops: Ops;
  readonly log: Logger;
  readonly onGiveUp: (error: HandoffError) => void;
  readonly now?: () => number;
}

export interface Watchdog {
  /** Runs one round of checks now (also what the timer runs). */
  check(): Promise<void>;
  stop(): void;
}

export function startWatchdog(options: WatchdogOptions): Watchdog {
  const { health, redis, ops, log } = options;
  const now = options.now ?? Date.now;
  let lastSafety = 0;
  let probing = false;
  let gaveUp = false;
  let running: Promise<void> | null = null;

  const checkRedis = async (): Promise<void> => {
    try {
      await redis.ping();
      health.redisAnswered();
    } catch (error) {
      const was = health.snapshot().redis.ok;
      health.redisFailed(describeCause(error));
      if (was) log.warn('Redis is not answering; the flow waits for it', { redis: options.redisWhere });
      return;
    }
    if (now() - lastSafety < ops.safetyEveryMs) return;
    lastSafety = now();
    try {
      await assertRedisSafe(redis, options.redisSafety);
      health.redisSafety(null);
    } catch (error) {
      if (isHandoffError(error, 'REDIS_UNSAFE')) health.redisSafety(error.message);
    }
  };

  const checkInstance = (): void => {
    const { instance } = health.snapshot();
    const quietFor = instance.lastOkAt === null ? Infinity : now() - instance.lastOkAt;
    if (probing || quietFor < ops.readiness.instanceFreshMs / 2) return;
    probing = true;
    options
      .probe()
      .catch((error: unknown) => {
        // HTTP failures reached health through the transport; anything else (a token endpoint's network error) is recorded here.
        if (!isHandoffError(error) || !error.code.startsWith('SN_')) health.instanceFailed(describeCause(error));
      })
      .finally(() => {
        probing = false;
      });
  };

  const checkGiveUp = (): void => {
    if (gaveUp || ops.giveUpAfterMs === 0) return;
    const { redis: r, instance: i } = health.snapshot();
    const bound = ops.giveUpAfterMs;
    const secs = (since: number): number => Math.round((now() - since) / 1000);
    let error: HandoffError | null = null;
    if (!r.ok && r.failingSince !== null && now() - r.failingSince >= bound) {
      error = new HandoffError('REDIS_UNAVAILABLE', `Redis at ${options.redisWhere} has not answered for ${secs(r.failingSince)} s (${r.problem ?? 'no answer'}); giving up after ops.giveUpAfterMs`, {
        retryable: false,
        remedy: 'bring Redis back (or fail over); the supervisor restarts the worker, which waits at start until Redis answers',
      });
    } else if (!i.ok && i.failingSince !== null && now() - i.failingSince >= bound) {
      const auth = (i.problem ?? '').startsWith('credentials');
      error = new HandoffError(auth ? 'SN_AUTH_FAILED' : 'SN_UNAVAILABLE', `ServiceNow at ${options.instanceWhere}: ${i.problem ?? 'no answer'} for ${secs(i.failingSince)} s; giving up after ops.giveUpAfterMs`, {
        retryable: false,
        remedy: auth ? "restore the integration user's credentials (or its active flag) and start the worker again" : 'check the instance and the network path to it; the supervisor restarts the worker',
      });
    }
    if (error === null) return;
    gaveUp = true;
    options.onGiveUp(error);
  };

  const check = async (): Promise<void> => {
    running ??= (async () => {
      try {
        await checkRedis();
        checkInstance();
        checkGiveUp();
      } finally {
        running = null;
      }
    })();
    return running;
  };

  const timer = setInterval(() => void check(), ops.checkEveryMs);
  timer.unref();
  void check();
  return { check, stop: () => clearInterval(timer) };
}
