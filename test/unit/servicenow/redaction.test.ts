/**
 * Canary credentials in config must appear in no error message, error JSON,
 * stack or log line, whatever the instance or the authority answers, even
 * when a misbehaving server echoes the request's credentials back.
 */
import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BASE, harness, mapping, netError, SYS } from './helpers.js';

beforeAll(() => nock.disableNetConnect());
afterEach(() => {
  nock.cleanAll();
});
afterAll(() => nock.enableNetConnect());

const incident = mapping('incident');
const USER = 'canary.user';
const PASSWORD = 'canary-pass-7f3a91';
const CLIENT_SECRET = 'canary-client-9b2e55';
const ENTRA_SECRET = 'canary-entra-4c1d08';
const ACCESS_TOKEN = 'canary-access-token-e61f';
const REFRESH_TOKEN = 'canary-refresh-token-0a7c';
const CANARIES = [PASSWORD, CLIENT_SECRET, ENTRA_SECRET, ACCESS_TOKEN, REFRESH_TOKEN];
const FORMS = CANARIES.flatMap((c) => [c, encodeURIComponent(c), Buffer.from(c).toString('base64')]).concat(Buffer.from(`${USER}:${PASSWORD}`).toString('base64'));

/** Runs `call`, returns every text it produced: the error in all its forms and every log line. */
async function texts(call: () => Promise<unknown>, lines: string[]): Promise<string[]> {
  const out = [...lines];
  try {
    await call();
    out.push('no error');
  } catch (error) {
    const e = error as Error & { toJSON?: () => unknown };
    out.push(e.message, String(e), e.stack ?? '', JSON.stringify(e.toJSON?.() ?? {}), JSON.stringify(error));
  }
  return out;
}

function expectClean(all: string[]): void {
  const joined = all.join('\n');
  for (const form of FORMS) expect(joined, `leaked ${form}`).not.toContain(form);
}

/** Echoes every request header back in a ServiceNow error body, as a broken proxy might. */
function echoHeaders(status: number, times = 10): void {
  nock(BASE)
    .get(() => true)
    .query(true)
    .times(times)
    .reply(function () {
      return [status, { error: { message: `echo ${JSON.stringify(this.req.headers)}`, detail: `auth was ${String(this.req.headers.authorization)}` }, status: 'failure' }];
    });
}

describe('credentials never leave in errors or logs', () => {
  it('basic auth: 401, 403, 5xx, network errors and timeouts', async () => {
    const auth = { kind: 'basic' as const, username: USER, password: PASSWORD };
    const { connector, lines } = harness({ auth, retry: { maxAttempts: 2 } });
    const slow = harness({ auth, timeoutMs: 100, retry: { maxAttempts: 2 } });
    const all: string[] = [];
    for (const status of [401, 403, 500]) {
      echoHeaders(status);
      all.push(...(await texts(() => connector.get(incident, SYS(1)), [])));
      nock.cleanAll();
    }
    nock(BASE).get(() => true).query(true).times(2).replyWithError(netError('ECONNRESET', `socket hang up https://${USER}:${PASSWORD}@acme.service-now.com`));
    all.push(...(await texts(() => connector.get(incident, SYS(1)), [])));
    nock(BASE).get(() => true).query(true).times(2).delay(1000).reply(200, {});
    all.push(...(await texts(() => slow.connector.get(incident, SYS(1)), [...lines, ...slow.lines])));
    expect(all.some((t) => t.includes('SN_AUTH_FAILED'))).toBe(true);
    expect(all.some((t) => t.includes('[REDACTED]'))).toBe(true);
    expectClean(all);
  });

  it('OAuth: a token endpoint echoing the form, then a table API echoing the bearer token', async () => {
    const auth = { kind: 'oauth-password' as const, clientId: 'canary-client', clientSecret: CLIENT_SECRET, username: USER, password: PASSWORD };
    const { connector, lines } = harness({ auth });
    nock(BASE)
      .post('/oauth_token.do')
      .reply((_uri, body) => [401, { error: 'server_error', error_description: `access_denied for ${bodyText(body)}` }])
      .post('/oauth_token.do')
      .times(2)
      .reply(200, { access_token: ACCESS_TOKEN, refresh_token: REFRESH_TOKEN, token_type: 'Bearer', expires_in: 1799 });
    const all = await texts(() => connector.get(incident, SYS(1)), []);
    echoHeaders(401, 2);
    all.push(...(await texts(() => connector.get(incident, SYS(1)), lines)));
    expect(all.some((t) => t.includes('access_denied'))).toBe(true);
    expectClean(all);
  });

  it('Entra ID: an authority echoing the client secret', async () => {
    const tenant = '11111111-2222-3333-4444-555555555555';
    const { connector, lines } = harness({ auth: { kind: 'entra', tenantId: tenant, clientId: 'canary-app', clientSecret: ENTRA_SECRET, scope: 'api://sn/.default' } });
    nock('https://login.microsoftonline.com')
      .post(`/${tenant}/oauth2/v2.0/token`)
      .query(true)
      .reply((_uri, body) => [400, { error: 'invalid_client', error_description: `AADSTS7000215: Invalid client secret provided: ${bodyText(body)}`, error_codes: [7000215] }]);
    const all = await texts(() => connector.get(incident, SYS(1)), lines);
    expect(all.some((t) => t.includes('invalid_client'))).toBe(true);
    expectClean(all);
  });
});

/** nock hands a form body over as a string (or parsed, for JSON). */
function bodyText(body: unknown): string {
  return typeof body === 'string' ? body : JSON.stringify(body);
}
