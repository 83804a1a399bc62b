/**
 * Re-checks Redis's safety while the worker runs (issue 11: a switch to
 * allkeys-lru while running went unnoticed). Each check updates the health
 * state; on the change to unsafe it logs one error and calls `onUnsafe` (the
 * runtime pauses its workers: no new work is taken), on the change back to
 * safe it logs once and calls `onSafe`. A Redis that cannot be reached is
 * `unreachable`, not unsafe: BullMQ reconnects on its own, and pausing would
 * not help.
 */
import type { Redis } from 'ioredis';
import { describeCause } from '../errors.js';
import type { Logger } from '../util/log.js';
import type { HealthState } from './health-state.js';
import { inspectRedis, unsafeReason, type RedisSafetyOptions } from './redis-safety.js';

export interface RedisSafetyMonitorOptions {
  readonly redis: Redis;
  readonly options: RedisSafetyOptions;
  /** Time between checks, in ms. */
  readonly everyMs: number;
  readonly health: HealthState;
  readonly log: Logger;
  readonly now: () => Date;
  readonly onUnsafe: () => Promise<void>;
  readonly onSafe: () => Promise<void>;
}

export interface RedisSafetyMonitor {
  /** One check now. */
  check(): Promise<void>;
  stop(): void;
}

export function startRedisSafetyMonitor(options: RedisSafetyMonitorOptions): RedisSafetyMonitor {
  const { health, log } = options;
  let paused = false;
  let running: Promise<void> | undefined;

  const checkOnce = async (): Promise<void> => {
    const at = options.now();
    let unsafe;
    try {
      unsafe = unsafeReason(await inspectRedis(options.redis), options.options);
    } catch (error) {
      if (health.snapshot().redis.state !== 'unreachable') log.warn('Redis safety re-check could not reach Redis', { error: describeCause(error) });
      health.setRedis('unreachable', at, { code: 'REDIS_UNAVAILABLE', message: describeCause(error), remedy: null });
      return;
    }
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
  const timer = setInterval(() => void check().catch((error: unknown) => log.error('Redis safety re-check failed', { error: describeCause(error) })), options.everyMs);
  timer.unref();
  return { check, stop: () => clearInterval(timer) };
}
