import { describe, expect, it } from 'vitest';
import { isHandoffError } from '../../../src/errors.js';
import { httpListenFromEnv } from '../../../src/ops/http-listen.js';
import { tokenMatches } from '../../../src/ops/http-server.js';
import { clearSecretsForTest, scrub } from '../../../src/util/secrets.js';

const TOKEN = '0123456789abcdef0123';

function fails(run: () => unknown, pattern: RegExp): void {
  let caught: unknown;
  try {
    run();
  } catch (error) {
    caught = error;
  }
  expect(isHandoffError(caught), String(caught)).toBe(true);
  expect(`${(caught as Error).message} ${(caught as { remedy?: string }).remedy ?? ''}`).toMatch(pattern);
}

describe('AI_HANDOFF_HTTP', () => {
  it('is off unless set (or given a fallback), and off when set to off', () => {
    expect(httpListenFromEnv({})).toBeNull();
    expect(httpListenFromEnv({ AI_HANDOFF_HTTP: 'off' }, '127.0.0.1:1')).toBeNull();
    expect(httpListenFromEnv({}, '127.0.0.1:9464')).toEqual({ host: '127.0.0.1', port: 9464, token: null });
  });

  it('reads host:port, [v6]:port and :port (loopback)', () => {
    expect(httpListenFromEnv({ AI_HANDOFF_HTTP: ':9464' })).toMatchObject({ host: '127.0.0.1', port: 9464 });
    expect(httpListenFromEnv({ AI_HANDOFF_HTTP: '[::1]:9464' })).toMatchObject({ host: '::1', port: 9464 });
    expect(httpListenFromEnv({ AI_HANDOFF_HTTP: 'localhost:0' })).toMatchObject({ host: 'localhost', port: 0 });
  });

  it('refuses a malformed value, naming the variable and an example', () => {
    for (const bad of ['9464', 'example.com:9464', '127.0.0.1:99999', '127.0.0.1']) fails(() => httpListenFromEnv({ AI_HANDOFF_HTTP: bad }), /AI_HANDOFF_HTTP .*127\.0\.0\.1:9464/);
  });

  it('requires a token beyond loopback, of at least 16 characters, from the variable or its file, and scrubs it', () => {
    fails(() => httpListenFromEnv({ AI_HANDOFF_HTTP: '0.0.0.0:9464' }), /without a token.*AI_HANDOFF_HTTP_TOKEN_FILE/);
    fails(() => httpListenFromEnv({ AI_HANDOFF_HTTP: '0.0.0.0:9464', AI_HANDOFF_HTTP_TOKEN: 'short' }), /at least 16/);
    fails(() => httpListenFromEnv({ AI_HANDOFF_HTTP: '0.0.0.0:9464', AI_HANDOFF_HTTP_TOKEN_FILE: '/nowhere' }, null, () => {
      throw new Error('ENOENT');
    }), /cannot read AI_HANDOFF_HTTP_TOKEN_FILE/);
    clearSecretsForTest();
    expect(httpListenFromEnv({ AI_HANDOFF_HTTP: '0.0.0.0:9464', AI_HANDOFF_HTTP_TOKEN_FILE: '/run/secrets/t' }, null, () => `${TOKEN}\n`)).toEqual({ host: '0.0.0.0', port: 9464, token: TOKEN });
    expect(scrub(`token ${TOKEN}`)).toBe('token [REDACTED]');
    clearSecretsForTest();
  });
});

describe('the token check', () => {
  it('accepts Bearer, or Basic with the token as password, and nothing else', () => {
    expect(tokenMatches(`Bearer ${TOKEN}`, TOKEN)).toBe(true);
    expect(tokenMatches(`Basic ${Buffer.from(`x:${TOKEN}`).toString('base64')}`, TOKEN)).toBe(true);
    expect(tokenMatches(`Bearer ${TOKEN}x`, TOKEN)).toBe(false);
    expect(tokenMatches(`Basic ${Buffer.from(`${TOKEN}:x`).toString('base64')}`, TOKEN)).toBe(false);
    expect(tokenMatches(undefined, TOKEN)).toBe(false);
    expect(tokenMatches(TOKEN, TOKEN)).toBe(false);
  });
});
