/**
 * What the worker process knows of Redis: the one record of it. The Redis
 * monitor (redis-monitor.ts) writes it; the worker's queues pause and resume
 * on it, and readiness, /metrics and the give-up bound (src/ops) read it.
 * Unreachable (no answer: the flow waits, BullMQ reconnects) and unsafe (it
 * answers, but could evict or lose jobs: no new work is taken) are kept
 * apart, so neither is ever reported as the other. Nothing here does I/O.
 */

export type RedisHealth = 'unknown' | 'safe' | 'unsafe' | 'unreachable';

export interface RedisProblem {
  readonly code: string;
  readonly message: string;
  readonly remedy: string | null;
}

export interface RedisSnapshot {
  readonly state: RedisHealth;
  /** When Redis was last checked (ISO 8601), null before the first check. */
  readonly checkedAt: string | null;
  /** When the current spell of no answer began (ISO 8601); null unless unreachable. */
  readonly unreachableSince: string | null;
  /** Whether the settings were safe when last read (kept while Redis does not answer); null before the first read. */
  readonly settingsSafe: boolean | null;
  /** The error code and message while unsafe or unreachable. */
  readonly problem: RedisProblem | null;
}

export interface HealthSnapshot {
  /** True when the worker takes new work. */
  readonly ready: boolean;
  readonly redis: RedisSnapshot;
}

export interface HealthState {
  snapshot(): HealthSnapshot;
  setRedis(state: RedisHealth, at: Date, problem?: RedisProblem | null): void;
}

export function createHealthState(): HealthState {
  let redis: RedisSnapshot = Object.freeze({ state: 'unknown', checkedAt: null, unreachableSince: null, settingsSafe: null, problem: null });
  return {
    snapshot: () => ({ ready: redis.state === 'safe', redis }),
    setRedis(state, at, problem = null) {
      // An outage is timed from its first failed check, however many follow.
      const unreachableSince = state !== 'unreachable' ? null : (redis.unreachableSince ?? at.toISOString());
      const settingsSafe = state === 'safe' ? true : state === 'unsafe' ? false : redis.settingsSafe;
      redis = Object.freeze({ state, checkedAt: at.toISOString(), unreachableSince, settingsSafe, problem });
    },
  };
}
