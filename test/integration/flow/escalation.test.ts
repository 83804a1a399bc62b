/**
 * Escalate, then decide (issue 11; docs/ai.md): an escalated draft is handed
 * to the escalating approver's manager, who accepts or rejects it; each
 * outcome is its own note. The escalator, the requester and anyone else are
 * refused after the escalation; a reviewer with no manager cannot escalate.
 */
import { describe, expect, it } from 'vitest';
import { reviewableHandoffs, type ScopeReviewUser } from '../../../connectors/servicenow/shared/scope-review.js';
import { handOff, sharedHarness, untilNotice, untilStatus } from '../../support/flow-steps.js';

describe('escalate, then accept', () => {
  const harness = sharedHarness();

  const asUser = (userName: string): ScopeReviewUser => {
    const h = harness();
    const sysId = h.sandbox.directory.user(userName)!.v.sys_id!;
    return { sysId, userName, roles: [...h.sandbox.directory.roles(sysId)], groups: h.sandbox.directory.groups(sysId) };
  };
  const reviewNotes = async (number: string): Promise<string[]> => (await harness().notes(number)).filter((n) => n.by === 'svc.aihandoff' && n.value.includes('[ai-handoff-review:')).map((n) => n.value);

  it("hands the draft to the approver's manager, who decides it: two notes, the escalator and the requester refused", async () => {
    const h = harness();
    const draft = await handOff(h, 'alex.rivera', 'INC0002041', 'draft-vendor-escalation');
    // Before the click the panel says where Escalate goes (the policy's default), who asked, and the draft's first lines (issue 12).
    expect(draft).toMatchObject({ escalateTo: { kind: 'manager' }, requesterName: 'Alex Rivera' });
    expect(draft.draft).toContain('--- Vendor escalation packet ---');
    await h.review('irene.costa', 'INC0002041', { handoff: draft.id, decision: 'escalate', comment: 'Needs the COO: it commits budget.' });
    const escalated = await untilStatus(h, 'INC0002041', 'escalated');
    const victor = h.sandbox.directory.user('victor.alvarez')!.v.sys_id!;
    expect(escalated.panel!.handoffs.find((x) => x.id === draft.id)).toMatchObject({ status: 'escalated', approval: { required: true, role: 'incident_commander', approver: { kind: 'user', id: victor } } });
    const [escalationNote] = await reviewNotes('INC0002041');
    expect(escalationNote).toContain("Escalated to: Victor Alvarez, the reviewer's manager, who now accepts, rejects or escalates it further");
    // The buttons follow: Victor sees the escalated draft, Irene no longer does.
    expect(reviewableHandoffs(escalated.panel, asUser('victor.alvarez')).map((x) => x.id)).toEqual([draft.id]);
    expect(reviewableHandoffs(escalated.panel, asUser('irene.costa'))).toEqual([]);

    for (const [who, refusal] of [['irene.costa', 'irene.costa is not the incident commander resolved for this hand-off (Victor Alvarez)'], ['alex.rivera', 'alex.rivera requested this hand-off and cannot approve it']] as const) {
      await h.review(who, 'INC0002041', { handoff: draft.id, decision: 'accept' });
      const t = await untilNotice(h, 'INC0002041', refusal);
      expect(t.status).toBe('escalated');
    }

    await h.review('victor.alvarez', 'INC0002041', { handoff: draft.id, decision: 'accept' });
    await untilStatus(h, 'INC0002041', 'accepted');
    const notes = await reviewNotes('INC0002041');
    expect(notes).toHaveLength(2);
    expect(notes.some((n) => n.includes(`[ai-handoff-review:${draft.id}:escalate]`))).toBe(true);
    expect(notes.some((n) => n.includes(`[ai-handoff-review:${draft.id}:accept]`))).toBe(true);

    const reviews = (await h.worker!.ledger.forHandoff(draft.id)).filter((e) => e.type === 'reviewed');
    expect(reviews.map((e) => [e.details.decision, e.actors[0]!.userName])).toEqual([['escalate', 'irene.costa'], ['accept', 'victor.alvarez']]);
    expect(reviews[0]!.details.escalatedTo).toBe(victor);
    expect(reviews[1]!.details.afterEscalation).toBe(true);
    expect((await h.worker!.ledger.verify()).ok).toBe(true);
  });

  it('refuses to escalate where the platform names no manager to hand the draft to', async () => {
    const h = harness();
    const draft = await handOff(h, 'lena.fischer', 'SIR0002274', 'draft-review-summary');
    await h.review('samira.haddad', 'SIR0002274', { handoff: draft.id, decision: 'escalate' });
    const t = await untilNotice(h, 'SIR0002274', 'There is no one to escalate');
    expect(t.panel!.notice!.remedy).toContain('set your manager');
    expect(t.status).toBe('awaiting_review');
    // She can still decide it herself.
    await h.review('samira.haddad', 'SIR0002274', { handoff: draft.id, decision: 'reject', comment: 'Not yet.' });
    await untilStatus(h, 'SIR0002274', 'rejected');
  });
});
