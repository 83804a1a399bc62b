/**
 * Writes as an instance applies them: journal fields append to
 * sys_journal_field and never overwrite, every change is audited, sys_*
 * fields are maintained and not writable, unknown keys are ignored, the
 * incident data policy and the ACLs refuse what they should; the integration
 * user writes no ticket through the Table API (its writes go through the
 * app's API: app-api.test.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSandbox, type AppFields, type Sandbox } from '../../../connectors/servicenow/sandbox/index.js';
import { AS_ADMIN, AS_INTEGRATION, as, call, list, manualClock, sysIdOf, type One } from './client.js';

let sb: Sandbox;
/** The AI field names this sandbox installed (the app's scope). */
let F: AppFields;
const clock = manualClock();
let inc: string;

beforeAll(async () => {
  sb = await createSandbox({ clock: clock.now });
  F = sb.appFields;
  inc = await sysIdOf(sb.url, 'incident', 'INC0002041');
});
afterAll(async () => {
  await sb.close();
});

const patch = (auth: string, body: unknown, table = 'incident', id = inc) =>
  call<One>(sb.url, 'PATCH', `/api/now/table/${table}/${id}?sysparm_exclude_reference_link=true`, auth, body);

async function journal(id: string): Promise<Record<string, string>[]> {
  const answer = await list(sb.url, 'sys_journal_field', { sysparm_query: `element_id=${id}^element=work_notes^ORDERBYsys_created_on`, sysparm_fields: 'element_id,element,name,value,sys_created_by,sys_created_on' });
  return answer.json.result as Record<string, string>[];
}

async function audit(id: string, field: string): Promise<Record<string, string>[]> {
  const answer = await list(sb.url, 'sys_audit', { sysparm_query: `documentkey=${id}^fieldname=${field}^ORDERBYDESCsys_created_on`, sysparm_fields: 'tablename,documentkey,fieldname,oldvalue,newvalue,user,sys_created_on' });
  return answer.json.result as Record<string, string>[];
}

describe('journal fields', () => {
  it('appends a work note to sys_journal_field, credited to the authenticated user, and never overwrites', async () => {
    const before = await journal(inc);
    clock.advance(1000);
    const first = await patch(as('alex.rivera'), { work_notes: 'first note' });
    expect(first.status).toBe(200);
    expect(first.json.result.work_notes).toBe('');
    clock.advance(1000);
    await patch(as('alex.rivera'), { work_notes: 'second note' });
    const after = await journal(inc);
    expect(after).toHaveLength(before.length + 2);
    expect(after.slice(0, before.length)).toEqual(before);
    expect(after.slice(-2).map((e) => [e.value, e.sys_created_by, e.element, e.name, e.element_id])).toEqual([
      ['first note', 'alex.rivera', 'work_notes', 'incident', inc],
      ['second note', 'alex.rivera', 'work_notes', 'incident', inc],
    ]);
    const shown = await list(sb.url, 'incident', { sysparm_query: `sys_id=${inc}`, sysparm_fields: 'work_notes', sysparm_display_value: 'true' });
    expect((shown.json.result[0]!.work_notes as string).startsWith(`${after[after.length - 1]!.sys_created_on} - Alex Rivera (Work notes)\nsecond note\n\n`)).toBe(true);
  });

  it('ignores an empty work note', async () => {
    const before = (await journal(inc)).length;
    await patch(as('alex.rivera'), { work_notes: '   ' });
    expect(await journal(inc)).toHaveLength(before);
  });

  it('audits a journal addition as JOURNAL FIELD ADDITION', async () => {
    const rows = await audit(inc, 'work_notes');
    expect(rows[0]).toMatchObject({ tablename: 'incident', documentkey: inc, oldvalue: 'JOURNAL FIELD ADDITION', newvalue: 'second note', user: 'alex.rivera' });
  });
});

