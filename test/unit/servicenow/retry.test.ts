import { describe, expect, it } from 'vitest';
import { backoffMs, DEFAULT_RETRY_POLICY, isTransient, NEVER_RETRY_STATUSES, safeToResend, serverHintMs } from '../../../connectors/servicenow/retry.js';

const response = (status: number, method = 'GET', emptyBody = false) => ({ kind: 'response' as const, status, method, emptyBody });

describe('retry rules', () => {
  it('never retries 400, 401, 403, 404', () => {
    expect([...NEVER_RETRY_STATUSES]).toEqual([400, 401, 403, 404]);
    for (const status of NEVER_RETRY_STATUSES) expect(isTransient(response(status))).toBe(false);
  });

  it('retries 429, 5xx (not 501, 505), an empty 202 on GET, network errors and timeouts', () => {
    const transient = [429, 500, 502, 503, 504, 599].map((s) => isTransient(response(s)));
    expect(transient).toEqual([true, true, true, true, true, true]);
    expect(isTransient(response(501))).toBe(false);
    expect(isTransient(response(505))).toBe(false);
    expect(isTransient(response(202, 'GET', true))).toBe(true);
    expect(isTransient(response(202, 'GET', false))).toBe(false);
    expect(isTransient(response(202, 'PATCH', true))).toBe(false);
    expect(isTransient(response(200))).toBe(false);
    expect(isTransient(response(409))).toBe(false);
    expect(isTransient({ kind: 'network', code: 'ECONNRESET' })).toBe(true);
    expect(isTransient({ kind: 'timeout' })).toBe(true);
  });

  it('resends a non-idempotent call only when the server cannot have applied it', () => {
    expect(safeToResend(response(429, 'PATCH'))).toBe(true);
    expect(safeToResend({ kind: 'network', code: 'ECONNREFUSED' })).toBe(true);
    expect(safeToResend(response(503, 'PATCH'))).toBe(false);
    expect(safeToResend({ kind: 'network', code: 'ECONNRESET' })).toBe(false);
    expect(safeToResend({ kind: 'timeout' })).toBe(false);
  });

  it('backs off exponentially with full jitter, capped', () => {
    const policy = { ...DEFAULT_RETRY_POLICY, baseDelayMs: 100, maxDelayMs: 1000 };
    expect([1, 2, 3, 4, 5, 6].map((a) => backoffMs(a, policy, () => 0.999999))).toEqual([99, 199, 399, 799, 999, 999]);
    expect(backoffMs(3, policy, () => 0)).toBe(0);
    expect(backoffMs(2, policy, () => 0.5)).toBe(100);
  });

  it('reads Retry-After as seconds or an HTTP date, else X-RateLimit-Reset as UNIX time', () => {
    const now = Date.parse('2025-03-01T10:00:00Z');
    expect(serverHintMs({ 'retry-after': '7' }, now)).toBe(7000);
    expect(serverHintMs({ 'retry-after': 'Sat, 01 Mar 2025 10:00:30 GMT' }, now)).toBe(30_000);
    expect(serverHintMs({ 'retry-after': 'Sat, 01 Mar 2025 09:00:00 GMT' }, now)).toBe(0);
    expect(serverHintMs({ 'x-ratelimit-reset': String(now / 1000 + 42) }, now)).toBe(42_000);
    expect(serverHintMs({ 'retry-after': '3', 'x-ratelimit-reset': String(now / 1000 + 42) }, now)).toBe(3000);
    expect(serverHintMs({ 'retry-after': 'soon' }, now)).toBeUndefined();
    expect(serverHintMs({}, now)).toBeUndefined();
  });
});
