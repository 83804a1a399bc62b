/**
 * The app's server scripts for people (script includes and the request and
 * review tables' before-insert rules) run unchanged on a fake platform: the
 * buttons' conditions, the dialog's context, Assign creating a request row
 * and Accept / Reject / Escalate a review row, in the person's session, with
 * the checks and the stamps of the tables' rules, and the read check.
 */
import { describe, expect, it } from 'vitest';
import { MAX_COMMENT_LENGTH, MAX_NOTE_LENGTH } from '../../src/domain/fields.js';
import { DECIDABLE_STATUSES, HANDOFF_STATUSES } from '../../src/domain/handoff.js';
import { APP } from './support/app-files.js';
import { CAST } from './support/cast.js';
import { callAjax, type FakePlatform, type FakeUser } from './support/fake-platform.js';
import { blockedPanel, HANDOFF_AWAITING, handoff, INC_SYS_ID, incidentPanel, noApproval } from './support/panels.js';
import { CI_SYS_ID, TABLE, ticketOnPlatform } from './support/ticket-fixture.js';

const ASSIGN = 'new x_acme_aihandoff.AiHandoffServer().canAssign(current)';
const REVIEW = 'new x_acme_aihandoff.AiHandoffServer().canReview(current)';
const AT = { sysparm_table: TABLE, sysparm_sys_id: INC_SYS_ID };

function shows(platform: FakePlatform, condition: string): unknown {
  return platform.run(condition, platform.load(TABLE, INC_SYS_ID));
}

interface Answer {
  ok: boolean;
  message: string;
  sysId?: string;
}

/** What the dialog sends for Assign: the row the shared module's requestRow builds. */
function request(platform: FakePlatform, operation: string, scope: string, note = ''): Answer {
  const row = { ticket_table: TABLE, ticket: INC_SYS_ID, operation, scope_digest: scope, note };
  return callAjax(platform, 'submitRequest', { ...AT, sysparm_row: JSON.stringify(row) }) as Answer;
}

function review(platform: FakePlatform, decision: string, id = HANDOFF_AWAITING, comment = ''): Answer {
  const row = { ticket_table: TABLE, ticket: INC_SYS_ID, handoff: id, decision, comment };
  return callAjax(platform, 'submitReview', { ...AT, sysparm_row: JSON.stringify(row) }) as Answer;
}

function only(platform: FakePlatform, table: string): Record<string, string> {
  const rows = platform.rows(table);
  expect(rows, table).toHaveLength(1);
  return rows[0]!;
}

function ticketWrites(platform: FakePlatform): string[] {
  return platform.writes.filter((w) => w.table === TABLE).map((w) => w.field);
}

describe('button conditions', () => {
  it('shows Assign To AI Operation to an agent when the panel lists operations, blocked ones included', () => {
    expect(shows(ticketOnPlatform(CAST.alex), ASSIGN)).toBe(true);
    expect(shows(ticketOnPlatform(CAST.alex, blockedPanel()), ASSIGN)).toBe(true);
  });

  it('hides it without the agent role, when the panel lists no operation, and when the panel is missing or malformed', () => {
    expect(shows(ticketOnPlatform(CAST.priya), ASSIGN)).toBe(false);
    expect(shows(ticketOnPlatform(CAST.alex, { ...blockedPanel(), operations: [] }), ASSIGN)).toBe(false);
    expect(shows(ticketOnPlatform(CAST.alex, ''), ASSIGN)).toBe(false);
    expect(shows(ticketOnPlatform(CAST.alex, '{"schema":1'), ASSIGN)).toBe(false);
  });

  it('shows the review buttons of a hand-off needing approval to the resolved approver only, never to the requester', () => {
    expect(shows(ticketOnPlatform(CAST.irene), REVIEW)).toBe(true);
    expect(shows(ticketOnPlatform({ ...CAST.alex, roles: [APP.roles.agent, APP.roles.reviewer] }), REVIEW)).toBe(false);
    expect(shows(ticketOnPlatform(CAST.morgan), REVIEW)).toBe(false);
    expect(shows(ticketOnPlatform({ ...CAST.irene, roles: ['itil'] }), REVIEW)).toBe(false);
  });

  it('shows the review buttons of a hand-off needing no approval to its requester, the assignee and the owning group', () => {
    const evidence = incidentPanel({ handoffs: [handoff({ id: HANDOFF_AWAITING, operation: 'gather-diagnostics', approval: noApproval, requestedBy: CAST.nora.sysId })] });
    expect([CAST.nora, CAST.alex, CAST.irene].map((user) => shows(ticketOnPlatform(user, evidence), REVIEW))).toEqual([true, true, true]);
    expect([CAST.morgan, CAST.samira, CAST.priya, CAST.integration].map((user) => shows(ticketOnPlatform(user, evidence), REVIEW))).toEqual([false, false, false, false]);
  });
});

