/**
 * Retry and back-off rules for ServiceNow calls, as data (STYLE.md, 7): which
 * answers are tried again, how long to wait, and when server hints win.
 *
 * Facts (../shared/reference/servicenow.md, "Rate limits and time limits"):
 * an hourly rate-limit rule answers 429 with `Retry-After` (seconds) and
 * `X-RateLimit-Reset` (UNIX time of the next reset); a 429 without those
 * headers means the integration thread pool (4 per node, queue of 50) is full;
 * a GET can come back as an empty 202 when requests queue on one session.
 */

/** Tunables for the back-off; every field has a default in `DEFAULT_RETRY_POLICY`. */
export interface RetryPolicy {
  /** Attempts in total, the first included. Default 5. */
  readonly maxAttempts: number;
  /** Ceiling of the first back-off, in ms; doubles each attempt. Default 500. */
  readonly baseDelayMs: number;
  /** Largest back-off ceiling, in ms. Default 30,000. */
  readonly maxDelayMs: number;
  /**
   * Longest server hint (Retry-After, X-RateLimit-Reset) waited in-process, in
   * ms. A longer hint is not slept on: the call fails with SN_RATE_LIMITED and
   * `retryAfterMs`, so the queue can delay the job instead of holding a worker.
   * Default 60,000.
   */
  readonly maxInlineWaitMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = Object.freeze({
  maxAttempts: 5,
  baseDelayMs: 500,
  maxDelayMs: 30_000,
  maxInlineWaitMs: 60_000,
});

/** Statuses that are never tried again: trying the same request cannot change the answer. */
export const NEVER_RETRY_STATUSES: readonly number[] = Object.freeze([400, 401, 403, 404]);

/** 5xx statuses that are permanent (the server will never support the call). */
const PERMANENT_5XX: readonly number[] = [501, 505];

/**
 * Network error codes that prove the request never reached the server, so
 * even a non-idempotent call (a work-note append) may be sent again.
 */
export const NOT_SENT_CODES: readonly string[] = Object.freeze(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN']);

/** What one attempt produced, reduced to what the retry decision needs. */
export type AttemptOutcome =
  | { readonly kind: 'response'; readonly status: number; readonly method: string; readonly emptyBody: boolean }
  | { readonly kind: 'network'; readonly code: string }
  | { readonly kind: 'timeout' };

/** Whether a body is empty or only whitespace (an outcome's `emptyBody`), without copying a page of megabytes as trim() would. */
export function isBlank(body: string): boolean {
  return !/\S/.test(body);
}

/** Whether the outcome is a transient failure worth another attempt (ignoring idempotency). */
export function isTransient(outcome: AttemptOutcome): boolean {
  if (outcome.kind !== 'response') return true;
  const { status } = outcome;
  if (NEVER_RETRY_STATUSES.includes(status)) return false;
  if (status === 429) return true;
  // An empty 202 on a GET: the request queued behind another on one session.
  if (status === 202 && outcome.method === 'GET' && outcome.emptyBody) return true;
  return status >= 500 && status <= 599 && !PERMANENT_5XX.includes(status);
}

/**
 * Whether a non-idempotent call (it appends a work note) may be sent again
 * after this outcome: only when the server cannot have applied it. A 429 is
 * refused before processing; a refused connection never carried the request.
 * Anything else (5xx, reset, timeout) is ambiguous: the error surfaces and the
 * write-back's idempotency marker decides (the note may already be there).
 */
export function safeToResend(outcome: AttemptOutcome): boolean {
  if (outcome.kind === 'response') return outcome.status === 429;
  return outcome.kind === 'network' && NOT_SENT_CODES.includes(outcome.code);
}

/**
 * Exponential back-off with full jitter: a uniform wait in
 * [0, min(maxDelayMs, baseDelayMs * 2^(attempt-1))). `attempt` counts from 1.
 */
export function backoffMs(attempt: number, policy: RetryPolicy, random: () => number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  return Math.floor(random() * ceiling);
}

/** Response headers as the transport hands them over: lower-case names. */
export type HeaderMap = Readonly<Record<string, string | undefined>>;

/**
 * The server's own answer to "when may I try again", in ms from `now`, or
 * undefined without a usable hint. `Retry-After` (seconds or an HTTP date,
 * RFC 9110 §10.2.3) wins; otherwise `X-RateLimit-Reset` (UNIX seconds, as
 * ServiceNow's rate-limit rules send it).
 */
export function serverHintMs(headers: HeaderMap, now: number): number | undefined {
  const retryAfter = headers['retry-after']?.trim();
  if (retryAfter) {
    if (/^\d+$/.test(retryAfter)) return Number(retryAfter) * 1000;
    const at = Date.parse(retryAfter);
    if (!Number.isNaN(at)) return Math.max(0, at - now);
  }
  const reset = headers['x-ratelimit-reset']?.trim();
  if (reset && /^\d+(\.\d+)?$/.test(reset)) return Math.max(0, Math.ceil(Number(reset) * 1000 - now));
  return undefined;
}
