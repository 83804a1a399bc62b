/**
 * Reads sent together as one Batch API call (connectors/servicenow/batch.ts),
 * through the real connector and transport against the sandbox's
 * `POST /api/now/v1/batch` over loopback HTTP: each read gets the answer it
 * would have got alone (a record, a 404 as null, a 403 as SN_FORBIDDEN), a
 * batch that fails as a whole is retried read by read as single calls are,
 * and an instance without the Batch API gets every read alone after one
 * warning. The sandbox's endpoint itself: Base64 bodies, each item under the
 * batch's credentials, each write in the write log.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { INTEGRATION_PASSWORD, INTEGRATION_USER } from '../../../connectors/servicenow/sandbox/index.js';
import type { ObservedAttempt } from '../../../connectors/servicenow/http-transport.js';
import { markerFor } from '../../../src/ai/index.js';
import { byNumber, journalRows, mapping, startWorld, type World, type WorldOptions } from './sandbox-world.js';

let world: World | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

const incident = mapping('incident');
const NO_SUCH = 'f'.repeat(32);

async function observedWorld(options: WorldOptions = {}): Promise<{ w: World; seen: ObservedAttempt[] }> {
  const seen: ObservedAttempt[] = [];
  world = await startWorld({ ...options, connector: { ...options.connector, observe: (a) => seen.push(a) } });
  return { w: world, seen };
}

const basic = `Basic ${Buffer.from(`${INTEGRATION_USER}:${INTEGRATION_PASSWORD}`).toString('base64')}`;

async function batch(w: World, body: unknown, auth: string | null = basic): Promise<{ status: number; json: Record<string, unknown> }> {
  const res = await fetch(`${w.sandbox.url}/api/now/v1/batch`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json', ...(auth === null ? {} : { Authorization: auth }) },
    body: JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

describe('the connector sends reads started together as one Batch API call', () => {
  it('gives each read what it gets alone, in one HTTP call', async () => {
    const { w, seen } = await observedWorld();
    const ticket = byNumber(w.sandbox, 'incident', 'INC0002041').v.sys_id!;
    const alone = w.connect({ config: { batch: false } });
    const expected = await Promise.all([alone.get(incident, ticket), alone.workNotes(incident, ticket), alone.fieldChanges(incident, ticket, incident.dataClass.field!), alone.get(incident, NO_SUCH)]);
    seen.length = 0;

    const got = await Promise.all([w.connector.get(incident, ticket), w.connector.workNotes(incident, ticket), w.connector.fieldChanges(incident, ticket, incident.dataClass.field!), w.connector.get(incident, NO_SUCH)]);

    expect(got).toEqual(expected);
    expect(got[0]?.number).toBe('INC0002041');
    expect(got[3]).toBeNull();
    const batches = seen.filter((a) => a.context.operation === 'batch');
    expect(batches).toHaveLength(1);
    expect(batches[0]).toMatchObject({ method: 'POST', path: '/api/now/v1/batch', status: 200, items: 4 });
    const items = seen.filter((a) => a.batched === true);
    expect(items.map((a) => a.status).sort()).toEqual([200, 200, 200, 404]);
    // Nothing went alone: the four reads and the one batch are all that was observed.
    expect(seen).toHaveLength(5);
  });

  it('fails only the read the instance refuses, with the error it gets alone', async () => {
    const { w, seen } = await observedWorld({ sandbox: { acl: { sys_audit: { read: ['admin'], listDenial: 'forbidden' } } } });
    const ticket = byNumber(w.sandbox, 'incident', 'INC0002041').v.sys_id!;
    const [record, audit] = await Promise.allSettled([w.connector.get(incident, ticket), w.connector.fieldChanges(incident, ticket, incident.dataClass.field!)]);
    expect(record.status).toBe('fulfilled');
    expect(audit.status).toBe('rejected');
    expect((audit as PromiseRejectedResult).reason).toMatchObject({ code: 'SN_FORBIDDEN' });
    expect(seen.filter((a) => a.batched === true).map((a) => a.status).sort()).toEqual([200, 403]);
  });

  it('retries each read alone when the batch as a whole gets a 503', async () => {
    const { w, seen } = await observedWorld();
    const ticket = byNumber(w.sandbox, 'incident', 'INC0002041').v.sys_id!;
    w.sandbox.faults.add({ kind: 'error', status: 503, path: '/api/now/v1/batch', count: 1 });
    const got = await Promise.all([w.connector.get(incident, ticket), w.connector.workNotes(incident, ticket)]);
    expect(got[0]?.number).toBe('INC0002041');
    expect(got[1].length).toBeGreaterThan(0);
    expect(w.sleeps.length).toBeGreaterThan(0);
    const batches = seen.filter((a) => a.context.operation === 'batch').map((a) => a.status);
    expect(batches[0]).toBe(503);
    expect(seen.filter((a) => a.batched === true && a.status === 503)).toHaveLength(2);
    // Each read's retry went alone, not in a second batch.
    expect(seen.filter((a) => a.context.operation !== 'batch' && a.batched !== true && a.status === 200)).toHaveLength(2);
    expect(batches).toHaveLength(1);
  });

  it('sends every read alone, after one warning, to an instance without the Batch API', async () => {
    const { w, seen } = await observedWorld({ sandbox: { batchApi: false } });
    const ticket = byNumber(w.sandbox, 'incident', 'INC0002041').v.sys_id!;
    const first = await Promise.all([w.connector.get(incident, ticket), w.connector.workNotes(incident, ticket)]);
    const again = await Promise.all([w.connector.get(incident, ticket), w.connector.workNotes(incident, ticket)]);
    expect(first[0]?.number).toBe('INC0002041');
    expect(again).toEqual(first);
    expect(seen.filter((a) => a.context.operation === 'batch').map((a) => a.status)).toEqual([400]);
    expect(seen.filter((a) => a.batched === true)).toHaveLength(0);
    expect(w.lines.filter((l) => l.includes('does not take Batch API calls'))).toHaveLength(1);
  });

  it('sends ticket writes started together in one batch, each note landing once', async () => {
    const { w, seen } = await observedWorld();
    const a = byNumber(w.sandbox, 'incident', 'INC0002041').v.sys_id!;
    const b = byNumber(w.sandbox, 'incident', 'INC0002043').v.sys_id!;
    const keyA = markerFor('ho_batchwriteaaaaaaaaaaaaaaaa');
    const keyB = markerFor('ho_batchwritebbbbbbbbbbbbbbbb');
    const write = (sysId: string, key: string) => w.connector.writeTicket(incident, sysId, { note: { text: `AI draft.\n${key}`, key } });
    expect(await Promise.all([write(a, keyA), write(b, keyB)])).toMatchObject([{ note: 'written' }, { note: 'written' }]);
    // The same writes again (a lost answer): the key finds each note; nothing is written twice.
    expect(await Promise.all([write(a, keyA), write(b, keyB)])).toMatchObject([{ note: 'already_written' }, { note: 'already_written' }]);
    expect(seen.filter((x) => x.context.operation === 'batch').map((x) => x.items)).toEqual([2, 2]);
    for (const [sysId, key] of [[a, keyA], [b, keyB]] as const) {
      expect(journalRows(w.sandbox, 'incident', sysId).filter((r) => r.v.value!.includes(key))).toHaveLength(1);
    }
    const notes = w.sandbox.writeLog.entries().filter((e) => e.api === 'app' && e.user === INTEGRATION_USER);
    // Four writes logged as the integration user, each ticket's journal changed by the first only.
    expect(notes.filter((e) => e.changed.includes('work_notes')).map((e) => e.sysId).sort()).toEqual([a, b].sort());
    expect(notes.filter((e) => e.reason === 'note already written (key found)').map((e) => e.sysId).sort()).toEqual([a, b].sort());
  });

  it('leaves a pull alone: its pages never go in a batch', async () => {
    const { w, seen } = await observedWorld();
    const pages = w.connector.pull(incident, null, { pageSize: 50 })[Symbol.asyncIterator]();
    const ticket = byNumber(w.sandbox, 'incident', 'INC0002041').v.sys_id!;
    const [first] = await Promise.all([pages.next(), w.connector.get(incident, ticket)]);
    expect(first.done).toBe(false);
    await pages.return?.(undefined);
    expect(seen.filter((a) => a.context.operation === 'batch')).toHaveLength(0);
    expect(seen.filter((a) => a.batched === true)).toHaveLength(0);
  });
});

describe('the sandbox Batch API', () => {
  it('answers each item as its own call would, bodies in Base64, under the batch credentials', async () => {
    world = await startWorld();
    const w = world;
    const ticket = byNumber(w.sandbox, 'incident', 'INC0002041').v.sys_id!;
    const path = `/api/now/table/incident/${ticket}?sysparm_fields=number`;
    const direct = await fetch(`${w.sandbox.url}${path}`, { headers: { Authorization: basic, Accept: 'application/json' } });
    const directBody = await direct.text();
    const { status, json } = await batch(w, {
      batch_request_id: 'b1',
      rest_requests: [
        { id: 'a', method: 'GET', url: path },
        { id: 'b', method: 'GET', url: `/api/now/table/incident/${NO_SUCH}`, exclude_response_headers: true },
      ],
    });
    expect(status).toBe(200);
    expect(json.batch_request_id).toBe('b1');
    expect(json.unserviced_requests).toEqual([]);
    const [a, b] = json.serviced_requests as { id: string; status_code: number; body: string; headers: { name: string; value: string }[] }[];
    expect(a).toMatchObject({ id: 'a', status_code: 200 });
    expect(Buffer.from(a!.body, 'base64').toString('utf8')).toBe(directBody);
    expect(a!.headers.some((h) => h.name.toLowerCase() === 'content-type')).toBe(true);
    expect(b).toMatchObject({ id: 'b', status_code: 404, headers: [] });
  });

  it('refuses a batch without credentials, and a malformed one naming the field', async () => {
    world = await startWorld();
    expect((await batch(world, { rest_requests: [{ id: '1', method: 'GET', url: '/api/now/table/incident' }] }, null)).status).toBe(401);
    const bad = await batch(world, { rest_requests: [{ id: '1', method: 'GET' }] });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.json)).toContain('rest_requests.0.url');
    const unversioned = await fetch(`${world.sandbox.url}/api/now/batch`, { method: 'POST', headers: { Authorization: basic, 'Content-Type': 'application/json' }, body: '{}' });
    expect(unversioned.status).toBe(400);
  });

  it('records a write made inside a batch in the write log, as the batch user', async () => {
    world = await startWorld();
    const w = world;
    const ticket = byNumber(w.sandbox, 'incident', 'INC0002041').v.sys_id!;
    const body = Buffer.from(JSON.stringify({ short_description: 'changed in a batch' })).toString('base64');
    const { json } = await batch(w, { rest_requests: [{ id: 'w', method: 'PATCH', url: `/api/now/table/incident/${ticket}`, body, headers: [{ name: 'Content-Type', value: 'application/json' }] }] });
    const [item] = json.serviced_requests as { status_code: number }[];
    const last = w.sandbox.writeLog.entries().at(-1);
    expect(last).toMatchObject({ method: 'PATCH', table: 'incident', sysId: ticket, user: INTEGRATION_USER, status: item!.status_code });
  });
});
