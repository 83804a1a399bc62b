/**
 * Real panels, sealed with the worker's own `sealPanel`, for the seed's
 * illustrative tickets: what the dialog and the buttons are built from.
 */
import { sealPanel, type Panel, type PanelHandoff, type PanelOperation } from '../../../src/domain/panel.js';
import { NO_READ_CHECK, OPERATION_BOUNDARY, TICKET_CLASS } from '../../support/panel-fixture.js';
import { CAST, GROUPS } from './cast.js';

export const INC_SYS_ID = 'c0ffee00000040008000000000002041';
export const HANDOFF_AWAITING = 'ho_abcdefghijklmnopqrstuvwxyz';
export const HANDOFF_DONE = 'ho_234567abcdefghijklmnopqrst';

export const noApproval = { required: false, role: null, approver: null } as const;
const commander = { required: true, role: 'incident_commander', approver: { kind: 'user', id: CAST.irene.sysId, name: 'Irene Costa' } } as const;

export function operation(over: Partial<PanelOperation> & Pick<PanelOperation, 'id' | 'title'>): PanelOperation {
  return {
    class: 'evidence_gathering',
    outcome: 'eligible',
    approval: noApproval,
    scopeDigest: '0123456789abcdef0123456789abcdef',
    sources: ['ticket_fields', 'work_notes', 'related_by_ci'],
    outputKind: 'evidence_pack',
    expectedOutput: 'Evidence pack attached to the ticket as a work note.',
    stopConditions: ['Stop when sources are incomplete or contradict each other; say so instead of inferring.'],
    blockedActions: ['routing', 'failover', 'closure'],
    reasons: [],
    ...OPERATION_BOUNDARY,
    ...over,
  };
}

export function handoff(over: Partial<PanelHandoff> & Pick<PanelHandoff, 'id' | 'operation'>): PanelHandoff {
  return { status: 'awaiting_review', requestedBy: CAST.alex.sysId, approval: commander, updatedAt: '2025-11-20T10:00:00.000Z', ...over };
}

/** INC-2041's owner: assigned to Alex Rivera, in Network Operations (as ticket-fixture.ts puts it on the platform). */
export const INC_OWNER = { assignee: CAST.alex.sysId, group: GROUPS.networkOperations };

/** INC-2041 Remote access latency: two eligible evidence operations, one approval-bound draft, one blocked. */
export function incidentPanel(over: { handoffs?: PanelHandoff[]; notice?: Panel['notice']; owner?: Panel['ticket']['owner'] } = {}): Panel {
  return sealPanel({
    schema: 2,
    ticket: { number: 'INC0002041', table: 'incident', sysId: INC_SYS_ID, owner: over.owner ?? INC_OWNER, ...TICKET_CLASS },
    policyVersion: '2025.11.1',
    classification: 'approval-bound',
    operations: [
      operation({ id: 'gather-diagnostics', title: 'Gather diagnostics', scopeDigest: '11111111111111111111111111111111' }),
      operation({
        id: 'compare-baseline',
        title: 'Compare against baseline',
        outputKind: 'baseline_comparison',
        expectedOutput: 'Comparison of current telemetry against the known-good baseline.',
        sources: ['ticket_fields', 'ci_record', 'related_by_ci'],
        scopeDigest: '22222222222222222222222222222222',
      }),
      operation({
        id: 'draft-vendor-escalation',
        title: 'Draft vendor escalation packet',
        class: 'drafting_summaries',
        outcome: 'approval-bound',
        approval: commander,
        outputKind: 'draft',
        expectedOutput: 'Vendor escalation packet, never sent by the AI.',
        blockedActions: ['outbound_send', 'routing', 'closure'],
        reasons: [{ rule: 'approval.outbound', message: 'Commander approval is needed before any outbound vendor or stakeholder send.', remedy: 'Ask Irene Costa to review the draft.' }],
        scopeDigest: '33333333333333333333333333333333',
      }),
      operation({
        id: 'draft-stakeholder-update',
        title: 'Draft stakeholder update',
        class: 'drafting_summaries',
        outcome: 'blocked',
        outputKind: 'draft',
        expectedOutput: 'Status note for stakeholders.',
        blockedActions: ['outbound_send'],
        reasons: [{ rule: 'tier.assist', message: 'Network Operations is cleared for assist-tier AI only; drafting for stakeholders needs standard.', remedy: 'Ask the AI governance board to raise the group to the standard tier.' }],
        scopeDigest: '44444444444444444444444444444444',
      }),
    ],
    blockedActions: ['routing', 'failover', 'closure', 'outbound_send'],
    handoffs: over.handoffs ?? [
      handoff({ id: HANDOFF_AWAITING, operation: 'draft-vendor-escalation' }),
      handoff({ id: HANDOFF_DONE, operation: 'gather-diagnostics', status: 'accepted', approval: noApproval }),
    ],
    notice: over.notice ?? null,
    readCheck: NO_READ_CHECK,
  });
}

/** A restricted ticket: every operation blocked, each with its reason and remedy. */
export function blockedPanel(): Panel {
  return sealPanel({
    schema: 2,
    ticket: { number: 'INC0002099', table: 'incident', sysId: 'c0ffee00000040008000000000002099', owner: { assignee: null, group: GROUPS.securityOperations }, ...TICKET_CLASS },
    policyVersion: '2025.11.1',
    classification: 'blocked',
    operations: [
      operation({
        id: 'gather-diagnostics',
        title: 'Gather diagnostics',
        outcome: 'blocked',
        reasons: [{ rule: 'data.restricted', message: 'The ticket is classified restricted; AI may not read it.', remedy: 'Ask the data owner to reclassify the ticket if restricted is wrong.' }],
      }),
    ],
    blockedActions: ['routing'],
    handoffs: [],
    notice: null,
    readCheck: NO_READ_CHECK,
  });
}

/** REQ-2188: a hand-off whose approver is a group (any member may review). */
export function groupApproverPanel(): Panel {
  return sealPanel({
    schema: 2,
    ticket: { number: 'REQ0002188', table: 'sc_request', sysId: 'c0ffee00000040008000000000002188', owner: { assignee: null, group: GROUPS.accessManagement }, ...TICKET_CLASS },
    policyVersion: '2025.11.1',
    classification: 'approval-bound',
    operations: [operation({ id: 'approval-reminder', title: 'Prepare approval reminder', class: 'checklist_validation', outputKind: 'approval_reminder' })],
    blockedActions: ['account_creation', 'privilege_grant'],
    handoffs: [
      handoff({
        id: HANDOFF_AWAITING,
        operation: 'approval-reminder',
        requestedBy: CAST.nora.userName,
        approval: { required: true, role: 'requester_manager', approver: { kind: 'group', id: GROUPS.accessManagement, name: 'Access Management' } },
      }),
    ],
    notice: null,
    readCheck: NO_READ_CHECK,
  });
}
