/**
 * Sealed AI panels for the ticket-page test, built with the worker's own
 * schema (src/domain/panel.ts), as the worker would write them.
 */
import { Panel, sealPanel, type PanelBody, type PanelHandoff, type PanelOperation } from '../../../src/domain/panel.js';
import { NO_READ_CHECK, OPERATION_BOUNDARY, TICKET_CLASS } from '../../support/panel-fixture.js';

export interface PanelPeople {
  readonly sysId: string;
  readonly number: string;
  readonly commander: { readonly id: string; readonly name: string };
  /** The ticket's assignee and group sys_ids, as the worker reads them; none by default. */
  readonly owner?: { readonly assignee: string | null; readonly group: string | null };
}

const op = (id: string, title: string, outcome: PanelOperation['outcome'], extra: Partial<PanelOperation> = {}): PanelOperation => ({
  id,
  title,
  class: 'evidence_gathering',
  outcome,
  approval: { required: false, role: null, approver: null },
  scopeDigest: `${id.length.toString(16).padStart(2, '0')}${'0123456789abcdef'.repeat(2)}`.slice(0, 32),
  sources: ['ticket_fields', 'work_notes', 'related_by_ci'],
  outputKind: 'evidence_pack',
  expectedOutput: 'An evidence pack citing its sources',
  stopConditions: ['Stop when a source is missing or sources contradict each other'],
  blockedActions: ['routing', 'failover', 'closure'],
  reasons: [],
  ...OPERATION_BOUNDARY,
  ...extra,
});

/** The same ticket with every operation blocked, each with its reason and remedy. */
export function blockedIncidentPanel(p: PanelPeople): Panel {
  const { digest: _digest, ...body } = incidentPanel(p);
  const reason = { rule: 'data.restricted', message: 'The ticket is classified restricted; AI may not read it.', remedy: 'Ask the data owner to reclassify the ticket if restricted is wrong.' };
  return Panel.parse(sealPanel({ ...body, classification: 'blocked', operations: body.operations.map((o) => ({ ...o, outcome: 'blocked' as const, reasons: [reason] })) }));
}

export function incidentPanel(p: PanelPeople, handoffs: readonly PanelHandoff[] = []): Panel {
  const body: PanelBody = {
    schema: 2,
    ticket: { number: p.number, table: 'incident', sysId: p.sysId, owner: { assignee: p.owner?.assignee ?? null, group: p.owner?.group ?? null }, ...TICKET_CLASS },
    readCheck: NO_READ_CHECK,
    policyVersion: 'sandbox-test-1',
    classification: 'eligible',
    operations: [
      op('gather-diagnostics', 'Gather diagnostics', 'eligible', { scopeDigest: 'a1'.repeat(16) }),
      op('compare-baseline', 'Compare against the known-good baseline', 'eligible', { scopeDigest: 'b2'.repeat(16), outputKind: 'baseline_comparison' }),
      op('draft-vendor-escalation', 'Draft vendor escalation packet', 'approval-bound', {
        class: 'drafting_summaries',
        outputKind: 'draft',
        scopeDigest: 'c3'.repeat(16),
        approval: { required: true, role: 'incident_commander', approver: { kind: 'user', id: p.commander.id, name: p.commander.name } },
        blockedActions: ['outbound_send', 'routing', 'closure'],
      }),
      op('execute-failover', 'Execute gateway failover', 'blocked', {
        class: 'writeback_support',
        scopeDigest: 'd4'.repeat(16),
        reasons: [{ rule: 'no-service-change', message: 'AI may not change service state.', remedy: 'Ask Network Operations to run the failover runbook.' }],
      }),
    ],
    blockedActions: ['routing', 'failover', 'closure', 'outbound_send'],
    handoffs: [...handoffs],
    notice: null,
  };
  return Panel.parse(sealPanel(body));
}
