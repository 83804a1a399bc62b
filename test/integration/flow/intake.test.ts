/**
 * Every request ends (issue 11, docs/contract.md "Intake"): a fault at every
 * step of taking a request row, from the instance (a 5xx, a pool-full 429, a
 * truncated answer, a write whose answer is lost) or inside the worker (a
 * Redis blip, a lease held), leaves the row pending and the next polls take
 * it, once: one hand-off, one note. A row that keeps failing past
 * worker.intake.boundMs is refused with its last cause and "ask again".
 * Who made a row comes from the platform: a forged requested_by, a person
 * without the agent role, or one who lost it, is refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FaultRule } from '../../../connectors/servicenow/sandbox/index.js';
import type { FaultPoint } from '../../../src/handoff/flow-deps.js';
import { HandoffError } from '../../../src/errors.js';
import { startFlowHarness, type FlowHarness } from '../../support/flow-harness.js';
import { eligibleIncidents, expectOnlyAllowedWrites, handOff, untilEvent } from '../../support/flow-steps.js';

const OPERATION = 'gather-diagnostics';

describe('a fault at every step of intake', () => {
  let h: FlowHarness;
  let armed: { point: FaultPoint; error: Error } | null = null;
  let tickets: string[] = [];
  beforeAll(async () => {
    h = await startFlowHarness({
      sandbox: { seed: { tickets: 300 } },
      // Every attempt looks the requester up (no cache), and the connector gives up fast, so the intake's own retry is what is tested.
      config: (c) => ({ ...c, worker: { ...c.worker, userCacheMs: 0 } }),
      connector: { retry: { maxAttempts: 2, baseDelayMs: 20, maxDelayMs: 50 } },
      fault: (point) => {
        if (armed?.point !== point) return;
        const { error } = armed;
        armed = null;
        throw error;
      },
    });
    tickets = await eligibleIncidents(h, OPERATION, 16);
  });
  afterAll(async () => {
    expectOnlyAllowedWrites(h);
    await h.close();
  });

  const user = 'svc.aihandoff';
  const instanceFaults: [string, (ticket: string) => FaultRule][] = [
    ['the poll answers 503', () => ({ kind: 'error', status: 503, method: 'GET', path: `/api/now/table/${h.sandbox.app.tables.request}`, user, count: 3 })],
    ['the poll answer is cut short', () => ({ kind: 'truncate', method: 'GET', path: `/api/now/table/${h.sandbox.app.tables.request}`, user, count: 1 })],
    ['the requester lookup answers 503', () => ({ kind: 'error', status: 503, table: 'sys_user', user, count: 3 })],
    ['the roles lookup finds the pool full (429)', () => ({ kind: 'busy', table: 'sys_user_has_role', user, count: 3 })],
    ['the ticket read is cut short', (ticket) => ({ kind: 'truncate', method: 'GET', path: `/api/now/table/incident/${ticket}`, user, count: 1 })],
    ['the ticket read answers an empty 202', (ticket) => ({ kind: 'empty202', method: 'GET', path: `/api/now/table/incident/${ticket}`, user, count: 3 })],
    ['taking the row answers 502', (ticket) => ({ kind: 'error', status: 502, method: 'POST', path: `${h.sandbox.app.apiBase}/tickets/incident/${ticket}`, user, count: 3 })],
    ['taking the row loses its answer', (ticket) => ({ kind: 'drop', when: 'after', method: 'POST', path: `${h.sandbox.app.apiBase}/tickets/incident/${ticket}`, user, count: 1 })],
  ];
  const flowFaults: [string, FaultPoint, () => Error][] = [
    ['Redis is away as the row is locked', 'intake-row-locked', () => Object.assign(new Error('Connection is closed.'), { code: 'ECONNRESET' })],
    ['a lease is held after the ticket read', 'intake-ticket-read', () => new HandoffError('LEASE_HELD', 'another worker is writing the panel')],
    ['the worker stops right after creating the hand-off', 'after-handoff-create', () => new Error('stopped after the hand-off was created')],
    ['the worker stops right after taking the row', 'intake-after-take', () => new Error('stopped after the row was taken')],
  ];

  /** Requests on the next ticket; waits for the row to end and its note; answers the ticket's hand-offs. */
  const requestAndSettle = async (ticket: string): Promise<void> => {
    const number = h.sandbox.store.get('incident', ticket)!.v.number!;
    const row = await h.request('alex.rivera', number, { operation: OPERATION });
    const ended = await h.untilRowEnds('request', row, 45_000);
    expect(ended).toMatchObject({ state: 'queued', message: '' });
    await untilEvent(h, ended.handoff!, 'written', 45_000);
    const handoffs = await h.worker!.store.forTicket('incident', ticket, 10);
    expect(handoffs.map((x) => x.id)).toEqual([ended.handoff]);
    expect(handoffs[0]).toMatchObject({ requestRow: row, status: 'awaiting_review', requester: { userName: 'alex.rivera' } });
    const notes = (await h.notes(number)).filter((n) => n.by === 'svc.aihandoff' && n.value.includes(ended.handoff!));
    expect(notes).toHaveLength(1);
    const events = (await h.worker!.ledger.forHandoff(ended.handoff!)).map((e) => e.type);
    expect(events.filter((t) => t === 'requested')).toHaveLength(1);
    expect(events.filter((t) => t === 'queued')).toHaveLength(1);
  };

  it.each(instanceFaults)('%s: the row stays pending, the next poll takes it, one hand-off and one note', async (_what, rule) => {
    const ticket = tickets.shift()!;
    const id = h.sandbox.faults.add(rule(ticket));
    try {
      await requestAndSettle(ticket);
      expect(h.sandbox.faults.list().find((r) => r.id === id)!.fired).toBeGreaterThan(0);
    } finally {
      h.sandbox.faults.clear();
    }
  });

  it.each(flowFaults)('%s: the row stays pending, the next poll takes it, one hand-off and one note', async (_what, point, error) => {
    const ticket = tickets.shift()!;
    armed = { point, error: error() };
    await requestAndSettle(ticket);
    expect(armed).toBeNull();
    expect(h.worker!.intake.counts.retried).toBeGreaterThan(0);
  });
});

