import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BASE, harness, instance, mapping, snError, SYS } from './helpers.js';

beforeAll(() => nock.disableNetConnect());
afterEach(() => {
  nock.cleanAll();
});
afterAll(() => nock.enableNetConnect());

const incident = mapping('incident');
const recordPath = `/api/now/table/incident/${SYS(1)}`;
const ok = { result: { sys_id: SYS(1) } };

/** Serves the record, recording each Authorization header; answers 401 to the headers in `refuse`. */
function serveRecord(times: number, refuse: readonly string[] = []): string[] {
  const seen: string[] = [];
  instance()
    .get(recordPath)
    .query(true)
    .times(times)
    .reply(function () {
      const header = String(this.req.headers.authorization);
      seen.push(header);
      return refuse.includes(header) ? [401, snError('User Not Authenticated', 'Required to provide Auth information')] : [200, ok];
    });
  return seen;
}

/** Serves the token endpoint from a list of answers, recording each form sent. */
function serveTokens(answers: ReadonlyArray<readonly [number, object]>): Array<Record<string, string>> {
  const forms: Array<Record<string, string>> = [];
  let next = 0;
  nock(BASE)
    .post('/oauth_token.do')
    .times(answers.length)
    .reply(function (_uri, body) {
      expect(this.req.headers['content-type']).toBe('application/x-www-form-urlencoded');
      expect(this.req.headers.authorization).toBeUndefined();
      forms.push(Object.fromEntries(new URLSearchParams(bodyText(body))));
      const answer = answers[next++]!;
      return [answer[0], answer[1]];
    });
  return forms;
}

const token = (access: string, refresh?: string, expiresIn = 1799) => ({
  access_token: access,
  ...(refresh === undefined ? {} : { refresh_token: refresh }),
  scope: 'useraccount',
  token_type: 'Bearer',
  expires_in: expiresIn,
});

describe('basic auth', () => {
  it('sends the user and password as Basic, and does not re-authenticate after a 401', async () => {
    const expected = `Basic ${Buffer.from('svc.aihandoff:integration-sandbox').toString('base64')}`;
    const seen = serveRecord(2, ['none']);
    const { connector } = harness();
    await connector.get(incident, SYS(1));
    expect(seen).toEqual([expected]);

    nock.cleanAll();
    const refused = serveRecord(2, [expected]);
    await expect(connector.get(incident, SYS(1))).rejects.toMatchObject({ code: 'SN_AUTH_FAILED' });
    expect(refused).toHaveLength(1);
  });
});

describe('OAuth (/oauth_token.do)', () => {
  const passwordGrant = { kind: 'oauth-password' as const, clientId: 'aihandoff-sandbox', clientSecret: 'sandbox-client-secret', username: 'svc.aihandoff', password: 'integration-sandbox' };

  it('uses the password grant once, reuses the token, and refreshes it with the refresh token 60 s before expiry', async () => {
    let clock = Date.parse('2025-01-01T10:00:00Z');
    const forms = serveTokens([
      [200, token('access-1', 'refresh-1')],
      [200, token('access-2', 'refresh-2')],
    ]);
    const seen = serveRecord(3);
    const { connector } = harness({ auth: passwordGrant }, { now: () => clock });
    await connector.get(incident, SYS(1));
    clock += 1000 * (1799 - 61);
    await connector.get(incident, SYS(1));
    clock += 2000;
    await connector.get(incident, SYS(1));
    expect(seen).toEqual(['Bearer access-1', 'Bearer access-1', 'Bearer access-2']);
    expect(forms).toEqual([
      { grant_type: 'password', username: 'svc.aihandoff', password: 'integration-sandbox', client_id: 'aihandoff-sandbox', client_secret: 'sandbox-client-secret' },
      { grant_type: 'refresh_token', refresh_token: 'refresh-1', client_id: 'aihandoff-sandbox', client_secret: 'sandbox-client-secret' },
    ]);
  });

  it('falls back to the password grant when the refresh token is refused', async () => {
    let clock = 0;
    const forms = serveTokens([
      [200, token('access-1', 'refresh-1')],
      [401, { error: 'server_error', error_description: 'access_denied' }],
      [200, token('access-3', 'refresh-3')],
    ]);
    const seen = serveRecord(2);
    const { connector } = harness({ auth: passwordGrant }, { now: () => clock });
    await connector.get(incident, SYS(1));
    clock += 1_800_000;
    await connector.get(incident, SYS(1));
    expect(forms.map((f) => f.grant_type)).toEqual(['password', 'refresh_token', 'password']);
    expect(seen).toEqual(['Bearer access-1', 'Bearer access-3']);
  });

  it('uses the client_credentials grant with only the client id and secret', async () => {
    const forms = serveTokens([[200, token('cc-access')]]);
    const seen = serveRecord(1);
    const { connector } = harness({ auth: { kind: 'oauth-client-credentials', clientId: 'aihandoff-sandbox', clientSecret: 'sandbox-client-secret' } });
    await connector.get(incident, SYS(1));
    expect(forms).toEqual([{ grant_type: 'client_credentials', client_id: 'aihandoff-sandbox', client_secret: 'sandbox-client-secret' }]);
    expect(seen).toEqual(['Bearer cc-access']);
  });

  it('re-authenticates once after a 401, and gives up on a second 401', async () => {
    const forms = serveTokens([
      [200, token('revoked')],
      [200, token('fresh')],
    ]);
    const seen = serveRecord(2, ['Bearer revoked']);
    const { connector } = harness({ auth: passwordGrant });
    expect(await connector.get(incident, SYS(1))).toEqual(ok.result);
    expect(seen).toEqual(['Bearer revoked', 'Bearer fresh']);
    expect(forms).toHaveLength(2);

    nock.cleanAll();
    serveTokens([[200, token('also-revoked')]]);
    const again = serveRecord(2, ['Bearer fresh', 'Bearer also-revoked']);
    await expect(connector.get(incident, SYS(1))).rejects.toMatchObject({ code: 'SN_AUTH_FAILED', details: { status: 401 } });
    expect(again).toEqual(['Bearer fresh', 'Bearer also-revoked']);
  });

  it('shares one token request between concurrent calls', async () => {
    const forms = serveTokens([[200, token('shared')]]);
    serveRecord(5);
    const { connector } = harness({ auth: passwordGrant });
    await Promise.all(Array.from({ length: 5 }, () => connector.get(incident, SYS(1))));
    expect(forms).toHaveLength(1);
  });

  it('fails with SN_AUTH_FAILED carrying the endpoint\'s error, not retried', async () => {
    serveTokens([[401, { error: 'server_error', error_description: 'access_denied' }]]);
    const { connector, sleeps } = harness({ auth: passwordGrant });
    const error = await connector.get(incident, SYS(1)).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'SN_AUTH_FAILED', details: { operation: 'token', status: 401, snMessage: 'server_error' } });
    expect((error as Error).message).toContain('access_denied');
    expect(sleeps).toEqual([]);
  });
});

