/**
 * The running worker's give-up bound, and its instance probe: every
 * `ops.checkEveryMs` a probe of the instance when no call answered lately (a
 * worker whose sync passes another process holds makes no calls of its
 * own), then the bound. Redis is watched by the worker's Redis monitor
 * (src/queue/redis-monitor.ts), whose record the health snapshot carries.
 * Outages shorter than `ops.giveUpAfterMs` are only recorded (the flow
 * retries with back-off; readiness and metrics show them); one that lasts
 * longer is handed to `onGiveUp`, which ends the worker with one line so its
 * supervisor restarts it and someone is told (issue 14).
 */
import type { Ops } from '../config/ops.js';
import { describeCause, HandoffError, isHandoffError } from '../errors.js';
import type { Health } from './health.js';

export interface WatchdogOptions {
  readonly health: Health;
  /** Redis and the instance as host:port, for the give-up line. */
  readonly redisWhere: string;
  readonly instanceWhere: string;
  /** One cheap authenticated call to the instance; its HTTP attempts reach health through the transport hook. */
  readonly probe: () => Promise<unknown>;
  readonly ops: Ops;
  readonly onGiveUp: (error: HandoffError) => void;
  readonly now?: () => number;
}

export interface Watchdog {
  /** Runs one round of checks now (also what the timer runs). */
  check(): void;
  stop(): void;
}

export function startWatchdog(options: WatchdogOptions): Watchdog {
  const { health, ops } = options;
  const now = options.now ?? Date.now;
  let probing = false;
  let gaveUp = false;

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
    const redisSince = r.state === 'unreachable' && r.unreachableSince !== null ? Date.parse(r.unreachableSince) : null;
    if (redisSince !== null && now() - redisSince >= bound) {
      error = new HandoffError('REDIS_UNAVAILABLE', `Redis at ${options.redisWhere} has not answered for ${secs(redisSince)} s (${r.problem?.message ?? 'no answer'}); giving up after ops.giveUpAfterMs`, {
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

  const check = (): void => {
    checkInstance();
    checkGiveUp();
  };

  const timer = setInterval(check, ops.checkEveryMs);
  timer.unref();
  check();
  return { check, stop: () => clearInterval(timer) };
}
