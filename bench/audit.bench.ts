/**
 * The audit ledger at the size a busy month leaves (issue 11, issue 16):
 * keyed appends under load (HMAC-SHA-256 per event, group-committed), verify
 * over Redis and over rotated segments (every MAC, link, index list and
 * checkpoint), and the evidence report over the whole ledger. On a real
 * redis-server of its own (AOF everysec, noeviction). Targets: appends keep
 * up with a worker (10,000 a second; a hand-off appends about 6); verify
 * reads 16,700 events a second, so six months of a busy desk (about a million
 * events) verify in under a minute; the evidence report (which verifies,
 * then reads everything once more) 10,000.
 */
import { Redis } from 'ioredis';
import { createCheckpointer } from '../src/handoff/audit-checkpointer.js';
import type { AuditEventInput } from '../src/handoff/audit-event.js';
import { openAuditLedger } from '../src/handoff/audit-setup.js';
import { createAuditUpkeep } from '../src/handoff/audit-upkeep.js';
import { buildEvidenceReport } from '../src/evidence/build-report.js';
import { loadControlMap } from '../src/evidence/control-map.js';
import { silentLogger } from '../src/util/log.js';
import { testAuditSetup } from '../test/support/audit.js';
import { startRedisServer } from '../test/support/redis-server.js';
import { atLeast, info, type Bench } from './harness.js';

const EVENTS = 60_000;
const CONCURRENT = 200;
const DAY = 86_400_000;

function event(i: number): AuditEventInput {
  const types = ['requested', 'queued', 'executed', 'guarded', 'written', 'reviewed'] as const;
  const type = types[i % types.length]!;
  return {
    type,
    handoff: `ho_${String(Math.floor(i / types.length)).padStart(26, '0')}`,
    ticket: { table: 'incident', sysId: 'a'.repeat(32), number: 'INC0002041' },
    actors: [{ role: type === 'reviewed' ? 'reviewer' : 'worker', userName: type === 'reviewed' ? 'irene.costa' : 'svc.aihandoff' }],
    policyVersion: '2026.11.1+abcd1234',
    inputDigest: 'i'.repeat(32),
    outputDigest: 'o'.repeat(32),
    details: type === 'requested' ? { operation: 'gather-diagnostics', approvalRequired: true, group: 'Network Operations', dataClass: 'internal' } : type === 'reviewed' ? { decision: 'accept', approvalRequired: true } : { operation: 'gather-diagnostics' },
  };
}

const rate = (n: number, ms: number): number => Math.round(n / (ms / 1000));

export const auditBench: Bench = {
  name: 'audit',
  async run() {
    const server = await startRedisServer();
    const redis = new Redis(server.url);
    try {
      const clock = { t: Date.parse('2026-06-01T00:00:00Z') };
      const ledger = openAuditLedger(redis, 'bench', testAuditSetup(), () => new Date(clock.t));
      const t0 = performance.now();
      for (let i = 0; i < EVENTS; i += CONCURRENT) {
        clock.t += (180 * DAY) / (EVENTS / CONCURRENT);
        await Promise.all(Array.from({ length: Math.min(CONCURRENT, EVENTS - i) }, (_, k) => ledger.append(event(i + k))));
      }
      const appendMs = performance.now() - t0;
      await createCheckpointer({ ledger, everyMs: 0, now: () => new Date(clock.t), log: silentLogger }).tick({ force: true });

      const v0 = performance.now();
      const inRedis = await ledger.verify();
      const verifyMs = performance.now() - v0;
      if (!inRedis.ok) throw new Error(`verify failed: ${inRedis.problem?.message}`);

      // Rotate all but the last 30 days into segments, then verify across them.
      const r0 = performance.now();
      const upkeep = createAuditUpkeep({ ledger, checkpointEveryMs: 0, hotMs: 30 * DAY, segmentMaxEvents: 10_000, now: () => new Date(clock.t), log: silentLogger });
      let rotated = 0;
      for (let moved = -1; moved !== 0; rotated += moved) moved = (await upkeep.tick()).rotated;
      const rotateMs = performance.now() - r0;
      const a0 = performance.now();
      const archived = await ledger.verify();
      const archivedMs = performance.now() - a0;
      if (!archived.ok) throw new Error(`verify across segments failed: ${archived.problem?.message}`);

      const e0 = performance.now();
      const report = await buildEvidenceReport({ ledger, period: { from: new Date(clock.t - 30 * DAY), to: new Date(clock.t) }, controls: loadControlMap(), now: new Date(clock.t) });
      const evidenceMs = performance.now() - e0;

      return {
        bench: 'audit',
        figures: [
          atLeast('keyed appends, 200 at a time', rate(EVENTS, appendMs), 'events/s', 10_000),
          atLeast('verify, all in Redis', rate(EVENTS, verifyMs), 'events/s', 16_700),
          info('rotation to segments', rate(rotated, rotateMs), 'events/s'),
          atLeast('verify across segments and Redis', rate(EVENTS, archivedMs), 'events/s', 16_700),
          atLeast('evidence report over the whole ledger (verify included)', rate(EVENTS, evidenceMs), 'events/s', 10_000),
          info('events rotated', rotated, 'events'),
          info('report events in its 30-day period', report.ledger.events, 'events'),
        ],
        notes: [`${EVENTS} events over 180 days; the evidence report verifies the ledger and then reads it once`],
      };
    } finally {
      await redis.quit();
      await server.stop();
    }
  },
};
