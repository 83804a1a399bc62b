import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { serveTable, type Row } from './fake-table.js';
import { harness, instance, mapping, paramsOf, snError, SYS } from './helpers.js';

beforeAll(() => nock.disableNetConnect());
afterEach(() => {
  nock.cleanAll();
  nock.emitter.removeAllListeners('no match');
});
afterAll(() => nock.enableNetConnect());

const incident = mapping('incident');

/** Records the full path of every request to `table` list calls, answering from `result`. */
function recordList(table: string, result: readonly Row[] = []): string[] {
  const paths: string[] = [];
  instance()
    .get((uri) => uri.startsWith(`/api/now/table/${table}?`))
    .reply(function () {
      paths.push(this.req.path);
      return [200, { result }];
    });
  return paths;
}

describe('writes', () => {
  it.each([
    [{ state: '6' }, 'state'],
    [{ x_acme_aihandoff_status: 'queued', assigned_to: SYS(9) }, 'assigned_to'],
    [{ comments: 'customer-visible' }, 'comments'],
    [{ x_acme_aihandoff_data_classification: 'public' }, 'x_acme_aihandoff_data_classification'],
  ])('refuses %j before any request reaches the instance', async (fields, field) => {
    const attempted: string[] = [];
    nock.emitter.on('no match', (req: { path?: string }) => attempted.push(String(req.path)));
    const post = instance().post(() => true).reply(200, { result: {} });
    const { connector } = harness();
    await expect(connector.writeTicket(incident, SYS(1), { fields })).rejects.toMatchObject({ details: { field } });
    expect(post.isDone()).toBe(false);
    expect(attempted).toEqual([]);
  });

  it('posts one guarded body to the app API of its scope, and reads its answer', async () => {
    let sent: unknown;
    instance()
      .post(`/api/x_globx_aih/v1/tickets/incident/${SYS(1)}`, (body: unknown) => {
        sent = body;
        return true;
      })
      .reply(200, { result: { sys_id: SYS(1), sys_mod_count: '7', sys_updated_on: '2025-01-01 10:00:00', note: 'already_written' } });
    const { connector } = harness({}, { appScope: 'x_globx_aih' });
    const key = '[ai-handoff:ho_abcdefghijklmnopqrstuvwxyz]';
    const result = await connector.writeTicket(incident, SYS(1), { fields: { x_acme_aihandoff_status: 'queued' }, note: { text: `draft\n${key}`, key }, request: { sysId: SYS(2), state: 'queued', handoff: 'ho_abcdefghijklmnopqrstuvwxyz' } });
    expect(result).toEqual({ modCount: '7', updatedOn: '2025-01-01 10:00:00', note: 'already_written' });
    expect(sent).toEqual({
      fields: { x_acme_aihandoff_status: 'queued' },
      work_note: { field: 'work_notes', text: `draft\n${key}`, key },
      request: { sys_id: SYS(2), state: 'queued', handoff: 'ho_abcdefghijklmnopqrstuvwxyz' },
    });
  });

  it('treats an answer without the app API\'s fields as a bad response (the app is not installed in this scope)', async () => {
    instance().post(() => true).reply(200, { result: { sys_id: SYS(1) } });
    const { connector } = harness();
    await expect(connector.writeTicket(incident, SYS(1), { fields: { x_acme_aihandoff_status: 'queued' } })).rejects.toMatchObject({ code: 'SN_BAD_RESPONSE' });
  });
});

describe('related tickets', () => {
  it('lists by the given conditions, newest first, with the mapping fields', async () => {
    const paths = recordList('incident', [{ sys_id: SYS(2), number: 'INC0002040' }]);
    const { connector } = harness();
    const rows = await connector.list(incident, [{ field: 'cmdb_ci', op: '=', value: SYS(7) }, { field: 'active', op: '=', value: 'true' }], 5);
    expect(rows).toEqual([{ sys_id: SYS(2), number: 'INC0002040' }]);
    const params = Object.fromEntries(paramsOf(paths[0]!));
    expect(params.sysparm_query).toBe(`cmdb_ci=${SYS(7)}^active=true^ORDERBYDESCsys_updated_on`);
    expect(params.sysparm_limit).toBe('5');
    expect(params.sysparm_fields).toContain('cmdb_ci.name');
  });

  it('refuses a condition on a field the mapping does not read, and an unsafe value', async () => {
    const { connector } = harness();
    await expect(connector.list(incident, [{ field: 'close_code', op: 'LIKE', value: 'x' }], 5)).rejects.toMatchObject({ code: 'SN_QUERY_UNKNOWN_FIELD', details: { field: 'close_code' } });
    await expect(connector.list(incident, [{ field: 'short_description', op: 'LIKE', value: 'vpn^NQactive=false' }], 5)).rejects.toMatchObject({ code: 'SN_QUERY_UNSAFE', details: { field: 'short_description' } });
  });
});

