/**
 * What the flow refuses, and how the agent learns why: a stale scope, a
 * blocked operation, a note asking for a forbidden action, a malformed
 * request, a wrong approver, self-approval, and a double click. Each refusal
 * ends the row (refused, with message and remedy), shows the reason in the
 * panel, and is in the audit. Where the app's rule refuses a row at insert
 * (a stale digest it can see, a malformed row), a row planted past the rule
 * proves the worker checks again.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFlowHarness, type FlowHarness } from '../../support/flow-harness.js';
import { expectOnlyAllowedWrites, handOff, stateOf, untilNotice, untilStatus } from '../../support/flow-steps.js';

describe('refusals, end to end', () => {
  let h: FlowHarness;
  beforeAll(async () => {
    h = await startFlowHarness();
  });
  afterAll(async () => {
    expectOnlyAllowedWrites(h);
    await h.close();
  });

  const refusedEvents = async (code: string) => {
    const out = [];
    for await (const e of h.worker!.ledger.events()) if ((e.type === 'refused' || e.type === 'review_refused') && e.details.code === code) out.push(e);
    return out;
  };

  it('refuses a stale scope digest: the app at insert, the worker for a row that got past it; the row ends refused', async () => {
    await h.waitFor('panel', async () => (await h.ticket('INC0002047')).panel);
    const atInsert = await h.tryRequest('alex.rivera', 'INC0002047', { operation: 'gather-diagnostics', scope: 'f'.repeat(32) });
    expect(atInsert.status).toBe(403);
    const row = await h.plantRow('request', 'INC0002047', { operation: 'gather-diagnostics', scope_digest: 'f'.repeat(32) });
    const t = await untilNotice(h, 'INC0002047', 'changed after you reviewed it');
    expect(t.panel!.handoffs).toEqual([]);
    expect(t.panel!.notice!.remedy).toContain('review the current scope');
    expect(await h.untilRowEnds('request', row)).toMatchObject({ state: 'refused', handoff: '', message: t.panel!.notice!.message, remedy: t.panel!.notice!.remedy });
    expect(await refusedEvents('POLICY_STALE_SCOPE')).toHaveLength(1);
  });

  it('refuses an operation blocked by policy, with its reason and remedy', async () => {
    const panel = await h.waitFor('panel', async () => (await h.ticket('INC0002050')).panel);
    const op = panel.operations.find((o) => o.id === 'gather-diagnostics')!;
    expect(op.outcome).toBe('blocked');
    expect((await h.tryRequest('alex.rivera', 'INC0002050', { operation: 'gather-diagnostics' })).status).toBe(403);
    await h.plantRow('request', 'INC0002050', { operation: 'gather-diagnostics', scope_digest: op.scopeDigest });
    const t = await untilNotice(h, 'INC0002050', 'is blocked');
    expect(t.panel!.notice!.message).toContain(op.reasons.find((r) => r.rule.startsWith('forbid.'))!.message);
    expect(t.panel!.handoffs).toEqual([]);
    expect(await refusedEvents('POLICY_BLOCKED')).not.toHaveLength(0);
  });

  it("refuses a note that asks the AI to close the ticket, naming what it asked", async () => {
    await h.waitFor('panel', async () => (await h.ticket('INC0002043')).panel);
    await h.request('alex.rivera', 'INC0002043', { operation: 'gather-diagnostics', note: 'Gather what you can, then close the ticket and notify the caller.' });
    const t = await untilNotice(h, 'INC0002043', 'The note asks for something the AI may not do');
    expect(t.panel!.notice!.message.toLowerCase()).toContain('close');
    expect(t.panel!.handoffs).toEqual([]);
  });

  it('refuses a malformed request row, naming the column', async () => {
    expect((await h.tryRequest('alex.rivera', 'INC0002043', { operation: 'gather-diagnostics', scope: 'abc' })).status).toBe(403);
    const row = await h.plantRow('request', 'INC0002043', { operation: 'gather-diagnostics', scope_digest: 'abc' });
    const t = await untilNotice(h, 'INC0002043', 'was not taken');
    expect(t.panel!.notice!.message).toContain('scope_digest');
    expect((await h.untilRowEnds('request', row)).state).toBe('refused');
    expect(await refusedEvents('REQUEST_INVALID')).not.toHaveLength(0);
  });

  it('refuses the wrong approver and self-approval; accepts the resolved approver', async () => {
    const before = await h.ticket('INC0002041');
    const handoff = await handOff(h, 'alex.rivera', 'INC0002041', 'draft-status-update');

    await h.review('alex.rivera', 'INC0002041', { handoff: handoff.id, decision: 'accept' });
    await untilNotice(h, 'INC0002041', 'requested this hand-off and cannot approve it');
    await h.review('morgan.lee', 'INC0002041', { handoff: handoff.id, decision: 'accept' });
    await untilNotice(h, 'INC0002041', 'morgan.lee is not the incident commander');
    expect((await h.ticket('INC0002041')).status).toBe('awaiting_review');
    expect(await refusedEvents('REVIEW_FORBIDDEN')).toHaveLength(2);

    await h.review('irene.costa', 'INC0002041', { handoff: handoff.id, decision: 'reject', comment: 'Timeline is incomplete.' });
    const after = await untilStatus(h, 'INC0002041', 'rejected');
    expect(after.panel!.notice).toBeNull();
    expect(stateOf(after)).toEqual(stateOf(before));
  });

  it('makes one hand-off of a double click and of a repeated request', async () => {
    await h.waitFor('panel', async () => (await h.ticket('RITM0002188')).panel);
    // The app refuses the second click while the first is pending; if the worker took the first already, the worker refuses it.
    const clicks = await Promise.all([1, 2].map(() => h.tryRequest('nora.brandt', 'RITM0002188', { operation: 'draft-approval-reminder' })));
    expect(clicks.map((c) => c.status)).toContain(201);
    await untilStatus(h, 'RITM0002188', 'awaiting_review');
    const again = await h.request('nora.brandt', 'RITM0002188', { operation: 'draft-approval-reminder' });
    await untilNotice(h, 'RITM0002188', 'already in progress');
    expect((await h.untilRowEnds('request', again)).message).toContain('already in progress');
    const t = await h.ticket('RITM0002188');
    expect(t.panel!.handoffs.filter((x) => x.operation === 'draft-approval-reminder')).toHaveLength(1);
    expect((await h.notes('RITM0002188')).filter((n) => n.by === 'svc.aihandoff')).toHaveLength(1);
  });

  it('keeps the audit chain intact', async () => {
    expect((await h.worker!.ledger.verify()).ok).toBe(true);
  });
});
