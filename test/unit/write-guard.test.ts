import { describe, expect, it } from 'vitest';
import { guardWrite } from '../../src/connector/write-guard.js';
import { sealPanel } from '../../src/domain/panel.js';
import { isHandoffError } from '../../src/errors.js';
import type { TableMapping } from '../../src/mapping/mapping-schema.js';

const mapping = {
  table: 'incident',
  ai: { panel: 'u_ai_panel', status: 'u_ai_status', request: 'u_ai_request', review: 'u_ai_review', workNotes: 'work_notes', requestedBy: 'u_ai_requested_by', reviewedBy: 'u_ai_reviewed_by' },
} as unknown as TableMapping;

const panel = JSON.stringify(
  sealPanel({
    schema: 1,
    ticket: { number: 'INC0012041', table: 'incident', sysId: 'a'.repeat(32) },
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
    const body = guardWrite(mapping, { work_notes: 'AI draft', u_ai_panel: panel, u_ai_status: 'queued', u_ai_request: '', u_ai_review: '' });
    expect(Object.keys(body).sort()).toEqual(['u_ai_panel', 'u_ai_request', 'u_ai_review', 'u_ai_status', 'work_notes']);
  });

  it.each([
    'state', 'incident_state', 'active', 'approval', 'assigned_to', 'assignment_group', 'priority', 'impact', 'urgency',
    'close_code', 'close_notes', 'comments', 'u_ai_requested_by', 'u_ai_reviewed_by', 'assignment_group.name', 'sys_id',
  ])('refuses %s and names it', (field) => {
    expect(refusal({ work_notes: 'x', [field]: 'anything' })).toBe(`WRITE_FORBIDDEN_FIELD ${field}`);
  });

  it('refuses setting the request or review field to anything but empty', () => {
    expect(refusal({ u_ai_request: '{"operation":"x"}' })).toBe('WRITE_INVALID_VALUE u_ai_request');
    expect(refusal({ u_ai_review: '{"decision":"accept"}' })).toBe('WRITE_INVALID_VALUE u_ai_review');
  });

  it('refuses an unknown status, a non-panel, an empty note, a non-string and an empty body', () => {
    expect(refusal({ u_ai_status: 'closed' })).toBe('WRITE_INVALID_VALUE u_ai_status');
    expect(refusal({ u_ai_panel: '{"ops":[]}' })).toBe('WRITE_INVALID_VALUE u_ai_panel');
    expect(refusal({ work_notes: '   ' })).toBe('WRITE_INVALID_VALUE work_notes');
    expect(refusal({ work_notes: 5 })).toBe('WRITE_INVALID_VALUE work_notes');
    expect(refusal({})).toBe('WRITE_INVALID_VALUE ');
  });
});
