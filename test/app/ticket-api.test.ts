/**
 * The worker's side of the app, on a fake platform: the ticket API's resource
 * (the route script and AiHandoffTicketApi, unchanged) writing a ticket only
 * as the contract allows, with the note idempotent by its marker and rows
 * settled only for their own ticket; and the doorbell the request and review
 * rows ring.
 */
import { describe, expect, it } from 'vitest';
import { APP, SCRIPTS, source } from './support/app-files.js';
import { CAST } from './support/cast.js';
import { callAjax, type FakePlatform } from './support/fake-platform.js';
import { HANDOFF_AWAITING, INC_SYS_ID, incidentPanel } from './support/panels.js';
import { TABLE, TICKET_WRITABLE, ticketOnPlatform } from './support/ticket-fixture.js';

interface Reply {
  status: number;
  body?: Record<string, string>;
  error?: { status: number; message: string; detail: string };
}

/** A POST to the resource as the platform runs it: the route script with request and response. */
function post(platform: FakePlatform, body: unknown, table = TABLE, sysId = INC_SYS_ID): Reply {
  const reply: Reply = { status: 0 };
  const response = {
    setStatus: (status: number) => void (reply.status = status),
    setBody: (value: Record<string, string>) => void (reply.body = value),
    setError: (error: { status: number; message: string; detail: string }) => {
      reply.status = error.status;
      reply.error = { status: error.status, message: error.message, detail: error.detail };
    },
  };
  const request = { pathParams: { table, sys_id: sysId }, body: { dataString: typeof body === 'string' ? body : JSON.stringify(body) } };
  platform.run(source(SCRIPTS.ticketRoute), null, null, { request, response });
  return reply;
}

/** A platform with a pending request (Alex) and a pending review (Irene) on the ticket; acting as the integration. */
function withRows(): { platform: FakePlatform; requestId: string; reviewId: string } {
  const platform = ticketOnPlatform(CAST.alex);
  const asked = callAjax(platform, 'submitRequest', { sysparm_table: TABLE, sysparm_sys_id: INC_SYS_ID, sysparm_row: JSON.stringify({ ticket_table: TABLE, ticket: INC_SYS_ID, operation: 'gather-diagnostics', scope_digest: '1'.repeat(32), note: '' }) }) as { sysId: string };
  platform.actAs(CAST.irene);
  const reviewed = callAjax(platform, 'submitReview', { sysparm_table: TABLE, sysparm_sys_id: INC_SYS_ID, sysparm_row: JSON.stringify({ ticket_table: TABLE, ticket: INC_SYS_ID, handoff: HANDOFF_AWAITING, decision: 'accept', comment: '' }) }) as { sysId: string };
  platform.actAs(CAST.integration);
  platform.writes.length = 0;
  return { platform, requestId: asked.sysId, reviewId: reviewed.sysId };
}

const PANEL = JSON.stringify(incidentPanel());
const HANDOFF = 'ho_234567abcdefghijklmnopqrst';

