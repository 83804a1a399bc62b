/**
 * Who may read which record and write which field, as people's Table API
 * calls see it: a restricted ticket only for its assignment group (and admin
 * and the integration role), security incidents only with an sn_si role, a
 * record hidden from one user by the control endpoint; the panel and status
 * only for the integration role, the data classification only for a data
 * steward (field-level write rules leave a denied field out, as an instance
 * does).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSandbox, type Sandbox } from '../../../connectors/servicenow/sandbox/index.js';
import { AS_ADMIN, AS_INTEGRATION, as, call, list, sysIdOf, type One } from './client.js';

let sb: Sandbox;
beforeAll(async () => {
  sb = await createSandbox({ control: true });
});
afterAll(() => sb.close());

const numbers = async (auth: string, table: string, query: string): Promise<string[]> =>
  (await list(sb.url, table, { sysparm_query: query, sysparm_fields: 'number' }, auth)).json.result.map((r) => r.number as string).sort();
const one = async (auth: string, table: string, sysId: string): Promise<number> => (await call(sb.url, 'GET', `/api/now/table/${table}/${sysId}`, auth)).status;

describe('record read rules', () => {
  it('a restricted ticket: its group, admin and the integration role read it; others see no row and a 404', async () => {
    const restricted = await sysIdOf(sb.url, 'incident', 'INC0002052');
    for (const [auth, who] of [[as('grace.obi'), 'Legal Hold member'], [AS_ADMIN, 'admin'], [AS_INTEGRATION, 'integration']] as const) {
      expect(await numbers(auth, 'incident', 'numberININC0002052,INC0002041'), who).toEqual(['INC0002041', 'INC0002052']);
      expect(await one(auth, 'incident', restricted), who).toBe(200);
    }
    expect(await numbers(as('alex.rivera'), 'incident', 'numberININC0002052,INC0002041')).toEqual(['INC0002041']);
    expect(await one(as('alex.rivera'), 'incident', restricted)).toBe(404);
    // Reading the parent table does not get round it.
    expect(await numbers(as('alex.rivera'), 'task', 'number=INC0002052')).toEqual([]);
  });

  it('a security incident only with a Security Incident Response role', async () => {
    const sir = await sysIdOf(sb.url, 'sn_si_incident', 'SIR0002274');
    expect(await numbers(as('alex.rivera'), 'sn_si_incident', 'number=SIR0002274')).toEqual([]);
    expect(await one(as('alex.rivera'), 'sn_si_incident', sir)).toBe(404);
    expect(await one(as('raj.patel'), 'sn_si_incident', sir)).toBe(404);
    for (const user of ['lena.fischer', 'samira.haddad']) expect(await one(as(user), 'sn_si_incident', sir), user).toBe(200);
    expect(await one(AS_INTEGRATION, 'sn_si_incident', sir)).toBe(200);
  });

  it('a record hidden from one user through the control endpoint, until cleared', async () => {
    const inc = await sysIdOf(sb.url, 'incident', 'INC0002043');
    const denied = await call(sb.url, 'POST', '/sandbox/control/denials', undefined, { user: 'alex.rivera', sys_id: inc });
    expect(denied.status).toBe(201);
    expect(await one(as('alex.rivera'), 'incident', inc)).toBe(404);
    expect(await numbers(as('alex.rivera'), 'incident', 'number=INC0002043')).toEqual([]);
    expect(await one(as('irene.costa'), 'incident', inc)).toBe(200);
    expect((await call(sb.url, 'PATCH', `/api/now/table/incident/${inc}`, as('alex.rivera'), { work_notes: 'hidden' })).status).toBe(403);
    await call(sb.url, 'DELETE', '/sandbox/control/denials', undefined);
    expect(await one(as('alex.rivera'), 'incident', inc)).toBe(200);
  });

  it('refuses a malformed denial, naming the field', async () => {
    const answer = await call<{ error: { message: string } }>(sb.url, 'POST', '/sandbox/control/denials', undefined, { user: 'alex.rivera', sys_id: 'INC0002043' });
    expect(answer.status).toBe(400);
    expect(answer.json.error.message).toContain('sys_id');
  });
});

describe('field-level write rules on the ticket tables', () => {
  it('the data classification only by a data steward (or admin); for anyone else it is left out and the rest applied', async () => {
    const inc = await sysIdOf(sb.url, 'incident', 'INC0002047');
    const field = sb.app.fields.dataClass;
    const agent = await call<One>(sb.url, 'PATCH', `/api/now/table/incident/${inc}`, as('alex.rivera'), { [field]: 'public', work_notes: 'reclassify?' });
    expect(agent.status).toBe(200);
    expect(agent.json.result[field]).toBe('internal');
    expect(sb.writeLog.entries({ user: 'alex.rivera', sysId: inc }).at(-1)!.ignored).toEqual([field]);
    const steward = await call<One>(sb.url, 'PATCH', `/api/now/table/incident/${inc}`, as('ruth.okafor'), { [field]: 'confidential' });
    expect(steward.json.result[field]).toBe('confidential');
    expect((await call<One>(sb.url, 'PATCH', `/api/now/table/incident/${inc}`, AS_ADMIN, { [field]: 'restricted' })).json.result[field]).toBe('restricted');
  });

  it('the panel and status: a person\'s write of them is left out', async () => {
    const inc = await sysIdOf(sb.url, 'incident', 'INC0002044');
    const { panel, status } = sb.app.fields;
    const answer = await call<One>(sb.url, 'PATCH', `/api/now/table/incident/${inc}`, as('alex.rivera'), { [panel]: '{"forged":true}', [status]: 'accepted', short_description: 'Mailbox sync slow' });
    expect(answer.status).toBe(200);
    expect(answer.json.result).toMatchObject({ [panel]: '', short_description: 'Mailbox sync slow' });
    expect(answer.json.result[status]).not.toBe('accepted');
  });
});
