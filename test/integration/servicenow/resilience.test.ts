/**
 * The failures a real instance and its network produce, from the sandbox's
 * rate limiter and fault injection, survived by the real connector over
 * loopback HTTP: every pull still returns each active ticket exactly once,
 * and every note lands once. A ticket write goes through the app's API with
 * the note's key, so it is safe to send again after any failure (a 5xx, a
 * lost answer, a timeout): the app writes the note only if no entry of the
 * integration user holds the key. Back-off sleeps move the shared clock
 * instead of waiting (sandbox-world.ts).
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { INTEGRATION_USER } from '../../../connectors/servicenow/sandbox/index.js';
import type { TicketWrite } from '../../../src/connector/connector.js';
import { activeSysIds, byNumber, countRequests, duplicates, journalRows, mapping, pullAll, sealedPanel, startWorld, type World, type WorldOptions } from './sandbox-world.js';

let world: World | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

const incident = mapping('incident');
const PAGE = 20;

async function begin(options: WorldOptions = {}): Promise<World> {
  world = await startWorld({ sandbox: { seed: { tickets: 400, generator: { seed: 9 } } }, ...options });
  return world;
}

/** Pulls every active incident and checks none is lost or repeated; returns the pages a clean pull takes. */
async function pullsEveryIncidentOnce(w: World): Promise<number> {
  const expected = activeSysIds(w.sandbox, 'incident');
  const ids = (await pullAll(w.connector, 'incident', PAGE)).map((r) => r.sys_id ?? '');
  expect(duplicates(ids)).toEqual([]);
  expect(new Set(ids)).toEqual(new Set(expected));
  return Math.floor(expected.length / PAGE) + 1;
}

/** The integration user's writes to one record: [fields, applied, status]. */
function writesTo(w: World, sysId: string): Array<[readonly string[], boolean, number]> {
  return w.sandbox.writeLog.entries({ sysId }).map((e) => [e.fields, e.applied, e.status]);
}

/** A note and its idempotency key, as the worker sends one (the key is a line of the note). */
const keyed = (text: string): TicketWrite => ({ note: { text: `${text}\n[key: ${text}]`, key: `[key: ${text}]` } });
const notesSaying = (w: World, sysId: string, text: string): number => journalRows(w.sandbox, 'incident', sysId).filter((r) => r.v.value!.startsWith(`${text}\n`)).length;

function ticket(w: World): string {
  return byNumber(w.sandbox, 'incident', 'INC0002041').v.sys_id!;
}

describe('rate limits', () => {
  it('waits out 429s for their Retry-After and loses nothing; a rate-limited note is sent again and lands once', async () => {
    const w = await begin();
    w.sandbox.rateLimit.set({ limit: 3, windowMs: 5000 });
    const requests = countRequests(w.sandbox);
    const pages = await pullsEveryIncidentOnce(w);
    const limited = Math.ceil(pages / 3) - 1;
    expect(pages).toBeGreaterThan(4);
    expect(requests()).toBe(pages + limited);
    // Each wait is the server's hint (Retry-After: 5 at the start of a 5 s window), not a back-off guess.
    expect(w.sleeps).toEqual(Array.from({ length: limited }, () => 5000));

    // A 429 is answered before the instance handles the call, so even a note may be sent again.
    const sysId = ticket(w);
    w.sandbox.rateLimit.set({ limit: 1, windowMs: 5000 });
    await w.connector.get(incident, sysId);
    await w.connector.writeTicket(incident, sysId, keyed('AI draft after a 429'));
    expect(writesTo(w, sysId)).toEqual([
      [['work_notes'], false, 429],
      [['work_notes'], true, 200],
    ]);
    expect(notesSaying(w, sysId, 'AI draft after a 429')).toBe(1);
  });
});

describe('server errors', () => {
  it('retries 5xx bursts and empty 202s on reads, losing nothing', async () => {
    const w = await begin();
    w.sandbox.faults.add({ kind: 'error', status: 503, table: 'incident', method: 'GET', count: 3 });
    w.sandbox.faults.add({ kind: 'error', status: 502, table: 'incident', method: 'GET', skip: 4, count: 4 });
    w.sandbox.faults.add({ kind: 'empty202', table: 'incident', skip: 6, count: 2 });
    const requests = countRequests(w.sandbox, { table: 'incident' });
    const pages = await pullsEveryIncidentOnce(w);
    expect(requests()).toBe(pages + 9);
    expect(w.sleeps).toHaveLength(9);
    expect(w.sandbox.faults.list().filter((r) => r.kind !== 'delay').map((r) => r.fired)).toEqual([3, 4, 2]);
  });

  it('sends a note again after a 5xx and it lands once; a 5xx on AI fields is retried until applied', async () => {
    const w = await begin();
    const sysId = ticket(w);
    const { panel, status } = w.sandbox.appFields;
    w.sandbox.faults.add({ kind: 'error', status: 500, method: 'POST', count: 1 });
    expect(await w.connector.writeTicket(incident, sysId, keyed('AI draft behind a 500'))).toMatchObject({ note: 'written' });
    expect(writesTo(w, sysId)).toEqual([
      [['work_notes'], false, 500],
      [['work_notes'], true, 200],
    ]);
    expect(notesSaying(w, sysId, 'AI draft behind a 500')).toBe(1);

    w.sandbox.faults.add({ kind: 'error', status: 503, method: 'POST', count: 2 });
    const sealed = JSON.stringify(sealedPanel('incident', sysId, 'INC0002041'));
    await w.connector.writeTicket(incident, sysId, { fields: { [panel]: sealed, [status]: 'eligible' } });
    expect(writesTo(w, sysId).slice(2)).toEqual([
      [[panel, status], false, 503],
      [[panel, status], false, 503],
      [[panel, status], true, 200],
    ]);
  });
});