describe('the ticket API, as the worker calls it', () => {
  it('writes the panel, the status and one work note, and answers the ticket\'s new version', () => {
    const { platform } = withRows();
    const reply = post(platform, { fields: { [APP.fields.panel]: PANEL, [APP.fields.status]: 'queued' }, work_note: { field: 'work_notes', text: 'AI evidence pack [aih:k1]', key: '[aih:k1]' } });
    expect(reply).toEqual({ status: 200, body: { sys_id: INC_SYS_ID, sys_mod_count: '5', sys_updated_on: expect.stringMatching(/^2025-11-20 /) as string, note: 'written' } });
    expect(platform.row(TABLE, INC_SYS_ID)).toMatchObject({ [APP.fields.status]: 'queued', [APP.fields.panel]: PANEL, state: '2', priority: '2' });
    expect(platform.rows('sys_journal_field')).toEqual([expect.objectContaining({ name: TABLE, element_id: INC_SYS_ID, element: 'work_notes', value: 'AI evidence pack [aih:k1]', sys_created_by: 'svc.aihandoff' })]);
  });

  it('writes a note with the same key once, whatever the retries, and counts only notes the caller wrote', () => {
    const { platform } = withRows();
    const note = { field: 'work_notes', text: 'AI draft [aih:k2]', key: '[aih:k2]' };
    expect(post(platform, { work_note: note }).body?.note).toBe('written');
    expect(post(platform, { work_note: note, fields: { [APP.fields.status]: 'awaiting_review' } }).body).toMatchObject({ note: 'already_written', sys_mod_count: '6' });
    expect(platform.rows('sys_journal_field')).toHaveLength(1);
    platform.insertRow('sys_journal_field', { sys_id: 'j'.repeat(32), name: TABLE, element_id: INC_SYS_ID, element: 'work_notes', value: 'quoting [aih:k3] by hand', sys_created_by: 'alex.rivera' });
    expect(post(platform, { work_note: { ...note, text: 'AI draft [aih:k3]', key: '[aih:k3]' } }).body?.note).toBe('written');
    expect(post(platform, { work_note: { field: 'work_notes', text: 'no key' } }).body?.note).toBe('written');
    expect(post(platform, { fields: { [APP.fields.status]: 'running' } }).body?.note).toBe('none');
  });

  it('settles the ticket\'s request and review rows with the ticket write', () => {
    const { platform, requestId, reviewId } = withRows();
    const reply = post(platform, { fields: { [APP.fields.status]: 'queued' }, request: { sys_id: requestId, state: 'queued', handoff: HANDOFF }, review: { sys_id: reviewId, state: 'refused', message: 'The decision came after the hand-off expired.', remedy: 'Ask for the work again.' } });
    expect(reply.status).toBe(200);
    expect(platform.row(APP.tables.request, requestId)).toMatchObject({ state: 'queued', handoff: HANDOFF, message: '' });
    expect(platform.row(APP.tables.review, reviewId)).toMatchObject({ state: 'refused', message: 'The decision came after the hand-off expired.', remedy: 'Ask for the work again.' });
    expect(post(platform, { review: { sys_id: reviewId, state: 'recorded' } }).status).toBe(200);
    expect(platform.row(APP.tables.review, reviewId).state).toBe('recorded');
  });

  it.each([
    ['a field other than the panel and status', { fields: { state: '7' } }, 'fields may name only x_acme_aihandoff_panel and x_acme_aihandoff_status, not state'],
    ['the data classification', { fields: { [APP.fields.dataClass]: 'public' } }, 'not x_acme_aihandoff_data_classification'],
    ['a status the app does not know', { fields: { [APP.fields.status]: 'closed' } }, 'must be one of none, eligible'],
    ['a panel over 65,000 characters', { fields: { [APP.fields.panel]: 'p'.repeat(65_001) } }, 'the panel is 65001 characters'],
    ['a value that is not text', { fields: { [APP.fields.status]: 3 } }, 'fields.x_acme_aihandoff_status must be text'],
    ['a customer-visible comment', { work_note: { field: 'comments', text: 'to the customer' } }, 'work_note.field must be work_notes'],
    ['an empty note', { work_note: { field: 'work_notes', text: '  ' } }, 'work_note.text must be non-empty text'],
    ['a key with a line break', { work_note: { field: 'work_notes', text: 'x', key: 'a\nb' } }, 'work_note.key must be one line'],
    ['an unknown member', { fields: {}, close: true }, 'Unknown members: close'],
    ['an empty body', {}, 'The body is empty'],
    ['a body that is not JSON', '{"fields":', 'The body is not JSON'],
    ['a request state the worker may not set', { request: { sys_id: 'a'.repeat(32), state: 'pending' } }, 'request.state must be one of queued, refused'],
    ['a queued request without its hand-off', { request: { sys_id: 'a'.repeat(32), state: 'queued' } }, 'request.handoff must be text'],
    ['a refusal without a remedy', { review: { sys_id: 'a'.repeat(32), state: 'refused', message: 'no' } }, 'review.remedy must be text'],
    ['a column a state does not carry', { review: { sys_id: 'a'.repeat(32), state: 'recorded', decision: 'reject' } }, 'carries only sys_id, state; not decision'],
  ])('refuses %s with 400 and writes nothing', (_name, body, message) => {
    const { platform } = withRows();
    const reply = post(platform, body);
    expect(reply.status).toBe(400);
    expect(reply.error?.message).toContain(message);
    expect(platform.writes).toEqual([]);
  });

  it('refuses a row of another ticket, a table it does not serve and a malformed sys_id, and answers 404 for a missing ticket', () => {
    const { platform, requestId } = withRows();
    platform.insertRow(TABLE, { sys_id: 'b'.repeat(32), number: 'INC0009999' });
    expect(post(platform, { request: { sys_id: requestId, state: 'queued', handoff: HANDOFF } }, TABLE, 'b'.repeat(32)).error?.message).toContain('is not of this ticket');
    expect(post(platform, { fields: { [APP.fields.status]: 'queued' } }, 'sys_user').error?.message).toContain('does not serve the table sys_user');
    expect(post(platform, { fields: { [APP.fields.status]: 'queued' } }, TABLE, 'nope').error?.message).toContain('not a sys_id');
    expect(post(platform, { fields: { [APP.fields.status]: 'queued' } }, TABLE, 'c'.repeat(32))).toMatchObject({ status: 404 });
    expect(platform.writes).toEqual([]);
  });

  it('writes on a ticket only the panel, the status and work notes', () => {
    const { platform, requestId } = withRows();
    post(platform, { fields: { [APP.fields.panel]: PANEL, [APP.fields.status]: 'awaiting_review' }, work_note: { field: 'work_notes', text: 'AI draft' }, request: { sys_id: requestId, state: 'queued', handoff: HANDOFF } });
    const onTickets = platform.writes.filter((w) => w.table === TABLE).map((w) => w.field);
    expect(onTickets.length).toBeGreaterThan(0);
    expect(onTickets.filter((field) => !TICKET_WRITABLE.includes(field))).toEqual([]);
  });
});

