/**
 * The worker's health, as a plain object the runtime holds and updates: is
 * it ready to take work, and why not. A later /readyz endpoint and metrics
 * read it through `snapshot()`; nothing here does I/O.
 */

export type RedisHealth = 'unknown' | 'safe' | 'unsafe' | 'unreachable';

export interface HealthSnapshot {
  /** True when the worker takes new work. */
  readonly ready: boolean;
  readonly redis: {
    readonly state: RedisHealth;
    /** When Redis was last checked (ISO 8601), null before the first check. */
    readonly checkedAt: string | null;
    /** The error code and message while unsafe or unreachable. */
    readonly problem: { readonly code: string; readonly message: string; readonly remedy: string | null } | null;
  };
}

export interface HealthState {
  snapshot(): HealthSnapshot;
  setRedis(state: RedisHealth, at: Date, problem?: HealthSnapshot['redis']['problem']): void;
}

export function createHealthState(): HealthState {
  let redis: HealthSnapshot['redis'] = { state: 'unknown', checkedAt: null, problem: null };
  return {
    snapshot: () => ({ ready: redis.state === 'safe', redis }),
    setRedis(state, at, problem = null) {
      redis = Object.freeze({ state, checkedAt: at.toISOString(), problem });
    },
  };
}
