import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isHandoffError } from '../../../src/errors.js';
import { AUDIT_KEY_ENV, AUDIT_KEY_FILE_ENV, loadAuditKeys } from '../../../src/handoff/audit-key-source.js';
import { createKeyring, keyIdOf, parseKeyText, sameMac } from '../../../src/handoff/audit-keys.js';
import { scrub } from '../../../src/util/secrets.js';

const HEX_A = 'a1'.repeat(32);
const HEX_B = 'b2'.repeat(32);

const thrown = (fn: () => unknown): { code: string; message: string; remedy?: string } => {
  try {
    fn();
  } catch (error) {
    if (isHandoffError(error)) return { code: error.code, message: error.message, ...(error.remedy ? { remedy: error.remedy } : {}) };
    throw error;
  }
  throw new Error('did not throw');
};

describe('audit keys', () => {
  it('derives a stable key id that does not reveal the key, and MACs under the current key', () => {
    const ring = createKeyring([Buffer.from(HEX_A, 'hex'), Buffer.from(HEX_B, 'hex')]);
    expect(ring.current.id).toBe(keyIdOf(Buffer.from(HEX_B, 'hex')));
    expect(ring.current.id).toMatch(/^k[0-9a-f]{16}$/);
    expect(ring.current.id).not.toContain(HEX_B.slice(0, 8));
    expect(ring.ids).toEqual([keyIdOf(Buffer.from(HEX_A, 'hex')), ring.current.id]);
    const older = ring.byId(keyIdOf(Buffer.from(HEX_A, 'hex')))!;
    expect(older.mac('x')).not.toBe(ring.current.mac('x'));
    expect(sameMac(ring.current.mac('x'), ring.current.mac('x'))).toBe(true);
    expect(ring.byId('k0000000000000000')).toBeUndefined();
  });

  it('reads hex and base64 keys with comments, and refuses a short or malformed one naming the line', () => {
    const b64 = Buffer.alloc(32, 7).toString('base64');
    expect(parseKeyText(`# old\n${HEX_A}\n\n${b64}  # current\n`, 'f')).toHaveLength(2);
    const short = thrown(() => parseKeyText(`${HEX_A}\n${'ab'.repeat(8)}\n`, '/etc/k'));
    expect(short).toMatchObject({ code: 'CONFIG_INVALID' });
    expect(short.message).toContain('/etc/k, line 2');
    expect(short.message).not.toContain('ab'.repeat(8));
    expect(thrown(() => parseKeyText('not a key!', 'env'))).toMatchObject({ code: 'CONFIG_INVALID' });
  });

  it('loads the key from the variable or the file, registers it for scrubbing, and names the variable when missing', () => {
    const fromEnv = loadAuditKeys({ [AUDIT_KEY_ENV]: HEX_A });
    expect(fromEnv.source).toBe(AUDIT_KEY_ENV);
    expect(scrub(`key ${HEX_A}`)).toBe('key [REDACTED]');

    const dir = mkdtempSync(join(tmpdir(), 'aih-key-'));
    writeFileSync(join(dir, 'k'), `${HEX_A}\n${HEX_B}\n`);
    const fromFile = loadAuditKeys({ [AUDIT_KEY_FILE_ENV]: join(dir, 'k') });
    expect(fromFile.keyring.ids).toHaveLength(2);

    const missing = thrown(() => loadAuditKeys({}));
    expect(missing.code).toBe('SECRET_MISSING');
    expect(missing.message).toContain(AUDIT_KEY_ENV);
    expect(missing.remedy).toContain(AUDIT_KEY_FILE_ENV);
    expect(thrown(() => loadAuditKeys({ [AUDIT_KEY_ENV]: HEX_A, [AUDIT_KEY_FILE_ENV]: join(dir, 'k') })).code).toBe('CONFIG_INVALID');
    expect(thrown(() => loadAuditKeys({ [AUDIT_KEY_FILE_ENV]: join(dir, 'absent') })).code).toBe('SECRET_MISSING');
  });

  it('generates a key file of mode 0600 for the local run, once', () => {
    const dir = mkdtempSync(join(tmpdir(), 'aih-key-'));
    const file = join(dir, 'audit', 'audit.key');
    const first = loadAuditKeys({}, { fallbackFile: file, generate: true });
    expect(first.generated).toBe(true);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const again = loadAuditKeys({}, { fallbackFile: file, generate: true });
    expect(again.generated).toBe(false);
    expect(again.keyring.current.id).toBe(first.keyring.current.id);
    expect(readFileSync(file, 'utf8')).toMatch(/^# ai-handoff audit key/);
    // Without generate, an absent fallback is still an error naming the variable.
    expect(thrown(() => loadAuditKeys({}, { fallbackFile: join(dir, 'none') })).code).toBe('SECRET_MISSING');
  });
});