describe('the dialog context', () => {
  it('gives the panel, the user with roles and active groups, and what is already waiting', () => {
    const platform = ticketOnPlatform(CAST.irene);
    expect(callAjax(platform, 'getContext', AT)).toMatchObject({ ok: true, number: 'INC0002041', pending: { operations: [], handoffs: [] } });
    const context = callAjax(platform, 'getContext', AT) as { user: unknown; panel: string };
    expect(context.user).toEqual({ sysId: CAST.irene.sysId, userName: 'irene.costa', roles: [APP.roles.reviewer], groups: [...CAST.irene.groups] });
    expect(JSON.parse(context.panel)).toEqual(incidentPanel());
    review(platform, 'accept');
    platform.actAs(CAST.alex);
    request(platform, 'gather-diagnostics', '11111111111111111111111111111111');
    expect(callAjax(platform, 'getContext', AT)).toMatchObject({ pending: { operations: ['gather-diagnostics'], handoffs: [HANDOFF_AWAITING] } });
  });

  it('refuses a table the app does not serve, a malformed sys_id, and a record the user may not read', () => {
    const platform = ticketOnPlatform(CAST.alex);
    expect(callAjax(platform, 'getContext', { ...AT, sysparm_table: 'sys_user' })).toMatchObject({ ok: false, message: expect.stringContaining('does not serve') });
    expect(callAjax(platform, 'getContext', { ...AT, sysparm_sys_id: "x' OR 1=1" })).toMatchObject({ ok: false });
    platform.canRead = () => false;
    expect(callAjax(platform, 'getContext', AT)).toMatchObject({ ok: false, message: expect.stringContaining('may not read') });
  });
});

