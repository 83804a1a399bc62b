/**
 * Rate limits and injected faults, over real HTTP: 429 with Retry-After and
 * the X-RateLimit headers, 5xx, a full thread pool, a 401 mid-run, an empty
 * 202, delays, truncated JSON, and connections dropped before or after a
 * write is applied, with the write log telling which.
 */
import { request } from 'node:http';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createSandbox, type AppFields, type Sandbox } from '../../../connectors/servicenow/sandbox/index.js';
import { AS_ADMIN, AS_INTEGRATION, call, manualClock, sysIdOf, type One } from './client.js';

let sb: Sandbox;
/** The AI field names this sandbox installed (from the mappings). */
let F: AppFields;
let inc: string;
const clock = manualClock(Date.UTC(2025, 2, 3, 9, 59, 0));
beforeAll(async () => {
  sb = await createSandbox({ clock: clock.now, control: true });
  F = sb.appFields;
  inc = await sysIdOf(sb.url, 'incident', 'INC0002041');
});
afterAll(async () => {
  await sb.close();
});
afterEach(() => {
  sb.faults.clear();
  sb.rateLimit.set(null);
  sb.writeLog.clear();
});

const get = () => call(sb.url, 'GET', `/api/now/table/incident/${inc}?sysparm_fields=number`, AS_INTEGRATION);
// Writes as admin: the integration user writes no ticket through the Table API (contract v2).
const patch = (body: unknown) => call<One>(sb.url, 'PATCH', `/api/now/table/incident/${inc}?sysparm_fields=${F.status},sys_mod_count`, AS_ADMIN, body);
/** The integration user's write: through the app's API. */
const write = (fields: Record<string, string>) => call(sb.url, 'POST', `${sb.app.apiBase}/tickets/incident/${inc}`, AS_INTEGRATION, { fields });
const status = async (): Promise<string> => (await call<One>(sb.url, 'GET', `/api/now/table/incident/${inc}?sysparm_fields=${F.status}`, AS_INTEGRATION)).json.result[F.status] as string;

/** A raw request that reports a dropped connection instead of throwing. */
function raw(method: string, path: string, body?: string): Promise<{ dropped: true } | { dropped: false; status: number; text: string }> {
  return new Promise((resolve) => {
    const req = request(`${sb.url}${path}`, { method, headers: { authorization: AS_ADMIN, 'content-type': 'application/json' } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () => resolve({ dropped: false, status: res.statusCode ?? 0, text }));
      res.on('error', () => resolve({ dropped: true }));
    });
    req.on('error', () => resolve({ dropped: true }));
    req.end(body);
  });
}

describe('rate limit', () => {
  it('answers 429 with Retry-After after the limit, with X-RateLimit headers throughout, and resets with the window', async () => {
    sb.rateLimit.set({ limit: 3 });
    const ok = await get();
    expect(ok.status).toBe(200);
    expect(ok.headers.get('x-ratelimit-limit')).toBe('3');
    const reset = Date.UTC(2025, 2, 3, 10, 0, 0) / 1000;
    expect(ok.headers.get('x-ratelimit-reset')).toBe(String(reset));
    expect(ok.headers.get('x-ratelimit-rule')).toMatch(/^[0-9a-f]{32}$/);
    await get();
    await get();
    const limited = await write({ [F.status]: 'queued' });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('60');
    expect(limited.json).toEqual({ error: { message: 'Rate limit exceeded', detail: 'Rate limit of 3 requests per hour for Table API exceeded' }, status: 'failure' });
    expect(sb.writeLog.entries()).toMatchObject([{ applied: false, status: 429, reason: 'rate limited', fields: [F.status] }]);
    clock.advance(60_000);
    expect((await get()).status).toBe(200);
  });

  it('counts per user by default', async () => {
    sb.rateLimit.set({ limit: 1 });
    expect((await get()).status).toBe(200);
    expect((await get()).status).toBe(429);
    expect((await call(sb.url, 'GET', '/api/now/table/incident?sysparm_limit=1', `Basic ${Buffer.from('admin:sandbox').toString('base64')}`)).status).toBe(200);
  });
});

