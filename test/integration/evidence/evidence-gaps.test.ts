/**
 * The evidence report over ledgers with gaps (issue 16): an event type never
 * seen, a tampered chain, a period older than what is retained, an archive
 * that lost its segments. Each gap is reported, never hidden, and a control
 * without evidence says "no data" or "did not operate", never "operated".
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import type { AuditEventInput } from '../../../src/handoff/audit-event.js';
import { createCheckpointer } from '../../../src/handoff/audit-checkpointer.js';
import type { AuditLedger } from '../../../src/handoff/audit-ledger.js';
import { openAuditLedger } from '../../../src/handoff/audit-setup.js';
import { createAuditUpkeep } from '../../../src/handoff/audit-upkeep.js';
import { buildEvidenceReport } from '../../../src/evidence/build-report.js';
import { loadControlMap } from '../../../src/evidence/control-map.js';
import { renderEvidenceHtml } from '../../../src/evidence/render-html.js';
import { renderEvidenceMarkdown } from '../../../src/evidence/render-md.js';
import type { EvidenceReport } from '../../../src/evidence/report-schema.js';
import { silentLogger } from '../../../src/util/log.js';
import { testAuditSetup } from '../../support/audit.js';
import { redisUrl, testPrefix } from '../../support/redis.js';

const redis = new Redis(redisUrl());
afterAll(() => redis.quit());

const DAY = 86_400_000;
const START = Date.parse('2026-10-01T09:00:00Z');

/** A ledger in which hand-offs are requested, run and written, but nobody reviews, refuses or expires anything. */
async function writtenOnly(): Promise<{ ledger: AuditLedger; dir: string; prefix: string; clock: { t: number } }> {
  const clock = { t: START };
  const prefix = testPrefix('evidence');
  const setup = testAuditSetup();
  const ledger = openAuditLedger(redis, prefix, setup, () => new Date(clock.t));
  for (let i = 1; i <= 6; i++) {
    const handoff = `ho_${String(i).padStart(26, 'a')}`;
    const base = { handoff, ticket: { table: 'incident', sysId: 'a'.repeat(32), number: `INC000${2040 + i}` }, policyVersion: '2026.11.1+abcd1234', outputDigest: null };
    const steps: Array<[AuditEventInput['type'], Record<string, unknown>]> = [
      ['requested', { operation: 'gather-diagnostics', approvalRequired: false, group: 'Network Operations', dataClass: 'internal', noteMasked: {} }],
      ['queued', { operation: 'gather-diagnostics' }],
      ['executed', { operation: 'gather-diagnostics', provider: 'builtin', masked: {} }],
      ['guarded', { operation: 'gather-diagnostics', outcome: 'passed' }],
      ['written', { operation: 'gather-diagnostics', outcome: 'written' }],
    ];
    for (const [type, details] of steps) await ledger.append({ ...base, type, actors: [{ role: 'worker', userName: 'svc.aihandoff' }], inputDigest: 'd'.repeat(32), details });
    clock.t += DAY;
  }
  await createCheckpointer({ ledger, everyMs: 0, now: () => new Date(clock.t), log: silentLogger }).tick({ force: true });
  return { ledger, dir: setup.dir, prefix, clock };
}

const report = (ledger: AuditLedger, from: string, to: string, now: number): Promise<EvidenceReport> =>
  buildEvidenceReport({ ledger, period: { from: new Date(from), to: new Date(to) }, controls: loadControlMap(), now: new Date(now) });
const control = (r: EvidenceReport, id: string) => r.controls.find((c) => c.id === id)!;
const gapText = (r: EvidenceReport): string => r.gaps.map((g) => `${g.kind} ${g.control ?? '-'} ${g.message}`).join('\n');

