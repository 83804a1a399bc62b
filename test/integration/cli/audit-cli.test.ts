import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { createCheckpointer } from '../../../src/handoff/audit-checkpointer.js';
import { openAuditLedger } from '../../../src/handoff/audit-setup.js';
import { silentLogger } from '../../../src/util/log.js';
import { TEST_AUDIT_KEY, testAuditSetup } from '../../support/audit.js';
import { redisUrl, testPrefix } from '../../support/redis.js';
import { runCli } from '../../support/run-cli.js';

const redis = new Redis(redisUrl());
afterAll(() => redis.quit());

/** A ledger of three events in a fresh audit folder holding the key as npm start leaves it (audit.key). */
async function ledgerWithKeyFile(anchored: boolean) {
  const prefix = testPrefix('auditcli');
  const setup = testAuditSetup();
  writeFileSync(join(setup.dir, 'audit.key'), `${TEST_AUDIT_KEY}\n`, { mode: 0o600 });
  const ledger = openAuditLedger(redis, prefix, setup);
  for (let i = 0; i < 3; i++) {
    await ledger.append({ type: 'queued', handoff: 'ho_x', ticket: null, actors: [], policyVersion: 'v', inputDigest: null, outputDigest: null, details: { i } });
  }
  if (anchored) await createCheckpointer({ ledger, everyMs: 0, now: () => new Date(), log: silentLogger }).tick({ force: true });
  const args = ['--redis-url', redisUrl(), '--prefix', prefix, '--audit-dir', setup.dir, '--no-instance'];
  return { prefix, args };
}

describe('ai-handoff audit', () => {
  it('verifies an anchored chain, exports JSON lines with the head, and names a tampered event', async () => {
    const { prefix, args } = await ledgerWithKeyFile(true);
    const ok = await runCli(['audit', 'verify', ...args]);
    expect(ok.stderr).toBe('');
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('audit chain intact: 3 events');
    expect(ok.stdout).toMatch(/checkpoints: 1 \(file [^)]*checkpoints\.jsonl: 1\); latest matched at seq 3/);

    const exported = await runCli(['audit', 'export', ...args]);
    const lines = exported.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatchObject({ seq: 1, type: 'queued' });
    expect(lines[3]).toMatchObject({ head: { seq: 3 }, events: 3, ledger: prefix });

    const key = `${prefix}:audit:events`;
    const second = JSON.parse((await redis.lindex(key, 1))!) as Record<string, unknown>;
    await redis.lset(key, 1, JSON.stringify({ ...second, type: 'reviewed' }));
    const broken = await runCli(['audit', 'verify', ...args, '--json']);
    expect(broken.code).toBe(1);
    expect(JSON.parse(broken.stdout)).toMatchObject({ ok: false, pass: false, problem: { seq: 2, kind: 'changed' } });
  });

  it('fails on "0 events" once a checkpoint exists, and on a chain with no checkpoint at all', async () => {
    const wiped = await ledgerWithKeyFile(true);
    await redis.del(`${wiped.prefix}:audit:events`, `${wiped.prefix}:audit:head`, `${wiped.prefix}:audit:handoff:ho_x`);
    const gone = await runCli(['audit', 'verify', ...wiped.args]);
    expect(gone.code).toBe(1);
    expect(gone.stdout).toContain('missing: the checkpoint written at');

    const young = await ledgerWithKeyFile(false);
    const unanchored = await runCli(['audit', 'verify', ...young.args]);
    expect(unanchored.code).toBe(1);
    expect(unanchored.stdout).toContain('audit chain NOT ANCHORED: 3 events verify');
  });

  it('refuses to read without the key, naming the variable', async () => {
    const prefix = testPrefix('auditcli');
    const run = await runCli(['audit', 'verify', '--redis-url', redisUrl(), '--prefix', prefix, '--audit-dir', testAuditSetup().dir, '--no-instance']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('SECRET_MISSING');
    expect(run.stderr).toContain('AI_HANDOFF_AUDIT_KEY');
  });
});

describe('ai-handoff worker without an audit key', () => {
  it('refuses to start with one line naming the variable', async () => {
    const saved = { ...process.env };
    Object.assign(process.env, { SN_INSTANCE_URL: 'http://127.0.0.1:9', SN_USERNAME: 'svc.aihandoff', SN_PASSWORD: 'x-unused-password', REDIS_URL: redisUrl() });
    delete process.env.AI_HANDOFF_AUDIT_KEY;
    delete process.env.AI_HANDOFF_AUDIT_KEY_FILE;
    try {
      const run = await runCli(['worker']);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/^ai-handoff: SECRET_MISSING: the audit ledger needs a key and neither AI_HANDOFF_AUDIT_KEY nor AI_HANDOFF_AUDIT_KEY_FILE is set\n {2}fix: /);
    } finally {
      for (const name of ['SN_INSTANCE_URL', 'SN_USERNAME', 'SN_PASSWORD', 'REDIS_URL']) {
        if (saved[name] === undefined) delete process.env[name];
        else process.env[name] = saved[name];
      }
    }
  });
});
