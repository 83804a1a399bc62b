/**
 * Calls sent together through ServiceNow's Batch API (`POST /api/now/v1/batch`,
 * ServiceNow's REST API reference, "Batch API"). A hand-off's source reads
 * (the journal, the CI record, the two related lists) and pickup's two reads
 * (the ticket, its class's sys_audit rows) go out at the same moment; each
 * HTTP call costs the worker about as much CPU as the work on its answer
 * (issue 13's profile: a fifth of the worker's time per hand-off was HTTP
 * calls), so small reads queued in the same turn of the event loop leave as
 * one call, and each item's answer comes back as if it had been its own
 * call: its status, headers and body, through the same retry rules.
 *
 * The instance runs each item with the batch's credentials and the ACLs of
 * that call; each item is still a transaction there, so the rate-limit
 * arithmetic (docs/performance.md) counts items, not batches.
 *
 * What the batch's own answer means for its items:
 * - 200 with `serviced_requests`: each item its own answer; one missing (the
 *   batch hit a size or time limit: `unserviced_requests`) is sent alone;
 * - 401: every item gets the 401, so the caller authenticates again once as
 *   for a single call;
 * - 429, 5xx, an empty 202, a timeout or a cut connection: every item gets it,
 *   so each is retried as a single call would be (a retry goes alone:
 *   http-transport.ts);
 * - anything else (400, 403, 404, 405: an instance that does not offer the
 *   Batch API to this user): batching stops for this process, with one
 *   warning, and every call is sent alone from then on.
 */
import type { Logger } from '../../src/util/log.js';
import type { Limiter } from './limiter.js';
import { isBlank } from './retry.js';
import { abortError } from './http-attempt.js';
import type { Attempt, TransportResponse } from './http-transport.js';
import type { CallContext } from './sn-errors.js';

/** The Batch API's path: versioned, as instances require. */
export const BATCH_PATH = '/api/now/v1/batch';

/** Items per batch at most: the instance ends a batch transaction at 30 s, and these are small reads. */
export const MAX_BATCH_ITEMS = 20;

export interface BatchRequest {
  /** A read, or a write safe to send twice (the app API's ticket write: its note goes with its key). */
  readonly method: 'GET' | 'POST';
  readonly path: string;
  /** A POST's JSON body. */
  readonly body?: string;
  readonly context: CallContext;
  readonly signal?: AbortSignal;
}

export interface BatcherOptions {
  /** Sends one request (the batch, or an item alone) and reads its whole answer. */
  readonly attempt: (request: BatchRequest, headers: Record<string, string>) => Promise<Attempt>;
  readonly limiter: Limiter;
  readonly log: Logger;
  /** Told about each batch call once it ends (the items are reported by their callers). */
  readonly observe?: (call: { readonly status: number; readonly durationMs: number; readonly items: number }) => void;
}

export interface Batcher {
  /**
   * Queues a call for the next batch; answers with what this one call got
   * and whether it went in a batch (false: it was sent alone). An abort
   * rejects it at once; a batch already sent still runs it.
   */
  send(request: BatchRequest, headers: Record<string, string>): Promise<{ readonly attempt: Attempt; readonly batched: boolean }>;
  /** False once the instance has refused the Batch API. */
  readonly enabled: boolean;
}

interface Queued {
  readonly request: BatchRequest;
  readonly headers: Record<string, string>;
  readonly resolve: (value: { readonly attempt: Attempt; readonly batched: boolean }) => void;
  readonly reject: (error: unknown) => void;
}

const BATCH_CONTEXT: CallContext = { operation: 'batch' };
const ACCEPT = [{ name: 'Accept', value: 'application/json' }];
const WITH_BODY = [...ACCEPT, { name: 'Content-Type', value: 'application/json' }];

