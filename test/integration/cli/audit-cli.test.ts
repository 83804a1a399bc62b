import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { createAuditLedger } from '../../../src/handoff/audit-ledger.js';
import { redisUrl, testPrefix } from '../../support/redis.js';
import { runCli } from '../../support/run-cli.js';

const redis = new Redis(redisUrl());
afterAll(() => redis.quit());

describe('ai-handoff audit', () => {
  it('verifies an intact chain, exports JSON lines with the head, and names a tampered event', async () => {
    const prefix = testPrefix('auditcli');
    const ledger = createAuditLedger({ redis, prefix });
    for (let i = 0; i < 3; i++) {
      await ledger.append({ type: 'queued', handoff: 'ho_x', ticket: null, actors: [], policyVersion: 'v', inputDigest: null, outputDigest: null, details: { i } });
    }
    const ok = await runCli(['audit', 'verify', '--redis-url', redisUrl(), '--prefix', prefix]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('audit chain intact: 3 events');

    const exported = await runCli(['audit', 'export', '--redis-url', redisUrl(), '--prefix', prefix]);
    const lines = exported.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatchObject({ seq: 1, type: 'queued' });
    expect(lines[3]).toMatchObject({ head: { seq: 3 }, events: 3 });

    const key = `${prefix}:audit:events`;
    const second = JSON.parse((await redis.lindex(key, 1))!) as Record<string, unknown>;
    await redis.lset(key, 1, JSON.stringify({ ...second, type: 'reviewed' }));
    const broken = await runCli(['audit', 'verify', '--redis-url', redisUrl(), '--prefix', prefix, '--json']);
    expect(broken.code).toBe(1);
    expect(JSON.parse(broken.stdout)).toMatchObject({ ok: false, problem: { seq: 2, kind: 'changed' } });
  });
});