describe('a row that keeps failing past the bound', () => {
  it('is refused with its last cause and "ask again"; nothing is left pending', async () => {
    const h = await startFlowHarness({
      config: (c) => ({ ...c, worker: { ...c.worker, maintenanceEveryMs: 1_000, intake: { ...c.worker.intake, boundMs: 2_000 } } }),
      connector: { retry: { maxAttempts: 2, baseDelayMs: 20, maxDelayMs: 50 } },
    });
    try {
      await h.waitFor('the panel', async () => (await h.ticket('INC0002044')).panel);
      const ticket = (await h.ticket('INC0002044')).sysId;
      h.sandbox.faults.add({ kind: 'error', status: 503, method: 'GET', path: `/api/now/table/incident/${ticket}`, user: 'svc.aihandoff' });
      const row = await h.request('alex.rivera', 'INC0002044', { operation: OPERATION });
      const ended = await h.untilRowEnds('request', row, 30_000);
      expect(ended.state).toBe('refused');
      expect(ended.message).toMatch(/^The request could not be taken within 2 s: SN_UNAVAILABLE/);
      expect(ended.remedy).toContain('Ask again');
      expect(await h.worker!.store.forTicket('incident', ticket, 5)).toEqual([]);
      const refusals = [];
      for await (const e of h.worker!.ledger.events()) if (e.type === 'refused' && e.details.row === row) refusals.push(e);
      expect(refusals.map((e) => e.details.code)).toEqual(['INTAKE_EXPIRED']);
      expect(h.worker!.intake.counts.expired).toBe(1);
      // Once the instance answers again, the maintenance sweep writes the panel the refusal owed: it shows why.
      h.sandbox.faults.clear();
      await h.waitFor('the notice in the panel', async () => (await h.ticket('INC0002044')).panel?.notice?.message.includes('could not be taken within'), 30_000);
      expectOnlyAllowedWrites(h);
    } finally {
      await h.close();
    }
  }, 60_000);
});