describe('Assign To AI Operation: a request row, created as the agent', () => {
  it('creates exactly the row the dialog sent, stamped by the rule, and writes nothing to the ticket', () => {
    const platform = ticketOnPlatform(CAST.alex);
    expect(request(platform, 'draft-vendor-escalation', '33333333333333333333333333333333', 'EU-West tunnel first')).toMatchObject({ ok: true, message: expect.stringContaining('Assigned "Draft vendor escalation packet"') });
    expect(only(platform, APP.tables.request)).toMatchObject({
      ticket_table: TABLE,
      ticket: INC_SYS_ID,
      operation: 'draft-vendor-escalation',
      scope_digest: '33333333333333333333333333333333',
      note: 'EU-West tunnel first',
      number: 'INC0002041',
      requested_by: CAST.alex.sysId,
      state: 'pending',
      handoff: '',
      sys_created_by: 'alex.rivera',
    });
    // The panel's read check was run in the agent's session and recorded for the worker (docs/contract.md, "The read check").
    expect(JSON.parse(only(platform, APP.tables.request).readable ?? '')).toMatchObject({ check: incidentPanel().readCheck?.id, readable: expect.any(Object) });
    expect(ticketWrites(platform)).toEqual([]);
  });

  it.each([
    ['a blocked operation, with its reason', CAST.alex, 'draft-stakeholder-update', '44444444444444444444444444444444', 'is blocked on this ticket. Network Operations is cleared for assist-tier'],
    ['a stale scope', CAST.alex, 'gather-diagnostics', '99999999999999999999999999999999', 'changed since the dialog opened'],
    ['an operation not in the panel', CAST.alex, 'delete-everything', '11111111111111111111111111111111', 'no longer offered'],
    ['a user without the agent role', CAST.priya, 'gather-diagnostics', '11111111111111111111111111111111', 'needs the x_acme_aihandoff.agent role'],
  ])('refuses %s and creates nothing', (_name, user, operation, scope, message) => {
    const platform = ticketOnPlatform(user);
    expect(request(platform, operation, scope)).toEqual({ ok: false, message: expect.stringContaining(message) as string });
    expect(platform.rows(APP.tables.request)).toEqual([]);
  });

  it('refuses a note over the limit and a second request for the same operation while one waits', () => {
    const platform = ticketOnPlatform(CAST.alex);
    expect(request(platform, 'gather-diagnostics', '11111111111111111111111111111111', 'n'.repeat(MAX_NOTE_LENGTH + 1))).toMatchObject({ ok: false, message: expect.stringContaining('The note is 1001 characters') });
    expect(request(platform, 'gather-diagnostics', '11111111111111111111111111111111')).toMatchObject({ ok: true });
    expect(request(platform, 'gather-diagnostics', '11111111111111111111111111111111')).toMatchObject({ ok: false, message: expect.stringContaining('already waiting') });
    expect(request(platform, 'compare-baseline', '22222222222222222222222222222222')).toMatchObject({ ok: true });
    expect(platform.rows(APP.tables.request).map((r) => r.operation)).toEqual(['gather-diagnostics', 'compare-baseline']);
  });

  it('refuses a row for another ticket than the one the dialog is on, and one it cannot read', () => {
    const platform = ticketOnPlatform(CAST.alex);
    const elsewhere = { ticket_table: TABLE, ticket: 'f'.repeat(32), operation: 'gather-diagnostics', scope_digest: '1'.repeat(32), note: '' };
    expect(callAjax(platform, 'submitRequest', { ...AT, sysparm_row: JSON.stringify(elsewhere) })).toMatchObject({ ok: false, message: expect.stringContaining('for another ticket') });
    expect(callAjax(platform, 'submitRequest', { ...AT, sysparm_row: '{"ticket_table":' })).toMatchObject({ ok: false, message: expect.stringContaining('cannot read') });
    expect(platform.rows(APP.tables.request)).toEqual([]);
  });

  it('stamps a row created through the Table API whatever was submitted, and aborts one for a ticket the agent cannot read', () => {
    const platform = ticketOnPlatform(CAST.alex);
    const forged = { ticket_table: TABLE, ticket: INC_SYS_ID, operation: 'gather-diagnostics', scope_digest: '1'.repeat(32), note: '', requested_by: CAST.irene.sysId, state: 'queued', number: 'INC9', handoff: 'ho_forged', message: 'x', remedy: 'y' };
    expect(platform.create(APP.tables.request, forged)).not.toBeNull();
    expect(only(platform, APP.tables.request)).toMatchObject({ requested_by: CAST.alex.sysId, state: 'pending', number: 'INC0002041', handoff: '', message: '', remedy: '', sys_created_by: 'alex.rivera' });
    const hidden = ticketOnPlatform(CAST.alex);
    hidden.canRead = (table) => table !== TABLE;
    expect(hidden.create(APP.tables.request, { ...forged, operation: 'compare-baseline', scope_digest: '2'.repeat(32) })).toBeNull();
    expect(hidden.messages).toContain('error: You cannot read this ticket, or it does not exist.');
    expect(hidden.rows(APP.tables.request)).toEqual([]);
  });

  it('lets only the agent role create a request row (the create ACL), whatever the path', () => {
    const platform = ticketOnPlatform(CAST.irene);
    expect(platform.create(APP.tables.request, { ticket_table: TABLE, ticket: INC_SYS_ID, operation: 'gather-diagnostics', scope_digest: '1'.repeat(32) })).toBeNull();
    expect(platform.rows(APP.tables.request)).toEqual([]);
  });
});

