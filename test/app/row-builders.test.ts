/**
 * requestRow and reviewRow as the app ships them: the shared module
 * (connectors/servicenow/shared/scope-review.js) copied byte for byte, the
 * same code the sandbox's ticket page runs. They give the column values of a
 * new request or review row, exactly the columns a person sets in
 * docs/contract.md (src/domain/app-rows.ts: what the sandbox's tables hold
 * and the worker parses), built from the panel the dialog showed with the
 * digest shown before Confirm; every bad argument is refused with its name.
 */
import { readFileSync } from 'node:fs';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { SHARED_MODULE } from '../../connectors/servicenow/app/scripts/vendor-shared.mjs';
import { REQUEST_INPUT_COLUMNS, REVIEW_INPUT_COLUMNS } from '../../src/domain/app-rows.js';
import { vendoredModule } from './support/app-files.js';
import { blockedPanel, HANDOFF_AWAITING, INC_SYS_ID, incidentPanel } from './support/panels.js';

interface Rows {
  requestRow(panel: unknown, table: string, operation: string, note?: string): Record<string, string>;
  reviewRow(panel: unknown, table: string, handoff: string, decision: string, comment?: string): Record<string, string>;
}

const rows = runInNewContext(`${vendoredModule()}\nAiHandoffScopeReview`, {}) as Rows;

describe('the module the app ships', () => {
  it('is the shared module itself, which the sandbox page loads too', () => {
    expect(vendoredModule()).toBe(readFileSync(SHARED_MODULE, 'utf8'));
  });
});

describe('requestRow', () => {
  it("gives the dialog's columns of a request row, with the digest of the panel shown", () => {
    const row = rows.requestRow(JSON.stringify(incidentPanel()), 'incident', 'draft-vendor-escalation', '  EU-West first ');
    expect(row).toEqual({
      ticket_table: 'incident',
      ticket: INC_SYS_ID,
      operation: 'draft-vendor-escalation',
      scope_digest: '33333333333333333333333333333333',
      note: 'EU-West first',
    });
    expect(Object.keys(row)).toEqual([...REQUEST_INPUT_COLUMNS]);
    expect(rows.requestRow(incidentPanel(), 'incident', 'gather-diagnostics')).toMatchObject({ scope_digest: '11111111111111111111111111111111', note: '' });
  });

  it.each([
    ['an unreadable panel', () => rows.requestRow('{"schema":', 'incident', 'gather-diagnostics'), 'the AI panel cannot be read'],
    ["another table than the panel's", () => rows.requestRow(incidentPanel(), 'sc_request', 'gather-diagnostics'), 'but the panel is for a incident ticket'],
    ['an operation the panel does not list', () => rows.requestRow(incidentPanel(), 'incident', 'delete-everything'), 'operation must be the id of an operation in the panel'],
    ['a blocked operation', () => rows.requestRow(blockedPanel(), 'incident', 'gather-diagnostics'), 'Gather diagnostics is blocked on this ticket'],
    ['a note over 1,000 characters', () => rows.requestRow(incidentPanel(), 'incident', 'gather-diagnostics', 'n'.repeat(1001)), 'note is 1001 characters'],
  ])('refuses %s, naming it', (_what, build, message) => {
    expect(build).toThrow(message);
  });
});

describe('reviewRow', () => {
  it("gives the dialog's columns of a review row", () => {
    const row = rows.reviewRow(incidentPanel(), 'incident', HANDOFF_AWAITING, 'escalate', ' ask the architect ');
    expect(row).toEqual({ ticket_table: 'incident', ticket: INC_SYS_ID, handoff: HANDOFF_AWAITING, decision: 'escalate', comment: 'ask the architect' });
    expect(Object.keys(row)).toEqual([...REVIEW_INPUT_COLUMNS]);
  });

  it.each([
    ['a made-up hand-off id', () => rows.reviewRow(incidentPanel(), 'incident', 'ho_1', 'accept'), 'handoff must be a hand-off id from the panel'],
    ['a hand-off the panel does not list', () => rows.reviewRow(incidentPanel(), 'incident', 'ho_zzzzzzzzzzzzzzzzzzzzzzzzzz', 'accept'), 'is not in the panel'],
    ['an unknown decision', () => rows.reviewRow(incidentPanel(), 'incident', HANDOFF_AWAITING, 'approve'), 'decision must be accept, reject or escalate'],
    ['a comment over 2,000 characters', () => rows.reviewRow(incidentPanel(), 'incident', HANDOFF_AWAITING, 'accept', 'c'.repeat(2001)), 'comment is 2001 characters'],
  ])('refuses %s, naming it', (_what, build, message) => {
    expect(build).toThrow(message);
  });
});
