/**
 * An operator's request (operation + optional note) and the panel the worker
 * writes: notes asking for actions block the request with the reason; the
 * panel lists the type's operations, blocked ones with reasons, and seals with
 * sealPanel's digest.
 */
import { describe, expect, it } from 'vitest';
import { Panel, panelText, sealPanel } from '../../../src/domain/panel.js';
import { scopeDigest } from '../../../src/domain/scope.js';
import { buildPanel, decideRequest, decideTicket } from '../../../src/policy/index.js';
import { context, policy, seedTicket } from './support.js';

const ctx = context();
const inc = seedTicket('INC-2041');

describe('an operator request', () => {
  it('an eligible operation with an ordinary note stays eligible, with the same scope digest as the panel', () => {
    const outcome = decideRequest(inc, { operation: 'gather-diagnostics', note: 'focus on the EU-West gateway' }, ctx);
    expect(outcome.decision.outcome).toBe('eligible');
    expect(outcome.intent?.blocked).toBe(false);
    const panelDigest = buildPanel(inc, ctx).operations.find((o) => o.id === 'gather-diagnostics')?.scopeDigest;
    expect(outcome.scope?.digest).toBe(panelDigest);
  });

  it('a note asking the AI to act blocks the request with the reason and a remedy', () => {
    const outcome = decideRequest(inc, { operation: 'draft-vendor-escalation', note: 'Draft it and send it to the vendor' }, ctx);
    expect(outcome.decision.outcome).toBe('blocked');
    expect(outcome.decision.rules).toEqual(['forbid.note.state-change']);
    expect(outcome.decision.reasons[0]?.message).toBe(
      'The note asks the AI to send something ("send it to the vendor"): AI may not approve, execute, publish, send, close, grant, route, fail over or change service state.',
    );
    expect(outcome.decision.reasons[0]?.remedy).toContain('Remove that request from the note');
  });

  it('an unknown operation is blocked, and a bad note on it is reported too', () => {
    const outcome = decideRequest(inc, { operation: 'close-incident', note: 'close it now' }, ctx);
    expect(outcome.scope).toBeNull();
    expect(outcome.decision.rules).toEqual(['forbid.operation.unknown', 'forbid.note.state-change']);
  });

  it('a note does not change the scope digest', () => {
    const plain = decideRequest(inc, { operation: 'compare-baseline' }, ctx);
    const noted = decideRequest(inc, { operation: 'compare-baseline', note: 'use last week' }, ctx);
    expect(noted.scope?.digest).toBe(plain.scope?.digest);
  });
});

describe('the panel', () => {
  it('parses with the Panel schema and carries every operation for the type, in catalog order', () => {
    const panel = Panel.parse(buildPanel(inc, ctx));
    expect(panel.operations.map((o) => o.id)).toEqual(policy.operations.filter((o) => o.ticketTypes.includes('incident')).map((o) => o.id));
    expect(inc.owner.assignee?.id).toBeTruthy();
    expect(inc.owner.group?.id).toBeTruthy();
    expect(panel.ticket).toEqual({ number: 'INC0002041', table: 'incident', sysId: inc.ref.sysId, owner: { assignee: inc.owner.assignee?.id, group: inc.owner.group?.id }, dataClass: 'internal', classLowered: null });
    expect(panel.policyVersion).toBe(policy.version);
  });

  it('shows blocked operations with reasons and remedies', () => {
    const noCommander = seedTicket('INC-2041', { 'assignment_group.manager': '' });
    const entry = buildPanel(noCommander, ctx).operations.find((o) => o.id === 'draft-vendor-escalation');
    expect(entry?.outcome).toBe('blocked');
    expect(entry?.reasons[0]?.message).toContain('owner, approver, or review path is not defined');
    expect(entry?.reasons[0]?.remedy.length).toBeGreaterThan(0);
  });

  it('its digest is sealPanel’s, and changes with the handoffs, the notice and the policy decision', () => {
    const handoff = {
      id: 'ho_aaaaaaaaaaaaaaaaaaaaaaaaaa',
      operation: 'draft-vendor-escalation',
      status: 'awaiting_review' as const,
      requestedBy: 'alex.rivera',
      approval: { required: true, role: 'incident_commander' as const, approver: { kind: 'user' as const, id: 'x', name: 'Irene Costa' } },
      updatedAt: '2026-11-25T09:31:00Z',
    };
    const notice = { kind: 'refused' as const, message: 'The scope changed.', remedy: 'Refresh and confirm again.', at: '2026-11-25T09:32:00Z' };
    const plain = buildPanel(inc, ctx);
    const full = buildPanel(inc, ctx, { handoffs: [handoff], notice });
    for (const panel of [plain, full]) {
      const { digest, ...body } = panel;
      expect(digest).toBe(sealPanel(body).digest);
    }
    expect(full.digest).not.toBe(plain.digest);
    // The field's text (the digest's canonical JSON, digest added) is the same panel as JSON.stringify gives.
    for (const panel of [plain, full]) expect(JSON.parse(panelText(panel))).toEqual(JSON.parse(JSON.stringify(panel)));
    // A hand-off a review can decide carries where Escalate sends it (the policy's default: the reviewer's manager).
    expect(full.handoffs).toEqual([{ ...handoff, escalateTo: { kind: 'manager' } }]);
    expect(buildPanel(inc, context({ switches: { ai: false } })).digest).not.toBe(plain.digest);
    expect(buildPanel(inc, ctx).digest).toBe(plain.digest);
  });

  it('the same ticket object under a new context is evaluated afresh: a kill switch is never hidden by an earlier panel', () => {
    const eligible = buildPanel(inc, ctx);
    expect(eligible.operations.some((o) => o.outcome !== 'blocked')).toBe(true);
    const switchedOff = buildPanel(inc, context({ switches: { ai: false } }));
    expect(switchedOff.operations.every((o) => o.outcome === 'blocked')).toBe(true);
    expect(buildPanel(inc, ctx, { handoffs: [] }).operations.map((o) => o.outcome)).toEqual(eligible.operations.map((o) => o.outcome));
  });

  it('carries the owner ids (who may review a no-approval hand-off), null when unset, and its digest changes with them', () => {
    const plain = buildPanel(inc, ctx);
    const unassigned = buildPanel({ ...inc, owner: { ...inc.owner, assignee: null } }, ctx);
    expect(unassigned.ticket.owner).toEqual({ assignee: null, group: inc.owner.group?.id });
    const { digest, ...body } = unassigned;
    expect(digest).toBe(sealPanel(body).digest);
    expect(unassigned.digest).not.toBe(plain.digest);
  });

  it('scope digests bind the policy version and the approver', () => {
    const result = decideTicket(inc, ctx);
    for (const entry of result.scopes) expect(entry.digest).toBe(scopeDigest(entry.scope));
    const other = decideTicket(seedTicket('INC-2041', { 'assignment_group.manager': 'ffff' }), ctx);
    const id = 'draft-vendor-escalation';
    expect(other.scopes.find((s) => s.operation === id)?.digest).not.toBe(result.scopes.find((s) => s.operation === id)?.digest);
    expect(other.scopes.find((s) => s.operation === 'gather-diagnostics')?.digest).toBe(result.scopes.find((s) => s.operation === 'gather-diagnostics')?.digest);
  });
});
