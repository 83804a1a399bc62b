/**
 * The ledger on a real Redis, and every tampering the red team tried (issue
 * 11): each made the round-1 `verify` say "intact"; each is reported now.
 * The anchor here is the local checkpoint file (the instance's table is
 * tested in audit-anchors.test.ts).
 */
import { createHmac } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { Redis } from 'ioredis';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { canonicalJson, sha256Hex } from '../../../src/util/canonical-json.js';
import type { AuditEventInput } from '../../../src/handoff/audit-event.js';
import { createCheckpointer } from '../../../src/handoff/audit-checkpointer.js';
import { eventMac, type AuditLedger } from '../../../src/handoff/audit-ledger.js';
import { checkpointFileIn, openAuditLedger } from '../../../src/handoff/audit-setup.js';
import { silentLogger } from '../../../src/util/log.js';
import { testAuditKeys, testAuditSetup } from '../../support/audit.js';
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

type Stored = Record<string, unknown> & { seq: number; hash: string; prev: string; keyId: string };

describe('audit ledger on a real Redis', () => {
  let prefix: string;
  let dir: string;
  let ledger: AuditLedger;
  const eventsKey = (): string => `${prefix}:audit:events`;
  const headKey = (): string => `${prefix}:audit:head`;
  const stored = async (): Promise<Stored[]> => (await redis.lrange(eventsKey(), 0, -1)).map((r) => JSON.parse(r) as Stored);
  const checkpoint = () => createCheckpointer({ ledger, everyMs: 0, now: () => new Date(), log: silentLogger }).tick({ force: true });
  /** Edits event `index`'s details, then recomputes every hash and the head with `hashOf`, as an attacker would. */
  const rewriteChain = async (index: number, details: Record<string, unknown>, hashOf: (prev: string, body: Record<string, unknown>) => string): Promise<void> => {
    const events = await stored();
    events[index] = { ...events[index]!, details };
    let prev = '0'.repeat(64);
    for (const [i, e] of events.entries()) {
      const { hash: _old, ...body } = { ...e, prev };
      const hash = hashOf(prev, body);
      events[i] = { ...body, hash };
      prev = hash;
    }
    await redis.del(eventsKey());
    await redis.rpush(eventsKey(), ...events.map((e) => JSON.stringify(e)));
    await redis.hset(headKey(), 'seq', events.length, 'hash', prev);
  };
  const appendN = async (n: number, handoffOf: (i: number) => string | null = () => 'ho_a'): Promise<void> => {
    for (let i = 1; i <= n; i++) await ledger.append(event(i, handoffOf(i)));
  };

  beforeEach(() => {
    prefix = testPrefix('ledger');
    const setup = testAuditSetup();
    dir = setup.dir;
    ledger = openAuditLedger(redis, prefix, setup);
  });

  it('chains keyed events, keeps the per-hand-off index, and verifies against its checkpoint', async () => {
    await appendN(5, (i) => (i % 2 === 0 ? 'ho_b' : 'ho_a'));
    expect(await checkpoint()).toMatchObject({ count: 5, keyId: testAuditKeys().current.id });
    const result = await ledger.verify();
    expect(result).toMatchObject({ ok: true, events: 5, headSeq: 5, checkpoints: { found: 1, unanchored: 0 } });
    const forA = await ledger.forHandoff('ho_a');
    expect(forA.map((e) => e.seq)).toEqual([1, 3, 5]);
    expect(forA[1]!.prev).toBe((await ledger.forHandoff('ho_b'))[0]!.hash);
    expect(forA[0]!.keyId).toBe(testAuditKeys().current.id);
  });

  it('keeps one chain under concurrent appends from several clients', async () => {
    const others = [new Redis(redisUrl()), new Redis(redisUrl()), new Redis(redisUrl())];
    const ledgers = others.map((r) => openAuditLedger(r, prefix, testAuditSetup({ dir })));
    await Promise.all(Array.from({ length: 60 }, (_, i) => ledgers[i % 3]!.append(event(i))));
    expect(await ledger.verify()).toMatchObject({ ok: true, events: 60, headSeq: 60 });
    await Promise.all(others.map((r) => r.quit()));
  });

  it('reports the first changed event', async () => {
    await appendN(4);
    const raw = (await stored())[2]!;
    await redis.lset(eventsKey(), 2, JSON.stringify({ ...raw, details: { n: 999 } }));
    expect((await ledger.verify()).problem).toMatchObject({ seq: 3, kind: 'changed' });
  });

  it('reports an edit with the whole chain and head recomputed (the round-1 hash, or an HMAC under a guessed key)', async () => {
    await appendN(5);
    for (const recompute of [(text: string) => sha256Hex(text), (text: string) => createHmac('sha256', 'guessed').update(text).digest('hex')]) {
      await rewriteChain(1, { n: 'forged' }, (prev, body) => recompute(prev + canonicalJson(body)));
      expect((await ledger.verify()).problem).toMatchObject({ seq: 1, kind: 'changed' });
    }
  });

  it('reports a removed event, a reordering and a cut tail', async () => {
    await appendN(5, () => null);
    const second = (await redis.lindex(eventsKey(), 1))!;
    await redis.lrem(eventsKey(), 1, second);
    expect((await ledger.verify()).problem).toMatchObject({ seq: 3, kind: 'removed' });

    prefix = testPrefix('ledger');
    ledger = openAuditLedger(redis, prefix, testAuditSetup());
    await appendN(4, () => null);
    const [a, b] = [(await redis.lindex(eventsKey(), 1))!, (await redis.lindex(eventsKey(), 2))!];
    await redis.lset(eventsKey(), 1, b);
    await redis.lset(eventsKey(), 2, a);
    expect((await ledger.verify()).problem).toMatchObject({ seq: 3, kind: 'reordered' });

    prefix = testPrefix('ledger');
    ledger = openAuditLedger(redis, prefix, testAuditSetup());
    await appendN(4, () => null);
    await redis.rpop(eventsKey());
    expect((await ledger.verify()).problem).toMatchObject({ kind: 'truncated' });
  });

  it('reports a tail cut and the head rewritten to match, against the checkpoint', async () => {
    await appendN(6);
    await checkpoint();
    const events = await stored();
    await redis.ltrim(eventsKey(), 0, 3);
    await redis.hset(headKey(), 'seq', 4, 'hash', events[3]!.hash);
    await redis.del(`${prefix}:audit:handoff:ho_a`);
    await redis.rpush(`${prefix}:audit:handoff:ho_a`, 1, 2, 3, 4);
    expect((await ledger.verify()).problem).toMatchObject({ seq: 4, kind: 'shortened' });
  });

  it('anchors events cut after the last checkpoint as soon as the worker that wrote them notices', async () => {
    const checkpointer = createCheckpointer({ ledger, everyMs: 60_000, now: () => new Date(), log: silentLogger });
    await appendN(6, () => null);
    await checkpointer.tick({ force: true });
    await appendN(3, () => null);
    const cut = async (): Promise<void> => {
      const events = await stored();
      await redis.ltrim(eventsKey(), 0, 5);
      await redis.hset(headKey(), 'seq', 6, 'hash', events[5]!.hash);
    };
    await cut();
    // With nothing appended since, the worker's next sweep finds its own events gone.
    expect(await checkpointer.tick()).toBeNull();
    expect((await ledger.verify()).problem).toMatchObject({ seq: 6, kind: 'shortened' });

    // Or on its next append, before any sweep: the checkpointer is listening to the ledger.
    prefix = testPrefix('ledger');
    ledger = openAuditLedger(redis, prefix, testAuditSetup());
    createCheckpointer({ ledger, everyMs: 60_000, now: () => new Date(), log: silentLogger });
    await appendN(6, () => null);
    await checkpoint();
    await appendN(3, () => null);
    await cut();
    await ledger.append(event(10, null));
    expect((await ledger.verify()).problem).toMatchObject({ seq: 7, kind: 'shortened' });
  });

  it('reports a cut followed by new appends, which reuse the cut seqs, as a rewrite', async () => {
    await appendN(6, () => null);
    await checkpoint();
    const events = await stored();
    await redis.ltrim(eventsKey(), 0, 3);
    await redis.hset(headKey(), 'seq', 4, 'hash', events[3]!.hash);
    // A fresh worker process (no cached head) carries on from the cut.
    const next = openAuditLedger(redis, prefix, testAuditSetup({ dir }));
    await next.append(event(50, null));
    await next.append(event(51, null));
    await next.append(event(52, null));
    expect((await ledger.verify()).problem).toMatchObject({ seq: 6, kind: 'rewritten' });
  });

  it('reports a forged event appended with the head moved (bad HMAC, no key id, or an unknown key)', async () => {
    await appendN(3);
    const last = (await stored())[2]!;
    const body = { ...event(9), seq: 4, at: new Date().toISOString(), keyId: last.keyId, prev: last.hash };
    const variants: Array<[Record<string, unknown>, string]> = [
      [{ ...body, hash: sha256Hex(last.hash + canonicalJson(body)) }, 'changed'],
      [(({ keyId: _k, ...rest }) => ({ ...rest, hash: sha256Hex(last.hash + canonicalJson(rest)) }))(body), 'unkeyed'],
      [{ ...body, keyId: 'k0123456789abcdef', hash: sha256Hex('x') }, 'unknown_key'],
    ];
    for (const [forged, kind] of variants) {
      await redis.rpush(eventsKey(), JSON.stringify(forged));
      await redis.rpush(`${prefix}:audit:handoff:ho_a`, 4);
      await redis.hset(headKey(), 'seq', 4, 'hash', String(forged.hash));
      expect((await ledger.verify()).problem).toMatchObject({ seq: 4, kind });
      await redis.rpop(eventsKey());
      await redis.rpop(`${prefix}:audit:handoff:ho_a`);
      await redis.hset(headKey(), 'seq', 3, 'hash', last.hash);
    }
    expect((await ledger.verify()).ok).toBe(true);
  });

  it('reports events stored after the head (appended without moving it)', async () => {
    await appendN(3, () => null);
    const last = (await stored())[2]!;
    const body = { ...event(9, null), seq: 4, at: new Date().toISOString(), keyId: last.keyId, prev: last.hash };
    await redis.rpush(eventsKey(), JSON.stringify({ ...body, hash: eventMac(testAuditKeys().current, last.hash, body) }));
    expect((await ledger.verify()).problem).toMatchObject({ seq: 4, kind: 'beyond_head' });
  });

  it('reports both keys deleted ("0 events") against the checkpoint', async () => {
    await appendN(3);
    await checkpoint();
    await redis.del(eventsKey(), headKey(), `${prefix}:audit:handoff:ho_a`);
    const result = await ledger.verify();
    expect(result).toMatchObject({ ok: false, events: 0, problem: { kind: 'missing' } });
    expect(result.problem!.message).toContain('records 3 events');
  });

  it('reports a chain rewritten with the key after a checkpoint (an insider holding the key)', async () => {
    await appendN(4);
    await checkpoint();
    const key = testAuditKeys().current;
    await rewriteChain(0, { n: 'rewritten' }, (prev, body) => eventMac(key, prev, body as never));
    expect((await ledger.verify()).problem).toMatchObject({ seq: 4, kind: 'rewritten' });
  });

  it('checks the per-hand-off index lists against the chain', async () => {
    const indexKey = (id: string): string => `${prefix}:audit:handoff:${id}`;
    const edits: Array<[string, () => Promise<unknown>, string]> = [
      ['an entry removed', () => redis.lrem(indexKey('ho_a'), 1, '3'), 'is missing from'],
      ['pointed at another hand-off', () => redis.lset(indexKey('ho_a'), 1, '2'), 'listed for both'],
      ['a seq that does not exist', () => redis.rpush(indexKey('ho_a'), '99'), 'does not hold'],
      ['a whole list deleted', () => redis.del(indexKey('ho_b')), 'is missing from'],
      ['out of order', () => redis.lset(indexKey('ho_a'), 0, '5'), 'not a rising list'],
    ];
    for (const [what, edit, message] of edits) {
      prefix = testPrefix('ledger');
      ledger = openAuditLedger(redis, prefix, testAuditSetup());
      await appendN(6, (i) => (i % 2 === 0 ? 'ho_b' : 'ho_a'));
      expect((await ledger.verify()).ok).toBe(true);
      await edit();
      const result = await ledger.verify();
      expect(result.problem?.kind, what).toBe('index');
      expect(result.problem?.message, what).toContain(message);
    }
    // An index pointed at another hand-off's event never lends it: forHandoff filters by owner.
    prefix = testPrefix('ledger');
    ledger = openAuditLedger(redis, prefix, testAuditSetup());
    await appendN(4, (i) => (i === 4 ? 'ho_b' : 'ho_a'));
    await redis.rpush(indexKey('ho_a'), '4');
    expect((await ledger.forHandoff('ho_a')).map((e) => e.seq)).toEqual([1, 2, 3]);
  });

  it('reports a checkpoint file that was edited, instead of passing without it', async () => {
    await appendN(2);
    await checkpoint();
    writeFileSync(checkpointFileIn(dir), '{"ledger": "x", "count": "lots"}\n', { flag: 'a' });
    expect((await ledger.verify()).problem).toMatchObject({ kind: 'anchor' });
  });

  it('does not anchor a forged head', async () => {
    await appendN(2);
    const last = (await stored())[1]!;
    const forged = { ...last, details: { n: 'forged' } };
    await redis.lset(eventsKey(), 1, JSON.stringify(forged));
    expect(await checkpoint()).toBeNull();
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
