/**
 * The one HTTP path to a ServiceNow instance: Node's own client
 * (http-attempt.ts) with a deadline on every attempt, a per-instance
 * concurrency cap, and the retry rules of retry.ts. When the environment names
 * an outbound proxy (HTTPS_PROXY, HTTP_PROXY), calls go through axios
 * instead, which honours those variables and NO_PROXY as before (with its own
 * timeout plus an AbortSignal deadline, since axios's timeout is a
 * socket-idle timer). It never follows redirects (a redirect is a login page or another
 * host: credentials must not follow it) and keeps no cookies (an empty 202 on
 * GET comes from requests queuing on one session: ../shared/reference/
 * servicenow.md, "Errors"). It returns every final answer, success or not;
 * turning statuses into errors is the caller's job, except for transient
 * failures that ran out of attempts.
 */
import http from 'node:http';
import https from 'node:https';
import { setTimeout as sleepFor } from 'node:timers/promises';
import axios, { type AxiosInstance } from 'axios';
import { HandoffError } from '../../src/errors.js';
import { errorCode, httpAttempt } from './http-attempt.js';
import type { Logger } from '../../src/util/log.js';
import { BATCH_PATH, createBatcher } from './batch.js';
import { createLimiter, type Limiter } from './limiter.js';
import { backoffMs, isBlank, isTransient, safeToResend, serverHintMs, type AttemptOutcome, type HeaderMap, type RetryPolicy } from './retry.js';
import { describeCall, detailsOf, statusError, type CallContext } from './sn-errors.js';

/** Injectable clock, randomness and sleep, so tests control back-off exactly; and an observer of every attempt. */
export interface TransportDeps {
  readonly sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  readonly random?: () => number;
  readonly now?: () => number;
  /**
   * Told about every HTTP attempt once it ends (retries and token requests
   * included), for metrics and benchmarks. The path carries the query string,
   * whose values can be ticket data: count it, never log it.
   */
  readonly observe?: (attempt: ObservedAttempt) => void;
}

export interface ObservedAttempt {
  readonly method: TransportRequest['method'];
  /** Path and query string, as sent. */
  readonly path: string;
  readonly context: CallContext;
  /** The HTTP status; 0 when the attempt ended without an answer (network error, timeout). */
  readonly status: number;
  /** Wall time of the attempt, in ms, from sending (after any wait for a concurrency slot) to the whole body read. */
  readonly durationMs: number;
  /** 1 for a call's first attempt, 2 and up for its retries. */
  readonly attempt: number;
  /**
   * Set when this attempt was an item of a Batch API call (batch.ts): it was a
   * transaction on the instance but not an HTTP call of its own. The batch
   * call itself is observed too, with operation `batch` and `items`.
   */
  readonly batched?: boolean;
  /** On a batch call: how many calls it carried. */
  readonly items?: number;
}

export interface TransportOptions extends TransportDeps {
  /** The instance origin, e.g. https://acme.service-now.com. */
  readonly baseUrl: string;
  /** Deadline of one attempt, in ms. */
  readonly timeoutMs: number;
  /** Calls in flight at once against this instance. */
  readonly maxConcurrency: number;
  readonly retry: RetryPolicy;
  readonly log: Logger;
  /** Send the batchable calls queued in the same turn of the event loop as one Batch API call (batch.ts). Default false. */
  readonly batch?: boolean;
}

export interface TransportRequest {
  readonly method: 'GET' | 'POST' | 'PATCH';
  /** Path and query string, starting with '/'. */
  readonly path: string;
  /** Built before every attempt, so a retried call carries a current token. */
  readonly headers: () => Promise<Record<string, string>>;
  readonly body?: string;
  readonly contentType?: string;
  /** Whether sending the call twice is harmless; false for work-note appends (retry.ts, safeToResend). */
  readonly idempotent: boolean;
  /**
   * A small read (one record, a short list) or an idempotent write (the app
   * API's ticket write) that may go out in a Batch API call with others
   * (batch.ts); never a page of a pull.
   */
  readonly batchable?: boolean;
  readonly context: CallContext;
  readonly signal?: AbortSignal;
}

export interface TransportResponse {
  readonly status: number;
  /** Lower-case header names. */
  readonly headers: HeaderMap;
  readonly body: string;
}

export interface Transport {
  send(request: TransportRequest): Promise<TransportResponse>;
  readonly limiter: Limiter;
  /** Closes kept-alive sockets. */
  close(): void;
}

/** Outbound proxy variables axios honours; Node's own client does not. */
const PROXY_VARIABLES = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy'];

/** Largest response body accepted, in bytes: a page of 2,000 tickets with long descriptions fits many times over. */
const MAX_RESPONSE_BYTES = 256 * 1024 * 1024;

