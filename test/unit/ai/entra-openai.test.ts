import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parseAiConfig, type AzureOpenAiConfig, type OpenAiCompatibleConfig } from '../../../src/ai/config.js';
import { createAzureOpenAiProvider } from '../../../src/ai/providers/azure-openai.js';
import { createOpenAiCompatibleProvider } from '../../../src/ai/providers/openai-compatible.js';
import { guardOutput } from '../../../src/ai/guard/guard.js';
import { clearSecretsForTest } from '../../../src/util/secrets.js';
import { completion, failure, fixture, recordingSleep, seedAnswer, seedInput } from './support/provider-fixtures.js';

const TENANT = '11111111-2222-3333-4444-555555555555';
const SECRET = 'entra-client-secret-value-0987';
const ENDPOINT = 'https://contoso-ai.openai.azure.com';
const PATH = '/openai/deployments/gpt4o/chat/completions';
const tokenReply = (token: string) => ({ token_type: 'Bearer', expires_in: 3599, ext_expires_in: 3599, access_token: token });

function entra(authorityHost?: string): AzureOpenAiConfig {
  const config = parseAiConfig({
    provider: { kind: 'azure-openai', endpoint: ENDPOINT, deployment: 'gpt4o', auth: { type: 'entra', tenantId: TENANT, clientId: 'client-app-id', ...(authorityHost === undefined ? {} : { authorityHost }) } },
  }).provider;
  if (config.kind !== 'azure-openai') throw new Error('config');
  return config;
}


beforeAll(() => nock.disableNetConnect());
afterEach(() => {
  nock.cleanAll();
  clearSecretsForTest();
});
afterAll(() => nock.enableNetConnect());

describe('Azure OpenAI with Entra ID (msal-node client credentials over real HTTP)', () => {
  const env = { AZURE_OPENAI_CLIENT_SECRET: SECRET };

  it('gets a token for the Cognitive Services scope, sends it as a bearer, and reuses it from the cache', async () => {
    let form = new URLSearchParams();
    const login = nock('https://login.microsoftonline.com')
      .post(`/${TENANT}/oauth2/v2.0/token`, (body: string) => ((form = new URLSearchParams(body)), true))
      .query(true)
      .once()
      .reply(200, tokenReply('entra-access-token-1'));
    const api = nock(ENDPOINT, { reqheaders: { authorization: 'Bearer entra-access-token-1' } }).post(PATH).query(true).twice().reply(200, completion('azure-chat-completion.json', seedAnswer));
    const provider = createAzureOpenAiProvider(entra(), { env });
    await provider.generate(seedInput);
    await provider.generate(seedInput);
    login.done();
    api.done();
    expect(form.get('grant_type')).toBe('client_credentials');
    expect(form.get('client_id')).toBe('client-app-id');
    expect(form.get('client_secret')).toBe(SECRET);
    expect(form.get('scope')).toBe('https://cognitiveservices.azure.com/.default');
  });

  it('fetches a fresh token once after a 401 from Azure OpenAI', async () => {
    const login = nock('https://login.microsoftonline.com').post(`/${TENANT}/oauth2/v2.0/token`).query(true).reply(200, tokenReply('revoked-token')).post(`/${TENANT}/oauth2/v2.0/token`).query(true).reply(200, tokenReply('fresh-token'));
    nock(ENDPOINT, { reqheaders: { authorization: 'Bearer revoked-token' } }).post(PATH).query(true).reply(401, { error: { code: 'InvalidAuthenticationToken' } });
    nock(ENDPOINT, { reqheaders: { authorization: 'Bearer fresh-token' } }).post(PATH).query(true).reply(200, completion('azure-chat-completion.json', seedAnswer));
    const result = await createAzureOpenAiProvider(entra(), { env }).generate(seedInput);
    login.done();
    expect(result.provider).toBe('azure-openai');
  });

  it('reads the OpenID configuration from an overridden authority host', async () => {
    const host = 'https://login.test.example';
    const login = nock(host)
      .get(`/${TENANT}/v2.0/.well-known/openid-configuration`)
      .reply(200, fixture('entra-openid-configuration.json'))
      .post(`/${TENANT}/oauth2/v2.0/token`)
      .query(true)
      .reply(200, tokenReply('sovereign-token'));
    nock(ENDPOINT, { reqheaders: { authorization: 'Bearer sovereign-token' } }).post(PATH).query(true).reply(200, completion('azure-chat-completion.json', seedAnswer));
    await createAzureOpenAiProvider(entra(host), { env }).generate(seedInput);
    login.done();
  });

  it('refuses when Entra refuses the client credentials, without the secret in the error', async () => {
    nock('https://login.microsoftonline.com')
      .post(`/${TENANT}/oauth2/v2.0/token`)
      .query(true)
      .reply(401, { error: 'invalid_client', error_description: `AADSTS7000215: Invalid client secret provided (${SECRET}).`, error_codes: [7000215] });
    const error = await failure(createAzureOpenAiProvider(entra(), { env }).generate(seedInput));
    expect(error.code).toBe('AI_PROVIDER_REFUSED');
    expect(error.details).toEqual({ errorCode: 'invalid_client' });
    expect(JSON.stringify(error.toJSON()) + error.message).not.toContain(SECRET);
  });

  it('reads the client secret from a *_FILE variable', () => {
    expect(() => createAzureOpenAiProvider(entra(), { env: {} })).toThrow(/AZURE_OPENAI_CLIENT_SECRET/);
    expect(() => createAzureOpenAiProvider(entra(), { env: { AZURE_OPENAI_CLIENT_SECRET_FILE: '/nonexistent/secret' } })).toThrow(/cannot read AZURE_OPENAI_CLIENT_SECRET_FILE/);
  });
});

