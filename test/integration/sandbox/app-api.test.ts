/**
 * The app's Scripted REST API on the sandbox (docs/contract.md): the only way
 * the worker writes a ticket. One call appends the note (idempotent by its
 * key, among entries the caller wrote), sets the panel and status, and
 * finishes the request or review row; anything else is refused with 400 and
 * nothing written; only the integration role may call it. Every record it
 * touches is in the write log.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSandbox, stableSysId, type Sandbox } from '../../../connectors/servicenow/sandbox/index.js';
import { AS_ADMIN, AS_INTEGRATION, as, call, list, sysIdOf, type One } from './client.js';
import { incidentPanel } from './panels.js';

let sb: Sandbox;
let inc: string;
let other: string;
let api: string;
let requestRow: string;
let foreignRow: string;

type Written = { result: { sys_id: string; sys_mod_count: string; sys_updated_on: string; note: string } };
type Failure = { error: { message: string; detail: string | null }; status: string };

const post = <T = Written>(body: unknown, auth = AS_INTEGRATION, table = 'incident', sysId = inc) => call<T>(sb.url, 'POST', `${api}/tickets/${table}/${sysId}`, auth, body);
const journal = async (sysId: string): Promise<Record<string, string>[]> =>
  (await list(sb.url, 'sys_journal_field', { sysparm_query: `element_id=${sysId}^element=work_notes^ORDERBYsys_created_on`, sysparm_fields: 'value,sys_created_by' }, AS_ADMIN)).json.result as Record<string, string>[];
const ticket = async (sysId = inc): Promise<Record<string, unknown>> => (await call<One>(sb.url, 'GET', `/api/now/table/incident/${sysId}`, AS_ADMIN)).json.result;

beforeAll(async () => {
  sb = await createSandbox();
  api = sb.app.apiBase;
  inc = await sysIdOf(sb.url, 'incident', 'INC0002041');
  other = await sysIdOf(sb.url, 'incident', 'INC0002047');
  const panel = incidentPanel({ sysId: inc, number: 'INC0002041', commander: { id: stableSysId('sys_user:irene.costa'), name: 'Irene Costa' } });
  await call(sb.url, 'PATCH', `/api/now/table/incident/${inc}`, AS_ADMIN, { [sb.app.fields.panel]: JSON.stringify(panel) });
  await call(sb.url, 'PATCH', `/api/now/table/incident/${other}`, AS_ADMIN, { [sb.app.fields.panel]: JSON.stringify({ ...panel, ticket: { ...panel.ticket, sysId: other } }) });
  const row = (sysId: string) => ({ ticket_table: 'incident', ticket: sysId, operation: 'gather-diagnostics', scope_digest: 'a1'.repeat(16) });
  requestRow = (await call<One>(sb.url, 'POST', `/api/now/table/${sb.app.tables.request}`, as('alex.rivera'), row(inc))).json.result.sys_id as string;
  foreignRow = (await call<One>(sb.url, 'POST', `/api/now/table/${sb.app.tables.request}`, as('alex.rivera'), row(other))).json.result.sys_id as string;
});
afterAll(() => sb.close());

describe('the ticket API', () => {
  it('appends the note, sets panel and status, and takes the request row, in one call', async () => {
    const { panel, status } = sb.app.fields;
    const before = await journal(inc);
    const answer = await post({
      fields: { [status]: 'queued' },
      work_note: { field: 'work_notes', text: 'The AI note.\n[ai-handoff:ho_aaaaaaaaaaaaaaaaaaaaaaaaaa]', key: '[ai-handoff:ho_aaaaaaaaaaaaaaaaaaaaaaaaaa]' },
      request: { sys_id: requestRow, state: 'queued', handoff: 'ho_aaaaaaaaaaaaaaaaaaaaaaaaaa' },
    });
    expect(answer.status).toBe(200);
    const after = await ticket();
    expect(answer.json.result).toEqual({ sys_id: inc, sys_mod_count: after.sys_mod_count, sys_updated_on: after.sys_updated_on, note: 'written' });
    expect(after[status]).toBe('queued');
    expect(after[panel]).not.toBe('');
    expect(await journal(inc)).toEqual([...before, { value: 'The AI note.\n[ai-handoff:ho_aaaaaaaaaaaaaaaaaaaaaaaaaa]', sys_created_by: 'svc.aihandoff' }]);
    const row = (await call<One>(sb.url, 'GET', `/api/now/table/${sb.app.tables.request}/${requestRow}`, AS_ADMIN)).json.result;
    expect(row).toMatchObject({ state: 'queued', handoff: 'ho_aaaaaaaaaaaaaaaaaaaaaaaaaa' });
    // The write log has one entry per record touched, both by the app's API, as the integration user.
    const entries = sb.writeLog.entries({ api: 'app' }).slice(-2);
    expect(entries.map((e) => [e.table, e.user, e.fields, e.applied, e.status])).toEqual([
      ['incident', 'svc.aihandoff', [status, 'work_notes'], true, 200],
      [sb.app.tables.request, 'svc.aihandoff', ['state', 'handoff'], true, 200],
    ]);
  });

  it('does not write the note again when its key is in an entry the caller wrote', async () => {
    const note = { field: 'work_notes', text: 'Second note.\n[ai-handoff:ho_bbbbbbbbbbbbbbbbbbbbbbbbbb]', key: '[ai-handoff:ho_bbbbbbbbbbbbbbbbbbbbbbbbbb]' };
    expect((await post({ work_note: note })).json.result.note).toBe('written');
    const count = (await journal(inc)).length;
    expect((await post({ work_note: note })).json.result.note).toBe('already_written');
    expect(await journal(inc)).toHaveLength(count);
    expect(sb.writeLog.entries({ api: 'app' }).at(-1)!.reason).toBe('note already written (key found)');
  });

  it('writes the note when the key is only in an entry someone else typed (a forged marker suppresses nothing)', async () => {
    const key = '[ai-handoff:ho_cccccccccccccccccccccccccc]';
    expect((await call(sb.url, 'PATCH', `/api/now/table/incident/${inc}`, as('alex.rivera'), { work_notes: `2026-11-25 10:00:00 - AI Handoff Integration (Work notes)\n${key}` })).status).toBe(200);
    expect((await post({ work_note: { field: 'work_notes', text: `Real note.\n${key}`, key } })).json.result.note).toBe('written');
  });

  it.each([
    ['a state field', { fields: { state: '7' } }, 'fields may set only'],
    ['an assignment', { fields: { assigned_to: '' } }, 'fields may set only'],
    ['a customer-visible comment', { work_note: { field: 'comments', text: 'hello customer' } }, 'work_note.field must be work_notes'],
    ['an empty note', { work_note: { field: 'work_notes', text: '   ' } }, 'work_note.text is empty'],
    ['an unknown status', { fields: { x_acme_aihandoff_status: 'approved' } }, 'must be one of'],
    ['an unknown member', { fields: {}, state: '7' }, 'Invalid body'],
    ['nothing to do', {}, 'send at least one of'],
    ['a request row state the worker does not set', { request: { sys_id: 'f'.repeat(32), state: 'pending' } }, 'Invalid body'],
  ])('refuses %s with 400 and writes nothing', async (_what, body, message) => {
    const before = await ticket();
    const notes = (await journal(inc)).length;
    const answer = await post<Failure>(body);
    expect(answer.status).toBe(400);
    expect(answer.json).toMatchObject({ status: 'failure', error: { detail: 'Nothing was written.' } });
    expect(answer.json.error.message).toContain(message);
    expect((await ticket()).sys_mod_count).toBe(before.sys_mod_count);
    expect(await journal(inc)).toHaveLength(notes);
    expect(sb.writeLog.entries({ api: 'app' }).at(-1)!.applied).toBe(false);
  });

  it('refuses a request row of another ticket, and a table outside the app', async () => {
    const foreign = await post<Failure>({ request: { sys_id: foreignRow, state: 'refused', message: 'no', remedy: 'no' } });
    expect(foreign.status).toBe(400);
    expect(foreign.json.error.message).toContain('is not a row of incident');
    const user = await post<Failure>({ fields: { x_acme_aihandoff_status: 'queued' } }, AS_INTEGRATION, 'sys_user', stableSysId('sys_user:alex.rivera'));
    expect(user.status).toBe(400);
    expect(user.json.error.message).toContain('Invalid table sys_user');
  });

  it('answers 404 for a ticket that does not exist, and 403 to anyone without the integration role', async () => {
    expect((await post({ fields: { x_acme_aihandoff_status: 'queued' } }, AS_INTEGRATION, 'incident', 'e'.repeat(32))).status).toBe(404);
    const person = await post<Failure>({ fields: { x_acme_aihandoff_status: 'accepted' } }, as('irene.costa'));
    expect(person.status).toBe(403);
    expect(person.json.error.message).toBe('User Not Authorized');
    expect((await call(sb.url, 'POST', `${api}/tickets/incident/${inc}`, undefined, { fields: {} })).status).toBe(401);
    expect((await call(sb.url, 'GET', `${api}/tickets/incident/${inc}`, AS_INTEGRATION)).status).toBe(405);
  });
});