describe('the doorbell', () => {
  it('rings nobody while no URL is set: the worker polls', () => {
    const platform = ticketOnPlatform(CAST.alex);
    withRows();
    expect(platform.outbound).toEqual([]);
  });

  it('posts the new row\'s table and sys_id, asynchronously, with the token header when one is set', () => {
    const platform = ticketOnPlatform(CAST.alex);
    platform.properties.set('x_acme_aihandoff.doorbell_url', 'https://aihandoff.example.com/doorbell');
    platform.properties.set('x_acme_aihandoff.doorbell_token', 's3cret-token');
    const answer = callAjax(platform, 'submitRequest', { sysparm_table: TABLE, sysparm_sys_id: INC_SYS_ID, sysparm_row: JSON.stringify({ ticket_table: TABLE, ticket: INC_SYS_ID, operation: 'gather-diagnostics', scope_digest: '1'.repeat(32), note: '' }) }) as { sysId: string };
    expect(platform.outbound).toEqual([
      { endpoint: 'https://aihandoff.example.com/doorbell', method: 'post', headers: { 'Content-Type': 'application/json', 'X-AIH-Doorbell': 's3cret-token' }, body: JSON.stringify({ table: APP.tables.request, sys_id: answer.sysId }), async: true },
    ]);
    platform.properties.delete('x_acme_aihandoff.doorbell_token');
    platform.actAs(CAST.irene);
    callAjax(platform, 'submitReview', { sysparm_table: TABLE, sysparm_sys_id: INC_SYS_ID, sysparm_row: JSON.stringify({ ticket_table: TABLE, ticket: INC_SYS_ID, handoff: HANDOFF_AWAITING, decision: 'reject', comment: '' }) });
    expect(platform.outbound[1]).toMatchObject({ headers: { 'Content-Type': 'application/json' }, body: expect.stringContaining(`"table":"${APP.tables.review}"`) as string });
  });

  it('does not ring a URL that is not http(s), says so in the log, and never logs the token', () => {
    const platform = ticketOnPlatform(CAST.alex);
    platform.properties.set('x_acme_aihandoff.doorbell_url', 'javascript:alert(1)');
    platform.properties.set('x_acme_aihandoff.doorbell_token', 's3cret-token');
    platform.create(APP.tables.request, { ticket_table: TABLE, ticket: INC_SYS_ID, operation: 'gather-diagnostics', scope_digest: '1'.repeat(32) });
    expect(platform.outbound).toEqual([]);
    expect(platform.messages.join('\n')).toContain('x_acme_aihandoff.doorbell_url is not an http(s) URL');
    expect(platform.messages.join('\n')).not.toContain('s3cret');
  });

  it('does not ring for a row the rule refused', () => {
    const platform = ticketOnPlatform(CAST.alex);
    platform.properties.set('x_acme_aihandoff.doorbell_url', 'https://aihandoff.example.com/doorbell');
    platform.create(APP.tables.request, { ticket_table: TABLE, ticket: INC_SYS_ID, operation: 'delete-everything', scope_digest: '1'.repeat(32) });
    expect(platform.outbound).toEqual([]);
  });
});