describe('sys fields and field changes', () => {
  it('raises sys_mod_count, stamps sys_updated_on/by, and audits each changed field with old and new values', async () => {
    const before = (await call<One>(sb.url, 'GET', `/api/now/table/incident/${inc}`, AS_INTEGRATION)).json.result;
    clock.advance(5000);
    const answer = await patch(AS_ADMIN, { [F.status]: 'eligible', [F.panel]: '{"x":1}' });
    const after = answer.json.result;
    expect(Number(after.sys_mod_count)).toBe(Number(before.sys_mod_count) + 1);
    expect(after.sys_updated_by).toBe('admin');
    expect(after.sys_updated_on).toBe(new Date(clock.now()).toISOString().slice(0, 19).replace('T', ' '));
    expect((await audit(inc, F.status))[0]).toMatchObject({ oldvalue: '', newvalue: 'eligible', user: 'admin', sys_created_on: after.sys_updated_on });
    // The panel field carries no_audit, as the app installs it.
    expect(await audit(inc, F.panel)).toEqual([]);
  });

  it('does not count a write that changes nothing', async () => {
    const before = (await patch(AS_ADMIN, {})).json.result.sys_mod_count;
    const same = await patch(AS_ADMIN, { [F.status]: 'eligible' });
    expect(same.status).toBe(200);
    expect(same.json.result.sys_mod_count).toBe(before);
  });

  it('silently ignores sys_* fields and unknown keys, like the instance', async () => {
    const before = (await call<One>(sb.url, 'GET', `/api/now/table/incident/${inc}`, AS_INTEGRATION)).json.result;
    const answer = await patch(AS_ADMIN, { sys_created_by: 'mallory', sys_mod_count: '999', sys_id: 'f'.repeat(32), no_such_field: 'x', [F.status]: 'queued' });
    expect(answer.status).toBe(200);
    expect(answer.json.result.sys_created_by).toBe(before.sys_created_by);
    expect(answer.json.result.sys_id).toBe(inc);
    expect(answer.json.result.sys_mod_count).toBe(String(Number(before.sys_mod_count) + 1));
    expect(answer.json.result[F.status]).toBe('queued');
    expect(answer.json.result).not.toHaveProperty('no_such_field');
  });

  it('coerces numbers and booleans to strings', async () => {
    const answer = await patch(AS_ADMIN, { impact: 1, urgency: 1 });
    expect(answer.json.result).toMatchObject({ impact: '1', urgency: '1', priority: '1' });
    await patch(AS_ADMIN, { impact: '2', urgency: '1' });
  });
});

describe('creating records', () => {
  it('answers 201 with Location, numbers the record, computes incident priority, and opens it as the user', async () => {
    const answer = await call<One>(sb.url, 'POST', '/api/now/table/incident?sysparm_exclude_reference_link=true', as('alex.rivera'), { short_description: 'new one', impact: '1', urgency: '3', work_notes: 'opened by phone' });
    expect(answer.status).toBe(201);
    const row = answer.json.result;
    expect(answer.headers.get('location')).toBe(`${sb.url}/api/now/table/incident/${row.sys_id as string}`);
    expect(row.number).toMatch(/^INC\d{7}$/);
    expect(Number((row.number as string).slice(3))).toBeGreaterThan(2055);
    expect(row).toMatchObject({ priority: '3', state: '1', active: 'true', sys_created_by: 'alex.rivera', sys_mod_count: '0', sys_class_name: 'incident' });
    expect(row.opened_by).toBe(sb.directory.user('alex.rivera')!.v.sys_id);
    expect((await journal(row.sys_id as string)).map((e) => e.value)).toEqual(['opened by phone']);
  });

  it('resolves a reference written as a display value', async () => {
    const answer = await call<One>(sb.url, 'POST', '/api/now/table/incident?sysparm_exclude_reference_link=true&sysparm_fields=assignment_group', AS_ADMIN, { short_description: 'x', assignment_group: 'Service Desk' });
    expect(answer.json.result.assignment_group).toBe(sb.store.partitions('sys_user_group')[0]!.indexes.get('name')!.get('service desk')![0]!.v.sys_id);
  });
});