describe('Microsoft Entra ID (msal-node)', () => {
  const tenant = '11111111-2222-3333-4444-555555555555';
  const entra = { kind: 'entra' as const, tenantId: tenant, clientId: 'worker-app-id', clientSecret: 'entra-client-secret', scope: 'api://servicenow-api/.default' };

  function serveEntraTokens(host: string, tokens: readonly string[]): Array<Record<string, string>> {
    const forms: Array<Record<string, string>> = [];
    let next = 0;
    nock(`https://${host}`)
      .post(`/${tenant}/oauth2/v2.0/token`)
      .query(true)
      .times(tokens.length)
      .reply((_uri, body) => {
        forms.push(Object.fromEntries(new URLSearchParams(bodyText(body))));
        return [200, { token_type: 'Bearer', expires_in: 3599, ext_expires_in: 3599, access_token: tokens[next++] }];
      });
    return forms;
  }

  it('gets a client-credentials token for the configured scope from login.microsoftonline.com', async () => {
    const forms = serveEntraTokens('login.microsoftonline.com', ['entra-token-1']);
    const seen = serveRecord(2);
    const { connector } = harness({ auth: entra });
    await connector.get(incident, SYS(1));
    await connector.get(incident, SYS(1));
    expect(seen).toEqual(['Bearer entra-token-1', 'Bearer entra-token-1']);
    expect(forms).toHaveLength(1);
    expect(forms[0]).toMatchObject({ grant_type: 'client_credentials', client_id: 'worker-app-id', client_secret: 'entra-client-secret', scope: 'api://servicenow-api/.default' });
  });

  it('talks to another authority host through knownAuthorities and skips the cache after a 401', async () => {
    const host = 'login.entra.test';
    nock(`https://${host}`)
      .get(`/${tenant}/v2.0/.well-known/openid-configuration`)
      .reply(200, {
        token_endpoint: `https://${host}/${tenant}/oauth2/v2.0/token`,
        authorization_endpoint: `https://${host}/${tenant}/oauth2/v2.0/authorize`,
        end_session_endpoint: `https://${host}/${tenant}/oauth2/v2.0/logout`,
        issuer: `https://${host}/${tenant}/v2.0`,
        jwks_uri: `https://${host}/${tenant}/discovery/v2.0/keys`,
      });
    const forms = serveEntraTokens(host, ['single-use', 'second']);
    const seen = serveRecord(2, ['Bearer single-use']);
    const { connector } = harness({ auth: { ...entra, authorityHost: host } });
    expect(await connector.get(incident, SYS(1))).toEqual(ok.result);
    expect(seen).toEqual(['Bearer single-use', 'Bearer second']);
    expect(forms).toHaveLength(2);
    // msal read the custom authority's own metadata, not Microsoft's instance discovery.
    expect(nock.isDone()).toBe(true);
  });

  it('fails with SN_AUTH_FAILED when Entra refuses the client', async () => {
    nock('https://login.microsoftonline.com')
      .post(`/${tenant}/oauth2/v2.0/token`)
      .query(true)
      .reply(401, { error: 'invalid_client', error_description: 'AADSTS7000215: Invalid client secret provided.', error_codes: [7000215] });
    const { connector } = harness({ auth: entra });
    await expect(connector.get(incident, SYS(1))).rejects.toMatchObject({ code: 'SN_AUTH_FAILED', details: { operation: 'token', msalCode: 'invalid_client' } });
  });
});

/** nock hands a form body over as a string (or parsed, for JSON). */
function bodyText(body: unknown): string {
  return typeof body === 'string' ? body : JSON.stringify(body);
}