describe('faults', () => {
  it('error: 503 as the proxy sends it (HTML), 500 as the Table API sends it (JSON), for the next N only', async () => {
    sb.faults.set([{ kind: 'error', count: 1 }, { kind: 'error', status: 500, count: 1 }]);
    const first = await get();
    expect(first.status).toBe(503);
    expect(first.headers.get('content-type')).toBe('text/html');
    const second = await get();
    expect(second.status).toBe(500);
    expect((second.json as { status: string }).status).toBe('failure');
    expect((await get()).status).toBe(200);
  });

  it('error on a fraction of requests, repeatably', async () => {
    sb.faults.set({ kind: 'error', rate: 0.5, method: 'GET' });
    const statuses: number[] = [];
    for (let i = 0; i < 40; i++) statuses.push((await get()).status);
    const failed = statuses.filter((s) => s === 503).length;
    expect(failed).toBeGreaterThan(8);
    expect(failed).toBeLessThan(32);
  });

  it('busy: 429 without rate-limit headers (thread pool full)', async () => {
    sb.faults.set({ kind: 'busy', count: 1 });
    const answer = await get();
    expect(answer.status).toBe(429);
    expect(answer.headers.get('x-ratelimit-limit')).toBeNull();
  });

  it('unauthorized after letting some requests through (a 401 mid-run)', async () => {
    sb.faults.set({ kind: 'unauthorized', skip: 2, count: 1 });
    expect([(await get()).status, (await get()).status, (await get()).status, (await get()).status]).toEqual([200, 200, 401, 200]);
  });

  it('empty202: an empty 202 on GET, never on writes', async () => {
    sb.faults.set({ kind: 'empty202' });
    const answer = await get();
    expect(answer.status).toBe(202);
    expect(answer.text).toBe('');
    expect((await patch({ [F.status]: 'none' })).status).toBe(200);
  });

  it('delay: holds the answer', async () => {
    sb.faults.set({ kind: 'delay', delayMs: 300, count: 1 });
    const started = performance.now();
    expect((await get()).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
  });

  it('truncate: the normal answer cut halfway, so the JSON does not parse', async () => {
    sb.faults.set({ kind: 'truncate', count: 1 });
    const answer = await get();
    expect(answer.status).toBe(200);
    expect(() => JSON.parse(answer.text) as unknown).toThrow();
    expect(answer.text.startsWith('{"result":')).toBe(true);
  });

  it('drop before: the connection dies and nothing is applied', async () => {
    await patch({ [F.status]: 'none' });
    sb.writeLog.clear();
    sb.faults.set({ kind: 'drop', when: 'before', method: 'PATCH', count: 1 });
    const answer = await raw('PATCH', `/api/now/table/incident/${inc}`, JSON.stringify({ [F.status]: 'running' }));
    expect(answer.dropped).toBe(true);
    expect(await status()).toBe('none');
    expect(sb.writeLog.entries()).toMatchObject([{ applied: false, status: 0, fields: [F.status] }]);
  });

  it('drop after: the write is applied, then the connection dies', async () => {
    await patch({ [F.status]: 'none' });
    sb.writeLog.clear();
    sb.faults.set({ kind: 'drop', when: 'after', method: 'PATCH', table: 'incident', count: 1 });
    const answer = await raw('PATCH', `/api/now/table/incident/${inc}`, JSON.stringify({ [F.status]: 'running', work_notes: 'note that landed' }));
    expect(answer.dropped).toBe(true);
    expect(await status()).toBe('running');
    const [entry] = sb.writeLog.entries();
    expect(entry).toMatchObject({ applied: true, status: 0, changed: [F.status, 'work_notes'] });
    expect(entry!.reason).toContain('dropped');
  });

  it('matches by table and path: other requests pass', async () => {
    sb.faults.set({ kind: 'error', table: 'sys_audit' });
    expect((await get()).status).toBe(200);
    expect((await call(sb.url, 'GET', '/api/now/table/sys_audit?sysparm_limit=1', AS_INTEGRATION)).status).toBe(503);
    sb.faults.set({ kind: 'error', path: '/oauth_token.do', count: 1 });
    const token = await fetch(`${sb.url}/oauth_token.do`, { method: 'POST', body: 'grant_type=client_credentials' });
    expect(token.status).toBe(503);
  });
});

describe('control endpoint', () => {
  it('sets faults and rate limits, lists writes, and refuses invalid rules naming the field', async () => {
    const put = await call(sb.url, 'PUT', '/sandbox/control/faults', undefined, [{ kind: 'error', status: 502, count: 1 }]);
    expect(put.status).toBe(200);
    expect((await get()).status).toBe(502);
    const invalid = await call<{ error: { message: string } }>(sb.url, 'PUT', '/sandbox/control/faults', undefined, { kind: 'explode' });
    expect(invalid.status).toBe(400);
    expect(invalid.json.error.message).toContain('kind');
    expect((await call(sb.url, 'PUT', '/sandbox/control/rate-limit', undefined, { limit: 1 })).status).toBe(200);
    await get();
    expect((await get()).status).toBe(429);
    expect((await call(sb.url, 'DELETE', '/sandbox/control/rate-limit', undefined)).status).toBe(200);
    await write({ [F.status]: 'eligible' });
    const writes = await call<{ result: { user: string; fields: string[]; api: string }[] }>(sb.url, 'GET', '/sandbox/control/writes?user=svc.aihandoff&applied=true&api=app', undefined);
    expect(writes.json.result.map((w) => [w.api, w.fields])).toEqual([['app', [F.status]]]);
    expect((await call(sb.url, 'PUT', '/sandbox/control/acl/sys_audit', undefined, { read: ['admin'] })).status).toBe(200);
    expect((await call<{ result: unknown[] }>(sb.url, 'GET', '/api/now/table/sys_audit', AS_INTEGRATION)).json.result).toEqual([]);
    await call(sb.url, 'PUT', '/sandbox/control/acl/sys_audit', undefined, { read: ['itil', 'x_acme_aihandoff.integration'] });
  });

  it('is off unless enabled', async () => {
    const plain = await createSandbox({ seed: false });
    try {
      expect((await call(plain.url, 'GET', '/sandbox/control', undefined)).status).toBe(404);
      expect((await call(plain.url, 'PUT', '/sandbox/control/faults', undefined, { kind: 'error' })).status).toBe(404);
      expect(plain.faults.list()).toEqual([]);
    } finally {
      await plain.close();
    }
  });
});
