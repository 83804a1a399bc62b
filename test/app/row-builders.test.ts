/**
 * requestRow and reviewRow as the app ships them (the shared module's, or the
 * app's stand-in while the shared module lacks them): the column values of a
 * new request or review row, built from the panel the dialog showed, with the
 * digest shown before Confirm, and every bad argument refused with its name.
 */
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { vendoredModule } from './support/app-files.js';
import { blockedPanel, HANDOFF_AWAITING, INC_SYS_ID, incidentPanel } from './support/panels.js';

interface Rows {
  requestRow(panel: unknown, table: string, operation: string, note?: string): Record<string, string>;
  reviewRow(panel: unknown, table: string, handoff: string, decision: string, comment?: string): Record<string, string>;
}

const rows = runInNewContext(`${vendoredModule()}\nAiHandoffScopeReview`, {}) as Rows;

describe('requestRow', () => {
  it('gives the dialog\'s columns of a request row, with the digest of the panel shown', () => {
    expect(rows.requestRow(JSON.stringify(incidentPanel()), 'incident', 'draft-vendor-escalation', '  EU-West first ')).toEqual({
      ticket_table: 'incident',
      ticket: INC_SYS_ID,
      operation: 'draft-vendor-escalation',
      scope_digest: '33333333333333333333333333333333',
      note: 'EU-West first',
    });
    expect(rows.requestRow(incidentPanel(), 'incident', 'gather-diagnostics')).toMatchObject({ scope_digest: '11111111111111111111111111111111', note: '' });
  });

  it('refuses an operation the panel does not list, a blocked one and a note over 1,000 characters', () => {
    expect(() => rows.requestRow(incidentPanel(), 'incident', 'delete-everything')).toThrow('operation must be the id of an operation in the panel');
    expect(() => rows.requestRow(incidentPanel(), 'incident', 'gather-diagnostics', 'n'.repeat(1001))).toThrow('note is 1001 characters');
    expect(() => rows.requestRow('{"schema":', 'incident', 'gather-diagnostics')).toThrow();
    expect(() => rows.requestRow(blockedPanel(), 'incident', 'gather-diagnostics')).toThrow('Gather diagnostics is blocked on this ticket');
  });
});

describe('reviewRow', () => {
  it("gives the dialog's columns of a review row", () => {
    expect(rows.reviewRow(incidentPanel(), 'incident', HANDOFF_AWAITING, 'escalate', 'ask the architect')).toEqual({ ticket_table: 'incident', ticket: INC_SYS_ID, handoff: HANDOFF_AWAITING, decision: 'escalate', comment: 'ask the architect' });
  });

  it('refuses a hand-off the panel does not list, an unknown decision and a long comment', () => {
    expect(() => rows.reviewRow(incidentPanel(), 'incident', 'ho_zzzzzzzzzzzzzzzzzzzzzzzzzz', 'accept')).toThrow('is not in the panel');
    expect(() => rows.reviewRow(incidentPanel(), 'incident', HANDOFF_AWAITING, 'approve')).toThrow('decision must be accept, reject or escalate');
    expect(() => rows.reviewRow(incidentPanel(), 'incident', HANDOFF_AWAITING, 'accept', 'c'.repeat(2001))).toThrow('comment is 2001 characters');
  });
});
