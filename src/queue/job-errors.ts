/**
 * The one place errors become BullMQ outcomes (STYLE.md §3):
 * - a non-retryable HandoffError (or any error marked so) fails the job at
 *   once (`UnrecoverableError`): retrying a 403 or a refused write cannot help;
 * - a retryable one is thrown as is and retried with `backoffStrategy`, which
 *   honours the server's hint (`retryAfterMs`, from Retry-After or
 *   X-RateLimit-Reset) and otherwise backs off exponentially with full jitter;
 * - an unexpected error (a bug, a parse failure) is retried a bounded number
 *   of times, then fails, keeping only its scrubbed message.
 */
import { UnrecoverableError } from 'bullmq';
import { describeCause, isHandoffError } from '../errors.js';

/** Base delay for exponential back-off, in ms. */
export const BACKOFF_BASE_MS = 1_000;
/** Longest back-off, in ms. */
export const BACKOFF_CAP_MS = 60_000;
/** The backoff type name jobs use (`backoff: { type: HANDOFF_BACKOFF }`). */
export const HANDOFF_BACKOFF = 'handoff';

export function toJobFailure(error: unknown): Error {
  if (isHandoffError(error)) {
    if (!error.retryable) {
      const failure = new UnrecoverableError(`${error.code}: ${error.message}`);
      return failure;
    }
    return error;
  }
  return new Error(describeCause(error));
}

/** BullMQ `settings.backoffStrategy`. */
export function backoffStrategy(attemptsMade: number, _type?: string, error?: Error, random: () => number = Math.random): number {
  if (isHandoffError(error) && error.retryAfterMs !== undefined) return Math.min(Math.max(error.retryAfterMs, 0), 10 * BACKOFF_CAP_MS);
  const ceiling = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, attemptsMade - 1));
  return Math.round(random() * ceiling);
}

/** Wraps a processor so every error leaves through `toJobFailure`. */
export function mapJobErrors<A extends unknown[], R>(processor: (...args: A) => Promise<R>): (...args: A) => Promise<R> {
  return async (...args: A) => {
    try {
      return await processor(...args);
    } catch (error) {
      throw toJobFailure(error);
    }
  };
}
