/**
 * One HTTP attempt on Node's own client (node:http / node:https), without
 * axios's layers: issue 13's worker profile put axios (config merging,
 * interceptors, its stream and AbortSignal plumbing, proxy look-ups) at about
 * an eighth of the worker's CPU per hand-off, for calls that need none of it.
 * It does what the transport asked of axios: a deadline on the whole attempt
 * (not only socket idle), no redirects followed (Node's client never
 * follows), a cap on the body's size, the body as text (gzip and deflate
 * answers decoded, as axios did), and errors that carry Node's code.
 */
import http from 'node:http';
import https from 'node:https';
import { createGunzip, createInflate } from 'node:zlib';
import type { Readable } from 'node:stream';

export interface AttemptRequest {
  readonly url: URL;
  readonly method: string;
  readonly headers: Record<string, string>;
  readonly body?: string;
  readonly timeoutMs: number;
  readonly maxBytes: number;
  readonly agent: http.Agent;
  readonly signal?: AbortSignal;
}

export type AttemptAnswer =
  | { readonly kind: 'response'; readonly status: number; readonly headers: http.IncomingHttpHeaders; readonly body: string }
  | { readonly kind: 'timeout' }
  | { readonly kind: 'network'; readonly code: string; readonly cause: unknown };

/** The error's code (Node's, axios's, or ours for a body too large), or its cause's; else UNKNOWN. */
export function errorCode(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && code !== '') return code;
  const causeCode = ((error as { cause?: unknown } | null)?.cause as { code?: unknown } | undefined)?.code;
  return typeof causeCode === 'string' && causeCode !== '' ? causeCode : 'UNKNOWN';
}

/** An abort's reason as the error a call rejects with. */
export function abortError(reason: unknown): Error {
  return reason instanceof Error ? reason : new Error(String(reason));
}

function decoded(res: http.IncomingMessage): Readable {
  const encoding = (res.headers['content-encoding'] ?? '').toLowerCase();
  if (encoding === 'gzip' || encoding === 'x-gzip') return res.pipe(createGunzip());
  if (encoding === 'deflate') return res.pipe(createInflate());
  return res;
}

/** Sends one request; never throws except with the caller's abort reason. */
export function httpAttempt(request: AttemptRequest): Promise<AttemptAnswer> {
  const { url, signal } = request;
  if (signal?.aborted) return Promise.reject(abortError(signal.reason));
  return new Promise<AttemptAnswer>((resolve, reject) => {
    let settled = false;
    const headers: Record<string, string | number> = { 'Accept-Encoding': 'gzip, deflate', ...request.headers };
    if (request.body !== undefined) headers['Content-Length'] = Buffer.byteLength(request.body);
    const req = (url.protocol === 'https:' ? https : http).request({
      protocol: url.protocol,
      hostname: url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname,
      port: url.port,
      path: `${url.pathname}${url.search}`,
      method: request.method,
      headers,
      agent: request.agent,
    });
    const finish = (answer: AttemptAnswer | { abort: unknown }): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      if ('abort' in answer) reject(abortError(answer.abort));
      else resolve(answer);
    };
    const timer = setTimeout(() => {
      finish({ kind: 'timeout' });
      req.destroy();
    }, request.timeoutMs);
    const onAbort = (): void => {
      finish({ abort: signal?.reason });
      req.destroy();
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    req.on('error', (error) => finish({ kind: 'network', code: errorCode(error), cause: error }));
    req.on('response', (res) => {
      const body = decoded(res);
      // Bytes kept as they come and decoded once at the end: no per-chunk decoder, and one flat string for JSON.parse.
      const chunks: Buffer[] = [];
      let bytes = 0;
      body.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
        if (bytes > request.maxBytes) {
          const error = Object.assign(new Error(`the answer is larger than ${request.maxBytes} bytes`), { code: 'ERR_RESPONSE_TOO_LARGE' });
          finish({ kind: 'network', code: error.code, cause: error });
          req.destroy();
          return;
        }
        chunks.push(chunk);
      });
      body.on('error', (error) => finish({ kind: 'network', code: errorCode(error), cause: error }));
      body.on('end', () => finish({ kind: 'response', status: res.statusCode ?? 0, headers: res.headers, body: (chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, bytes)).toString('utf8') }));
      // The connection closed before the whole answer arrived (a reset mid-body).
      res.on('close', () => {
        if (!res.complete) finish({ kind: 'network', code: 'ECONNRESET', cause: new Error('the answer was cut off') });
      });
    });
    req.end(request.body);
  });
}