describe('work notes', () => {
  it('reads sys_journal_field for the ticket, oldest first', async () => {
    const journal = serveTable('sys_journal_field', () => [
      { sys_id: SYS(31), element_id: SYS(1), element: 'work_notes', name: 'incident', value: 'second', sys_created_by: 'svc.aihandoff', sys_created_on: '2025-01-01 10:00:05' },
      { sys_id: SYS(30), element_id: SYS(1), element: 'work_notes', name: 'incident', value: 'first', sys_created_by: 'alex.rivera', sys_created_on: '2025-01-01 10:00:00' },
      { sys_id: SYS(32), element_id: SYS(1), element: 'comments', name: 'incident', value: 'customer', sys_created_by: 'x', sys_created_on: '2025-01-01 10:00:01' },
      { sys_id: SYS(33), element_id: SYS(2), element: 'work_notes', name: 'incident', value: 'other ticket', sys_created_by: 'x', sys_created_on: '2025-01-01 10:00:02' },
    ]);
    const { connector } = harness();
    const notes = await connector.workNotes(incident, SYS(1));
    expect(notes).toEqual([
      { sysId: SYS(30), value: 'first', createdBy: 'alex.rivera', createdOn: '2025-01-01 10:00:00', source: 'journal' },
      { sysId: SYS(31), value: 'second', createdBy: 'svc.aihandoff', createdOn: '2025-01-01 10:00:05', source: 'journal' },
    ]);
    expect(journal.queries).toEqual([`element_id=${SYS(1)}^element=work_notes^name=incident^ORDERBYsys_created_on^ORDERBYsys_id`]);
  });

  it('falls back to the display value after a 403 on sys_journal_field, and stays there', async () => {
    instance().get((uri) => uri.startsWith('/api/now/table/sys_journal_field?')).once().reply(403, snError('ACL Exception', 'Insufficient rights'));
    const paths: string[] = [];
    const journalText = [
      '2025-01-02 09:00:00 - AI Handoff Integration (Work notes)',
      'AI draft: compare baseline',
      'second line',
      '',
      '2025-01-01 08:00:00 - Alex Rivera (Work notes)',
      'Handed to AI',
      '',
    ].join('\n');
    instance()
      .get(`/api/now/table/incident/${SYS(1)}`)
      .query(true)
      .times(2)
      .reply(function () {
        paths.push(this.req.path);
        return [200, { result: { work_notes: journalText } }];
      });
    const { connector, lines } = harness();
    const notes = await connector.workNotes(incident, SYS(1));
    expect(notes).toEqual([
      { sysId: '', value: 'Handed to AI', createdBy: 'Alex Rivera', createdOn: '2025-01-01 08:00:00', source: 'display_value' },
      { sysId: '', value: 'AI draft: compare baseline\nsecond line', createdBy: 'AI Handoff Integration', createdOn: '2025-01-02 09:00:00', source: 'display_value' },
    ]);
    expect(Object.fromEntries(paramsOf(paths[0]!))).toEqual({ sysparm_fields: 'work_notes', sysparm_display_value: 'true', sysparm_exclude_reference_link: 'true' });
    expect(connector.journalSource).toBe('display_value');
    await connector.workNotes(incident, SYS(1));
    expect(paths).toHaveLength(2);
    expect(lines.filter((l) => l.includes('sys_journal_field is not readable'))).toHaveLength(1);
  });
});

