/**
 * What this process knows of its dependencies: the instance, kept here as it
 * is observed (every HTTP attempt the connector makes, through the
 * transport's one observer hook, plus the watchdog's probe when nothing else
 * called lately), and Redis, read from the worker's own record of it (the
 * Redis monitor's, src/queue/health-state.ts), which is the one place Redis's
 * state is kept. Readiness, /metrics and the give-up bound read the
 * snapshot; nothing here does I/O.
 */
import type { RedisSnapshot } from '../queue/health-state.js';

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

export interface HealthSnapshot {
  readonly startedAt: number;
  readonly redis: RedisSnapshot;
  readonly instance: InstanceView;
}

export interface Health {
  instanceAttempt(status: number, operation: string): void;
  instanceFailed(problem: string): void;
  snapshot(): HealthSnapshot;
}

/** `redis` gives the worker's current record of Redis (HealthState.snapshot().redis). */
export function createHealth(redis: () => RedisSnapshot, now: () => number = Date.now): Health {
  const startedAt = now();
  let instance: InstanceView = { ok: false, failingSince: null, problem: null, lastOkAt: null, refused: false };

  const instanceFailure = (problem: string, refused = false): void => {
    instance = { ...instance, ok: false, problem, refused: refused || instance.refused, failingSince: instance.failingSince ?? now() };
  };

  return {
    instanceAttempt(status, operation) {
      const outcome = instanceOutcome(status, operation);
      if (outcome === 'ok') instance = { ok: true, failingSince: null, problem: null, lastOkAt: now(), refused: false };
      else if (outcome === 'auth') instanceFailure(`credentials refused (${status})`, true);
      else if (outcome === 'down') instanceFailure(status === 0 ? 'no answer (network error or timeout)' : `unavailable (${status})`);
      // 429: neither proof of health nor a failure; the transport waits it out.
    },
    instanceFailed: (problem) => instanceFailure(problem),
    snapshot: () => ({ startedAt, redis: redis(), instance }),
  };
}
