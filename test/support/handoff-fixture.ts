import { newHandoffId } from '../../src/domain/ids.js';
import type { Handoff } from '../../src/domain/handoff.js';
import { TEST_BOUNDARY } from './panel-fixture.js';

/** A valid queued hand-off for store and flow tests. */
export function queuedHandoff(overrides: Partial<Handoff> = {}): Handoff {
  const ticket = { system: 'servicenow' as const, table: 'incident', sysId: 'b'.repeat(32), number: 'INC0002041' };
  const approval = { required: true, role: 'incident_commander' as const, approver: { kind: 'user' as const, id: 'c'.repeat(32), name: 'Irene Costa' } };
  const at = new Date('2026-11-25T10:00:00Z').toISOString();
  return {
    id: newHandoffId(),
    ticket,
    operation: 'draft-vendor-escalation',
    scope: {
      policyVersion: 'test+00000000',
      ticket,
      operation: 'draft-vendor-escalation',
      class: 'drafting_summaries',
      sources: ['ticket_fields', 'work_notes'],
      outputKind: 'draft',
      expectedOutput: 'A vendor escalation packet draft',
      stopConditions: ['Stop if the vendor contract is not in the sources'],
      blockedActions: ['outbound_send'],
      approval,
      boundary: TEST_BOUNDARY,
    },
    scopeDigest: '0123456789abcdef0123456789abcdef',
    requester: { userName: 'alex.rivera' },
    requestRow: null,
    readCheck: null,
    note: null,
    policyVersion: 'test+00000000',
    status: 'queued',
    approval,
    createdAt: at,
    updatedAt: at,
    reviewDueAt: null,
    output: null,
    writtenAt: null,
    review: null,
    failure: null,
    shadow: false,
    ...overrides,
  };
}
