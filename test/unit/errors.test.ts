import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { describeCause, ERROR_CODES, HandoffError } from '../../src/errors.js';
import { clearSecretsForTest, registerSecret } from '../../src/util/secrets.js';

describe('error codes', () => {
  const doc = readFileSync(new URL('../../docs/errors.md', import.meta.url), 'utf8');

  it('documents every code in docs/errors.md with its retryability', () => {
    for (const [code, info] of Object.entries(ERROR_CODES)) {
      const row = doc.split('\n').find((line) => line.startsWith(`| \`${code}\` |`));
      expect(row, `docs/errors.md has no row for ${code}`).toBeDefined();
      expect(row).toContain(info.retryable ? '| yes |' : '| no |');
    }
  });

  it('documents no code that does not exist', () => {
    const documented = [...doc.matchAll(/^\| `([A-Z_]+)` \|/gm)].map((m) => m[1]);
    expect(documented.sort()).toEqual(Object.keys(ERROR_CODES).sort());
  });
});

describe('HandoffError', () => {
  it('scrubs registered secrets, URL userinfo and authorization values from message, remedy and details', () => {
    clearSecretsForTest();
    registerSecret('canary-s3cret-value');
    const error = new HandoffError('SN_AUTH_FAILED', 'login canary-s3cret-value failed at https://admin:pw@example.service-now.com/api', {
      details: { header: 'Authorization: Basic YWRtaW46cHc=', nested: { token: 'x canary-s3cret-value y' } },
      remedy: 'check canary-s3cret-value',
      cause: new Error('Bearer abcdefghijklmnop rejected'),
    });
    const text = JSON.stringify(error.toJSON()) + error.message;
    expect(text).not.toContain('canary-s3cret-value');
    expect(text).not.toContain('admin:pw');
    expect(text).not.toContain('YWRtaW46cHc=');
    expect(text).not.toContain('abcdefghijklmnop');
    expect(error.code).toBe('SN_AUTH_FAILED');
    expect(error.retryable).toBe(false);
    clearSecretsForTest();
  });

  it('takes retryability from the code unless overridden', () => {
    expect(new HandoffError('SN_RATE_LIMITED', 'slow down', { retryAfterMs: 2000 }).retryable).toBe(true);
    expect(new HandoffError('SN_RATE_LIMITED', 'slow down', { retryable: false }).retryable).toBe(false);
  });
});

describe('describeCause', () => {
  it("names an error's code once: Node's file errors already begin with it, others get it in front", () => {
    const enoent = Object.assign(new Error("ENOENT: no such file or directory, open '/x.json'"), { code: 'ENOENT' });
    expect(describeCause(enoent)).toBe("ENOENT: no such file or directory, open '/x.json'");
    const reset = Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
    expect(describeCause(reset)).toBe('ECONNRESET socket hang up');
  });
});
