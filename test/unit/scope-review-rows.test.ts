/**
 * The rows the shared dialog module builds for the app's request and review
 * tables (requestRow, reviewRow): the columns docs/contract.md names, the
 * scope digest taken from the panel the dialog showed, and a clear error for
 * anything the app's rule would refuse.
 */
import { describe, expect, it } from 'vitest';
import { requestRow, reviewRow } from '../../connectors/servicenow/shared/scope-review.js';
import { REQUEST_INPUT_COLUMNS, REVIEW_INPUT_COLUMNS } from '../../src/domain/app-rows.js';
import { sealPanel, type PanelBody } from '../../src/domain/panel.js';
import { NO_READ_CHECK, OPERATION_BOUNDARY, TICKET_CLASS } from '../support/panel-fixture.js';

const TICKET = 'a'.repeat(32);
const HANDOFF = 'ho_abcdefghijklmnopqrstuvwxyz';
const op = (id: string, outcome: 'eligible' | 'blocked', scopeDigest: string): PanelBody['operations'][number] => ({
  id,
  title: id,
  class: 'evidence_gathering',
  outcome,
  approval: { required: false, role: null, approver: null },
  scopeDigest,
  sources: ['ticket_fields'],
  outputKind: 'evidence_pack',
  expectedOutput: 'An evidence pack',
  stopConditions: ['Stop when a source is missing'],
  blockedActions: ['closure'],
  reasons: outcome === 'blocked' ? [{ rule: 'r', message: 'No.', remedy: 'Ask.' }] : [],
  ...OPERATION_BOUNDARY,
});
const panel = JSON.stringify(
  sealPanel({
    schema: 2,
    ticket: { number: 'INC0002041', table: 'incident', sysId: TICKET, owner: { assignee: null, group: null }, ...TICKET_CLASS },
    policyVersion: 'p',
    classification: 'eligible',
    operations: [op('gather-diagnostics', 'eligible', '1'.repeat(32)), op('execute-failover', 'blocked', '2'.repeat(32))],
    blockedActions: ['closure'],
    handoffs: [{ id: HANDOFF, operation: 'gather-diagnostics', status: 'awaiting_review', requestedBy: 'alex.rivera', approval: { required: false, role: null, approver: null }, updatedAt: '2026-11-25T10:00:00Z' }],
    notice: null,
    readCheck: NO_READ_CHECK,
  }),
);

describe('requestRow', () => {
  it('answers exactly the request columns a person sets, with the digest the panel showed', () => {
    const row = requestRow(panel, 'incident', 'gather-diagnostics', '  check the tunnel ');
    expect(row).toEqual({ ticket_table: 'incident', ticket: TICKET, operation: 'gather-diagnostics', scope_digest: '1'.repeat(32), note: 'check the tunnel' });
    expect(Object.keys(row)).toEqual([...REQUEST_INPUT_COLUMNS]);
  });

  it.each([
    ['an unreadable panel', () => requestRow('{"schema":1}', 'incident', 'gather-diagnostics'), 'the AI panel cannot be read'],
    ['another table than the panel\'s', () => requestRow(panel, 'sc_request', 'gather-diagnostics'), 'but the panel is for a incident ticket'],
    ['an operation not in the panel', () => requestRow(panel, 'incident', 'summon-vendor'), 'operation must be the id of an operation in the panel'],
    ['a blocked operation', () => requestRow(panel, 'incident', 'execute-failover'), 'is blocked on this ticket'],
    ['a note over 1,000 characters', () => requestRow(panel, 'incident', 'gather-diagnostics', 'n'.repeat(1001)), 'note is 1001 characters'],
  ])('refuses %s, naming it', (_what, build, message) => {
    expect(build).toThrow(message);
  });
});

describe('reviewRow', () => {
  it('answers exactly the review columns a person sets', () => {
    const row = reviewRow(panel, 'incident', HANDOFF, 'escalate', ' to the commander ');
    expect(row).toEqual({ ticket_table: 'incident', ticket: TICKET, handoff: HANDOFF, decision: 'escalate', comment: 'to the commander' });
    expect(Object.keys(row)).toEqual([...REVIEW_INPUT_COLUMNS]);
  });

  it.each([
    ['a made-up hand-off id', () => reviewRow(panel, 'incident', 'ho_1', 'accept'), 'handoff must be a hand-off id'],
    ['a hand-off not in the panel', () => reviewRow(panel, 'incident', 'ho_zzzzzzzzzzzzzzzzzzzzzzzzzz', 'accept'), 'is not in the panel'],
    ['a decision that is not one', () => reviewRow(panel, 'incident', HANDOFF, 'approve' as 'accept'), 'decision must be accept, reject or escalate'],
    ['a comment over 2,000 characters', () => reviewRow(panel, 'incident', HANDOFF, 'reject', 'c'.repeat(2001)), 'comment is 2001 characters'],
  ])('refuses %s, naming it', (_what, build, message) => {
    expect(build).toThrow(message);
  });
});