describe('data policy', () => {
  it('refuses Resolved without resolution code and notes with 403 Data Policy Exception, changing nothing', async () => {
    const before = (await call<One>(sb.url, 'GET', `/api/now/table/incident/${inc}`, AS_ADMIN)).json.result;
    const answer = await patch(AS_ADMIN, { state: '6', work_notes: 'should not land' });
    expect(answer.status).toBe(403);
    expect(answer.json).toEqual({
      error: { message: 'Operation Failed', detail: 'Data Policy Exception: \n\tThe following fields are mandatory: Resolution code, Resolution notes\n' },
      status: 'failure',
    });
    const after = (await call<One>(sb.url, 'GET', `/api/now/table/incident/${inc}`, AS_ADMIN)).json.result;
    expect(after).toEqual(before);
    expect((await journal(inc)).map((e) => e.value)).not.toContain('should not land');
  });

  it('lets Resolved through with both, and Closed makes the incident inactive', async () => {
    const id = await sysIdOf(sb.url, 'incident', 'INC0002044');
    const resolved = await patch(AS_ADMIN, { state: '6', close_code: 'Solved (Work Around)', close_notes: 'partner fixed their gateway' }, 'incident', id);
    expect(resolved.status).toBe(200);
    expect(resolved.json.result).toMatchObject({ state: '6', incident_state: '6', active: 'true' });
    expect(resolved.json.result.resolved_at).not.toBe('');
    const closed = await patch(AS_ADMIN, { state: '7' }, 'incident', id);
    expect(closed.json.result).toMatchObject({ state: '7', active: 'false' });
  });
});

describe('ACLs', () => {
  it('gives the integration user no write on tickets through the Table API: no create, no update (its writes go through the app API)', async () => {
    const created = await call(sb.url, 'POST', '/api/now/table/incident', AS_INTEGRATION, { short_description: 'nope' });
    expect(created.status).toBe(403);
    expect(created.json).toEqual({ error: { message: 'Operation Failed', detail: 'ACL Exception Insert Failed due to security constraints' }, status: 'failure' });
    for (const body of [{ work_notes: 'an AI note' }, { [F.panel]: '{}' }, { [F.status]: 'queued' }]) {
      const updated = await patch(AS_INTEGRATION, body);
      expect(updated.status).toBe(403);
      expect(updated.json).toEqual({ error: { message: 'Operation Failed', detail: 'ACL Exception Update Failed due to security constraints' }, status: 'failure' });
    }
  });

  it('refuses an update the role may not make with 403', async () => {
    const answer = await patch(as('jordan.miles'), { [F.status]: 'none' });
    expect(answer.status).toBe(403);
    expect(answer.json).toEqual({ error: { message: 'Operation Failed', detail: 'ACL Exception Update Failed due to security constraints' }, status: 'failure' });
  });

  it('hides a table the user may not read: an empty list, and 404 for one record', async () => {
    sb.acl.set('sys_audit', { read: ['admin'] });
    sb.acl.set('sys_journal_field', { read: ['admin', 'itil'] });
    try {
      const audits = await list(sb.url, 'sys_audit', { sysparm_query: `documentkey=${inc}` });
      expect(audits.status).toBe(200);
      expect(audits.json).toEqual({ result: [] });
      expect(await journal(inc)).toEqual([]);
      const one = (await list(sb.url, 'sys_audit', { sysparm_query: `documentkey=${inc}`, sysparm_limit: '1' }, AS_ADMIN)).json.result[0]!;
      expect((await call(sb.url, 'GET', `/api/now/table/sys_audit/${one.sys_id as string}`, AS_INTEGRATION)).status).toBe(404);
      // The fallback still works: the journal through the record's display value.
      const shown = await list(sb.url, 'incident', { sysparm_query: `sys_id=${inc}`, sysparm_fields: 'work_notes', sysparm_display_value: 'true' });
      expect(shown.json.result[0]!.work_notes).toContain('second note');
      // Some table-level blocks fail the query instead; the sandbox can answer that way too.
      sb.acl.set('sys_audit', { listDenial: 'forbidden' });
      const forbidden = await list(sb.url, 'sys_audit', { sysparm_query: `documentkey=${inc}` });
      expect(forbidden.status).toBe(403);
      expect(forbidden.json).toEqual({ error: { message: 'Operation Failed', detail: 'ACL restricts the record retrieval' }, status: 'failure' });
    } finally {
      sb.acl.set('sys_audit', { read: ['itil', 'x_acme_aihandoff.integration'], listDenial: 'empty' });
      sb.acl.set('sys_journal_field', { read: ['itil', 'x_acme_aihandoff.agent', 'x_acme_aihandoff.reviewer', 'x_acme_aihandoff.integration'] });
    }
  });
});
