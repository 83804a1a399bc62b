/**
 * A small concurrency cap: at most `max` calls in flight, the rest wait in
 * arrival order. One per instance: ServiceNow serves integrations from a pool
 * of 4 threads per node with a queue of 50, and answers 429 beyond it
 * (../shared/reference/servicenow.md, "Rate limits and time limits").
 */

export interface Limiter {
  /** Runs `task` once a slot is free; a waiting call leaves the queue when `signal` aborts. */
  run<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T>;
  /** Calls running now. */
  readonly active: number;
  /** Calls waiting for a slot. */
  readonly waiting: number;
}

export function createLimiter(max: number): Limiter {
  if (!Number.isInteger(max) || max < 1) throw new RangeError(`limiter size must be a positive integer, got ${max}`);
  let active = 0;
  const queue: Array<() => void> = [];

  const acquire = (signal?: AbortSignal): Promise<void> => {
    if (active < max) {
      active += 1;
      return Promise.resolve();
    }
    return new Promise<void>((resolve, reject) => {
      const grant = (): void => {
        signal?.removeEventListener('abort', onAbort);
        active += 1;
        resolve();
      };
      const onAbort = (): void => {
        const at = queue.indexOf(grant);
        if (at >= 0) queue.splice(at, 1);
        reject(signal?.reason instanceof Error ? signal.reason : new Error('aborted while waiting for a ServiceNow call slot'));
      };
      if (signal?.aborted) return onAbort();
      signal?.addEventListener('abort', onAbort, { once: true });
      queue.push(grant);
    });
  };

  const release = (): void => {
    active -= 1;
    queue.shift()?.();
  };

  return {
    async run(task, signal) {
      await acquire(signal);
      try {
        return await task();
      } finally {
        release();
      }
    },
    get active() {
      return active;
    },
    get waiting() {
      return queue.length;
    },
  };
}
