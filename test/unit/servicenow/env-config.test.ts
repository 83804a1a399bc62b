import { describe, expect, it } from 'vitest';
import { serviceNowConfigFromEnv } from '../../../connectors/servicenow/env-config.js';
import { HandoffError } from '../../../src/errors.js';
import { scrub } from '../../../src/util/secrets.js';

const url = { SN_INSTANCE_URL: 'https://acme.service-now.com' };

function failure(env: Record<string, string>, files: Record<string, string> = {}): HandoffError {
  try {
    serviceNowConfigFromEnv(env, { readFile: (path) => read(files, path) });
  } catch (error) {
    if (error instanceof HandoffError) return error;
    throw error;
  }
  throw new Error('expected a HandoffError');
}

function read(files: Record<string, string>, path: string): string {
  const text = files[path];
  if (text === undefined) throw Object.assign(new Error(`ENOENT: no such file or directory, open '${path}'`), { code: 'ENOENT' });
  return text;
}

describe('ServiceNow config from the environment', () => {
  it('picks basic auth from SN_USERNAME and SN_PASSWORD, with defaults for the limits', () => {
    const config = serviceNowConfigFromEnv({ ...url, SN_USERNAME: 'svc.aihandoff', SN_PASSWORD: 'integration-sandbox' });
    expect(config).toMatchObject({
      instanceUrl: 'https://acme.service-now.com',
      auth: { kind: 'basic', username: 'svc.aihandoff', password: 'integration-sandbox' },
      pageSize: 500,
      timeoutMs: 30_000,
      maxConcurrency: 4,
      settleSeconds: 60,
      retry: { maxAttempts: 5 },
    });
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('picks the OAuth password grant, client credentials, or Entra ID from what is set', () => {
    const oauth = { SN_CLIENT_ID: 'aihandoff-sandbox', SN_CLIENT_SECRET: 'sandbox-client-secret' };
    expect(serviceNowConfigFromEnv({ ...url, ...oauth, SN_USERNAME: 'svc.aihandoff', SN_PASSWORD: 'integration-sandbox' }).auth.kind).toBe('oauth-password');
    expect(serviceNowConfigFromEnv({ ...url, ...oauth }).auth).toEqual({ kind: 'oauth-client-credentials', clientId: 'aihandoff-sandbox', clientSecret: 'sandbox-client-secret' });
    const entra = serviceNowConfigFromEnv({
      ...url,
      SN_ENTRA_TENANT_ID: 'contoso.onmicrosoft.com',
      SN_ENTRA_CLIENT_ID: 'worker-app',
      SN_ENTRA_CLIENT_SECRET: 'entra-secret-value',
      SN_ENTRA_SCOPE: 'api://sn-api/.default',
      SN_ENTRA_AUTHORITY_HOST: 'login.microsoftonline.us',
    });
    expect(entra.auth).toEqual({ kind: 'entra', tenantId: 'contoso.onmicrosoft.com', clientId: 'worker-app', clientSecret: 'entra-secret-value', scope: 'api://sn-api/.default', authorityHost: 'login.microsoftonline.us' });
  });

  it('reads *_FILE secrets without their trailing newline and registers them for scrubbing', () => {
    const config = serviceNowConfigFromEnv({ ...url, SN_USERNAME: 'svc', SN_PASSWORD_FILE: '/run/secrets/sn' }, { readFile: (p) => read({ '/run/secrets/sn': 'file-password-123\n' }, p) });
    expect(config.auth).toMatchObject({ password: 'file-password-123' });
    expect(scrub('login with file-password-123')).toBe('login with [REDACTED]');
  });

  it('names the variable and the fix for every missing or invalid setting', () => {
    const cases: Array<[Record<string, string>, string, string]> = [
      [{ SN_USERNAME: 'a', SN_PASSWORD: 'secret1' }, 'CONFIG_INVALID', 'SN_INSTANCE_URL'],
      [{ SN_INSTANCE_URL: 'http://acme.service-now.com', SN_USERNAME: 'a', SN_PASSWORD: 'secret1' }, 'CONFIG_INVALID', 'https'],
      [{ SN_INSTANCE_URL: 'https://admin:pw@acme.service-now.com', SN_USERNAME: 'a', SN_PASSWORD: 'secret1' }, 'CONFIG_INVALID', 'SN_INSTANCE_URL'],
      [{ SN_INSTANCE_URL: 'https://acme.service-now.com/api/now', SN_USERNAME: 'a', SN_PASSWORD: 'secret1' }, 'CONFIG_INVALID', 'origin only'],
      [{ ...url }, 'SECRET_MISSING', 'no ServiceNow credentials'],
      [{ ...url, SN_USERNAME: 'a' }, 'SECRET_MISSING', 'SN_PASSWORD'],
      [{ ...url, SN_CLIENT_ID: 'c' }, 'SECRET_MISSING', 'SN_CLIENT_SECRET'],
      [{ ...url, SN_USERNAME: 'a', SN_PASSWORD: 'secret1', SN_PASSWORD_FILE: '/x' }, 'CONFIG_INVALID', 'SN_PASSWORD_FILE'],
      [{ ...url, SN_USERNAME: 'a', SN_PASSWORD_FILE: '/missing' }, 'SECRET_MISSING', 'SN_PASSWORD_FILE'],
      [{ ...url, SN_ENTRA_TENANT_ID: 't', SN_ENTRA_CLIENT_ID: 'c', SN_ENTRA_CLIENT_SECRET: 'secret1' }, 'CONFIG_INVALID', 'SN_ENTRA_SCOPE'],
      [{ ...url, SN_ENTRA_TENANT_ID: 't', SN_USERNAME: 'a', SN_PASSWORD: 'secret1' }, 'CONFIG_INVALID', 'choose one'],
      [{ ...url, SN_USERNAME: 'a', SN_PASSWORD: 'secret1', SN_PAGE_SIZE: 'lots' }, 'CONFIG_INVALID', 'SN_PAGE_SIZE: must be a whole number'],
      [{ ...url, SN_USERNAME: 'a', SN_PASSWORD: 'secret1', SN_MAX_CONCURRENCY: '0' }, 'CONFIG_INVALID', 'SN_MAX_CONCURRENCY: must be at least 1'],
      [{ ...url, SN_USERNAME: 'a', SN_PASSWORD: 'secret1', SN_TIMEOUT_MS: '9999999' }, 'CONFIG_INVALID', 'SN_TIMEOUT_MS: must be at most'],
    ];
    for (const [env, code, named] of cases) {
      const error = failure(env);
      expect([error.code, `${error.message} ${error.remedy ?? ''}`], JSON.stringify(env)).toEqual([code, expect.stringContaining(named)]);
      expect(error.remedy, JSON.stringify(env)).toBeTruthy();
    }
  });

  it('allows plain http only on loopback (the sandbox)', () => {
    const config = serviceNowConfigFromEnv({ SN_INSTANCE_URL: 'http://127.0.0.1:8080/', SN_USERNAME: 'a', SN_PASSWORD: 'secret1' });
    expect(config.instanceUrl).toBe('http://127.0.0.1:8080');
  });
});
