/**
 * Authentication: basic auth, the OAuth token endpoint (password,
 * client_credentials and refresh_token grants), bearer tokens on the Table
 * API, expiry, revocation, and refusals in the instance's words.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSandbox, type AppFields, type Sandbox } from '../../../connectors/servicenow/sandbox/index.js';
import { AS_ADMIN, basic, call, manualClock, type One } from './client.js';

let sb: Sandbox;
/** The AI field names this sandbox installed (from the mappings). */
let F: AppFields;
const clock = manualClock();
beforeAll(async () => {
  sb = await createSandbox({ clock: clock.now, seed: false });
  F = sb.appFields;
});
afterAll(async () => {
  await sb.close();
});

interface TokenAnswer {
  access_token: string;
  refresh_token: string;
  token_type: string;
  expires_in: number;
  scope: string;
}

async function token(form: Record<string, string>): Promise<{ status: number; json: unknown }> {
  const res = await fetch(`${sb.url}/oauth_token.do`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(form).toString() });
  return { status: res.status, json: await res.json() };
}

const CLIENT = { client_id: 'aihandoff-sandbox', client_secret: 'sandbox-client-secret' };
const DENIED = { error: 'server_error', error_description: 'access_denied' };
/** Who the instance credits a write made with these credentials to (an integration write: through the app's API). */
async function writerOf(authorization: string): Promise<unknown> {
  const created = await call<One>(sb.url, 'POST', '/api/now/table/incident', basic('alex.rivera', 'sandbox'), { short_description: 'for a bearer test' });
  const sysId = created.json.result.sys_id as string;
  expect((await call(sb.url, 'POST', `${sb.app.apiBase}/tickets/incident/${sysId}`, authorization, { fields: { [F.status]: 'eligible' } })).status).toBe(200);
  return (await call<One>(sb.url, 'GET', `/api/now/table/incident/${sysId}`, basic('admin', 'sandbox'))).json.result.sys_updated_by;
}
const whoAmI = async (authorization: string): Promise<number> => (await call(sb.url, 'GET', '/api/now/table/sys_user?sysparm_limit=1', authorization)).status;

describe('basic auth', () => {
  it('accepts every cast member with their sandbox password', async () => {
    for (const user of ['alex.rivera', 'irene.costa', 'morgan.lee', 'tom.becker', 'nora.brandt', 'samira.haddad', 'priya.nair', 'victor.alvarez', 'oliver.grant', 'jordan.miles', 'admin']) {
      expect(await whoAmI(basic(user, 'sandbox')), user).toBe(200);
    }
    expect(await whoAmI(basic('svc.aihandoff', 'integration-sandbox'))).toBe(200);
  });

  it('refuses a wrong password, an unknown user and a malformed header with 401', async () => {
    for (const authorization of [basic('alex.rivera', 'wrong'), basic('nobody', 'sandbox'), 'Basic !!!', 'Digest abc']) {
      const answer = await call(sb.url, 'GET', '/api/now/table/incident', authorization);
      expect(answer.status).toBe(401);
      expect(answer.json).toEqual({ error: { message: 'User Not Authenticated', detail: 'Required to provide Auth information' }, status: 'failure' });
    }
  });

  it('refuses a locked-out or inactive user', async () => {
    const tom = sb.directory.user('tom.becker')!.v.sys_id!;
    await call(sb.url, 'PATCH', `/api/now/table/sys_user/${tom}`, AS_ADMIN, { locked_out: 'true' });
    expect(await whoAmI(basic('tom.becker', 'sandbox'))).toBe(401);
    await call(sb.url, 'PATCH', `/api/now/table/sys_user/${tom}`, AS_ADMIN, { locked_out: 'false' });
    expect(await whoAmI(basic('tom.becker', 'sandbox'))).toBe(200);
  });
});

describe('OAuth', () => {
  it('issues tokens for the password grant and accepts the bearer token as that user', async () => {
    const answer = await token({ grant_type: 'password', ...CLIENT, username: 'svc.aihandoff', password: 'integration-sandbox' });
    expect(answer.status).toBe(200);
    const t = answer.json as TokenAnswer;
    expect(t).toMatchObject({ token_type: 'Bearer', expires_in: 1799, scope: 'useraccount' });
    expect(t.access_token.length).toBeGreaterThan(20);
    expect(t.refresh_token).not.toBe(t.access_token);
    expect(await writerOf(`Bearer ${t.access_token}`)).toBe('svc.aihandoff');
  });

  it('issues tokens for client_credentials, acting as the client’s configured user', async () => {
    const t = (await token({ grant_type: 'client_credentials', ...CLIENT })).json as TokenAnswer;
    expect(await writerOf(`Bearer ${t.access_token}`)).toBe('svc.aihandoff');
  });

  it('refreshes: a new access token, the same refresh token', async () => {
    const first = (await token({ grant_type: 'password', ...CLIENT, username: 'alex.rivera', password: 'sandbox' })).json as TokenAnswer;
    const second = await token({ grant_type: 'refresh_token', ...CLIENT, refresh_token: first.refresh_token });
    expect(second.status).toBe(200);
    const t = second.json as TokenAnswer;
    expect(t.access_token).not.toBe(first.access_token);
    expect(t.refresh_token).toBe(first.refresh_token);
    expect(await whoAmI(`Bearer ${t.access_token}`)).toBe(200);
  });

  it('expires access tokens after 1,800 s; the refresh token still works', async () => {
    const t = (await token({ grant_type: 'password', ...CLIENT, username: 'alex.rivera', password: 'sandbox' })).json as TokenAnswer;
    clock.advance(1799 * 1000);
    expect(await whoAmI(`Bearer ${t.access_token}`)).toBe(200);
    clock.advance(2000);
    expect(await whoAmI(`Bearer ${t.access_token}`)).toBe(401);
    const renewed = (await token({ grant_type: 'refresh_token', ...CLIENT, refresh_token: t.refresh_token })).json as TokenAnswer;
    expect(await whoAmI(`Bearer ${renewed.access_token}`)).toBe(200);
  });

  it('revoking access tokens mid-run answers 401 until the client refreshes', async () => {
    const t = (await token({ grant_type: 'password', ...CLIENT, username: 'svc.aihandoff', password: 'integration-sandbox' })).json as TokenAnswer;
    sb.tokens.revokeAccess();
    expect(await whoAmI(`Bearer ${t.access_token}`)).toBe(401);
    const renewed = (await token({ grant_type: 'refresh_token', ...CLIENT, refresh_token: t.refresh_token })).json as TokenAnswer;
    expect(await whoAmI(`Bearer ${renewed.access_token}`)).toBe(200);
  });

  it.each([
    ['a wrong password', { grant_type: 'password', ...CLIENT, username: 'alex.rivera', password: 'nope' }],
    ['a wrong client secret', { grant_type: 'password', client_id: CLIENT.client_id, client_secret: 'nope', username: 'alex.rivera', password: 'sandbox' }],
    ['an unknown client', { grant_type: 'client_credentials', client_id: 'other', client_secret: 'x' }],
    ['a bad refresh token', { grant_type: 'refresh_token', ...CLIENT, refresh_token: 'nope' }],
    ['an unknown grant', { grant_type: 'implicit', ...CLIENT }],
  ])('refuses %s with 401 server_error / access_denied', async (_what, form) => {
    const answer = await token(form);
    expect(answer.status).toBe(401);
    expect(answer.json).toEqual(DENIED);
  });

  it('refuses an unknown bearer token', async () => {
    expect(await whoAmI('Bearer not-a-token')).toBe(401);
  });
});
