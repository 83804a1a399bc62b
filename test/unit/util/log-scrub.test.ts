/**
 * The log scrubber and the audit's `scrubValue` must find a registered secret
 * whatever characters it holds. Both once scanned JSON text, where a `"`
 * becomes `\"` and a `\` becomes `\\`: a password such as `Pa"ss\word9` was
 * written out escaped, and unscrubbed (issue 11, "No secret gets through").
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../../src/util/log.js';
import { clearSecretsForTest, registerBasicCredentials, registerSecret, scrub, scrubValue } from '../../../src/util/secrets.js';

const QUOTED = 'Pa"ss\\word9-quoted';
const SLASHED = 'C:\\svc\\K3y!\\x';
const CONTROL = 'tab\there\nnewline-s3cret';
const UNICODE = 'Ünïcödé-pässwörd-✓';

afterEach(() => clearSecretsForTest());

function logged(write: (log: ReturnType<typeof createLogger>) => void): string {
  const lines: string[] = [];
  write(createLogger({ level: 'debug', write: (line) => lines.push(line) }));
  return lines.join('');
}

/** Every form a secret could take in a JSON line: as is, JSON-escaped (without the quotes), and each of its lines. */
function forms(secret: string): string[] {
  return [secret, JSON.stringify(secret).slice(1, -1)];
}

describe('the log scrubber', () => {
  it('removes a secret holding ", \\, control characters or non-ASCII from the message, fields, nested fields and errors', () => {
    for (const secret of [QUOTED, SLASHED, CONTROL, UNICODE]) registerSecret(secret);
    const text = logged((log) => {
      for (const secret of [QUOTED, SLASHED, CONTROL, UNICODE]) {
        log.info(`login with ${secret} failed`, { password: secret, nested: { list: [`x ${secret} y`], deeper: { value: secret } }, error: new Error(`bad ${secret}`) });
      }
    });
    for (const secret of [QUOTED, SLASHED, CONTROL, UNICODE]) {
      for (const form of forms(secret)) expect(text, `leaked ${JSON.stringify(form)}`).not.toContain(form);
    }
    expect(text).toContain('[REDACTED]');
    // Each line is still one valid JSON document.
    for (const line of text.trim().split('\n')) expect(() => JSON.parse(line) as unknown).not.toThrow();
  });

  it('redacts authorization values under any key casing, and URL userinfo, in structured fields', () => {
    const text = logged((log) => log.warn('call failed', { headers: { Authorization: 'Basic dXNlcjpwYXNzd29yZA==', 'X-Api-Key': 'k-123456789' }, url: 'https://svc:hunter2@instance.example/api' }));
    expect(text).not.toContain('dXNlcjpwYXNzd29yZA==');
    expect(text).not.toContain('k-123456789');
    expect(text).not.toContain('hunter2');
  });

  it('scrubs a secret used as an object key', () => {
    registerSecret(QUOTED);
    expect(logged((log) => log.info('by key', { byToken: { [QUOTED]: 1 } }))).not.toContain(JSON.stringify(QUOTED).slice(1, -1));
  });

  it('keeps the basic-auth pair out when the password holds a quote', () => {
    registerBasicCredentials('svc.aihandoff', QUOTED);
    const header = Buffer.from(`svc.aihandoff:${QUOTED}`).toString('base64');
    expect(logged((log) => log.error('denied', { sent: `Basic ${header}`, raw: header }))).not.toContain(header);
  });
});

describe('scrubValue (the audit ledger, error details)', () => {
  it('scrubs a secret holding " or \\ anywhere in a value, and never breaks the value', () => {
    registerSecret(QUOTED);
    registerSecret(SLASHED);
    const value = { reason: `rejected ${QUOTED}`, list: [SLASHED, { deep: `a${QUOTED}b` }], n: 3, ok: true, none: null };
    const clean = scrubValue(value);
    const json = JSON.stringify(clean);
    for (const secret of [QUOTED, SLASHED]) for (const form of forms(secret)) expect(json).not.toContain(form);
    expect(clean).toEqual({ reason: 'rejected [REDACTED]', list: ['[REDACTED]', { deep: 'a[REDACTED]b' }], n: 3, ok: true, none: null });
  });

  it('scrubs what each pattern and credential key matches, whatever else the value holds (no secret registered)', () => {
    clearSecretsForTest();
    const value = {
      url: 'see https://svc:hunter22@dev.service-now.com/api',
      header: 'authorization: Basic c3ZjOmh1bnRlcjIy',
      token: 'Bearer abcdefghijklmnop',
      nested: [{ password: 'hunter22', Cookie: 'session=1', client_secret: 's', id_token: 't' }],
      plain: 'nothing here "quoted" \\ and a newline\n',
    };
    const clean = scrubValue(value);
    expect(clean).toEqual({
      url: 'see https://[REDACTED]@dev.service-now.com/api',
      header: 'authorization: [REDACTED]',
      token: 'Bearer [REDACTED]',
      nested: [{ password: '[REDACTED]', Cookie: '[REDACTED]', client_secret: '[REDACTED]', id_token: '[REDACTED]' }],
      plain: value.plain,
    });
    // A value with nothing to scrub comes back equal, as a copy (JSON's: undefined members dropped).
    const quiet = { a: 'plain "text"', b: [1, null, { c: 'ok' }], d: undefined };
    const copy = scrubValue(quiet);
    expect(copy).toEqual({ a: 'plain "text"', b: [1, null, { c: 'ok' }] });
    expect(copy).not.toBe(quiet);
  });

  it('does not corrupt JSON when a registered secret looks like JSON syntax', () => {
    // Scanning the serialised form matched across the quotes and commas between two values, and JSON.parse then threw.
    registerSecret('n","b');
    expect(scrubValue({ a: 'plain', b: 'other' })).toEqual({ a: 'plain', b: 'other' });
    expect(scrubValue({ a: 'n","b' })).toEqual({ a: '[REDACTED]' });
    expect(scrub('x n","b y')).toBe('x [REDACTED] y');
  });
});