describe('the evidence report over a ledger with gaps', () => {
  it('reports every event type never seen, and a control with no decision as "no data"', async () => {
    const { ledger, clock } = await writtenOnly();
    const r = await report(ledger, '2026-10-01T00:00:00Z', '2026-10-08T00:00:00Z', clock.t);
    expect(control(r, 'logging').status).toBe('operated');
    expect(control(r, 'oversight').status).toBe('no_data');
    expect(control(r, 'oversight').figures.find((f) => f.id === 'still_waiting')?.value).toBe(6);
    const text = gapText(r);
    for (const missing of ['refused', 'reviewed', 'expired']) expect(text).toContain(`missing_event_type logging no '${missing}' event in the period`);
    expect(text).toContain("missing_event_type oversight no 'review_refused' event");
    expect(text).toContain("no_data scope no event records records withheld by the read boundary ('withheld' details)");
    expect(text).toContain("missing_event_type scope no 'class_lowered' event in the period: no data");
    expect(text).toContain("missing_event_type policy no 'reload' event in the period: no data");
    expect(text).toContain('no_data oversight no request was refused by a kill switch');
    // The gaps are in every format, not only the JSON.
    expect(renderEvidenceMarkdown(r)).toContain("`missing_event_type` no 'reviewed' event in the period");
    expect(renderEvidenceHtml(r)).toContain('no &#39;reviewed&#39; event in the period');
  });

  it('reports a tampered chain: logging did not operate, and every format says the ledger is not proven', async () => {
    const { ledger, prefix, clock } = await writtenOnly();
    const key = `${prefix}:audit:events`;
    const raw = JSON.parse((await redis.lindex(key, 3))!) as Record<string, unknown>;
    await redis.lset(key, 3, JSON.stringify({ ...raw, details: { ...(raw.details as object), outcome: 'rejected' } }));
    const r = await report(ledger, '2026-10-01T00:00:00Z', '2026-10-08T00:00:00Z', clock.t);
    expect(r.ledger.chain).toMatchObject({ ok: false, problem: { kind: 'changed', seq: 4 } });
    expect(control(r, 'logging').status).toBe('failed');
    expect(gapText(r)).toContain('chain logging the audit chain does not verify: changed: event seq 4');
    expect(renderEvidenceHtml(r)).toContain('The figures below come from a ledger that is not proven');
    expect(renderEvidenceMarkdown(r)).toContain('**Audit chain does not verify: changed');
  });

  it('reports a period older than what is retained', async () => {
    const { ledger, clock } = await writtenOnly();
    const r = await report(ledger, '2026-06-01T00:00:00Z', '2026-10-08T00:00:00Z', clock.t);
    expect(gapText(r)).toContain('retention retention the period starts 2026-06-01, before the oldest retrievable event (2026-10-01, seq 1): the ledger began then, so nothing earlier exists');
    expect(control(r, 'retention').figures.find((f) => f.id === 'six_months')?.value).toBe(false);
    // Nothing in the period at all: every control says so.
    const empty = await report(ledger, '2026-01-01T00:00:00Z', '2026-02-01T00:00:00Z', clock.t);
    expect(empty.ledger.events).toBe(0);
    for (const id of ['logging', 'oversight', 'scope', 'policy']) expect(control(empty, id).status, id).toBe('no_data');
  });

  it('reports an archive that lost its segments: the chain and the reading both fail, and retention is not shown as met', async () => {
    const { ledger, dir, clock } = await writtenOnly();
    // Rotate everything older than two days out of Redis, then lose the archive folder.
    clock.t += 10 * DAY;
    await createAuditUpkeep({ ledger, checkpointEveryMs: 0, hotMs: 2 * DAY, segmentMaxEvents: 100, now: () => new Date(clock.t), log: silentLogger }).tick({ force: true });
    expect((await ledger.head()).base).toBeGreaterThan(0);
    rmSync(join(dir, 'segments'), { recursive: true, force: true });
    const r = await report(ledger, '2026-10-01T00:00:00Z', '2026-10-20T00:00:00Z', clock.t);
    expect(r.ledger.chain.problem?.kind).toBe('segment');
    const text = gapText(r);
    expect(text).toContain('chain - the ledger could not be read past event 0');
    expect(control(r, 'retention').status).not.toBe('operated');
    expect(control(r, 'logging').status).toBe('failed');
  });
});
