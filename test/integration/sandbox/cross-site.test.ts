/**
 * The sandbox's cross-site guard without a browser: the control endpoint and
 * /login.do refuse what a page on another site could send (a simple POST, a
 * foreign Origin or Sec-Fetch-Site, a rebinding Host) and take what the
 * tests, the benchmarks and the ticket page send.
 */
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSandbox, type Sandbox } from '../../../connectors/servicenow/sandbox/index.js';

let sb: Sandbox;
beforeAll(async () => {
  sb = await createSandbox({ control: true, seed: false });
});
afterAll(() => sb.close());

const post = (path: string, headers: Record<string, string>, body: string) => fetch(sb.url + path, { method: 'POST', redirect: 'manual', headers, body });
const FORM = 'application/x-www-form-urlencoded';
const signIn = new URLSearchParams({ user_name: 'admin', user_password: 'sandbox', return_to: '/tickets' }).toString();
const fault = JSON.stringify({ kind: 'error', status: 503 });

/** A request with a Host header of our choosing (fetch does not let one set Host). */
function withHost(host: string, method: string, path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ host: sb.host, port: sb.port, method, path, headers: { host } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the control endpoint', () => {
  it('refuses a simple cross-site POST, a foreign Origin or fetch site, and changes nothing', async () => {
    const refused = [
      await post('/sandbox/control/faults', { 'content-type': 'text/plain' }, fault),
      await post('/sandbox/control/faults', {}, fault),
      await post('/sandbox/control/faults', { 'content-type': 'application/json', origin: 'http://evil.example' }, fault),
      await post('/sandbox/control/faults', { 'content-type': 'application/json', 'sec-fetch-site': 'cross-site' }, fault),
      await fetch(`${sb.url}/sandbox/control/faults`, { method: 'DELETE', headers: { origin: 'http://localhost:1' } }),
    ];
    for (const res of refused) {
      expect(res.status).toBe(403);
      expect(((await res.json()) as { error: { message: string } }).error.message).toBe('Cross-site request refused');
    }
    expect(sb.faults.list()).toEqual([]);
  });

  it('takes JSON, same-origin and non-simple requests', async () => {
    expect((await post('/sandbox/control/faults', { 'content-type': 'application/json' }, fault)).status).toBe(201);
    expect((await post('/sandbox/control/faults', { 'content-type': 'text/plain', origin: sb.url }, fault)).status).toBe(201);
    expect((await post('/sandbox/control/faults', { 'content-type': 'text/plain', 'x-requested-with': 'test' }, fault)).status).toBe(201);
    expect((await fetch(`${sb.url}/sandbox/control/faults`, { method: 'DELETE' })).status).toBe(200);
    expect(sb.faults.list()).toEqual([]);
  });

  it('refuses a Host that is not this machine (DNS rebinding), even to read', async () => {
    expect(await withHost(`evil.example:${sb.port}`, 'GET', '/sandbox/control/writes')).toBe(403);
    expect(await withHost(`localhost:${sb.port}`, 'GET', '/sandbox/control/writes')).toBe(200);
    expect(await withHost(`127.0.0.1:${sb.port}`, 'GET', '/sandbox/control')).toBe(200);
  });
});

describe('/login.do and /logout.do', () => {
  it('refuses login CSRF: a form posted from another origin, or with no Origin at all, signs no one in', async () => {
    for (const headers of [{ 'content-type': FORM }, { 'content-type': FORM, origin: 'http://evil.example' }, { 'content-type': FORM, 'sec-fetch-site': 'same-site' }]) {
      const res = await post('/login.do', headers, signIn);
      expect(res.status).toBe(403);
      expect(res.headers.get('set-cookie')).toBeNull();
    }
    const logout = await post('/logout.do', { 'content-type': FORM, origin: 'http://evil.example' }, '');
    expect(logout.status).toBe(403);
  });

  it('signs in from its own page (same origin)', async () => {
    const res = await post('/login.do', { 'content-type': FORM, origin: sb.url }, signIn);
    expect(res.status).toBe(303);
    expect(res.headers.get('set-cookie')).toMatch(/^JSESSIONID=/);
    const direct = await post('/login.do', { 'content-type': FORM, 'sec-fetch-site': 'same-origin' }, signIn);
    expect(direct.status).toBe(303);
  });
});
