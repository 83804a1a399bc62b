/**
 * The page's HTTP surface without a browser: sign-in and its redirects
 * (never off-site), the session endpoint, ServiceNow-style links, the files
 * served (by name only) and the headers that keep scripts to this origin.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromRoot } from '../../../src/util/paths.js';
import { createSandbox, type Sandbox } from '../../../connectors/servicenow/sandbox/index.js';
import { sysIdOf } from './client.js';

let sb: Sandbox;
beforeAll(async () => {
  sb = await createSandbox();
});
afterAll(async () => {
  await sb.close();
});

const get = (path: string, headers: Record<string, string> = {}) => fetch(sb.url + path, { redirect: 'manual', headers });
const login = (form: Record<string, string>) =>
  fetch(`${sb.url}/login.do`, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded', origin: sb.url }, body: new URLSearchParams(form).toString() });

describe('page routes', () => {
  it('signs in with the sandbox password and returns only to a path on this site', async () => {
    const ok = await login({ user_name: 'alex.rivera', user_password: 'sandbox', return_to: '/ticket/INC0002041' });
    expect(ok.status).toBe(303);
    expect(ok.headers.get('location')).toBe('/ticket/INC0002041');
    const cookie = ok.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^JSESSIONID=[0-9a-f]+; Path=\/; HttpOnly; SameSite=Strict/);
    const session = await get('/sandbox/session', { cookie: cookie.split(';')[0]! });
    const body = (await session.json()) as { result: { user: { userName: string; roles: string[]; groups: string[] }; userToken: string } };
    expect(body.result.user).toMatchObject({ userName: 'alex.rivera', roles: ['itil', 'x_acme_aihandoff.agent'] });
    expect(body.result.user.groups).toHaveLength(2);
    expect(body.result.userToken).toMatch(/^[0-9a-f]{48}$/);
    for (const evil of ['//evil.example/x', 'https://evil.example', '/\\evil.example']) {
      const answer = await login({ user_name: 'alex.rivera', user_password: 'sandbox', return_to: evil });
      expect(answer.headers.get('location'), evil).toBe('/tickets');
    }
  });

  it('refuses a wrong password without a cookie, and has no session without one', async () => {
    const bad = await login({ user_name: 'alex.rivera', user_password: 'nope', return_to: '/tickets' });
    expect(bad.headers.get('location')).toBe('/tickets?login_failed=1');
    expect(bad.headers.get('set-cookie')).toBeNull();
    expect((await get('/sandbox/session')).status).toBe(401);
  });

  it('follows ServiceNow-style links to the ticket page', async () => {
    const id = await sysIdOf(sb.url, 'sc_req_item', 'RITM0002188');
    expect((await get(`/nav_to.do?uri=${encodeURIComponent(`sc_req_item.do?sys_id=${id}`)}`)).headers.get('location')).toBe('/ticket/RITM0002188');
    expect((await get(`/sc_req_item.do?sys_id=${id}`)).headers.get('location')).toBe('/ticket/RITM0002188');
    expect((await get(`/incident.do?sys_id=${id}`)).status).toBe(404);
    expect((await get('/ticket/INC0009999')).status).toBe(404);
  });

  it('serves the page files by name only, with a strict content security policy', async () => {
    const html = await get('/ticket/INC0002041');
    expect(html.status).toBe(200);
    expect(html.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(html.headers.get('x-content-type-options')).toBe('nosniff');
    expect((await get('/sandbox/page/ticket.js')).headers.get('content-type')).toMatch(/^text\/javascript/);
    for (const path of ['/sandbox/page/../server.ts', '/sandbox/page/%2e%2e%2fserver.ts', '/sandbox/page/Ticket.js', '/sandbox/page/no-such.js']) {
      expect((await get(path)).status, path).toBe(404);
    }
    // The dialog's logic is the app's own module, served as is.
    const module = await get('/sandbox/page/scope-review.js');
    expect(module.status).toBe(200);
    expect(await module.text()).toBe(readFileSync(fromRoot('connectors', 'servicenow', 'shared', 'scope-review.js'), 'utf8'));
  });

  it('can be left out', async () => {
    const bare = await createSandbox({ seed: false, page: false });
    try {
      expect((await fetch(`${bare.url}/tickets`)).status).toBe(404);
    } finally {
      await bare.close();
    }
  });
});