describe('app rows, users, roles, groups, dictionary', () => {
  it('polls pending rows of the app table of its scope, oldest first, with the contract\'s columns', async () => {
    const paths = recordList('x_acme_aihandoff_review', [{ sys_id: SYS(3), state: 'pending' }]);
    const { connector } = harness();
    expect(await connector.pendingRows('review')).toEqual([{ sys_id: SYS(3), state: 'pending' }]);
    const params = Object.fromEntries(paramsOf(paths[0]!));
    expect(params.sysparm_query).toBe('state=pending^ORDERBYsys_created_on');
    expect(params.sysparm_fields).toBe('sys_id,ticket_table,ticket,number,handoff,decision,comment,reviewed_by,state,sys_created_by,sys_created_on');
    expect(params.sysparm_limit).toBe('500');
  });

  it("reads a user's active roles through sys_user_has_role", async () => {
    const paths = recordList('sys_user_has_role', [
      { sys_id: SYS(70), 'role.name': 'itil', state: 'active' },
      { sys_id: SYS(71), 'role.name': 'x_acme_aihandoff.agent', state: 'active' },
      { sys_id: SYS(72), 'role.name': 'x_acme_aihandoff.reviewer', state: 'pending_approval' },
    ]);
    const { connector } = harness();
    expect(await connector.userRoles(SYS(40))).toEqual(['itil', 'x_acme_aihandoff.agent']);
    expect(Object.fromEntries(paramsOf(paths[0]!))).toMatchObject({ sysparm_query: `user=${SYS(40)}^ORDERBYsys_id`, sysparm_fields: 'role.name,state,sys_id' });
  });

  it('finds a user by user_name or sys_id', async () => {
    const paths = recordList('sys_user', [{ sys_id: SYS(40), user_name: 'irene.costa', name: 'Irene Costa', active: 'true' }]);
    instance().get(`/api/now/table/sys_user/${SYS(41)}`).query(true).reply(404, snError('No Record found'));
    const { connector } = harness();
    expect(await connector.user({ userName: 'irene.costa' })).toEqual({ sysId: SYS(40), userName: 'irene.costa', name: 'Irene Costa', active: true });
    expect(Object.fromEntries(paramsOf(paths[0]!))).toMatchObject({ sysparm_query: 'user_name=irene.costa', sysparm_limit: '1' });
    expect(await connector.user({ sysId: SYS(41) })).toBeNull();
    await expect(connector.user({ userName: 'x^ORuser_name=admin' })).rejects.toMatchObject({ code: 'SN_QUERY_UNSAFE' });
  });

  it('pages through a group\'s members by sys_id and keeps the active ones', async () => {
    const members: Row[] = Array.from({ length: 7 }, (_, i) => ({ sys_id: SYS(50 + i), group: SYS(5), user: SYS(60 + i), 'user.active': i === 3 ? 'false' : 'true' }));
    const table = serveTable('sys_user_grmember', () => [...members, { sys_id: SYS(99), group: SYS(6), user: SYS(98), 'user.active': 'true' }]);
    const { connector } = harness({ pageSize: 3 });
    expect((await connector.groupMembers(SYS(5))).sort()).toEqual([0, 1, 2, 4, 5, 6].map((i) => SYS(60 + i)));
    expect(table.queries).toEqual([`group=${SYS(5)}^ORDERBYsys_id`, `group=${SYS(5)}^sys_id>${SYS(52)}^ORDERBYsys_id`, `group=${SYS(5)}^sys_id>${SYS(55)}^ORDERBYsys_id`]);
  });

  it('lists a table\'s fields from sys_dictionary for the table and its task ancestors', async () => {
    const table = serveTable('sys_dictionary', () => [
      { sys_id: SYS(70), name: 'incident', element: '', internal_type: 'collection', reference: '', active: 'true' },
      { sys_id: SYS(71), name: 'incident', element: 'caller_id', internal_type: 'reference', reference: 'sys_user', active: 'true' },
      { sys_id: SYS(72), name: 'task', element: 'short_description', internal_type: 'string', reference: '', active: 'true' },
      { sys_id: SYS(73), name: 'task', element: 'old_field', internal_type: 'string', reference: '', active: 'false' },
      { sys_id: SYS(74), name: 'problem', element: 'known_error', internal_type: 'boolean', reference: '', active: 'true' },
    ]);
    const { connector } = harness();
    const fields = await connector.tableFields('incident');
    expect([...fields].filter((f) => !f.startsWith('sys_')).sort()).toEqual(['caller_id', 'short_description']);
    expect(table.queries).toEqual(['nameINincident,task^ORDERBYsys_id']);
    expect((await connector.dictionary('incident')).get('caller_id')).toEqual({ definedOn: 'incident', type: 'reference', reference: 'sys_user' });
    expect(table.queries).toHaveLength(1);
  });

  it('reads records only from the tables it is meant to read', async () => {
    const { connector } = harness();
    await expect(connector.getRecord('cmdb_model', SYS(1), ['name'])).rejects.toMatchObject({ code: 'INPUT_INVALID', details: { table: 'cmdb_model' } });
    instance()
      .get(`/api/now/table/sys_user_group/${SYS(2)}`)
      .query({ sysparm_fields: 'name,manager', sysparm_display_value: 'all', sysparm_exclude_reference_link: 'true' })
      .reply(200, { result: { name: { display_value: 'Network Operations', value: 'Network Operations' }, manager: { display_value: 'Irene Costa', value: SYS(40) } } });
    expect(await connector.getRecord('sys_user_group', SYS(2), ['name', 'manager'])).toEqual({ name: 'Network Operations', manager: SYS(40), dv_manager: 'Irene Costa' });
  });
});
