import { describe, expect, it } from 'vitest';
import type { TicketWrite } from '../../src/connector/connector.js';
import { guardRowFinish, guardTicketWrite } from '../../src/connector/write-guard.js';
import { sealPanel } from '../../src/domain/panel.js';
import { NO_READ_CHECK, TICKET_CLASS } from '../support/panel-fixture.js';
import { isHandoffError } from '../../src/errors.js';
import type { TableMapping } from '../../src/mapping/mapping-schema.js';

const mapping = { table: 'incident', ai: { panel: 'x_acme_aihandoff_panel', status: 'x_acme_aihandoff_status', workNotes: 'work_notes' } } as unknown as TableMapping;
const ROW = 'a'.repeat(32);
const HANDOFF = 'ho_abcdefghijklmnopqrstuvwxyz';
const KEY = `[ai-handoff:${HANDOFF}]`;

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

function refusal(write: unknown): string {
  try {
    guardTicketWrite(mapping, write as TicketWrite);
  } catch (error) {
    if (isHandoffError(error)) return `${error.code} ${typeof error.details.field === 'string' ? error.details.field : ''}`;
    throw error;
  }
  return 'allowed';
}

describe('write guard: a ticket write through the app API', () => {
  it('builds the API body: the panel and status, a keyed note, and the row it finishes', () => {
    const body = guardTicketWrite(mapping, {
      fields: { x_acme_aihandoff_panel: panel, x_acme_aihandoff_status: 'queued' },
      note: { text: `AI draft\n${KEY}`, key: KEY },
      request: { sysId: ROW, state: 'queued', handoff: HANDOFF },
    });
    expect(body).toEqual({
      fields: { x_acme_aihandoff_panel: panel, x_acme_aihandoff_status: 'queued' },
      work_note: { field: 'work_notes', text: `AI draft\n${KEY}`, key: KEY },
      request: { sys_id: ROW, state: 'queued', handoff: HANDOFF },
    });
    expect(guardTicketWrite(mapping, { review: { sysId: ROW, state: 'refused', message: 'Not the approver.', remedy: 'Ask Irene.' } })).toEqual({
      review: { sys_id: ROW, state: 'refused', message: 'Not the approver.', remedy: 'Ask Irene.' },
    });
  });

  it.each([
    'state', 'incident_state', 'active', 'approval', 'assigned_to', 'assignment_group', 'priority', 'impact', 'urgency',
    'close_code', 'close_notes', 'comments', 'work_notes', 'x_acme_aihandoff_data_classification', 'assignment_group.name', 'sys_id',
  ])('refuses the field %s and names it', (field) => {
    expect(refusal({ fields: { x_acme_aihandoff_status: 'queued', [field]: 'anything' } })).toBe(`WRITE_FORBIDDEN_FIELD ${field}`);
  });

  it('refuses a member that is not fields, note, request or review', () => {
    expect(refusal({ note: { text: KEY, key: KEY }, comments: 'to the customer' })).toBe('WRITE_FORBIDDEN_FIELD comments');
  });

  it('refuses an unknown status, a non-panel, a non-string, an empty body', () => {
    expect(refusal({ fields: { x_acme_aihandoff_status: 'closed' } })).toBe('WRITE_INVALID_VALUE x_acme_aihandoff_status');
    expect(refusal({ fields: { x_acme_aihandoff_panel: '{"ops":[]}' } })).toBe('WRITE_INVALID_VALUE x_acme_aihandoff_panel');
    expect(refusal({ fields: { x_acme_aihandoff_status: 5 } })).toBe('WRITE_INVALID_VALUE x_acme_aihandoff_status');
    expect(refusal({})).toBe('WRITE_INVALID_VALUE ');
    expect(refusal({ fields: {} })).toBe('WRITE_INVALID_VALUE ');
  });

  it('refuses an empty note, a note without its key, and a key that is not one line', () => {
    expect(refusal({ note: { text: '   ', key: KEY } })).toBe('WRITE_INVALID_VALUE work_notes');
    expect(refusal({ note: { text: 'a draft without its marker', key: KEY } })).toBe('WRITE_INVALID_VALUE work_notes');
    expect(refusal({ note: { text: 'x\ny', key: 'x\ny' } })).toBe('WRITE_INVALID_VALUE work_notes');
    expect(refusal({ note: { text: 'x'.repeat(32_001), key: 'x' } })).toBe('WRITE_INVALID_VALUE work_notes');
  });

  it('refuses a row state the worker does not set, a taken request without its hand-off, a refusal without its reason', () => {
    expect(refusal({ request: { sysId: ROW, state: 'pending' } })).toBe('WRITE_INVALID_VALUE request.state');
    expect(refusal({ review: { sysId: ROW, state: 'queued', handoff: HANDOFF } })).toBe('WRITE_INVALID_VALUE review.state');
    expect(refusal({ request: { sysId: ROW, state: 'queued', handoff: 'ho_1' } })).toBe('WRITE_INVALID_VALUE request.handoff');
    expect(refusal({ request: { sysId: ROW, state: 'refused', message: '', remedy: 'x' } })).toBe('WRITE_INVALID_VALUE request.message');
    expect(refusal({ request: { sysId: ROW, state: 'refused', message: 'm'.repeat(1001), remedy: 'x' } })).toBe('WRITE_INVALID_VALUE request.message');
    expect(refusal({ request: { sysId: 'INC0002041', state: 'refused', message: 'm', remedy: 'r' } })).toBe('WRITE_INVALID_VALUE request.sys_id');
  });
});

describe('write guard: a row finished alone through the Table API', () => {
  it('sends only the worker\'s columns', () => {
    expect(guardRowFinish('request', { sysId: ROW, state: 'refused', message: 'No such table.', remedy: 'Ask again.' })).toEqual({ state: 'refused', message: 'No such table.', remedy: 'Ask again.' });
    expect(guardRowFinish('review', { sysId: ROW, state: 'recorded' })).toEqual({ state: 'recorded' });
    expect(() => guardRowFinish('review', { sysId: ROW, state: 'pending' } as never)).toThrow(/the worker sets only recorded or refused/);
  });
});