/** One HTTP exchange: the answer, or how it failed without one. */
export type Attempt =
  | { readonly outcome: AttemptOutcome & { kind: 'response' }; readonly response: TransportResponse }
  | { readonly outcome: AttemptOutcome & { kind: 'network' }; readonly cause: unknown }
  | { readonly outcome: AttemptOutcome & { kind: 'timeout' } };

export function createTransport(options: TransportOptions): Transport {
  const { timeoutMs, retry, log } = options;
  const sleep = options.sleep ?? ((ms: number, signal?: AbortSignal) => sleepFor(ms, undefined, signal ? { signal } : {}));
  const random = options.random ?? Math.random;
  const now = options.now ?? Date.now;
  const limiter = createLimiter(options.maxConcurrency);
  const httpAgent = new http.Agent({ keepAlive: true, maxSockets: options.maxConcurrency });
  const httpsAgent = new https.Agent({ keepAlive: true, maxSockets: options.maxConcurrency });
  const base = options.baseUrl.replace(/\/+$/, '');
  const viaProxy = PROXY_VARIABLES.some((name) => (process.env[name] ?? '') !== '');
  const client: AxiosInstance | null = !viaProxy ? null : axios.create({
    baseURL: options.baseUrl,
    timeout: timeoutMs,
    maxRedirects: 0,
    validateStatus: () => true,
    responseType: 'text',
    transformResponse: [(data: unknown) => data],
    maxContentLength: MAX_RESPONSE_BYTES,
    httpAgent,
    httpsAgent,
    transitional: { clarifyTimeoutError: true },
  });

  const attemptOnce = async (request: TransportRequest, headers: Record<string, string>): Promise<Attempt> => {
    if (client !== null) return attemptWithAxios(client, request, headers);
    const sent = { Accept: 'application/json', ...(request.body === undefined ? {} : { 'Content-Type': request.contentType ?? 'application/json' }), ...headers };
    const url = new URL(`${base}${request.path}`);
    const answer = await httpAttempt({ url, method: request.method, headers: sent, ...(request.body === undefined ? {} : { body: request.body }), timeoutMs, maxBytes: MAX_RESPONSE_BYTES, agent: url.protocol === 'https:' ? httpsAgent : httpAgent, ...(request.signal ? { signal: request.signal } : {}) });
    if (answer.kind === 'timeout') return { outcome: { kind: 'timeout' } };
    if (answer.kind === 'network') return { outcome: { kind: 'network', code: answer.code }, cause: answer.cause };
    const response: TransportResponse = { status: answer.status, headers: lowerCaseHeaders(answer.headers), body: answer.body };
    return { outcome: { kind: 'response', status: answer.status, method: request.method, emptyBody: isBlank(answer.body) }, response };
  };

  const attemptWithAxios = async (axiosClient: AxiosInstance, request: TransportRequest, headers: Record<string, string>): Promise<Attempt> => {
    const deadline = AbortSignal.timeout(timeoutMs);
    const signal = request.signal ? AbortSignal.any([request.signal, deadline]) : deadline;
    try {
      const res = await axiosClient.request<unknown>({
        method: request.method,
        url: request.path,
        headers: { Accept: 'application/json', ...(request.body === undefined ? {} : { 'Content-Type': request.contentType ?? 'application/json' }), ...headers },
        ...(request.body === undefined ? {} : { data: request.body }),
        signal,
      });
      // responseType 'text' with an identity transform: the body is the raw string (or nothing).
      const body = typeof res.data === 'string' ? res.data : '';
      const response: TransportResponse = { status: res.status, headers: lowerCaseHeaders(res.headers), body };
      return { outcome: { kind: 'response', status: res.status, method: request.method, emptyBody: isBlank(body) }, response };
    } catch (error) {
      if (request.signal?.aborted) throw request.signal.reason;
      const code = errorCode(error);
      if (deadline.aborted || code === 'ETIMEDOUT' || code === 'ECONNABORTED') return { outcome: { kind: 'timeout' } };
      return { outcome: { kind: 'network', code }, cause: error };
    }
  };

  const failure = (request: TransportRequest, attempt: Attempt, attempts: number, retryAfterMs: number | undefined, ambiguous: boolean): HandoffError => {
    const { context } = request;
    const tries = attempts > 1 ? ` after ${attempts} attempts` : '';
    const extra = ambiguous ? { ambiguous: true } : {};
    const remedyAmbiguous = 'the write may or may not have been applied: check the journal for the note before sending it again';
    if ('response' in attempt) {
      const error = statusError(attempt.response.status, context, attempt.response.body, { attempts, ...(retryAfterMs === undefined ? {} : { retryAfterMs }) });
      if (!ambiguous) return error;
      return new HandoffError(error.code, error.message, { details: { ...error.details, ...extra }, remedy: remedyAmbiguous });
    }
    if (attempt.outcome.kind === 'timeout') {
      return new HandoffError('SN_TIMEOUT', `ServiceNow ${describeCall(context)} did not answer within ${timeoutMs} ms${tries}`, {
        details: detailsOf(context, { timeoutMs, ...extra }),
        remedy: ambiguous ? remedyAmbiguous : 'the instance is slow; raise SN_TIMEOUT_MS or narrow the query',
      });
    }
    const cause = 'cause' in attempt ? attempt.cause : undefined;
    return new HandoffError('SN_NETWORK', `ServiceNow ${describeCall(context)} failed to connect or was cut off (${attempt.outcome.code})${tries}`, {
      details: detailsOf(context, { networkCode: attempt.outcome.code, ...extra }),
      cause,
      remedy: ambiguous ? remedyAmbiguous : 'check SN_INSTANCE_URL and the network path to the instance',
    });
  };

  const batcher = options.batch === true
    ? createBatcher({
        limiter,
        log,
        attempt: (request, headers) => attemptOnce({ ...request, headers: () => Promise.resolve(headers), idempotent: true }, headers),
        observe: (call) => options.observe?.({ method: 'POST', path: BATCH_PATH, context: { operation: 'batch' }, status: call.status, durationMs: call.durationMs, attempt: 1, items: call.items }),
      })
    : null;

  /**
   * One attempt of a call: a first attempt in the next batch when it may go
   * in one, else alone under the concurrency cap. A retry goes alone: calls
   * that failed together (a rate limit's 429s, a 503) would otherwise come
   * back together at the same moment, in one batch, and meet the limit again
   * as a block (under a limit of 10 calls per 2 s a hand-off took 15 s, not 2).
   */
  const attemptOf = async (request: TransportRequest, headers: Record<string, string>, attempt: number): Promise<{ readonly result: Attempt; readonly batched: boolean; readonly started: number }> => {
    let started = performance.now();
    if (attempt === 1 && batcher !== null && batcher.enabled && request.batchable === true && (request.method === 'GET' || (request.method === 'POST' && request.idempotent))) {
      const { method, path, body, context, signal } = request;
      const answer = await batcher.send({ method, path, context, ...(body === undefined ? {} : { body }), ...(signal ? { signal } : {}) }, headers);
      return { result: answer.attempt, batched: answer.batched, started };
    }
    const result = await limiter.run(() => {
      started = performance.now();
      return attemptOnce(request, headers);
    }, request.signal);
    return { result, batched: false, started };
  };

  return {
    limiter,
    close() {
      httpAgent.destroy();
      httpsAgent.destroy();
    },
    async send(request) {
      for (let attempt = 1; ; attempt += 1) {
        const headers = await request.headers();
        const { result, batched, started } = await attemptOf(request, headers, attempt);
        const { outcome } = result;
        options.observe?.({ method: request.method, path: request.path, context: request.context, status: 'response' in result ? result.response.status : 0, durationMs: performance.now() - started, attempt, ...(batched ? { batched } : {}) });
        if ('response' in result && !isTransient(outcome)) return result.response;
        if (!request.idempotent && !safeToResend(outcome)) throw failure(request, result, attempt, undefined, true);
        const hint = 'response' in result ? serverHintMs(result.response.headers, now()) : undefined;
        if (hint !== undefined && hint > retry.maxInlineWaitMs) throw failure(request, result, attempt, hint, false);
        if (attempt >= retry.maxAttempts) throw failure(request, result, attempt, hint, false);
        const delayMs = hint ?? backoffMs(attempt, retry, random);
        log.warn('ServiceNow call failed; trying again', {
          ...detailsOf(request.context, {}),
          ...(outcome.kind === 'response' ? { status: outcome.status } : outcome.kind === 'network' ? { networkCode: outcome.code } : { timeoutMs }),
          attempt,
          delayMs,
          serverHint: hint !== undefined,
        });
        await sleep(delayMs, request.signal);
      }
    },
  };
}

function lowerCaseHeaders(headers: unknown): HeaderMap {
  const out: Record<string, string> = {};
  if (typeof headers !== 'object' || headers === null) return out;
  for (const [name, value] of Object.entries(headers as Record<string, unknown>)) {
    if (typeof value === 'string') out[name.toLowerCase()] = value;
    else if (typeof value === 'number') out[name.toLowerCase()] = String(value);
    else if (Array.isArray(value)) out[name.toLowerCase()] = value.map(String).join(', ');
  }
  return out;
}
