/**
 * Retention: events older than the hot window move from Redis to segment
 * files, and verify, export (events) and forHandoff walk across them; a
 * segment lost, cut, edited or with its trailer changed is reported.
 */
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import type { AuditEventInput } from '../../../src/handoff/audit-event.js';
import type { AuditLedger } from '../../../src/handoff/audit-ledger.js';
import { createAuditUpkeep } from '../../../src/handoff/audit-upkeep.js';
import { openAuditLedger } from '../../../src/handoff/audit-setup.js';
import { silentLogger } from '../../../src/util/log.js';
import { testAuditSetup } from '../../support/audit.js';
import { redisUrl, testPrefix } from '../../support/redis.js';

const redis = new Redis(redisUrl());
afterAll(() => redis.quit());

const DAY = 86_400_000;

function event(n: number, handoff: string | null): AuditEventInput {
  return { type: 'queued', handoff, ticket: null, actors: [], policyVersion: 'v1', inputDigest: null, outputDigest: null, details: { n } };
}

describe('audit ledger rotation', () => {
  let prefix: string;
  let dir: string;
  let clock: number;
  let ledger: AuditLedger;
  const now = (): Date => new Date(clock);
  const upkeep = () => createAuditUpkeep({ ledger, checkpointEveryMs: 0, hotMs: 30 * DAY, segmentMaxEvents: 4, now, log: silentLogger });
  const segmentDir = (): string => join(dir, 'segments', prefix);

  beforeEach(async () => {
    prefix = testPrefix('rotate');
    const setup = testAuditSetup();
    dir = setup.dir;
    clock = Date.parse('2026-01-01T00:00:00Z');
    ledger = openAuditLedger(redis, prefix, setup, now);
    // 200 days of a ledger: one event a day, two hand-offs plus system events.
    for (let i = 1; i <= 10; i++) {
      await ledger.append(event(i, i % 3 === 0 ? null : i <= 5 ? 'ho_old' : 'ho_new'));
      clock += 20 * DAY;
    }
  });

  it('moves events older than the hot window to segments, and every reader walks across them', async () => {
    const before = [];
    for await (const e of ledger.events()) before.push(e);
    const done = await upkeep().tick({ force: true });
    // At day 200 with a 30-day window, events of days 0..160 (seqs 1..9) are due; seq 10 (day 180) stays.
    expect(done.rotated).toBe(9);
    expect(readdirSync(segmentDir()).sort()).toEqual(['seg-000000000001-000000000004.jsonl', 'seg-000000000005-000000000008.jsonl', 'seg-000000000009-000000000009.jsonl']);
    expect(await redis.llen(`${prefix}:audit:events`)).toBe(1);
    expect(await ledger.head()).toMatchObject({ seq: 10, base: 9 });

    const after = [];
    for await (const e of ledger.events()) after.push(e);
    expect(after).toEqual(before);
    expect((await ledger.forHandoff('ho_new')).map((e) => e.seq)).toEqual([7, 8, 10]);
    // The index of a hand-off wholly archived is dropped; its events are still in the segments.
    expect(await redis.exists(`${prefix}:audit:handoff:ho_old`)).toBe(0);
    expect(await ledger.verify()).toMatchObject({ ok: true, events: 10, rotated: 9, segments: 3, oldest: { seq: 1, at: '2026-01-01T00:00:00.000Z' } });

    // Appends carry on after a rotation.
    await ledger.append(event(11, 'ho_new'));
    expect(await ledger.verify()).toMatchObject({ ok: true, events: 11, headSeq: 11 });
  });

  it('reports a segment deleted, cut short, edited, or with its trailer edited', async () => {
    await upkeep().tick({ force: true });
    const file = (name: string): string => join(segmentDir(), name);
    const second = file('seg-000000000005-000000000008.jsonl');
    const original = readFileSync(second, 'utf8');
    const lines = original.trimEnd().split('\n');

    const cases: Array<[string, () => void, string, string]> = [
      ['deleted', () => rmSync(second), 'segment', 'missing from the archive'],
      ['cut short', () => writeFileSync(second, `${lines.slice(0, 2).join('\n')}\n${lines[4]}\n`), 'segment', 'events, its trailer'],
      ['trailer dropped', () => writeFileSync(second, `${lines.slice(0, 4).join('\n')}\n`), 'segment', 'no valid trailer'],
      ['an event edited', () => writeFileSync(second, `${[lines[0], lines[1]!.replace('"n":6', '"n":66'), ...lines.slice(2)].join('\n')}\n`), 'changed', 'does not verify'],
      ['trailer edited', () => writeFileSync(second, `${[...lines.slice(0, 4), lines[4]!.replace(/"at":"[^"]+"/, '"at":"2020-01-01T00:00:00.000Z"')].join('\n')}\n`), 'segment', 'trailer does not verify'],
    ];
    for (const [what, tamper, kind, message] of cases) {
      tamper();
      const result = await ledger.verify();
      expect(result.problem?.kind, what).toBe(kind);
      expect(result.problem?.message, what).toContain(message);
      writeFileSync(second, original);
    }
    expect((await ledger.verify()).ok).toBe(true);
  });

  it('reports rotated events when no archive is given', async () => {
    await upkeep().tick({ force: true });
    const { createAuditLedger } = await import('../../../src/handoff/audit-ledger.js');
    const bare = createAuditLedger({ redis, prefix, keys: testAuditSetup().keys });
    expect((await bare.verify()).problem).toMatchObject({ kind: 'segment', seq: 1 });
  });

  it('does not rotate events that do not verify', async () => {
    const raw = JSON.parse((await redis.lindex(`${prefix}:audit:events`, 1))!) as Record<string, unknown>;
    await redis.lset(`${prefix}:audit:events`, 1, JSON.stringify({ ...raw, details: { n: 'edited' } }));
    expect((await upkeep().tick({ force: true })).rotated).toBe(0);
    expect(await redis.llen(`${prefix}:audit:events`)).toBe(10);
  });
});