export function createBatcher(options: BatcherOptions): Batcher {
  const { limiter, log } = options;
  let queue: Queued[] = [];
  let scheduled = false;
  let enabled = true;
  let sequence = 0;

  const alone = async (item: Queued): Promise<void> => {
    try {
      const attempt = await limiter.run(() => options.attempt(item.request, item.headers), item.request.signal);
      item.resolve({ attempt, batched: false });
    } catch (error) {
      item.reject(error);
    }
  };

  /** The batch's own answer, as each item's, under the item's method (an empty 202 is retried on a GET only). */
  const give = (items: readonly Queued[], attempt: Attempt): void => {
    for (const item of items) item.resolve({ attempt: 'response' in attempt ? { ...attempt, outcome: { ...attempt.outcome, method: item.request.method } } : attempt, batched: true });
  };

  const refuseBatching = (why: string): void => {
    if (!enabled) return;
    enabled = false;
    log.warn('the instance does not take Batch API calls from the integration user; each call is sent alone from now on', { why });
  };

  const run = async (items: readonly Queued[]): Promise<void> => {
    if (items.length === 1 || !enabled) {
      await Promise.all(items.map(alone));
      return;
    }
    sequence += 1;
    const body = JSON.stringify({
      batch_request_id: String(sequence),
      rest_requests: items.map((item, i) => ({
        id: String(i),
        method: item.request.method,
        url: item.request.path,
        headers: item.request.body === undefined ? ACCEPT : WITH_BODY,
        ...(item.request.body === undefined ? {} : { body: Buffer.from(item.request.body, 'utf8').toString('base64') }),
      })),
    });
    const started = performance.now();
    let answer: Attempt;
    try {
      answer = await limiter.run(() => options.attempt({ method: 'POST', path: BATCH_PATH, body, context: BATCH_CONTEXT }, items[0]!.headers));
    } catch (error) {
      for (const item of items) item.reject(error);
      return;
    }
    options.observe?.({ status: 'response' in answer ? answer.response.status : 0, durationMs: performance.now() - started, items: items.length });
    if (!('response' in answer)) return give(items, answer);
    const { status } = answer.response;
    if (status === 401 || status === 429 || status === 202 || status >= 500) return give(items, answer);
    const serviced = status === 200 ? servicedOf(answer.response.body) : null;
    if (serviced === null) {
      refuseBatching(status === 200 ? 'its answer is not a Batch API answer' : `it answered ${status}`);
      await Promise.all(items.map(alone));
      return;
    }
    const left: Queued[] = [];
    items.forEach((item, i) => {
      const one = serviced.get(String(i));
      if (one === undefined) left.push(item);
      else item.resolve({ attempt: { outcome: { kind: 'response', status: one.status, method: item.request.method, emptyBody: isBlank(one.body) }, response: one }, batched: true });
    });
    await Promise.all(left.map(alone));
  };

  const flush = (): void => {
    scheduled = false;
    const taken = queue;
    queue = [];
    const live = taken.filter((item) => {
      if (!item.request.signal?.aborted) return true;
      item.reject(abortError(item.request.signal.reason));
      return false;
    });
    for (let i = 0; i < live.length; i += MAX_BATCH_ITEMS) {
      const chunk = live.slice(i, i + MAX_BATCH_ITEMS);
      // Never left hanging: whatever fails in a batch fails its calls (one already answered stays answered).
      run(chunk).catch((error: unknown) => {
        for (const item of chunk) item.reject(error);
      });
    }
  };

  return {
    get enabled() {
      return enabled;
    },
    send(request, headers) {
      return new Promise((resolve, reject) => {
        const { signal } = request;
        const onAbort = (): void => reject(abortError(signal!.reason));
        signal?.addEventListener('abort', onAbort, { once: true });
        // Settled either way, the listener goes: a long-lived signal must not collect one per call.
        const done = (): void => signal?.removeEventListener('abort', onAbort);
        queue.push({
          request,
          headers,
          resolve: (value) => {
            done();
            resolve(value);
          },
          reject: (error) => {
            done();
            reject(error instanceof Error ? error : new Error(String(error)));
          },
        });
        if (!scheduled) {
          scheduled = true;
          // After the current turn's I/O callbacks and promise jobs: reads started together land in one batch.
          setImmediate(flush);
        }
      });
    },
  };
}

/** Each serviced item's answer by id; null when the body is not a Batch API answer. */
function servicedOf(body: string): Map<string, TransportResponse> | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return null;
  }
  const list = (parsed as { serviced_requests?: unknown } | null)?.serviced_requests;
  if (!Array.isArray(list)) return null;
  const out = new Map<string, TransportResponse>();
  for (const entry of list as unknown[]) {
    const e = entry as { id?: unknown; status_code?: unknown; headers?: unknown; body?: unknown } | null;
    if (e === null || typeof e !== 'object' || typeof e.id !== 'string' || typeof e.status_code !== 'number') continue;
    const headers: Record<string, string> = {};
    if (Array.isArray(e.headers)) {
      for (const h of e.headers as unknown[]) {
        const pair = h as { name?: unknown; value?: unknown } | null;
        if (pair !== null && typeof pair === 'object' && typeof pair.name === 'string' && typeof pair.value === 'string') headers[pair.name.toLowerCase()] = pair.value;
      }
    }
    const text = typeof e.body === 'string' ? Buffer.from(e.body, 'base64').toString('utf8') : '';
    out.set(e.id, { status: e.status_code, headers, body: text });
  }
  return out;
}
