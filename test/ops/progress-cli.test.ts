/**
 * Progress lines of long command-line work: `audit verify` is told its
 * progress every thousand events, and `mappings check` names each table as it
 * goes, on a terminal only (piped, as in every other CLI test, they print none).
 */
import { describe, expect, it } from 'vitest';
import { INTEGRATION_PASSWORD, INTEGRATION_USER, createSandbox } from '../../connectors/servicenow/sandbox/index.js';
import { runMappingsCheck } from '../../src/cli/commands/mappings.js';
import { createAuditLedger } from '../../src/handoff/audit-ledger.js';
import { connectOnce } from '../../src/queue/redis-connection.js';
import { redisUrl, testPrefix } from '../support/redis.js';
import { testAuditKeys } from '../support/audit.js';

describe('progress of long command-line work', () => {
  it('audit verify reports the events checked of the head count, every thousand', async () => {
    const redis = await connectOnce(redisUrl());
    try {
      const ledger = createAuditLedger({ redis, prefix: testPrefix('progress'), keys: testAuditKeys() });
      await Promise.all(Array.from({ length: 2_500 }, (_, i) => ledger.append({ type: 'queued', handoff: null, ticket: null, actors: [], policyVersion: null, inputDigest: null, outputDigest: null, details: { i } })));
      const calls: [number, number][] = [];
      const result = await ledger.verify({ onProgress: (checked, total) => calls.push([checked, total]) });
      expect(result.ok).toBe(true);
      expect(calls).toEqual([[1_000, 2_500], [2_000, 2_500], [2_500, 2_500]]);
    } finally {
      redis.disconnect();
    }
  });

  it('mappings check names each table on a terminal, and writes nothing to a pipe', async () => {
    const sandbox = await createSandbox({ port: 0 });
    try {
      const env = { SN_INSTANCE_URL: sandbox.url, SN_USERNAME: INTEGRATION_USER, SN_PASSWORD: INTEGRATION_PASSWORD };
      const terminal: string[] = [];
      const out: string[] = [];
      const code = await runMappingsCheck({ env, out: (t) => out.push(t), err: () => undefined, progress: { isTTY: true, write: (t: string) => terminal.push(t) } });
      expect(code).toBe(0);
      expect(terminal.join('')).toMatch(/checking incident \(\d of 5\)/);
      expect(terminal.at(-1)).toBe('\r\x1b[K');
      expect(out.join('')).not.toContain('\x1b');
      const piped: string[] = [];
      await runMappingsCheck({ env, out: () => undefined, err: () => undefined, progress: { isTTY: false, write: (t: string) => piped.push(t) } });
      expect(piped).toEqual([]);
    } finally {
      await sandbox.close();
    }
  });
});
