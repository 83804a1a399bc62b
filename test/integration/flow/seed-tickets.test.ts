/**
 * The seed's four illustrative tickets through the whole flow: the operation
 * the seed recommends, the approval need it names, the approver it names, and
 * the blocked actions, on the sandbox with the real worker.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFlowHarness, type FlowHarness } from '../../support/flow-harness.js';
import { expectOnlyAllowedWrites, handOff, stateOf, untilStatus } from '../../support/flow-steps.js';

const SEED = [
  { number: 'INC0002041', agent: 'alex.rivera', operation: 'draft-vendor-escalation', role: 'incident_commander', approver: 'irene.costa', blocked: ['outbound_send', 'routing', 'failover', 'closure'] },
  { number: 'REQ0002188', agent: 'nora.brandt', operation: 'least-privilege-checklist', role: 'requester_manager', approver: 'morgan.lee', blocked: ['account_creation', 'privilege_grant'] },
  { number: 'SIR0002274', agent: 'lena.fischer', operation: 'draft-review-summary', role: 'security_owner', approver: 'samira.haddad', blocked: ['approval', 'policy_interpretation'] },
  { number: 'ENHC0002219', agent: 'oliver.grant', operation: 'sponsor-tradeoff-brief', role: 'sponsor', approver: 'victor.alvarez', blocked: ['portfolio_reprioritisation'] },
] as const;

describe("the seed's four illustrative tickets, end to end", () => {
  let h: FlowHarness;
  beforeAll(async () => {
    h = await startFlowHarness();
  });
  afterAll(async () => {
    expectOnlyAllowedWrites(h);
    await h.close();
  });

  it.each(SEED)('$number: $operation, approved by $approver ($role)', async (c) => {
    const before = await h.waitFor(`the panel on ${c.number}`, async () => {
      const t = await h.ticket(c.number);
      return t.panel ? t : undefined;
    });
    const op = before.panel!.operations.find((o) => o.id === c.operation)!;
    expect(op.outcome).toBe('approval-bound');
    expect(op.approval.role).toBe(c.role);
    for (const action of c.blocked) expect(before.panel!.blockedActions).toContain(action);

    const handoff = await handOff(h, c.agent, c.number, c.operation);
    expect(handoff.approval).toMatchObject({ required: true, role: c.role });
    const notes = (await h.notes(c.number)).filter((n) => n.by === 'svc.aihandoff');
    expect(notes).toHaveLength(1);
    expect(notes[0]!.value).toContain('not for use before approval');
    expect(notes[0]!.value).toContain(`[ai-handoff:${handoff.id}]`);
    // The request row carries the instance's read check (docs/boundary.md): records beyond the ticket the
    // requester may open are used, so the note never says nothing beyond the ticket was.
    expect(notes[0]!.value).not.toContain('Nothing beyond this ticket was used');

    await h.review(c.approver, c.number, { handoff: handoff.id, decision: 'accept', comment: 'Reviewed against the sources.' });
    const after = await untilStatus(h, c.number, 'accepted');
    const decision = (await h.notes(c.number)).filter((n) => n.by === 'svc.aihandoff').at(-1)!;
    expect(decision.value).toContain('accept');
    expect(decision.value).toContain(c.approver);
    expect(stateOf(after)).toEqual(stateOf(before));

    const events = await h.worker!.ledger.forHandoff(handoff.id);
    expect(events.map((e) => e.type)).toEqual(['requested', 'queued', 'executed', 'guarded', 'written', 'reviewed']);
    expect(events.every((e) => e.policyVersion === before.panel!.policyVersion)).toBe(true);
    expect(events.find((e) => e.type === 'reviewed')!.actors).toContainEqual({ role: 'reviewer', userName: c.approver });
    expect(events.find((e) => e.type === 'executed')!.details.boundary).toMatchObject({ readCheck: 'ok' });
  });

  it('keeps the audit chain intact', async () => {
    expect((await h.worker!.ledger.verify()).ok).toBe(true);
  });
});
