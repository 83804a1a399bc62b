/**
 * The write log: every write received, through the Table API or the app's
 * API, by whom, with what, and whether it was applied; the proof that an
 * integration user wrote nothing but work notes and the AI fields.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSandbox, type AppFields, type Sandbox } from '../../../connectors/servicenow/sandbox/index.js';
import { AS_INTEGRATION, as, basic, call, sysIdOf, type One } from './client.js';

let sb: Sandbox;
/** The AI field names this sandbox installed (the app's scope). */
let F: AppFields;
let inc: string;
beforeAll(async () => {
  sb = await createSandbox();
  F = sb.appFields;
  inc = await sysIdOf(sb.url, 'incident', 'INC0002041');
});
afterAll(async () => {
  await sb.close();
});

describe('write log', () => {
  it('records applied and refused writes with the API, user, fields, status and reason', async () => {
    sb.writeLog.clear();
    const api = `${sb.app.apiBase}/tickets/incident/${inc}`;
    await call(sb.url, 'POST', api, AS_INTEGRATION, { fields: { [F.status]: 'awaiting_review' }, work_note: { field: 'work_notes', text: 'AI draft', key: 'AI draft' } });
    await call(sb.url, 'PATCH', `/api/now/table/incident/${inc}`, as('alex.rivera'), { work_notes: 'a person\'s note', bogus: 'x' });
    await call(sb.url, 'PATCH', `/api/now/table/incident/${inc}`, as('alex.rivera'), { state: '6' });
    await call(sb.url, 'PATCH', `/api/now/table/incident/${inc}`, AS_INTEGRATION, { work_notes: 'not through the Table API' });
    await call(sb.url, 'POST', '/api/now/table/incident', AS_INTEGRATION, { short_description: 'not allowed' });
    await call(sb.url, 'PATCH', `/api/now/table/incident/${inc}`, basic('alex.rivera', 'wrong'), { work_notes: 'x' });
    const created = await call<One>(sb.url, 'POST', '/api/now/table/incident', as('alex.rivera'), { short_description: 'allowed' });
    await call(sb.url, 'GET', `/api/now/table/incident/${inc}`, AS_INTEGRATION);

    const entries = sb.writeLog.entries();
    expect(entries.map((e) => [e.api, e.method, e.user, e.applied, e.status])).toEqual([
      ['app', 'POST', 'svc.aihandoff', true, 200],
      ['table', 'PATCH', 'alex.rivera', true, 200],
      ['table', 'PATCH', 'alex.rivera', false, 403],
      ['table', 'PATCH', 'svc.aihandoff', false, 403],
      ['table', 'POST', 'svc.aihandoff', false, 403],
      ['table', 'PATCH', null, false, 401],
      ['table', 'POST', 'alex.rivera', true, 201],
    ]);
    expect(entries[0]).toMatchObject({ table: 'incident', sysId: inc, fields: [F.status, 'work_notes'], changed: [F.status, 'work_notes'], body: { [F.status]: 'awaiting_review', work_notes: 'AI draft' } });
    expect(entries[1]).toMatchObject({ fields: ['work_notes', 'bogus'], changed: ['work_notes'], ignored: ['bogus'] });
    expect(entries[2]!.reason).toContain('Data Policy Exception');
    expect(entries[3]!.reason).toBe('ACL: write denied');
    expect(entries[4]!.reason).toBe('ACL: create denied');
    expect(entries[6]!.sysId).toBe(created.json.result.sys_id);
    expect(entries.map((e) => e.seq)).toEqual([...entries.map((e) => e.seq)].sort((a, b) => a - b));
  });

  it('answers what a user tried to write, and filters', async () => {
    expect([...sb.writeLog.fieldsWrittenBy('svc.aihandoff')].sort()).toEqual(['short_description', F.status, 'work_notes'].sort());
    expect(sb.writeLog.entries({ user: 'svc.aihandoff', applied: true })).toHaveLength(1);
    expect(sb.writeLog.entries({ user: 'svc.aihandoff', api: 'app' })).toHaveLength(1);
    const last = sb.writeLog.lastSeq;
    await call(sb.url, 'POST', `${sb.app.apiBase}/tickets/incident/${inc}`, AS_INTEGRATION, { fields: { [F.status]: 'accepted' } });
    expect(sb.writeLog.entries({ after: last }).map((e) => e.body)).toEqual([{ [F.status]: 'accepted' }]);
    expect(sb.writeLog.entries({ sysId: inc, table: 'incident' }).length).toBeGreaterThan(2);
  });
});
