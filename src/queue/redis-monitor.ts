/**
 * Watches Redis while the worker runs, for the whole process: every
 * `pingEveryMs` a PING, and every `safetyEveryMs` (and at once when Redis
 * answers again after an outage: a failover may have brought another
 * server) its eviction policy and persistence (issue 11: a switch to
 * allkeys-lru while running went unnoticed). Each check updates the health
 * state (health-state.ts), which readiness and /metrics read (issue 14).
 *
 * - No answer (refused, timed out, cut): `unreachable`, timed from the first
 *   failed check. Logged once; the queues are left alone, since BullMQ
 *   reconnects on its own and pausing would not help.
 * - Answers but unsafe: `unsafe`; on the change it logs one error and calls
 *   `onUnsafe` (the runtime pauses its workers: no new work is taken).
 * - Answers and safe: `safe`; after unsafe it logs once and calls `onSafe`.
 *
 * The connection must fail fast while Redis is away (no offline queue, a
 * short command timeout), or a check would wait for Redis instead of saying
 * it is gone.
 */
import type { Redis } from 'ioredis';
import { describeCause } from '../errors.js';
import type { Logger } from '../util/log.js';
import type { HealthState } from './health-state.js';
import { inspectRedis, unsafeReason, type RedisSafetyOptions } from './redis-safety.js';

export interface RedisMonitorOptions {
  /** A connection of its own that fails fast while Redis is away. */
  readonly redis: Redis;
  readonly options: RedisSafetyOptions;
  /** Time between PINGs, in ms (ops.checkEveryMs). */
  readonly pingEveryMs: number;
  /** Time between reads of the safety settings, in ms (worker.redis.recheckEveryMs). */
  readonly safetyEveryMs: number;
  /** Redis as host:port, for the log (never credentials). */
  readonly where: string;
  readonly health: HealthState;
  readonly log: Logger;
  readonly now: () => Date;
  readonly onUnsafe: () => Promise<void>;
  readonly onSafe: () => Promise<void>;
}

export interface RedisMonitor {
  /** One check now (the PING, and the safety settings when due). */
  check(): Promise<void>;
  stop(): void;
}

export function startRedisMonitor(options: RedisMonitorOptions): RedisMonitor {
  const { health, log, redis } = options;
  let paused = false;
  let lastSafety = options.now().getTime();
  let running: Promise<void> | undefined;
  // A command on a connection that is down fails with "Stream isn't writeable"; the socket's own error says why.
  let connectionError: unknown;
  const onError = (error: unknown): void => {
    connectionError = error;
  };
  const onReady = (): void => {
    connectionError = undefined;
  };
  redis.on('error', onError);
  redis.on('ready', onReady);

  const unreachable = (error: unknown, at: Date): void => {
    if (health.snapshot().redis.state !== 'unreachable') log.warn('Redis is not answering; the flow waits for it', { redis: options.where, error: describeCause(connectionError ?? error) });
    health.setRedis('unreachable', at, { code: 'REDIS_UNAVAILABLE', message: describeCause(connectionError ?? error), remedy: null });
  };

  const checkOnce = async (): Promise<void> => {
    const at = options.now();
    const before = health.snapshot().redis.state;
    try {
      await redis.ping();
    } catch (error) {
      unreachable(error, at);
      return;
    }
    const answeredAgain = before === 'unreachable' || before === 'unknown';
    if (!answeredAgain && at.getTime() - lastSafety < options.safetyEveryMs) return;
    let unsafe;
    try {
      // inspectRedis throws on a lost connection; only a refused CONFIG (a managed service) reads as unknown settings.
      unsafe = unsafeReason(await inspectRedis(redis), options.options);
    } catch (error) {
      unreachable(error, at);
      return;
    }
    lastSafety = at.getTime();
    if (before === 'unreachable') log.info('Redis answers again', { redis: options.where });
    if (unsafe) {
      health.setRedis('unsafe', at, { code: unsafe.code, message: unsafe.message, remedy: unsafe.remedy ?? null });
      if (!paused) {
        paused = true;
        log.error('Redis became unsafe: the worker takes no new work until it is fixed', { code: unsafe.code, message: unsafe.message, remedy: unsafe.remedy });
        await options.onUnsafe();
      }
      return;
    }
    health.setRedis('safe', at);
    if (paused) {
      paused = false;
      log.info('Redis is safe again: the worker takes work again');
      await options.onSafe();
    }
  };

  const check = (): Promise<void> => {
    running ??= checkOnce().finally(() => (running = undefined));
    return running;
  };
  // Each tick PINGs; a safety interval shorter than the PING's sets the pace.
  const timer = setInterval(() => void check().catch((error: unknown) => log.error('Redis check failed', { error: describeCause(error) })), Math.min(options.pingEveryMs, options.safetyEveryMs));
  timer.unref();
  return {
    check,
    stop() {
      clearInterval(timer);
      redis.off('error', onError);
      redis.off('ready', onReady);
    },
  };
}
