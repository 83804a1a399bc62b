import { describe, expect, it } from 'vitest';
import { guardWrite } from '../../src/connector/write-guard.js';
import { sealPanel } from '../../src/domain/panel.js';
import { NO_READ_CHECK, TICKET_CLASS } from '../support/panel-fixture.js';
import { isHandoffError } from '../../src/errors.js';
import type { TableMapping } from '../../src/mapping/mapping-schema.js';

const mapping = {
  table: 'incident',
  ai: { panel: 'x_acme_aihandoff_panel', status: 'x_acme_aihandoff_status', request: 'x_acme_aihandoff_request', review: 'x_acme_aihandoff_review', workNotes: 'work_notes', requestedBy: 'x_acme_aihandoff_requested_by', reviewedBy: 'x_acme_aihandoff_reviewed_by' },
} as unknown as TableMapping;

const panel = JSON.stringify(
  sealPanel({
    schema: 2,
    ticket: { number: 'INC0012041', table: 'incident', sysId: 'a'.repeat(32), owner: { assignee: null, group: null }, ...TICKET_CLASS },
    readCheck: NO_READ_CHECK,
    policyVersion: 'test',
    classification: 'blocked',
    operations: [],
    blockedActions: [],
    handoffs: [],
    notice: null,
  }),
);

function refusal(body: Record<string, unknown>): string {
  try {
    guardWrite(mapping, body);
  } catch (error) {
    if (isHandoffError(error)) return `${error.code} ${typeof error.details.field === 'string' ? error.details.field : ''}`;
    throw error;
  }
  return 'allowed';
}

describe('write guard', () => {
  it('allows a work note, the panel, a status, and clearing request and review', () => {
    const body = guardWrite(mapping, { work_notes: 'AI draft', x_acme_aihandoff_panel: panel, x_acme_aihandoff_status: 'queued', x_acme_aihandoff_request: '', x_acme_aihandoff_review: '' });
    expect(Object.keys(body).sort()).toEqual(['work_notes', 'x_acme_aihandoff_panel', 'x_acme_aihandoff_request', 'x_acme_aihandoff_review', 'x_acme_aihandoff_status']);
  });

  it.each([
    'state', 'incident_state', 'active', 'approval', 'assigned_to', 'assignment_group', 'priority', 'impact', 'urgency',
    'close_code', 'close_notes', 'comments', 'x_acme_aihandoff_requested_by', 'x_acme_aihandoff_reviewed_by', 'assignment_group.name', 'sys_id',
  ])('refuses %s and names it', (field) => {
    expect(refusal({ work_notes: 'x', [field]: 'anything' })).toBe(`WRITE_FORBIDDEN_FIELD ${field}`);
  });

  it('refuses setting the request or review field to anything but empty', () => {
    expect(refusal({ x_acme_aihandoff_request: '{"operation":"x"}' })).toBe('WRITE_INVALID_VALUE x_acme_aihandoff_request');
    expect(refusal({ x_acme_aihandoff_review: '{"decision":"accept"}' })).toBe('WRITE_INVALID_VALUE x_acme_aihandoff_review');
  });

  it('refuses an unknown status, a non-panel, an empty note, a non-string and an empty body', () => {
    expect(refusal({ x_acme_aihandoff_status: 'closed' })).toBe('WRITE_INVALID_VALUE x_acme_aihandoff_status');
    expect(refusal({ x_acme_aihandoff_panel: '{"ops":[]}' })).toBe('WRITE_INVALID_VALUE x_acme_aihandoff_panel');
    expect(refusal({ work_notes: '   ' })).toBe('WRITE_INVALID_VALUE work_notes');
    expect(refusal({ work_notes: 5 })).toBe('WRITE_INVALID_VALUE work_notes');
    expect(refusal({})).toBe('WRITE_INVALID_VALUE ');
  });
});
