/**
 * The Table API's envelope, errors, paging headers, sysparm_fields with
 * dot-walking, reference links and display values, over real HTTP.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSandbox, type AppFields, type Sandbox } from '../../../connectors/servicenow/sandbox/index.js';
import { loadMappings } from '../../../src/mapping/load-mappings.js';
import { AS_INTEGRATION, call, list, sysIdOf, type One, type Rows } from './client.js';

let sb: Sandbox;
/** The AI field names this sandbox installed (from the mappings). */
let F: AppFields;
beforeAll(async () => {
  sb = await createSandbox();
  F = sb.appFields;
});
afterAll(async () => {
  await sb.close();
});

describe('envelope and errors', () => {
  it('wraps a list in {"result": [...]} and every value is a string', async () => {
    const answer = await list(sb.url, 'incident', { sysparm_query: 'number=INC0002041', sysparm_exclude_reference_link: 'true' });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toMatch(/^application\/json/);
    const [row] = answer.json.result;
    expect(row).toBeDefined();
    for (const [field, value] of Object.entries(row!)) expect(typeof value, field).toBe('string');
    expect(row!.sys_id).toMatch(/^[0-9a-f]{32}$/);
    expect(row!.sys_updated_on).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    expect(row!.sys_created_by).toBe('alex.rivera');
    expect(row!.priority).toBe('2');
    expect(row!.active).toBe('true');
    expect(row!.work_notes).toBe('');
    expect(row![F.panel]).toBe('');
  });

  it('wraps one record in {"result": {...}}', async () => {
    const id = await sysIdOf(sb.url, 'incident', 'INC0002041');
    const answer = await call<One>(sb.url, 'GET', `/api/now/table/incident/${id}?sysparm_fields=number`, AS_INTEGRATION);
    expect(answer.json).toEqual({ result: { number: 'INC0002041' } });
  });

  it('answers an empty list as 200 with result []', async () => {
    const answer = await list(sb.url, 'incident', { sysparm_query: 'number=INC9999999' });
    expect(answer.status).toBe(200);
    expect(answer.json).toEqual({ result: [] });
    expect(answer.headers.get('x-total-count')).toBe('0');
  });

  it('answers an unknown table with 400 Invalid table', async () => {
    const answer = await list(sb.url, 'foo', {});
    expect(answer.status).toBe(400);
    expect(answer.json).toEqual({ error: { message: 'Invalid table foo', detail: null }, status: 'failure' });
  });

  it('answers a missing record with 404 No Record found', async () => {
    const answer = await call(sb.url, 'GET', `/api/now/table/incident/${'0'.repeat(32)}`, AS_INTEGRATION);
    expect(answer.status).toBe(404);
    expect(answer.json).toEqual({ error: { message: 'No Record found', detail: "Record doesn't exist or ACL restricts the record retrieval" }, status: 'failure' });
  });

  it('does not find a record through the wrong table', async () => {
    const id = await sysIdOf(sb.url, 'incident', 'INC0002041');
    expect((await call(sb.url, 'GET', `/api/now/table/sc_request/${id}`, AS_INTEGRATION)).status).toBe(404);
    expect((await call(sb.url, 'GET', `/api/now/table/task/${id}`, AS_INTEGRATION)).status).toBe(200);
  });

  it('answers 401 User Not Authenticated without credentials', async () => {
    const answer = await call(sb.url, 'GET', '/api/now/table/incident', undefined);
    expect(answer.status).toBe(401);
    expect(answer.json).toEqual({ error: { message: 'User Not Authenticated', detail: 'Required to provide Auth information' }, status: 'failure' });
  });

  it('answers an unknown API path with 400 and a non-API path with 404', async () => {
    expect((await call(sb.url, 'GET', '/api/now/nothing', AS_INTEGRATION)).status).toBe(400);
    expect((await call(sb.url, 'GET', '/nothing', AS_INTEGRATION)).status).toBe(404);
  });

  it('refuses a body that is not a JSON object with 400, changing nothing', async () => {
    const id = await sysIdOf(sb.url, 'incident', 'INC0002041');
    const answer = await call(sb.url, 'PATCH', `/api/now/table/incident/${id}`, AS_INTEGRATION, '{not json');
    expect(answer.status).toBe(400);
    expect((answer.json as { status: string }).status).toBe('failure');
  });
});

