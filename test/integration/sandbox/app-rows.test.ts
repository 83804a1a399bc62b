/**
 * The app's request and review tables on the sandbox (docs/contract.md): who
 * may create a row, the before-insert rules that validate it and stamp what
 * the person cannot choose (requested_by, reviewed_by, number, state), the
 * read check run as the requester, the column-level write rules, and the
 * after-insert doorbell.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createSandbox, stableSysId, type Sandbox } from '../../../connectors/servicenow/sandbox/index.js';
import { AS_ADMIN, AS_INTEGRATION, as, call, sysIdOf, type One } from './client.js';
import { incidentPanel } from './panels.js';

let sb: Sandbox;
let inc: string;
let R: string;
let V: string;
const ci = stableSysId('cmdb_ci:VPN Gateway EU-West');

const create = (user: string, table: string, body: Record<string, unknown>) => call<One>(sb.url, 'POST', `/api/now/table/${table}?sysparm_exclude_reference_link=true`, as(user), body);
const setPanel = async (sysId: string, panel: unknown): Promise<void> => {
  const answer = await call(sb.url, 'PATCH', `/api/now/table/incident/${sysId}`, AS_ADMIN, { [sb.app.fields.panel]: JSON.stringify(panel) });
  expect(answer.status).toBe(200);
};
const panelFor = (handoffs: Parameters<typeof incidentPanel>[1] = []) =>
  incidentPanel({ sysId: inc, number: 'INC0002041', commander: { id: stableSysId('sys_user:irene.costa'), name: 'Irene Costa' } }, handoffs);
const request = (overrides: Record<string, unknown> = {}) => ({ ticket_table: 'incident', ticket: inc, operation: 'gather-diagnostics', scope_digest: 'a1'.repeat(16), note: 'check the tunnel', ...overrides });

beforeAll(async () => {
  sb = await createSandbox({ control: true });
  inc = await sysIdOf(sb.url, 'incident', 'INC0002041');
  R = sb.app.tables.request;
  V = sb.app.tables.review;
});
afterAll(() => sb.close());

describe('a request row', () => {
  beforeEach(async () => {
    await setPanel(inc, panelFor());
    // Each test starts with no pending request on the ticket.
    for (const row of sb.store.partitions(R)[0]!.rows.values()) sb.store.update(row, { state: 'refused' });
  });

  it('is created by an agent; the rule stamps number, requested_by and state, whatever the body said', async () => {
    const forged = stableSysId('sys_user:irene.costa');
    const answer = await create('alex.rivera', R, request({ requested_by: forged, state: 'queued', number: 'INC9999999', readable: '{"forged":true}', handoff: 'ho_aaaaaaaaaaaaaaaaaaaaaaaaaa' }));
    expect(answer.status).toBe(201);
    const row = answer.json.result;
    expect(row).toMatchObject({ ticket_table: 'incident', ticket: inc, operation: 'gather-diagnostics', note: 'check the tunnel', number: 'INC0002041', state: 'pending', handoff: '' });
    // The rule's own read check of the panel (it lists no queries), not the forged value.
    expect(JSON.parse(row.readable as string)).toMatchObject({ check: panelFor().readCheck.id, readable: {} });
    expect(row.requested_by).toBe(stableSysId('sys_user:alex.rivera'));
    expect(row.sys_created_by).toBe('alex.rivera');
    const logged = sb.writeLog.entries({ table: R, user: 'alex.rivera' }).at(-1)!;
    expect(logged.ignored).toEqual(expect.arrayContaining(['requested_by', 'state', 'number', 'readable', 'handoff']));
  });

  it('cannot be created by a person without the agent role (403), nor by the integration user', async () => {
    for (const [auth, who] of [[as('priya.nair'), 'itil only'], [as('irene.costa'), 'reviewer'], [AS_INTEGRATION, 'integration']] as const) {
      const answer = await call<{ error: { message: string } }>(sb.url, 'POST', `/api/now/table/${R}`, auth, request());
      expect(answer.status, who).toBe(403);
      expect(answer.json.error.message).toBe('Operation Failed');
    }
  });

  it.each([
    ['an operation the panel does not offer', { operation: 'summon-vendor' }, "The operation 'summon-vendor' is not offered"],
    ['a blocked operation', { operation: 'execute-failover', scope_digest: 'd4'.repeat(16) }, 'is blocked on this ticket'],
    ['a stale scope digest', { scope_digest: 'f'.repeat(32) }, 'changed after you reviewed it'],
    ['a malformed digest', { scope_digest: 'abc' }, 'scope_digest must be the 32-character scope digest'],
    ['a table outside the app', { ticket_table: 'sys_user' }, 'ticket_table must be one of'],
    ['a note over 1,000 characters', { note: 'n'.repeat(1001) }, 'note is 1001 characters'],
  ])('is refused for %s, with the message the dialog shows', async (_what, overrides, message) => {
    const answer = await call<{ error: { message: string; detail: string } }>(sb.url, 'POST', `/api/now/table/${R}`, as('alex.rivera'), request(overrides));
    expect(answer.status).toBe(403);
    expect(answer.json.error.message).toContain(message);
    expect(answer.json.error.detail).toBe(`Error during insert of ${R}`);
  });

  it('is refused while a request for the same operation on the ticket is pending', async () => {
    expect((await create('alex.rivera', R, request())).status).toBe(201);
    const second = await call<{ error: { message: string } }>(sb.url, 'POST', `/api/now/table/${R}`, as('nora.brandt'), request());
    expect(second.status).toBe(403);
    expect(second.json.error.message).toContain('already waiting');
    // Another operation is fine.
    expect((await create('nora.brandt', R, request({ operation: 'compare-baseline', scope_digest: 'b2'.repeat(16) }))).status).toBe(201);
  });

  it('is refused for a ticket the agent cannot read (a security incident without an sn_si role)', async () => {
    const sir = await sysIdOf(sb.url, 'sn_si_incident', 'SIR0002274');
    const answer = await call<{ error: { message: string } }>(sb.url, 'POST', `/api/now/table/${R}`, as('alex.rivera'), request({ ticket_table: 'sn_si_incident', ticket: sir }));
    expect(answer.status).toBe(403);
    expect(answer.json.error.message).toContain('You cannot read this ticket');
  });

  it('columns: only the integration role writes state, handoff, message and remedy; nothing else changes after insert', async () => {
    const row = (await create('alex.rivera', R, request())).json.result;
    const id = row.sys_id as string;
    expect((await call(sb.url, 'PATCH', `/api/now/table/${R}/${id}`, as('alex.rivera'), { state: 'queued' })).status).toBe(403);
    const worker = await call<One>(sb.url, 'PATCH', `/api/now/table/${R}/${id}?sysparm_exclude_reference_link=true`, AS_INTEGRATION, { state: 'refused', message: 'no', remedy: 'ask again', operation: 'execute-failover', requested_by: '' });
    expect(worker.status).toBe(200);
    expect(worker.json.result).toMatchObject({ state: 'refused', message: 'no', remedy: 'ask again', operation: 'gather-diagnostics', requested_by: stableSysId('sys_user:alex.rivera') });
    expect(sb.writeLog.entries({ table: R, user: 'svc.aihandoff' }).at(-1)!.ignored).toEqual(['operation', 'requested_by']);
  });
});

describe('the read check', () => {
  const related = (limit = 20) => ({ source: 'related_by_ci', table: 'incident', field: 'cmdb_ci', value: ci, exclude: inc, limit });
  const withCheck = (readCheck: unknown) => ({ ...panelFor(), readCheck });
  /** A panel written before the read boundary (schema 1 had no read check). */
  const withoutCheck = (): object => {
    const { readCheck: _none, ...rest } = panelFor();
    return rest;
  };
  const readable = async (): Promise<unknown> => {
    const answer = await create('alex.rivera', R, request());
    expect(answer.status).toBe(201);
    sb.store.update(sb.store.get(R, answer.json.result.sys_id as string)!, { state: 'refused' });
    const text = answer.json.result.readable as string;
    return text === '' ? '' : JSON.parse(text);
  };

  it('lists what the requester may read: not a restricted ticket of another group, not a record hidden from them, the CI', async () => {
    const hidden = await sysIdOf(sb.url, 'incident', 'INC0001987');
    const restricted = await sysIdOf(sb.url, 'incident', 'INC0001990');
    const visible = await sysIdOf(sb.url, 'incident', 'INC0002043');
    expect((await call(sb.url, 'PATCH', `/api/now/table/incident/${restricted}`, AS_ADMIN, { [sb.app.fields.dataClass]: 'restricted', assignment_group: stableSysId('sys_user_group:Payroll Systems') })).status).toBe(200);
    expect((await call(sb.url, 'POST', '/sandbox/control/denials', undefined, { user: 'alex.rivera', sys_id: hidden })).status).toBe(201);
    await setPanel(inc, withCheck({ id: 'check-1', queries: [related(), { source: 'ci_record', table: 'cmdb_ci', sysId: ci }] }));
    const result = (await readable()) as { check: string; at: string; readable: Record<string, string[]> };
    expect(result.check).toBe('check-1');
    expect(result.at).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    expect(result.readable.cmdb_ci).toEqual([ci]);
    expect(result.readable.incident).toContain(visible);
    expect(result.readable.incident).not.toContain(hidden);
    expect(result.readable.incident).not.toContain(restricted);
    expect(result.readable.incident).not.toContain(inc);
    await call(sb.url, 'DELETE', '/sandbox/control/denials', undefined);
  });

  it('lists newest first, at most `limit` records', async () => {
    await setPanel(inc, withCheck({ id: 'check-2', queries: [related(1)] }));
    const result = (await readable()) as { readable: Record<string, string[]> };
    expect(result.readable.incident).toHaveLength(1);
  });

  it.each([
    ['absent', undefined],
    ['a table outside the ticket tables and cmdb_ci', { id: 'x', queries: [{ ...related(), table: 'sys_user' }] }],
    ['a dot-walked field', { id: 'x', queries: [{ ...related(), field: 'cmdb_ci.name' }] }],
    ['a value that is not a sys_id', { id: 'x', queries: [{ ...related(), value: "x'^ORactive=true" }] }],
    ['a limit over 50', { id: 'x', queries: [related(51)] }],
    ['an unknown member', { id: 'x', queries: [related()], extra: true }],
  ])('stores an empty readable when the list is %s', async (_what, check) => {
    await setPanel(inc, check === undefined ? withoutCheck() : withCheck(check));
    expect(await readable()).toBe('');
  });
});

