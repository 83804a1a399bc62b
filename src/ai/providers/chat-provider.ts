/**
 * A provider over a chat completions endpoint (Azure OpenAI or any
 * OpenAI-compatible server): builds the request (messages, the output
 * kind's strict JSON Schema as `response_format`, the token cap), sends it
 * with a per-attempt timeout, retries what can succeed later, and reads the
 * answer.
 *
 * Retry rules (data, not scattered ifs):
 * - 429: wait the server's hint (retry-hints.ts); a hint longer than
 *   `maxRetryWaitMs`, or the last attempt, goes back to the queue as
 *   AI_PROVIDER_RATE_LIMITED with `retryAfterMs`.
 * - 408, 409, 5xx, network errors, timeouts: back off (doubling) and retry;
 *   then AI_PROVIDER_FAILED (retryable by the queue).
 * - 401 once: drop a cached token and retry (an Entra token may have been
 *   revoked); then AI_PROVIDER_REFUSED.
 * - Every other status, content-filter refusals included: AI_PROVIDER_REFUSED,
 *   never retried.
 * Request and response bodies never reach errors or logs.
 */
import { setTimeout as sleepFor } from 'node:timers/promises';
import axios, { type AxiosInstance } from 'axios';
import { HandoffError, describeCause, isHandoffError } from '../../errors.js';
import type { Logger } from '../../util/log.js';
import type { HttpOptions } from '../config.js';
import { responseFormatFor } from '../output-json-schema.js';
import { buildMessages } from '../prompt/messages.js';
import type { GenerateOptions, GenerateResult, Provider, ProviderInput } from '../provider-types.js';
import { errorFromBody, parseAnswer } from './chat-response.js';
import { retryHintMs } from './retry-hints.js';

export interface ChatTarget {
  /** Provider name for attribution and errors: `azure-openai`, `openai-compatible`. */
  readonly name: string;
  readonly url: string;
  /** The configured model (attribution, prices) until an answer names one. */
  readonly model: string;
  /** Model named in the request body (OpenAI-compatible servers); null when the URL names the deployment (Azure). */
  readonly bodyModel: string | null;
  readonly tokenLimitParam: 'max_completion_tokens' | 'max_tokens';
  readonly temperature: number | null;
  readonly http: HttpOptions;
  /** Authorization headers for one request. */
  headers(signal?: AbortSignal): Promise<Record<string, string>>;
  /** After a 401: forget a cached credential; true when a retry can help. */
  onUnauthorized?(): boolean;
}

export interface ChatProviderDeps {
  readonly log?: Logger;
  /** Default: the axios default instance. */
  readonly axios?: AxiosInstance;
  /** Abortable sleep; tests pass a fake clock's. */
  readonly sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

const RETRY_STATUS = new Set([408, 409, 500, 502, 503, 504]);
/** Largest answer read, in bytes: a bounded output is far smaller. */
const MAX_RESPONSE_BYTES = 4 * 1024 * 1024;

export function requestBody(target: ChatTarget, input: ProviderInput): Record<string, unknown> {
  return {
    ...(target.bodyModel === null ? {} : { model: target.bodyModel }),
    messages: buildMessages(input),
    response_format: responseFormatFor(input.operation.outputKind),
    [target.tokenLimitParam]: input.maxOutputTokens,
    ...(target.temperature === null ? {} : { temperature: target.temperature }),
  };
}

export function createChatProvider(target: ChatTarget, deps: ChatProviderDeps = {}): Provider {
  const http = deps.axios ?? axios;
  const sleep = deps.sleep ?? ((ms: number, signal?: AbortSignal) => sleepFor(ms, undefined, signal === undefined ? {} : { signal }));
  const { maxAttempts, maxRetryWaitMs, backoffMs, timeoutMs } = target.http;

  return {
    name: target.name,
    kind: 'external',
    model: target.model,
    async generate(input: ProviderInput, options: GenerateOptions = {}): Promise<GenerateResult> {
      const outer = options.signal;
      const body = requestBody(target, input);
      let refreshed = false;
      let last: HandoffError | undefined;
      for (let attempt = 1; attempt <= maxAttempts; attempt += 1) {
        outer?.throwIfAborted();
        const backoff = backoffMs * 2 ** (attempt - 1);
        const signal = outer === undefined ? AbortSignal.timeout(timeoutMs) : AbortSignal.any([outer, AbortSignal.timeout(timeoutMs)]);
        let status: number;
        let headers: Record<string, unknown>;
        let data: unknown;
        try {
          const auth = await target.headers(signal);
          const response = await http.post<string>(target.url, body, {
            headers: { ...auth, 'content-type': 'application/json', accept: 'application/json' },
            signal,
            timeout: timeoutMs,
            validateStatus: () => true,
            responseType: 'text',
            transformResponse: (raw: unknown) => raw,
            maxContentLength: MAX_RESPONSE_BYTES,
            maxRedirects: 0,
          });
          status = response.status;
          headers = response.headers;
          data = parseJson(response.data);
        } catch (error) {
          outer?.throwIfAborted();
          if (isHandoffError(error)) throw error;
          last = new HandoffError('AI_PROVIDER_FAILED', `${target.name} could not be reached (attempt ${attempt} of ${maxAttempts})`, { cause: error, details: { attempt } });
          deps.log?.warn('ai provider call failed', { provider: target.name, attempt, error: describeCause(error) });
          if (attempt < maxAttempts) await sleep(backoff, outer);
          continue;
        }

        if (status >= 200 && status < 300) {
          const answer = parseAnswer(target.name, data);
          return { output: answer.output, usage: answer.usage, provider: target.name, model: answer.model ?? target.model };
        }
        const hint = retryHintMs(headers as Record<string, string | undefined>);
        if (status === 429) {
          const wait = hint ?? backoff;
          deps.log?.warn('ai provider rate limited', { provider: target.name, attempt, waitMs: wait });
          if (attempt === maxAttempts || wait > maxRetryWaitMs) {
            throw new HandoffError('AI_PROVIDER_RATE_LIMITED', `${target.name} answered 429 (rate limited)`, { retryAfterMs: wait, details: { status, attempt } });
          }
          await sleep(wait, outer);
          continue;
        }
        if (status === 401 && !refreshed && target.onUnauthorized?.() === true) {
          refreshed = true;
          attempt -= 1;
          continue;
        }
        if (RETRY_STATUS.has(status) || status >= 500) {
          const wait = Math.min(hint ?? backoff, maxRetryWaitMs);
          last = new HandoffError('AI_PROVIDER_FAILED', `${target.name} answered ${status}`, { details: { status, attempt }, ...(hint === null ? {} : { retryAfterMs: hint }) });
          deps.log?.warn('ai provider unavailable', { provider: target.name, status, attempt, waitMs: wait });
          if (attempt < maxAttempts) await sleep(wait, outer);
          continue;
        }
        throw errorFromBody(target.name, status, data);
      }
      throw last ?? new HandoffError('AI_PROVIDER_FAILED', `${target.name} failed`);
    },
  };
}

function parseJson(text: unknown): unknown {
  if (typeof text !== 'string') return text;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}
