/**
 * What this process knows of its dependencies, kept as they are observed:
 * Redis (the watchdog's PING and safety reads), the instance (every HTTP
 * attempt the connector makes, through the transport's one observer hook,
 * plus the watchdog's probe when nothing else called lately). Readiness,
 * /metrics and the give-up bound read it; nothing here does I/O.
 */

/** How an instance attempt ended, for health. */
export type InstanceOutcome = 'ok' | 'auth' | 'throttled' | 'down';

/**
 * What an HTTP status says about the instance and the credentials:
 * - a 2xx (but 202, ServiceNow's empty "queued on the session" answer), or a
 *   400, 403, 404, 409 or 422: the instance answered a call it authenticated;
 * - 401, or a 400 from the token endpoint: the credentials were refused;
 * - 429: the instance is up but throttling (proves nothing of the credentials);
 * - 0 (no answer), 202 or 5xx: the instance is not serving.
 */
export function instanceOutcome(status: number, operation: string): InstanceOutcome {
  if (status === 401 || (operation === 'token' && status === 400)) return 'auth';
  if (status === 429) return 'throttled';
  if (status === 0 || status === 202 || status >= 500) return 'down';
  return 'ok';
}

export interface DependencyView {
  /** Whether the last observation was healthy. */
  readonly ok: boolean;
  /** When the current failure began (ms since the epoch); null while healthy. */
  readonly failingSince: number | null;
  /** The last problem, as a short code-like phrase (never a host's credentials or ticket data). */
  readonly problem: string | null;
}

export interface InstanceView extends DependencyView {
  /** When the instance last answered an authenticated call (ms since the epoch); null if never. */
  readonly lastOkAt: number | null;
  /** Whether the current failure is the credentials refused (not ready at once), rather than the instance away. */
  readonly refused: boolean;
}

export interface RedisView extends DependencyView {
  /** Why Redis is unsafe (eviction policy, persistence), or null when it was safe when last read. */
  readonly unsafe: string | null;
}

export interface HealthSnapshot {
  readonly startedAt: number;
  readonly redis: RedisView;
  readonly instance: InstanceView;
}

export interface Health {
  redisAnswered(): void;
  redisFailed(problem: string): void;
  redisSafety(unsafe: string | null): void;
  instanceAttempt(status: number, operation: string): void;
  instanceFailed(problem: string): void;
  snapshot(): HealthSnapshot;
}

export function createHealth(now: () => number = Date.now): Health {
  const startedAt = now();
  let redis: RedisView = { ok: true, failingSince: null, problem: null, unsafe: null };
  let instance: InstanceView = { ok: false, failingSince: null, problem: null, lastOkAt: null, refused: false };

  const instanceFailure = (problem: string, refused = false): void => {
    instance = { ...instance, ok: false, problem, refused: refused || instance.refused, failingSince: instance.failingSince ?? now() };
  };

  return {
    redisAnswered() {
      redis = { ...redis, ok: true, failingSince: null, problem: null };
    },
    redisFailed(problem) {
      redis = { ...redis, ok: false, problem, failingSince: redis.failingSince ?? now() };
    },
    redisSafety(unsafe) {
      redis = { ...redis, unsafe };
    },
    instanceAttempt(status, operation) {
      const outcome = instanceOutcome(status, operation);
      if (outcome === 'ok') instance = { ok: true, failingSince: null, problem: null, lastOkAt: now(), refused: false };
      else if (outcome === 'auth') instanceFailure(`credentials refused (${status})`, true);
      else if (outcome === 'down') instanceFailure(status === 0 ? 'no answer (network error or timeout)' : `unavailable (${status})`);
      // 429: neither proof of health nor a failure; the transport waits it out.
    },
    instanceFailed: (problem) => instanceFailure(problem),
    snapshot: () => ({ startedAt, redis, instance }),
  };
}