describe('who made the row', () => {
  let h: FlowHarness;
  beforeAll(async () => {
    h = await startFlowHarness({ config: (c) => ({ ...c, worker: { ...c.worker, userCacheMs: 1_000 } }) });
    await h.waitFor('the panels', async () => (await h.ticket('INC0002047')).panel && (await h.ticket('INC0002043')).panel && (await h.ticket('INC0002044')).panel);
  });
  afterAll(async () => {
    expectOnlyAllowedWrites(h);
    await h.close();
  });

  const scopeOf = async (number: string): Promise<string> => (await h.ticket(number)).panel!.operations.find((o) => o.id === OPERATION)!.scopeDigest;
  const refusedCode = async (row: string): Promise<unknown> => {
    for await (const e of h.worker!.ledger.events()) if (e.type === 'refused' && e.details.row === row) return e.details.code;
    return undefined;
  };

  it('refuses a row whose requested_by names someone else than its creator (a rule that let a forgery through)', async () => {
    const irene = h.sandbox.directory.user('irene.costa')!.v.sys_id!;
    const row = await h.plantRow('request', 'INC0002047', { operation: OPERATION, scope_digest: await scopeOf('INC0002047'), sys_created_by: 'alex.rivera', requested_by: irene });
    const ended = await h.untilRowEnds('request', row);
    expect(ended).toMatchObject({ state: 'refused' });
    expect(ended.message).toContain('requested_by does not name alex.rivera');
    expect(await refusedCode(row)).toBe('IDENTITY_MISMATCH');
  });

  it('an itil-only user cannot create a request (403); a row planted past the rule is refused for the missing role', async () => {
    const answer = await h.tryRequest('priya.nair', 'INC0002047', { operation: OPERATION });
    expect(answer.status).toBe(403);
    const row = await h.plantRow('request', 'INC0002047', { operation: OPERATION, scope_digest: await scopeOf('INC0002047'), sys_created_by: 'priya.nair' });
    const ended = await h.untilRowEnds('request', row);
    expect(ended.state).toBe('refused');
    expect(ended.message).toContain('priya.nair does not hold the x_acme_aihandoff.agent role');
    expect(await refusedCode(row)).toBe('ROLE_MISSING');
  });

  it('refuses a requester who lost the agent role, within worker.userCacheMs', async () => {
    // Alex's roles are cached from an earlier request; the admin takes the agent role away.
    const alex = h.sandbox.directory.user('alex.rivera')!.v.sys_id!;
    const grant = [...h.sandbox.store.partitions('sys_user_has_role')[0]!.rows.values()].find((r) => r.v.user === alex && h.sandbox.store.get('sys_user_role', r.v.role!)?.v.name === 'x_acme_aihandoff.agent')!;
    h.sandbox.store.update(grant, { state: 'inactive' });
    try {
      await new Promise((r) => setTimeout(r, 1_100));
      const row = await h.plantRow('request', 'INC0002043', { operation: OPERATION, scope_digest: await scopeOf('INC0002043'), sys_created_by: 'alex.rivera' });
      const ended = await h.untilRowEnds('request', row);
      expect(ended.state).toBe('refused');
      expect(await refusedCode(row)).toBe('ROLE_MISSING');
      expect(await h.worker!.store.forTicket('incident', (await h.ticket('INC0002043')).sysId, 5)).toEqual([]);
    } finally {
      h.sandbox.store.update(grant, { state: 'active' });
      // The cache sees the role back within its bound too.
      await new Promise((r) => setTimeout(r, 1_100));
    }
  });

  it('takes a review only from a holder of the reviewer role, or the agent role for an output needing no approval', async () => {
    const pack = await handOff(h, 'alex.rivera', 'INC0002044', OPERATION);
    const planted = await h.plantRow('review', 'INC0002044', { handoff: pack.id, decision: 'accept', sys_created_by: 'raj.patel' });
    const refused = await h.untilRowEnds('review', planted);
    expect(refused).toMatchObject({ state: 'refused' });
    expect(refused.message).toContain('raj.patel holds neither the x_acme_aihandoff.reviewer nor the x_acme_aihandoff.agent role');
    const row = await h.review('alex.rivera', 'INC0002044', { handoff: pack.id, decision: 'accept' });
    expect(await h.untilRowEnds('review', row)).toMatchObject({ state: 'recorded', message: '' });
    expect((await h.worker!.store.get(pack.id))?.review).toMatchObject({ decision: 'accept', by: { userName: 'alex.rivera' }, row });
  });

  it('refuses a row created by the integration user, and a row naming a table the worker does not serve', async () => {
    const own = await h.plantRow('request', 'INC0002047', { operation: OPERATION, scope_digest: await scopeOf('INC0002047'), sys_created_by: 'svc.aihandoff' });
    expect((await h.untilRowEnds('request', own)).message).toContain('created by the integration user');
    const foreign = await h.plantRow('request', 'INC0002047', { ticket_table: 'cmdb_ci', operation: OPERATION, scope_digest: await scopeOf('INC0002047') });
    const ended = await h.untilRowEnds('request', foreign);
    expect(ended).toMatchObject({ state: 'refused' });
    expect(ended.message).toContain("serves no table 'cmdb_ci'");
  });
});

describe('a worker started against an instance without the app in its scope', () => {
  it('stops at start, naming the scope and the fix, instead of polling a table that is not there', async () => {
    const h = await startFlowHarness({ noWorker: true, appScope: 'x_globx_aih' });
    try {
      await expect(h.startWorker()).rejects.toMatchObject({
        code: 'CONFIG_INVALID',
        message: 'the instance has no table x_globx_aih_request: the AI Handoff app is not installed in scope x_globx_aih',
      });
    } finally {
      await h.close();
    }
  });
});