describe('paging', () => {
  it('sends Link (absolute first/prev/next/last) and X-Total-Count', async () => {
    const answer = await list(sb.url, 'incident', { sysparm_limit: '2', sysparm_offset: '2', sysparm_fields: 'number', sysparm_query: 'ORDERBYnumber' });
    const total = Number(answer.headers.get('x-total-count'));
    expect(total).toBeGreaterThan(6);
    const link = answer.headers.get('link')!;
    const rels: Record<string, URL> = Object.fromEntries([...link.matchAll(/<([^>]+)>;rel="(\w+)"/g)].map((m) => [m[2]!, new URL(m[1]!)]));
    expect(Object.keys(rels)).toEqual(['first', 'prev', 'next', 'last']);
    expect(rels.first!.origin).toBe(sb.url);
    expect(rels.first!.searchParams.get('sysparm_offset')).toBe('0');
    expect(rels.prev!.searchParams.get('sysparm_offset')).toBe('0');
    expect(rels.next!.searchParams.get('sysparm_offset')).toBe('4');
    expect(rels.last!.searchParams.get('sysparm_offset')).toBe(String(Math.floor((total - 1) / 2) * 2));
    expect(rels.next!.searchParams.get('sysparm_query')).toBe('ORDERBYnumber');
    // Following next gives the following page.
    const next = await call<Rows>(rels.next!.origin, 'GET', rels.next!.pathname + rels.next!.search, AS_INTEGRATION);
    const all = await list(sb.url, 'incident', { sysparm_fields: 'number', sysparm_query: 'ORDERBYnumber' });
    expect(next.json.result).toEqual(all.json.result.slice(4, 6));
  });

  it('sends no Link for a single page', async () => {
    const answer = await list(sb.url, 'incident', { sysparm_query: 'number=INC0002041' });
    expect(answer.headers.get('link')).toBeNull();
  });

  it('leaves out X-Total-Count and rel="last" with sysparm_no_count=true', async () => {
    const answer = await list(sb.url, 'incident', { sysparm_limit: '2', sysparm_no_count: 'true' });
    expect(answer.headers.get('x-total-count')).toBeNull();
    expect(answer.headers.get('link')).toContain('rel="next"');
    expect(answer.headers.get('link')).not.toContain('rel="last"');
  });

  it('returns up to 10,000 rows when sysparm_limit is absent', async () => {
    const answer = await list(sb.url, 'sys_dictionary', { sysparm_fields: 'element' });
    expect(Number(answer.headers.get('x-total-count'))).toBe(answer.json.result.length);
    expect(answer.headers.get('link')).toBeNull();
  });
});

describe('fields, references and display values', () => {
  const dotWalked = 'number,caller_id,caller_id.name,caller_id.manager.name,cmdb_ci.owned_by.user_name,assignment_group.manager,no_such_field,caller_id.nope';

  it('dot-walks several levels and returns dotted keys; unknown names are left out', async () => {
    const answer = await list(sb.url, 'incident', { sysparm_query: 'number=INC0002041', sysparm_fields: dotWalked, sysparm_exclude_reference_link: 'true' });
    const [row] = answer.json.result;
    expect(Object.keys(row!)).toEqual(['number', 'caller_id', 'caller_id.name', 'caller_id.manager.name', 'cmdb_ci.owned_by.user_name', 'assignment_group.manager']);
    expect(row).toMatchObject({ 'caller_id.name': 'Jordan Miles', 'caller_id.manager.name': 'Dana Whitfield', 'cmdb_ci.owned_by.user_name': 'irene.costa' });
    expect(row!['assignment_group.manager']).toMatch(/^[0-9a-f]{32}$/);
  });

  it('returns references as {link, value} without sysparm_exclude_reference_link, and "" when empty', async () => {
    const answer = await list(sb.url, 'incident', { sysparm_query: 'number=INC0002055', sysparm_fields: 'caller_id,assignment_group' });
    const [row] = answer.json.result as [{ caller_id: { link: string; value: string }; assignment_group: unknown }];
    expect(row.caller_id.value).toMatch(/^[0-9a-f]{32}$/);
    expect(row.caller_id.link).toBe(`${sb.url}/api/now/table/sys_user/${row.caller_id.value}`);
    expect(row.assignment_group).toBe('');
  });

  it('shows labels with sysparm_display_value=true and both with all', async () => {
    const shown = await list(sb.url, 'incident', { sysparm_query: 'number=INC0002041', sysparm_fields: 'state,priority,caller_id,short_description', sysparm_display_value: 'true', sysparm_exclude_reference_link: 'true' });
    expect(shown.json.result[0]).toEqual({ state: 'In Progress', priority: '2 - High', caller_id: 'Jordan Miles', short_description: 'Remote access latency' });
    const both = await list(sb.url, 'incident', { sysparm_query: 'number=INC0002041', sysparm_fields: 'state,caller_id', sysparm_display_value: 'all' });
    const row = both.json.result[0] as { state: unknown; caller_id: { display_value: string; link: string; value: string } };
    expect(row.state).toEqual({ display_value: 'In Progress', value: '2' });
    expect(row.caller_id.display_value).toBe('Jordan Miles');
    expect(row.caller_id.link).toContain('/api/now/table/sys_user/');
  });

  it('uses the child table choice labels when reading through task', async () => {
    const answer = await list(sb.url, 'task', { sysparm_query: 'number=SIR0002274', sysparm_fields: 'state,sys_class_name', sysparm_display_value: 'true' });
    expect(answer.json.result[0]).toEqual({ state: 'Analysis', sys_class_name: 'sn_si_incident' });
  });

  it('returns the whole journal newest first with display values, and "" without', async () => {
    const raw = await list(sb.url, 'incident', { sysparm_query: 'number=INC0002041', sysparm_fields: 'work_notes' });
    expect(raw.json.result[0]!.work_notes).toBe('');
    const shown = await list(sb.url, 'incident', { sysparm_query: 'number=INC0002041', sysparm_fields: 'work_notes', sysparm_display_value: 'true' });
    const journal = shown.json.result[0]!.work_notes as string;
    const headers = [...journal.matchAll(/^(\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}) - (.+) \(Work notes\)$/gm)];
    expect(headers.map((h) => h[2])).toEqual(['Alex Rivera', 'Raj Patel', 'Irene Costa', 'Raj Patel', 'Alex Rivera']);
    const times = headers.map((h) => h[1]!);
    expect([...times].sort().reverse()).toEqual(times);
    expect(journal).toContain('Taking incident command.');
    const all = await list(sb.url, 'incident', { sysparm_query: 'number=INC0002041', sysparm_fields: 'work_notes', sysparm_display_value: 'all' });
    expect(all.json.result[0]!.work_notes).toEqual({ display_value: journal, value: '' });
  });
});

