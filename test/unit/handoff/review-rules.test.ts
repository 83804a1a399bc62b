/**
 * Who may review a hand-off (review.ts, mayReview) and what its expiry note
 * says (note-port.ts on src/ai's renderer), for a hand-off that needs no
 * approval (an evidence pack) beside one that does (a draft).
 */
import { describe, expect, it } from 'vitest';
import type { Handoff } from '../../../src/domain/handoff.js';
import type { Ticket } from '../../../src/domain/ticket.js';
import type { FlowDeps } from '../../../src/handoff/flow-deps.js';
import { createNotePort } from '../../../src/handoff/note-port.js';
import { mayReview } from '../../../src/handoff/review.js';

const ALEX = { userName: 'alex.rivera', sysId: 'a'.repeat(32) };
const IRENE = { userName: 'irene.costa', sysId: 'b'.repeat(32) };
const NORA = { userName: 'nora.brandt', sysId: 'c'.repeat(32) };
const MORGAN = { userName: 'morgan.lee', sysId: 'd'.repeat(32) };
const NETWORK_OPERATIONS = 'e'.repeat(32);

/** mayReview reads only the integration user and group membership (the people cache) of its deps. */
const deps = {
  settings: { integrationUser: 'svc.aihandoff' },
  people: { groupMembers: (group: string) => Promise.resolve(group === NETWORK_OPERATIONS ? [IRENE.sysId] : []) },
} as unknown as FlowDeps;

const noApproval = { required: false, role: null, approver: null } as const;
const commander = { required: true, role: 'incident_commander', approver: { kind: 'user', id: IRENE.sysId, name: 'Irene Costa' } } as const;

function handoff(approval: Handoff['approval'], operation = 'gather-diagnostics'): Handoff {
  return {
    id: 'ho_abcdefghijklmnopqrstuvwxyz',
    ticket: { system: 'servicenow', table: 'incident', sysId: 'f'.repeat(32), number: 'INC0002041' },
    operation,
    requester: ALEX,
    policyVersion: '2025.11.1',
    status: 'awaiting_review',
    approval,
    output: null,
    shadow: false,
  } as unknown as Handoff;
}

/** INC-2041: assigned to Nora, in Network Operations. */
const ticket = { owner: { assignee: { id: NORA.sysId }, group: { id: NETWORK_OPERATIONS, name: 'Network Operations' } } } as unknown as Ticket;

describe('mayReview', () => {
  it('lets the requester, the assignee and a member of the owning group review a hand-off that needs no approval', async () => {
    for (const reviewer of [ALEX, NORA, IRENE]) expect(await mayReview(deps, handoff(noApproval), ticket, reviewer), reviewer.userName).toEqual({ ok: true });
    // The platform may name the requester by user_name only (identity from the audit).
    expect(await mayReview(deps, handoff(noApproval), ticket, { userName: ALEX.userName })).toEqual({ ok: true });
  });

  it('refuses anyone else, and the integration user, on a hand-off that needs no approval', async () => {
    expect(await mayReview(deps, handoff(noApproval), ticket, MORGAN)).toMatchObject({ ok: false, message: 'morgan.lee is not the requester, the assignee or in the owning group of this ticket.' });
    expect(await mayReview(deps, handoff(noApproval), ticket, { userName: 'svc.aihandoff' })).toMatchObject({ ok: false });
  });

  it('keeps approval-required hand-offs to the approver: never the requester, not the assignee', async () => {
    expect(await mayReview(deps, handoff(commander, 'draft-vendor-escalation'), ticket, IRENE)).toEqual({ ok: true });
    expect(await mayReview(deps, handoff(commander, 'draft-vendor-escalation'), ticket, ALEX)).toMatchObject({ ok: false, message: 'alex.rivera requested this hand-off and cannot approve it.', remedy: 'Irene Costa (incident commander) must review it.' });
    expect(await mayReview(deps, handoff(commander, 'draft-vendor-escalation'), ticket, NORA)).toMatchObject({ ok: false });
  });
});

describe('the expiry note', () => {
  const notes = createNotePort({ allowedHosts: [], reviewWindowHours: 24, titles: new Map([['gather-diagnostics', 'Gather diagnostics'], ['draft-vendor-escalation', 'Draft vendor escalation packet']]) });

  it('says an output that needed no approval was not reviewed in time, to be checked against its sources, never that it was refused', () => {
    const h = handoff(noApproval);
    const note = notes.reviewNote({ handoff: h, decision: 'expired', by: null, comment: null });
    expect(note).toContain('=== AI hand-off review: expired without a review ===');
    expect(note).toContain('Hand-off: ho_abcdefghijklmnopqrstuvwxyz (Gather diagnostics, gather-diagnostics)');
    expect(note).toContain('Review: none came within 24 hours. This output needed no approval, but nobody reviewed it in time: check it against its sources before relying on it.');
    expect(note).not.toContain('not approved');
    expect(note).not.toContain('must not be used');
    // The note carries its idempotency key: the app's API finds it among our entries and does not write it twice.
    expect(note).toContain(notes.reviewKey(h.id, 'expired'));
  });

  it('says an output that needed approval was not approved and must not be used', () => {
    const h = handoff(commander, 'draft-vendor-escalation');
    const note = notes.reviewNote({ handoff: h, decision: 'expired', by: null, comment: null });
    expect(note).toContain('=== AI hand-off review: expired without a decision ===');
    expect(note).toContain('Decision: none came within 24 hours; the output was not approved and must not be used.');
    // The note carries its idempotency key: the app's API finds it among our entries and does not write it twice.
    expect(note).toContain(notes.reviewKey(h.id, 'expired'));
  });
});

describe('a remedy names the person where one is resolved (issue 12)', () => {
  it('names the approver or group, and falls back to the role when none is named', async () => {
    const manager = { required: true, role: 'requester_manager', approver: { kind: 'user', id: MORGAN.sysId, name: 'Morgan Lee' } } as const;
    const group = { required: true, role: 'requester_manager', approver: { kind: 'group', id: NETWORK_OPERATIONS, name: 'Access Management' } } as const;
    const unnamed = { required: true, role: 'security_owner', approver: { kind: 'user', id: IRENE.sysId } } as const;
    const remedy = async (approval: Handoff['approval']) => ((await mayReview(deps, handoff(approval), ticket, ALEX)) as { remedy: string }).remedy;
    expect(await remedy(manager)).toBe("Morgan Lee (requester's manager) must review it.");
    expect(await remedy(group)).toBe("A member of Access Management (requester's manager) must review it.");
    expect(await remedy(unnamed)).toBe('The security owner must review it.');
  });

  it('does not let the escalator decide a draft escalated to a group they belong to', async () => {
    const toGroup = { required: true, role: 'incident_commander', approver: { kind: 'group', id: NETWORK_OPERATIONS, name: 'Network Operations' } } as const;
    const escalated = { ...handoff(toGroup), status: 'escalated', review: { decision: 'escalate', by: IRENE, at: '2026-11-25T10:00:00Z' } } as Handoff;
    expect(await mayReview(deps, escalated, ticket, IRENE)).toMatchObject({ ok: false, message: 'irene.costa escalated this hand-off and cannot decide it now.' });
    expect(await mayReview(deps, { ...escalated, review: { ...escalated.review!, by: NORA } }, ticket, IRENE)).toEqual({ ok: true });
  });
});