describe('the read check, run as the agent when the request row is created', () => {
  const NEIGHBOURS = ['a'.repeat(32), 'b'.repeat(32), 'c'.repeat(32)];

  function withReadCheck(readCheck: unknown): string {
    return JSON.stringify({ ...incidentPanel(), readCheck });
  }

  function onCi(user: FakeUser, readCheck: unknown): FakePlatform {
    const platform = ticketOnPlatform(user, withReadCheck(readCheck));
    NEIGHBOURS.forEach((sysId, i) => platform.insertRow(TABLE, { sys_id: sysId, number: `INC000300${i}`, cmdb_ci: CI_SYS_ID, sys_updated_on: `2025-11-1${i} 08:00:00` }));
    platform.insertRow(TABLE, { sys_id: 'd'.repeat(32), number: 'INC0003009', cmdb_ci: 'e'.repeat(32), sys_updated_on: '2025-11-19 08:00:00' });
    return platform;
  }

  const CHECK = {
    id: 'rc1',
    queries: [
      { source: 'related_by_ci', table: TABLE, field: 'cmdb_ci', value: CI_SYS_ID, exclude: INC_SYS_ID, limit: 20 },
      { source: 'ci_record', table: 'cmdb_ci', sysId: CI_SYS_ID },
    ],
  };

  it('lists what the agent may read, newest first, without the ticket, and the CI record', () => {
    const platform = onCi(CAST.alex, CHECK);
    platform.canRead = (table, sysId) => !(table === TABLE && sysId === NEIGHBOURS[1]);
    expect(request(platform, 'gather-diagnostics', '11111111111111111111111111111111')).toMatchObject({ ok: true });
    const readable = JSON.parse(only(platform, APP.tables.request).readable!) as { check: string; at: string; readable: Record<string, string[]> };
    expect(readable).toEqual({ check: 'rc1', at: expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/) as string, readable: { incident: [NEIGHBOURS[2], NEIGHBOURS[0]], cmdb_ci: [CI_SYS_ID] } });
  });

  it('keeps to each query\'s limit, and lists nothing the agent cannot read', () => {
    const platform = onCi(CAST.alex, { id: 'rc2', queries: [{ ...CHECK.queries[0], limit: 1 }, CHECK.queries[1]] });
    platform.canRead = (table) => table !== 'cmdb_ci';
    request(platform, 'gather-diagnostics', '11111111111111111111111111111111');
    expect(JSON.parse(only(platform, APP.tables.request).readable!)).toMatchObject({ check: 'rc2', readable: { incident: [NEIGHBOURS[2]], cmdb_ci: [] } });
  });

  it.each([
    ['a table outside the ticket tables and cmdb_ci', { ...CHECK, queries: [{ ...CHECK.queries[0], table: 'sys_user' }] }, 'names a table outside'],
    ['a field that is not a plain name', { ...CHECK, queries: [{ ...CHECK.queries[0], field: 'cmdb_ci.owned_by' }] }, 'field is not a plain field name'],
    ['a value that is not a sys_id', { ...CHECK, queries: [{ ...CHECK.queries[0], value: `${CI_SYS_ID}^ORactive=true` }] }, 'value is not a sys_id'],
    ['a limit over 50', { ...CHECK, queries: [{ ...CHECK.queries[0], limit: 51 }] }, 'limit is not a whole number from 1 to 50'],
    ['an unknown key', { ...CHECK, queries: [{ ...CHECK.queries[0], orderBy: 'priority' }] }, 'needs source, table, field, value and limit'],
    ['no id', { queries: CHECK.queries }, 'readCheck needs exactly id and queries'],
  ])('vouches for nothing when the read check has %s, and says why in the log', (_name, readCheck, why) => {
    const platform = onCi(CAST.alex, readCheck);
    expect(request(platform, 'gather-diagnostics', '11111111111111111111111111111111')).toMatchObject({ ok: true });
    expect(only(platform, APP.tables.request).readable).toBe('');
    expect(platform.messages.join('\n')).toContain(why);
  });
});

