import { Redis } from 'ioredis';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import type { AuditEventInput } from '../../../src/handoff/audit-event.js';
import { createAuditLedger, type AuditLedger } from '../../../src/handoff/audit-ledger.js';
import { redisUrl, testPrefix } from '../../support/redis.js';

const redis = new Redis(redisUrl());
afterAll(() => redis.quit());

function event(n: number, handoff: string | null = 'ho_a'): AuditEventInput {
  return {
    type: 'requested',
    handoff,
    ticket: { table: 'incident', sysId: 'a'.repeat(32), number: 'INC0002041' },
    actors: [{ role: 'requester', userName: 'alex.rivera' }],
    policyVersion: '2026.11.1+abcd1234',
    inputDigest: `in${n}`,
    outputDigest: null,
    details: { n },
  };
}

describe('audit ledger on a real Redis', () => {
  let prefix: string;
  let ledger: AuditLedger;
  const eventsKey = (): string => `${prefix}:audit:events`;

  beforeEach(() => {
    prefix = testPrefix('ledger');
    ledger = createAuditLedger({ redis, prefix });
  });

  it('chains events and verifies', async () => {
    for (let i = 1; i <= 5; i++) await ledger.append(event(i, i % 2 === 0 ? 'ho_b' : 'ho_a'));
    const result = await ledger.verify();
    expect(result).toMatchObject({ ok: true, events: 5, headSeq: 5 });
    const forA = await ledger.forHandoff('ho_a');
    expect(forA.map((e) => e.seq)).toEqual([1, 3, 5]);
    expect(forA[1]!.prev).toBe((await ledger.forHandoff('ho_b'))[0]!.hash);
  });

  it('keeps one chain under concurrent appends from several clients', async () => {
    const others = [new Redis(redisUrl()), new Redis(redisUrl()), new Redis(redisUrl())];
    const ledgers = others.map((r) => createAuditLedger({ redis: r, prefix }));
    await Promise.all(Array.from({ length: 60 }, (_, i) => ledgers[i % 3]!.append(event(i))));
    const result = await ledger.verify();
    expect(result).toMatchObject({ ok: true, events: 60, headSeq: 60 });
    await Promise.all(others.map((r) => r.quit()));
  });

  it('reports the first changed event', async () => {
    for (let i = 1; i <= 4; i++) await ledger.append(event(i));
    const raw = JSON.parse((await redis.lindex(eventsKey(), 2))!) as Record<string, unknown>;
    await redis.lset(eventsKey(), 2, JSON.stringify({ ...raw, details: { n: 999 } }));
    expect((await ledger.verify()).problem).toMatchObject({ seq: 3, kind: 'changed' });
  });

  it('reports an event rewritten with a recomputed hash as changed', async () => {
    const { eventHash } = await import('../../../src/handoff/audit-ledger.js');
    for (let i = 1; i <= 4; i++) await ledger.append(event(i));
    const raw = JSON.parse((await redis.lindex(eventsKey(), 1))!) as Record<string, unknown> & { hash: string; prev: string };
    const { hash: _old, ...body } = { ...raw, details: { n: 'forged' } };
    const forged = { ...body, hash: eventHash(raw.prev, body as never) };
    await redis.lset(eventsKey(), 1, JSON.stringify(forged));
    expect((await ledger.verify()).problem).toMatchObject({ seq: 2, kind: 'changed' });
  });

  it('reports a removed event, a reordering and a cut tail', async () => {
    for (let i = 1; i <= 5; i++) await ledger.append(event(i));
    const second = (await redis.lindex(eventsKey(), 1))!;
    await redis.lrem(eventsKey(), 1, second);
    expect((await ledger.verify()).problem).toMatchObject({ seq: 3, kind: 'removed' });

    const other = testPrefix('ledger');
    const l2 = createAuditLedger({ redis, prefix: other });
    for (let i = 1; i <= 4; i++) await l2.append(event(i));
    const key = `${other}:audit:events`;
    const [a, b] = [(await redis.lindex(key, 1))!, (await redis.lindex(key, 2))!];
    await redis.lset(key, 1, b);
    await redis.lset(key, 2, a);
    expect((await l2.verify()).problem).toMatchObject({ seq: 3, kind: 'reordered' });

    const third = testPrefix('ledger');
    const l3 = createAuditLedger({ redis, prefix: third });
    for (let i = 1; i <= 4; i++) await l3.append(event(i));
    await redis.rpop(`${third}:audit:events`);
    expect((await l3.verify()).problem).toMatchObject({ kind: 'truncated' });
  });

  it('scrubs secrets from event details before hashing and storing', async () => {
    const { registerSecret, clearSecretsForTest } = await import('../../../src/util/secrets.js');
    registerSecret('ledger-canary-secret');
    await ledger.append({ ...event(1), details: { leaked: 'x ledger-canary-secret y' } });
    const all = await redis.lrange(eventsKey(), 0, -1);
    expect(all.join('\n')).not.toContain('ledger-canary-secret');
    expect((await ledger.verify()).ok).toBe(true);
    clearSecretsForTest();
  });
});
