import { describe, expect, it } from 'vitest';
import { MASK_KINDS } from '../../../src/ai/config.js';
import { createMasker, maskSourceSet } from '../../../src/ai/mask.js';
import { buildSourceSet } from '../../../src/ai/source-set.js';
import { REQ_2188 } from '../../fixtures/ai/seed-gathered.js';

const SECRETS = {
  password: 'Password: Winter2025!x',
  api_key: 'api_key=abcd1234efgh5678ijkl',
  openai: 'sk-proj-AbCdEfGhIjKlMnOpQrStUv123456',
  aws: 'AKIAIOSFODNN7EXAMPLE',
  token: 'Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U',
  privateKey: '-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA7\n-----END RSA PRIVATE KEY-----',
  connection: 'postgres://admin:s3cr3t-pw@db.internal.example:5432/hr',
  adoConnection: 'Server=db01;Database=hr;User Id=sa;Password=Hunter2!;',
  german: 'Passwort: Sommer2025',
};

describe('masking', () => {
  it('masks every kind of secret and never leaves the value', () => {
    const masker = createMasker(MASK_KINDS);
    for (const [name, text] of Object.entries(SECRETS)) {
      const out = masker.mask(`ticket says ${text} end`);
      expect(out, name).toMatch(/\[masked-[a-z-]+-\d+\]/);
      for (const part of ['Winter2025!x', 'abcd1234efgh5678ijkl', 'AbCdEfGhIjKl', 'AKIAIOSFODNN7EXAMPLE', 'dozjgNryP4J3', 'MIIEowIBAAKCAQEA7', 's3cr3t-pw', 'Hunter2!', 'Sommer2025']) {
        expect(out, name).not.toContain(part);
      }
    }
    const record = masker.record();
    expect(Object.keys(record.counts).sort()).toEqual(['api_key', 'connection_string', 'password', 'private_key', 'token']);
    expect(JSON.stringify(record)).not.toMatch(/Winter|Hunter|s3cr3t/);
  });

  it('masks e-mail addresses and phone numbers with stable placeholders, not dates, times, IPs or ticket numbers', () => {
    const masker = createMasker(['email', 'phone']);
    const out = masker.mask('Call +49 30 1234 5678 or (030) 555-0199; mail jordan.miles@contoso.example twice: jordan.miles@contoso.example. Seen 2025-03-04 09:30:00 from 10.20.30.40 on INC0002041, 800 ms, 12345678.');
    expect(out).toBe('Call [masked-phone-1] or [masked-phone-2]; mail [masked-email-1] twice: [masked-email-1]. Seen 2025-03-04 09:30:00 from 10.20.30.40 on INC0002041, 800 ms, 12345678.');
    expect(masker.record()).toEqual({ counts: { email: 1, phone: 2 }, occurrences: 4 });
  });

  it('masks only the configured kinds', () => {
    const masker = createMasker(['password']);
    expect(masker.mask('password: Winter2025!x mail a.b@c.example')).toBe('password: [masked-password-1] mail a.b@c.example');
    const words = createMasker(['password', 'token', 'api_key']);
    expect(words.mask('The token expired yesterday; the password policy applies; pwd Winter2025 was sent')).toBe('The token expired yesterday; the password policy applies; pwd [masked-password-1] was sent');
  });

  it('masks a whole source set: values, labels and authors', () => {
    const set = buildSourceSet({ ...REQ_2188, requested: ['ticket_fields', 'work_notes'], workNotes: [{ sysId: 'n', value: 'temp pwd=Winter2025!x for tom.becker@contoso.example', createdBy: 'nora.brandt', createdOn: '2025-03-01 10:00:00' }] });
    const masked = maskSourceSet(set, createMasker(MASK_KINDS));
    const text = JSON.stringify(masked);
    expect(text).not.toContain('Winter2025!x');
    expect(text).not.toContain('tom.becker@contoso.example');
    expect(text).toContain('[masked-password-1]');
    expect(masked.sources.map((s) => s.id)).toEqual(set.sources.map((s) => s.id));
  });
});
