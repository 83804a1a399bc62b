/**
 * The write log: every write received, by whom, with what, and whether it
 * was applied; the proof that an integration user wrote nothing but work
 * notes and the AI fields.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSandbox, type AppFields, type Sandbox } from '../../../connectors/servicenow/sandbox/index.js';
import { AS_INTEGRATION, as, basic, call, sysIdOf, type One } from './client.js';

let sb: Sandbox;
/** The AI field names this sandbox installed (from the mappings). */
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
  it('records applied and refused writes with user, fields, status and reason', async () => {
    sb.writeLog.clear();
    await call(sb.url, 'PATCH', `/api/now/table/incident/${inc}`, AS_INTEGRATION, { work_notes: 'AI draft', [F.status]: 'awaiting_review', bogus: 'x' });
    await call(sb.url, 'PATCH', `/api/now/table/incident/${inc}`, AS_INTEGRATION, { state: '6' });
    await call(sb.url, 'POST', '/api/now/table/incident', AS_INTEGRATION, { short_description: 'not allowed' });
    await call(sb.url, 'PATCH', `/api/now/table/incident/${inc}`, basic('alex.rivera', 'wrong'), { [F.request]: '{}' });
    const created = await call<One>(sb.url, 'POST', '/api/now/table/incident', as('alex.rivera'), { short_description: 'allowed' });
    await call(sb.url, 'GET', `/api/now/table/incident/${inc}`, AS_INTEGRATION);

    const entries = sb.writeLog.entries();
    expect(entries.map((e) => [e.method, e.user, e.applied, e.status])).toEqual([
      ['PATCH', 'svc.aihandoff', true, 200],
      ['PATCH', 'svc.aihandoff', false, 403],
      ['POST', 'svc.aihandoff', false, 403],
      ['PATCH', null, false, 401],
      ['POST', 'alex.rivera', true, 201],
    ]);
    expect(entries[0]).toMatchObject({ table: 'incident', sysId: inc, fields: ['work_notes', F.status, 'bogus'], changed: [F.status, 'work_notes'], ignored: ['bogus'], body: { work_notes: 'AI draft' } });
    expect(entries[1]!.reason).toContain('Data Policy Exception');
    expect(entries[2]!.reason).toBe('ACL: create denied');
    expect(entries[4]!.sysId).toBe(created.json.result.sys_id);
    expect(entries.map((e) => e.seq)).toEqual([...entries.map((e) => e.seq)].sort((a, b) => a - b));
  });

  it('answers what a user tried to write, and filters', async () => {
    expect([...sb.writeLog.fieldsWrittenBy('svc.aihandoff')].sort()).toEqual(['bogus', 'short_description', 'state', F.status, 'work_notes'].sort());
    expect(sb.writeLog.entries({ user: 'svc.aihandoff', applied: true })).toHaveLength(1);
    const last = sb.writeLog.lastSeq;
    await call(sb.url, 'PATCH', `/api/now/table/incident/${inc}`, AS_INTEGRATION, { [F.status]: 'accepted' });
    expect(sb.writeLog.entries({ after: last }).map((e) => e.body)).toEqual([{ [F.status]: 'accepted' }]);
    expect(sb.writeLog.entries({ sysId: inc, table: 'incident' }).length).toBeGreaterThan(2);
  });
});