describe('Accept / Reject / Escalate: a review row, created as the reviewer', () => {
  it.each(['accept', 'reject', 'escalate'])('%s creates the row, stamped with the approver, and writes nothing to the ticket', (decision) => {
    const platform = ticketOnPlatform(CAST.irene);
    expect(review(platform, decision, HANDOFF_AWAITING, 'checked the packet')).toMatchObject({ ok: true, message: expect.stringContaining(`(${decision}) on "Draft vendor escalation packet"`) });
    expect(only(platform, APP.tables.review)).toMatchObject({ ticket: INC_SYS_ID, handoff: HANDOFF_AWAITING, decision, comment: 'checked the packet', reviewed_by: CAST.irene.sysId, state: 'pending', number: 'INC0002041', sys_created_by: 'irene.costa' });
    expect(ticketWrites(platform)).toEqual([]);
  });

  it("records the requester's review of a hand-off that needs no approval", () => {
    const evidence = incidentPanel({ handoffs: [handoff({ id: HANDOFF_AWAITING, operation: 'gather-diagnostics', approval: noApproval, requestedBy: CAST.alex.userName })] });
    const platform = ticketOnPlatform(CAST.alex, evidence);
    expect(review(platform, 'accept', HANDOFF_AWAITING, 'matches the gateway logs')).toMatchObject({ ok: true, message: expect.stringContaining('"Gather diagnostics"') });
    expect(only(platform, APP.tables.review)).toMatchObject({ reviewed_by: CAST.alex.sysId, decision: 'accept' });
  });

  it("records the escalation target's review of an escalated draft: the statuses a review may decide are the worker's", () => {
    const target = { required: true, role: 'incident_commander', approver: { kind: 'user', id: CAST.morgan.sysId, name: 'Morgan Lee' } } as const;
    for (const status of HANDOFF_STATUSES) {
      const platform = ticketOnPlatform(CAST.morgan, incidentPanel({ handoffs: [handoff({ id: HANDOFF_AWAITING, operation: 'draft-vendor-escalation', status, approval: target })] }));
      const answer = review(platform, 'accept', HANDOFF_AWAITING, 'agreed');
      expect(answer.ok, status).toBe(DECIDABLE_STATUSES.includes(status));
      if (answer.ok) expect(only(platform, APP.tables.review)).toMatchObject({ reviewed_by: CAST.morgan.sysId, decision: 'accept' });
    }
  });

  it('refuses a hand-off not awaiting review, an unknown decision, a long comment, a second review while one waits, and a user without the roles', () => {
    const platform = ticketOnPlatform(CAST.irene);
    expect(review(platform, 'accept', 'ho_234567abcdefghijklmnopqrst')).toMatchObject({ ok: false, message: expect.stringContaining('not awaiting review') });
    expect(review(platform, 'approve')).toMatchObject({ ok: false, message: expect.stringContaining('accept, reject or escalate') });
    expect(review(platform, 'accept', HANDOFF_AWAITING, 'c'.repeat(MAX_COMMENT_LENGTH + 1))).toMatchObject({ ok: false, message: expect.stringContaining('The comment is 2001 characters') });
    expect(review(platform, 'accept')).toMatchObject({ ok: true });
    expect(review(platform, 'reject')).toMatchObject({ ok: false, message: expect.stringContaining('already waiting') });
    expect(review(ticketOnPlatform(CAST.priya), 'accept')).toMatchObject({ ok: false, message: expect.stringContaining('needs the x_acme_aihandoff.reviewer or x_acme_aihandoff.agent role') });
    expect(platform.rows(APP.tables.review)).toHaveLength(1);
  });
});