describe('OpenAI-compatible provider', () => {
  function compat(over: Record<string, unknown> = {}): OpenAiCompatibleConfig {
    const config = parseAiConfig({ provider: { kind: 'openai-compatible', baseUrl: 'https://api.openai.com/v1', model: 'gpt-4o-2024-08-06', apiKeyEnv: 'OPENAI_API_KEY', http: { backoffMs: 5 }, ...over } }).provider;
    if (config.kind !== 'openai-compatible') throw new Error('config');
    return config;
  }

  it('sends the model, a bearer key and max_tokens to /chat/completions and reads the answer', async () => {
    let sent: Record<string, unknown> = {};
    nock('https://api.openai.com', { reqheaders: { authorization: 'Bearer sk-test-key-000111' } })
      .post('/v1/chat/completions', (b: Record<string, unknown>) => ((sent = b), true))
      .reply(200, completion('openai-chat-completion.json', seedAnswer));
    const result = await createOpenAiCompatibleProvider(compat(), { env: { OPENAI_API_KEY: 'sk-test-key-000111' } }).generate(seedInput);
    expect(sent).toMatchObject({ model: 'gpt-4o-2024-08-06', max_tokens: 2000, response_format: { type: 'json_schema' } });
    expect(result).toMatchObject({ provider: 'openai-compatible', model: 'gpt-4o-2024-08-06', usage: { promptTokens: 1650, completionTokens: 380 } });
    expect(guardOutput(result.output, { kind: 'evidence_pack', sources: seedInput.sources, canary: seedInput.canary }).ok).toBe(true);
  });

  it('sends no authorization to a local server without a key (Ollama)', async () => {
    const scope = nock('http://127.0.0.1:11434', { badheaders: ['authorization'] }).post('/v1/chat/completions').reply(200, completion('openai-chat-completion.json', seedAnswer));
    await createOpenAiCompatibleProvider(compat({ baseUrl: 'http://127.0.0.1:11434/v1', model: 'llama3.1', apiKeyEnv: null }), { env: {} }).generate(seedInput);
    scope.done();
  });

  it('honours a 429 with x-ratelimit-reset durations, then succeeds', async () => {
    const { sleep, waits } = recordingSleep();
    nock('https://api.openai.com')
      .post('/v1/chat/completions')
      .reply(429, fixture('openai-429.json'), { 'x-ratelimit-reset-requests': '120ms', 'x-ratelimit-reset-tokens': '3.06s' })
      .post('/v1/chat/completions')
      .reply(200, completion('openai-chat-completion.json', seedAnswer));
    await createOpenAiCompatibleProvider(compat(), { env: { OPENAI_API_KEY: 'sk-test-key-000111' }, sleep }).generate(seedInput);
    expect(waits).toEqual([3060]);
  });

  it('refuses when the model refuses under structured outputs', async () => {
    nock('https://api.openai.com').post('/v1/chat/completions').reply(200, fixture('openai-refusal.json'));
    const error = await failure(createOpenAiCompatibleProvider(compat(), { env: { OPENAI_API_KEY: 'sk-test-key-000111' } }).generate(seedInput));
    expect(error.code).toBe('AI_PROVIDER_REFUSED');
  });

  it('returns malformed and truncated answers (finish_reason "length") for the guard to reject', async () => {
    const guard = (text: string, truncated: boolean) => guardOutput({ text, truncated }, { kind: 'evidence_pack', sources: seedInput.sources, canary: seedInput.canary });
    const cases: [string | null, string, string][] = [
      ['{"kind": "evidence_pack", "sections": [', 'stop', 'truncated'],
      ['{"kind": evidence_pack}', 'stop', 'not_json'],
      [`Here is the evidence pack you asked for:\n${seedAnswer}`, 'stop', 'not_json'],
      [seedAnswer.slice(0, 200), 'length', 'truncated'],
      // Complete, valid JSON is still refused when the model stopped at its token limit.
      [seedAnswer, 'length', 'truncated'],
      [null, 'stop', 'not_json'],
    ];
    for (const [content, finish, kind] of cases) {
      nock('https://api.openai.com').post('/v1/chat/completions').reply(200, completion('openai-chat-completion.json', content, finish));
      const result = await createOpenAiCompatibleProvider(compat(), { env: { OPENAI_API_KEY: 'sk-test-key-000111' } }).generate(seedInput);
      expect(result.output.truncated).toBe(finish === 'length');
      const verdict = guard(result.output.text, result.output.truncated);
      expect(verdict.ok ? 'ok' : verdict.rejected.kind, `${finish}: ${String(content).slice(0, 40)}`).toBe(kind);
    }
  });

  it('fails without retrying when a 200 body is malformed or cut-off JSON, not a chat completion', async () => {
    const whole = JSON.stringify(completion('openai-chat-completion.json', seedAnswer));
    for (const body of [whole.slice(0, Math.floor(whole.length / 2)), '<html><body>502 Bad Gateway</body></html>', '{"id": "chatcmpl-x", "choices": []}']) {
      const scope = nock('https://api.openai.com').post('/v1/chat/completions').once().reply(200, body, { 'content-type': 'application/json' });
      const error = await failure(createOpenAiCompatibleProvider(compat(), { env: { OPENAI_API_KEY: 'sk-test-key-000111' } }).generate(seedInput));
      scope.done();
      expect(error.code, body.slice(0, 40)).toBe('AI_PROVIDER_FAILED');
      expect(error.retryable).toBe(false);
      expect(error.message).toContain('without a chat completion');
      expect(error.message).not.toContain('evidence_pack');
    }
  });

  it('refuses a content_policy_violation 400 without retrying', async () => {
    const scope = nock('https://api.openai.com').post('/v1/chat/completions').once().reply(400, { error: { message: 'flagged', type: 'invalid_request_error', param: null, code: 'content_policy_violation' } });
    const error = await failure(createOpenAiCompatibleProvider(compat(), { env: { OPENAI_API_KEY: 'sk-test-key-000111' } }).generate(seedInput));
    scope.done();
    expect(error.code).toBe('AI_PROVIDER_REFUSED');
  });
});
