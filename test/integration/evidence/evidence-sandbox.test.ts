/**
 * The evidence report over a ledger produced by driving the sandbox (issue
 * 16): the four seed tickets approved by their approvers, a self-approval
 * refused, an escalation then accepted, a rejection, a stale scope, a policy
 * block, a masked secret, an expiry (the clock moved past the review window)
 * and a kill switch (the worker restarted with an operation switched off).
 * Every control operated, with the right counts; the JSON validates against
 * the shipped schema; the same report comes out of `ai-handoff evidence` in
 * all three formats.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RuntimeConfig } from '../../../src/config/runtime-config.js';
import { buildEvidenceReport } from '../../../src/evidence/build-report.js';
import { loadControlMap } from '../../../src/evidence/control-map.js';
import { EvidenceReport } from '../../../src/evidence/report-schema.js';
import { fromRoot } from '../../../src/util/paths.js';
import { TEST_AUDIT_KEY } from '../../support/audit.js';
import { handOff, sharedHarness, untilNotice, untilStatus } from '../../support/flow-steps.js';
import { redisUrl } from '../../support/redis.js';
import { runCli } from '../../support/run-cli.js';

const SEED = [
  { number: 'INC0002041', agent: 'alex.rivera', operation: 'draft-vendor-escalation', approver: 'irene.costa' },
  { number: 'REQ0002188', agent: 'nora.brandt', operation: 'least-privilege-checklist', approver: 'morgan.lee' },
  { number: 'SIR0002274', agent: 'lena.fischer', operation: 'draft-review-summary', approver: 'samira.haddad' },
  { number: 'ENHC0002219', agent: 'oliver.grant', operation: 'sponsor-tradeoff-brief', approver: 'victor.alvarez' },
] as const;
const HOUR = 3_600_000;

let offsetMs = 0;
const now = (): Date => new Date(Date.now() + offsetMs);

describe('the evidence report over a ledger driven through the sandbox', () => {
  // A sweep every second, checkpointing every second: the test waits for the head to be anchored.
  const fast = (c: RuntimeConfig): RuntimeConfig => ({ ...c, worker: { ...c.worker, maintenanceEveryMs: 1_000 }, audit: { ...c.audit, checkpointEveryMs: 1_000 } });
  const harness = sharedHarness({ now, config: fast });
  let report: EvidenceReport;
  let from: Date;
  let to: Date;
  const control = (id: string) => report.controls.find((c) => c.id === id)!;
  const fig = (id: string, figureId: string) => control(id).figures.find((f) => f.id === figureId)?.value;
  const counts = (id: string, breakdownId: string) => control(id).breakdowns.find((b) => b.id === breakdownId)?.counts;

  beforeAll(async () => {
    const h = harness();
    from = new Date(`${now().toISOString().slice(0, 10)}T00:00:00Z`);
    for (const c of SEED) {
      const handoff = await handOff(h, c.agent, c.number, c.operation);
      await h.review(c.approver, c.number, { handoff: handoff.id, decision: 'accept' });
      await untilStatus(h, c.number, 'accepted');
    }
    // The requester may not approve their own draft; the approver escalates it; her manager accepts it.
    const update = await handOff(h, 'alex.rivera', 'INC0002041', 'draft-status-update');
    await h.review('alex.rivera', 'INC0002041', { handoff: update.id, decision: 'accept' });
    await untilNotice(h, 'INC0002041', 'requested this hand-off and cannot approve it');
    await h.review('irene.costa', 'INC0002041', { handoff: update.id, decision: 'escalate' });
    await untilStatus(h, 'INC0002041', 'escalated');
    await h.review('victor.alvarez', 'INC0002041', { handoff: update.id, decision: 'accept' });
    await untilStatus(h, 'INC0002041', 'accepted');
    // An evidence pack with a password in the operator's note (masked), then rejected by its requester.
    const pack = await handOff(h, 'alex.rivera', 'INC0002041', 'gather-diagnostics', 'The test account password: Winter2025Vpn');
    await h.review('alex.rivera', 'INC0002041', { handoff: pack.id, decision: 'reject', comment: 'Not what I needed.' });
    await untilStatus(h, 'INC0002041', 'rejected');
    // Refusals the worker makes although the app's rule let the row in (the panel changed in between): a stale
    // scope, an operation policy blocks. The rule refuses both at Assign, so the rows are planted as it would store them.
    await h.waitFor('panel', async () => (await h.ticket('INC0002047')).panel);
    await h.plantRow('request', 'INC0002047', { operation: 'gather-diagnostics', scope_digest: 'f'.repeat(32), note: '', readable: '', sys_created_by: 'alex.rivera' });
    await untilNotice(h, 'INC0002047', 'changed after you reviewed it');
    await h.waitFor('panel', async () => (await h.ticket('INC0002050')).panel);
    const blocked = (await h.ticket('INC0002050')).panel!.operations.find((o) => o.id === 'gather-diagnostics')!;
    await h.plantRow('request', 'INC0002050', { operation: 'gather-diagnostics', scope_digest: blocked.scopeDigest, note: '', readable: '', sys_created_by: 'alex.rivera' });
    await untilNotice(h, 'INC0002050', 'is blocked');
    // An output nobody reviews: the clock moves past the 72-hour window and it expires.
    await handOff(h, 'alex.rivera', 'INC0002047', 'gather-diagnostics');
    offsetMs += 73 * HOUR;
    await untilStatus(h, 'INC0002047', 'expired', 30_000);
    // A kill switch: a request made while gather-diagnostics was allowed, taken after it was switched off, is refused.
    await h.waitFor('panel', async () => (await h.ticket('INC0002043')).panel);
    h.worker!.intake.pause();
    await h.request('alex.rivera', 'INC0002043', { operation: 'gather-diagnostics' });
    await h.restartWorker((c) => ({ ...fast(c), switches: { ...c.switches, operations: { 'gather-diagnostics': false } } }));
    await untilNotice(h, 'INC0002043', 'is switched off');
    // Anchor the head, as the sweep does.
    await h.waitFor('a checkpoint of the head', async () => (await h.worker!.ledger.verify()).checkpoints.unanchored === 0, 20_000);
    to = new Date(now().getTime() + HOUR);
    report = await buildEvidenceReport({ ledger: h.worker!.ledger, period: { from, to }, controls: loadControlMap(), now: now() });
  }, 240_000);

  it('shows every control as operated, over a verified and anchored chain', () => {
    expect(report.ledger.chain).toMatchObject({ ok: true, anchored: true, problem: null });
    expect(report.controls.map((c) => [c.id, c.status])).toEqual([
      ['logging', 'operated'],
      ['oversight', 'operated'],
      ['scope', 'operated'],
      ['retention', 'operated'],
      ['policy', 'operated'],
    ]);
    expect(report.controlMap).toEqual({ file: 'controls.yaml', version: loadControlMap().map.version });
  });

  it('counts the logging of every step', () => {
    expect(fig('logging', 'requests')).toBe(7);
    expect(fig('logging', 'with_policy_version')).toBe(1);
    expect(fig('logging', 'chain_verified')).toBe(true);
    const byType = counts('logging', 'events_by_type')!;
    expect(byType).toMatchObject({ requested: 7, queued: 7, executed: 7, guarded: 7, written: 7, refused: 3, review_refused: 1, expired: 1 });
    expect(byType.reviewed).toBe(7);
  });

  it('counts human oversight: decisions by kind, no self-approval, the expiry and the kill switch', () => {
    expect(counts('oversight', 'decisions_by_kind')).toEqual({ accept: 5, escalate: 1, reject: 1 });
    expect(fig('oversight', 'approvals_required')).toBe(5);
    expect(fig('oversight', 'self_approvals')).toBe(0);
    expect(fig('oversight', 'approved_by_default')).toBe(0);
    expect(fig('oversight', 'expired')).toBe(1);
    expect(fig('oversight', 'outputs_written')).toBe(7);
    expect(fig('oversight', 'still_waiting')).toBe(0);
    expect(counts('oversight', 'review_refusals_by_code')).toEqual({ REVIEW_FORBIDDEN: 1 });
    expect(counts('oversight', 'kill_switch_refusals')).toEqual({ 'forbid.switch.operation': 1 });
    expect(typeof fig('oversight', 'minutes_median')).toBe('number');
  });

  it('counts scope and data controls: refusals by reason, masking by kind, data classes per provider kind', () => {
    expect(counts('scope', 'refusals_by_reason')).toEqual({ POLICY_STALE_SCOPE: 1, POLICY_BLOCKED: 2 });
    expect(counts('scope', 'refusals_by_rule')!['forbid.switch.operation']).toBe(1);
    expect(counts('scope', 'masked_by_kind')).toMatchObject({ password: 1 });
    const toBuiltin = counts('scope', 'classes_to_builtin')!;
    expect(Object.values(toBuiltin).reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(7);
    expect(toBuiltin.unrecorded).toBeUndefined();
    // The read boundary's counts are in every executed event (records beyond the ticket withheld, by reason).
    expect(counts('scope', 'withheld_by_reason')).toBeDefined();
    expect(control('scope').gaps.map((g) => g.message).join('\n')).not.toContain("'withheld' details");
    // Event types this build does not record yet are named as "no data", never skipped.
    expect(control('policy').gaps.map((g) => g.message).join('\n')).toContain("no 'reload' event");
  });

  it('measures acceptance per operation and group, and over the period', () => {
    const byOp = Object.fromEntries(report.acceptance.byOperation.map((r) => [r.key, r]));
    expect(byOp['draft-status-update']!.outcomes).toEqual({ accepted: 1, rejected: 0, escalated: 0, expired: 0 });
    expect(byOp['gather-diagnostics']!.outcomes).toEqual({ accepted: 0, rejected: 1, escalated: 0, expired: 1 });
    expect(byOp['gather-diagnostics']!.shares.expired).toBe(0.5);
    expect(report.acceptance.overall.handoffs).toBe(7);
    expect(report.acceptance.overall.outcomes).toEqual({ accepted: 5, rejected: 1, escalated: 0, expired: 1 });
    expect(report.acceptance.byGroup.map((r) => r.key)).toContain('Network Operations');
    expect(report.acceptance.byGroup.some((r) => r.key === '(no group recorded)')).toBe(false);
    expect(report.acceptance.bucket).toBe('day');
    expect(report.acceptance.overall.series.reduce((n, s) => n + s.handoffs, 0)).toBe(7);
  });

  it('names the policy version in force and the retention', () => {
    expect(report.policyVersions).toHaveLength(1);
    expect(report.policyVersions[0]!.events).toBe(report.ledger.events);
    expect(fig('retention', 'complete_since_start')).toBe(true);
    expect(fig('retention', 'six_months')).toBe(false);
  });

  it('validates against the JSON Schema shipped with the product, and carries no ticket text', () => {
    const schema = JSON.parse(readFileSync(fromRoot('config', 'evidence', 'evidence-report.schema.json'), 'utf8')) as Record<string, unknown>;
    const validate = new Ajv({ allErrors: true }).compile(schema);
    const json = JSON.parse(JSON.stringify(report)) as unknown;
    expect(validate(json), JSON.stringify(validate.errors)).toBe(true);
    const text = JSON.stringify(report);
    for (const ticketText of ['Remote access latency', 'Winter2025Vpn', 'VPN']) expect(text).not.toContain(ticketText);
    // A report with an extra key or a wrong type does not validate: the schema is strict.
    expect(validate({ ...(json as object), extra: 1 })).toBe(false);
    expect(EvidenceReport.safeParse({ ...(json as object), extra: 1 }).success).toBe(false);
  });

  it('comes out of `ai-handoff evidence` as JSON, Markdown and HTML', async () => {
    const h = harness();
    writeFileSync(join(h.auditDir, 'audit.key'), `${TEST_AUDIT_KEY}\n`, { mode: 0o600 });
    const base = ['evidence', '--from', from.toISOString(), '--to', to.toISOString(), '--redis-url', redisUrl(), '--prefix', h.prefix, '--audit-dir', h.auditDir, '--no-instance'];
    const json = await runCli([...base, '--format', 'json']);
    expect(json.code).toBe(0);
    const parsed = EvidenceReport.parse(JSON.parse(json.stdout));
    expect(parsed.controls.map((c) => c.status)).toEqual(report.controls.map((c) => c.status));
    expect(parsed.acceptance.overall.outcomes).toEqual(report.acceptance.overall.outcomes);
    const md = await runCli([...base, '--format', 'md']);
    expect(md.stdout).toContain('## Human oversight of every output: operated');
    expect(md.stdout).toContain('| draft-status-update | 1 | 1 (100%)');
    const out = join(h.auditDir, 'report.html');
    const html = await runCli([...base, '--out', out]);
    expect(html.stderr).toMatch(/written to .*report\.html: 5 of 5 controls operated, \d+ gap\(s\)/);
    expect(readFileSync(out, 'utf8')).toContain('<svg class="chart"');
  });
});