describe('a review row', () => {
  const awaiting = 'ho_aaaaaaaaaaaaaaaaaaaaaaaaaa';
  const queued = 'ho_bbbbbbbbbbbbbbbbbbbbbbbbbb';
  const handoff = (id: string, status: 'awaiting_review' | 'queued') => ({
    id,
    operation: 'draft-vendor-escalation',
    status,
    requestedBy: 'alex.rivera',
    approval: { required: true, role: 'incident_commander' as const, approver: { kind: 'user' as const, id: stableSysId('sys_user:irene.costa'), name: 'Irene Costa' } },
    updatedAt: '2026-11-25T10:00:00.000Z',
  });
  const review = (overrides: Record<string, unknown> = {}) => ({ ticket_table: 'incident', ticket: inc, handoff: awaiting, decision: 'accept', comment: 'fine', ...overrides });
  beforeAll(() => setPanel(inc, panelFor([handoff(awaiting, 'awaiting_review'), handoff(queued, 'queued')])));

  it('is created by a reviewer; the rule stamps reviewed_by, number and state', async () => {
    const answer = await create('irene.costa', V, review({ reviewed_by: stableSysId('sys_user:alex.rivera'), state: 'recorded' }));
    expect(answer.status).toBe(201);
    expect(answer.json.result).toMatchObject({ handoff: awaiting, decision: 'accept', comment: 'fine', number: 'INC0002041', state: 'pending', reviewed_by: stableSysId('sys_user:irene.costa'), sys_created_by: 'irene.costa' });
  });

  it.each([
    ['a hand-off not awaiting review', { handoff: queued }, 'not awaiting review'],
    ['a hand-off not on the panel', { handoff: 'ho_cccccccccccccccccccccccccc' }, 'is not on this ticket'],
    ['a decision that is not one', { decision: 'approve' }, 'decision must be accept, reject or escalate'],
  ])('is refused for %s', async (_what, overrides, message) => {
    const answer = await call<{ error: { message: string } }>(sb.url, 'POST', `/api/now/table/${V}`, as('irene.costa'), review(overrides));
    expect(answer.status).toBe(403);
    expect(answer.json.error.message).toContain(message);
  });

  it('cannot be created without the reviewer or agent role', async () => {
    expect((await call(sb.url, 'POST', `/api/now/table/${V}`, as('raj.patel'), review())).status).toBe(403);
  });
});