describe('metadata tables', () => {
  it('lists every field of a mapped table, its own and task\'s, in sys_dictionary, with reference targets', async () => {
    const answer = await list(sb.url, 'sys_dictionary', { sysparm_query: 'name=incident^ORname=task', sysparm_fields: 'name,element,internal_type,reference' });
    const rows = answer.json.result as { name: string; element: string; internal_type: string; reference: string }[];
    const find = (table: string, element: string) => rows.find((r) => r.name === table && r.element === element);
    expect(find('incident', 'caller_id')).toEqual({ name: 'incident', element: 'caller_id', internal_type: 'reference', reference: 'sys_user' });
    expect(find('task', 'assignment_group')?.reference).toBe('sys_user_group');
    expect(find('task', 'work_notes')?.internal_type).toBe('journal_input');
    // The app augments each ticket table, so its fields are listed under the table's own name.
    for (const f of [F.panel, F.status, F.dataClass]) expect(find('incident', f), f).toBeDefined();
    // Its own tables are in the dictionary too: requests and reviews are rows there, not ticket fields.
    const rows2 = (await list(sb.url, 'sys_dictionary', { sysparm_query: `name=${sb.app.tables.request}`, sysparm_fields: 'element,internal_type,reference' })).json.result;
    expect(rows2.find((r) => r.element === 'requested_by')).toMatchObject({ internal_type: 'reference', reference: 'sys_user' });
    expect(rows2.map((r) => r.element)).toEqual(expect.arrayContaining(['ticket_table', 'ticket', 'operation', 'scope_digest', 'note', 'readable', 'state', 'handoff', 'message', 'remedy']));
    for (const table of ['sc_request', 'sc_req_item', 'sn_si_incident', 'rm_enhancement']) {
      const more = await list(sb.url, 'sys_dictionary', { sysparm_query: `name=${table}^element=${F.panel}`, sysparm_fields: 'element' });
      expect(more.json.result, table).toHaveLength(1);
    }
  });

  it('installs the app under the names its scope gives, which the mappings name', async () => {
    const m = loadMappings().byTable.get('incident')!;
    expect(F).toEqual({ panel: m.ai.panel, status: m.ai.status, dataClass: m.dataClass.field });
    const scoped = await createSandbox({ seed: { handWritten: false }, page: false, appScope: 'x_globx_aih' });
    try {
      const fields = await list(scoped.url, 'sys_dictionary', { sysparm_query: 'name=incident^elementSTARTSWITHx_globx_aih_', sysparm_fields: 'element' });
      expect(fields.json.result.map((r) => r.element).sort()).toEqual(['x_globx_aih_data_classification', 'x_globx_aih_panel', 'x_globx_aih_status']);
      expect(scoped.app.tables).toMatchObject({ request: 'x_globx_aih_request', review: 'x_globx_aih_review' });
      expect(scoped.app.apiBase).toBe('/api/x_globx_aih/v1');
      // The cast's app roles follow the scope.
      expect([...scoped.directory.roles(scoped.directory.user('alex.rivera')!.v.sys_id!)].sort()).toEqual(['itil', 'x_globx_aih.agent']);
    } finally {
      await scoped.close();
    }
  });

  it('says what each table extends in sys_db_object', async () => {
    const answer = await list(sb.url, 'sys_db_object', { sysparm_query: 'name=incident', sysparm_fields: 'name,super_class.name' });
    expect(answer.json.result).toEqual([{ name: 'incident', 'super_class.name': 'task' }]);
  });

  it('serves choice lists in sys_choice', async () => {
    const answer = await list(sb.url, 'sys_choice', { sysparm_query: 'name=incident^element=state^inactive=false^ORDERBYsequence', sysparm_fields: 'value,label' });
    expect(answer.json.result.map((r) => r.value)).toEqual(['1', '2', '3', '6', '7', '8']);
  });
});
