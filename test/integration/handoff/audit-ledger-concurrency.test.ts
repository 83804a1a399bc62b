/**
 * The ledger under the load a busy worker puts on it: hundreds of appends at
 * once from one process (every execute and write-back job appends), with
 * other processes appending to the same chain. Before appends were
 * group-committed, a few dozen concurrent appends from one process lost the
 * head race 50 times and failed their hand-offs.
 */
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import type { AuditEventInput } from '../../../src/handoff/audit-event.js';
import { createAuditLedger } from '../../../src/handoff/audit-ledger.js';
import { testAuditKeys } from '../../support/audit.js';
import { redisUrl, testPrefix } from '../../support/redis.js';

const clients = [new Redis(redisUrl()), new Redis(redisUrl()), new Redis(redisUrl())];
afterAll(() => Promise.all(clients.map((r) => r.quit())));

function event(n: number, handoff: string | null): AuditEventInput {
  return {
    type: 'executed',
    handoff,
    ticket: { table: 'incident', sysId: 'b'.repeat(32), number: 'INC0002041' },
    actors: [{ role: 'worker', userName: 'svc.aihandoff' }],
    policyVersion: '2026.11.1+abcd1234',
    inputDigest: `in${n}`,
    outputDigest: null,
    details: { n },
  };
}

describe('audit ledger under concurrent load', () => {
  it('keeps one unbroken chain with 400 appends at once in one process and 200 from two others', async () => {
    const prefix = testPrefix('ledger-load');
    const [mine, ...others] = clients.map((redis) => createAuditLedger({ redis, prefix, keys: testAuditKeys() }));
    const handoffOf = (i: number): string | null => (i % 10 === 0 ? null : `ho_${String.fromCharCode(97 + (i % 7))}`);
    const appended = await Promise.all([
      ...Array.from({ length: 400 }, (_, i) => mine!.append(event(i, handoffOf(i)))),
      ...Array.from({ length: 200 }, (_, i) => others[i % 2]!.append(event(1000 + i, handoffOf(i)))),
    ]);
    expect(new Set(appended.map((e) => e.seq)).size).toBe(600);
    // One process's appends keep their submission order in the chain.
    const own = appended.slice(0, 400).map((e) => e.seq);
    expect(own).toEqual([...own].sort((a, b) => a - b));

    const verified = await mine!.verify();
    expect(verified).toMatchObject({ ok: true, events: 600, headSeq: 600 });
    const forA = await mine!.forHandoff('ho_a');
    expect(forA.length).toBe(appended.filter((e) => e.handoff === 'ho_a').length);
    expect(forA.map((e) => e.seq)).toEqual([...forA.map((e) => e.seq)].sort((a, b) => a - b));
  });
});