describe('the doorbell', () => {
  let server: Server;
  const rings: { body: unknown; token: string | undefined }[] = [];
  let url = '';
  beforeAll(async () => {
    server = createServer((req: IncomingMessage, res) => {
      let text = '';
      req.on('data', (d: Buffer) => (text += d.toString()));
      req.on('end', () => {
        rings.push({ body: JSON.parse(text) as unknown, token: req.headers['x-aih-doorbell'] as string | undefined });
        res.writeHead(202).end();
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/ring`;
    await setPanel(inc, panelFor());
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));
  beforeEach(() => {
    for (const row of sb.store.partitions(R)[0]!.rows.values()) sb.store.update(row, { state: 'refused' });
  });

  it('rings with the new row and the token after an insert, and not for a refused one', async () => {
    expect((await call(sb.url, 'PUT', '/sandbox/control/doorbell', undefined, { url, token: 'bell-token' })).status).toBe(200);
    const row = (await create('alex.rivera', R, request())).json.result;
    await expect.poll(() => rings.length).toBe(1);
    expect(rings[0]).toEqual({ body: { table: R, sys_id: row.sys_id }, token: 'bell-token' });
    expect((await create('alex.rivera', R, request())).status).toBe(403);
    await new Promise((r) => setTimeout(r, 200));
    expect(rings).toHaveLength(1);
  });

  it('never fails or holds up the insert when nobody answers', async () => {
    await call(sb.url, 'PUT', '/sandbox/control/doorbell', undefined, { url: 'http://127.0.0.1:1/ring' });
    const answer = await create('alex.rivera', R, request());
    expect(answer.status).toBe(201);
    await expect.poll(async () => ((await call<{ result: { failed: number } }>(sb.url, 'GET', '/sandbox/control/doorbell', undefined)).json.result.failed)).toBeGreaterThan(0);
    await call(sb.url, 'DELETE', '/sandbox/control/doorbell', undefined);
  });

  it('refuses a doorbell URL that is not http(s), naming the field', async () => {
    const answer = await call<{ error: { message: string } }>(sb.url, 'PUT', '/sandbox/control/doorbell', undefined, { url: 'file:///etc/passwd' });
    expect(answer.status).toBe(400);
    expect(answer.json.error.message).toContain('url');
  });
});