describe('dropped connections', () => {
  it('sends a note whose answer was lost again: the app finds its key and writes it once', async () => {
    const w = await begin();
    const sysId = ticket(w);
    w.sandbox.faults.add({ kind: 'drop', when: 'after', method: 'POST', count: 1 });
    expect(await w.connector.writeTicket(incident, sysId, keyed('AI draft, answer lost'))).toMatchObject({ note: 'already_written' });
    const log = w.sandbox.writeLog.entries({ sysId });
    expect(log.map((e) => [e.user, e.fields, e.applied, e.status, e.changed])).toEqual([
      [INTEGRATION_USER, ['work_notes'], true, 0, ['work_notes']],
      [INTEGRATION_USER, ['work_notes'], true, 200, []],
    ]);
    expect(log[0]!.reason).toContain('connection dropped');
    expect(log[1]!.reason).toBe('note already written (key found)');
    expect(notesSaying(w, sysId, 'AI draft, answer lost')).toBe(1);
  });

  it('sends an AI-field write again after a drop: applied twice, changed once', async () => {
    const w = await begin();
    const sysId = ticket(w);
    const { status } = w.sandbox.appFields;
    w.sandbox.faults.add({ kind: 'drop', when: 'after', method: 'POST', count: 1 });
    expect(await w.connector.writeTicket(incident, sysId, { fields: { [status]: 'queued' } })).toMatchObject({ note: 'none' });
    expect(w.sandbox.store.get('incident', sysId)!.v[status]).toBe('queued');
    expect(w.sandbox.writeLog.entries({ sysId }).map((e) => [e.applied, e.status, e.changed])).toEqual([
      [true, 0, [status]],
      [true, 200, []],
    ]);
  });

  it('retries a read whose connection drops before an answer', async () => {
    const w = await begin();
    w.sandbox.faults.add({ kind: 'drop', when: 'before', table: 'incident', method: 'GET', skip: 1, count: 2 });
    await pullsEveryIncidentOnce(w);
    expect(w.sleeps).toHaveLength(2);
  });
});

describe('timeouts', () => {
  it('times out a slow page and reads it again; a slow note is sent again and lands once', async () => {
    // Generous margins: a loaded machine must not turn an ordinary answer into a timeout.
    const w = await begin({ config: { timeoutMs: 600 } });
    const slowPage = w.sandbox.faults.add({ kind: 'delay', delayMs: 1500, table: 'incident', method: 'GET', skip: 2, count: 1 });
    await pullsEveryIncidentOnce(w);
    expect(w.sandbox.faults.list().find((r) => r.id === slowPage)?.fired).toBe(1);
    expect(w.sleeps.length).toBeGreaterThanOrEqual(1);
    expect(w.lines.some((l) => l.includes('trying again') && l.includes('"timeoutMs":600'))).toBe(true);

    const sysId = ticket(w);
    w.sandbox.faults.add({ kind: 'delay', delayMs: 1500, method: 'POST', count: 1 });
    await w.connector.writeTicket(incident, sysId, keyed('AI draft, slow instance'));
    // The instance finishes the first attempt after the client gave up, as a real one would: its key is found then.
    for (let i = 0; i < 60 && w.sandbox.writeLog.entries({ sysId }).length < 2; i++) await sleep(50);
    expect(writesTo(w, sysId).map(([, applied, status]) => [applied, status])).toEqual([
      [true, 200],
      [true, 200],
    ]);
    expect(notesSaying(w, sysId, 'AI draft, slow instance')).toBe(1);
  });
});

describe('OAuth mid-run', () => {
  it('re-authenticates once after a 401 mid-pull (revoked token) and once for a note, sending the note once', async () => {
    const w = await begin({ auth: 'oauth-password' });
    const tokens = countRequests(w.sandbox, { path: '/oauth_token.do' });
    const expected = activeSysIds(w.sandbox, 'incident');
    const ids: string[] = [];
    let pages = 0;
    await w.connector.sync(incident, (page) => {
      ids.push(...page.records.map((r) => r.sys_id ?? ''));
      if (++pages === 2) w.sandbox.tokens.revokeAccess();
      return Promise.resolve();
    }, { pageSize: PAGE });
    expect(duplicates(ids)).toEqual([]);
    expect(new Set(ids)).toEqual(new Set(expected));
    expect(tokens(), 'the first token, then one refresh').toBe(2);
    expect(w.lines.filter((l) => l.includes('answered 401; authenticating again once'))).toHaveLength(1);

    // A 401 means the call was not handled, so a note is sent again after re-authenticating.
    const sysId = ticket(w);
    w.sandbox.tokens.revokeAll();
    await w.connector.writeTicket(incident, sysId, keyed('AI draft after a revoked token'));
    expect(w.sandbox.writeLog.entries({ sysId }).map((e) => [e.user, e.applied, e.status])).toEqual([
      [null, false, 401],
      [INTEGRATION_USER, true, 200],
    ]);
    expect(notesSaying(w, sysId, 'AI draft after a revoked token')).toBe(1);
    expect(tokens(), 'refresh refused, then the password grant').toBe(4);

    // A second 401 in a row is final: one re-authentication, no more.
    w.sandbox.faults.add({ kind: 'unauthorized', table: 'incident', count: 5 });
    const before = tokens();
    await expect(w.connector.get(incident, sysId)).rejects.toMatchObject({ code: 'SN_AUTH_FAILED' });
    expect(tokens() - before).toBe(1);
    expect(w.sandbox.faults.list().find((r) => r.kind === 'unauthorized')?.fired).toBe(2);
  });
});
