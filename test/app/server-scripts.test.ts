/**
 * The app's server scripts (script includes and before rules) run unchanged
 * on a fake platform: the buttons' conditions, the dialog's server path, the
 * stamp rule and the integration write guard. What they write is checked with
 * the worker's own schemas (AiRequest, AiReview).
 */
import { describe, expect, it } from 'vitest';
import { AiRequest, AiReview, MAX_NOTE_LENGTH } from '../../src/domain/fields.js';
import { CAST } from './support/cast.js';
import { callAjax, type FakePlatform } from './support/fake-platform.js';
import { blockedPanel, HANDOFF_AWAITING, handoff, INC_SYS_ID, incidentPanel, noApproval } from './support/panels.js';
import { SCRIPT_WRITABLE, TABLE, ticketOnPlatform } from './support/ticket-fixture.js';

const ASSIGN = 'new x_acme_aihandoff.AiHandoffServer().canAssign(current)';
const REVIEW = 'new x_acme_aihandoff.AiHandoffServer().canReview(current)';
const AT = { sysparm_table: TABLE, sysparm_sys_id: INC_SYS_ID };

function shows(platform: FakePlatform, condition: string): unknown {
  return platform.run(condition, platform.load(TABLE, INC_SYS_ID));
}

function request(platform: FakePlatform, operation: string, scope: string, note = ''): { ok: boolean; message: string } {
  return callAjax(platform, 'submitRequest', { ...AT, sysparm_operation: operation, sysparm_scope: scope, sysparm_note: note }) as { ok: boolean; message: string };
}

function review(platform: FakePlatform, decision: string, handoff = HANDOFF_AWAITING, comment = ''): { ok: boolean; message: string } {
  return callAjax(platform, 'submitReview', { ...AT, sysparm_handoff: handoff, sysparm_decision: decision, sysparm_comment: comment }) as { ok: boolean; message: string };
}

describe('button conditions', () => {
  it('shows Assign To AI Operation to an agent when an operation is not blocked', () => {
    expect(shows(ticketOnPlatform(CAST.alex), ASSIGN)).toBe(true);
  });

  it('shows it when every operation is blocked, so the dialog can say why and what would change that', () => {
    expect(shows(ticketOnPlatform(CAST.alex, blockedPanel()), ASSIGN)).toBe(true);
    const context = callAjax(ticketOnPlatform(CAST.alex, blockedPanel()), 'getContext', AT) as { panel: string };
    expect(JSON.parse(context.panel)).toEqual(blockedPanel());
  });

  it('hides it without the agent role, when the panel lists no operation, and when the panel is missing or malformed', () => {
    expect(shows(ticketOnPlatform(CAST.priya), ASSIGN)).toBe(false);
    expect(shows(ticketOnPlatform(CAST.priya, blockedPanel()), ASSIGN)).toBe(false);
    expect(shows(ticketOnPlatform(CAST.alex, { ...blockedPanel(), operations: [] }), ASSIGN)).toBe(false);
    expect(shows(ticketOnPlatform(CAST.alex, ''), ASSIGN)).toBe(false);
    expect(shows(ticketOnPlatform(CAST.alex, '{"schema":1'), ASSIGN)).toBe(false);
  });

  it('shows the review buttons of a hand-off needing approval to the resolved approver only, never to the requester', () => {
    expect(shows(ticketOnPlatform(CAST.irene), REVIEW)).toBe(true);
    expect(shows(ticketOnPlatform({ ...CAST.alex, roles: ['x_acme_aihandoff.agent', 'x_acme_aihandoff.reviewer'] }), REVIEW)).toBe(false);
    expect(shows(ticketOnPlatform(CAST.morgan), REVIEW)).toBe(false);
    expect(shows(ticketOnPlatform({ ...CAST.irene, roles: ['itil'] }), REVIEW)).toBe(false);
  });

  it('shows the review buttons of a hand-off needing no approval to its requester, the assignee and the owning group', () => {
    // Nora asked for an evidence pack on INC-2041: assigned to Alex, in Network Operations (Irene's group).
    const evidence = incidentPanel({ handoffs: [handoff({ id: HANDOFF_AWAITING, operation: 'gather-diagnostics', approval: noApproval, requestedBy: CAST.nora.sysId })] });
    expect([CAST.nora, CAST.alex, CAST.irene].map((user) => shows(ticketOnPlatform(user, evidence), REVIEW))).toEqual([true, true, true]);
    expect([CAST.morgan, CAST.samira, CAST.priya, CAST.integration].map((user) => shows(ticketOnPlatform(user, evidence), REVIEW))).toEqual([false, false, false, false]);
  });
});

describe('the dialog context', () => {
  it('gives the panel and the user with their roles and active groups', () => {
    const context = callAjax(ticketOnPlatform(CAST.irene), 'getContext', AT);
    expect(context).toMatchObject({ ok: true, number: 'INC0002041', requestPending: false, reviewPending: false });
    expect(context).toHaveProperty('user', { sysId: CAST.irene.sysId, userName: 'irene.costa', roles: ['x_acme_aihandoff.reviewer'], groups: [...CAST.irene.groups] });
    expect(JSON.parse((context as { panel: string }).panel)).toEqual(incidentPanel());
  });

  it('refuses a table the app does not serve, a malformed sys_id, and a record the user may not read', () => {
    const platform = ticketOnPlatform(CAST.alex);
    expect(callAjax(platform, 'getContext', { ...AT, sysparm_table: 'sys_user' })).toMatchObject({ ok: false, message: expect.stringContaining('does not serve') });
    expect(callAjax(platform, 'getContext', { ...AT, sysparm_sys_id: "x' OR 1=1" })).toMatchObject({ ok: false });
    platform.canRead = () => false;
    expect(callAjax(platform, 'getContext', AT)).toMatchObject({ ok: false, message: expect.stringContaining('may not read') });
  });
});

describe('Assign To AI Operation on the server', () => {
  it('writes exactly the request the worker parses, stamped with the acting agent', () => {
    const platform = ticketOnPlatform(CAST.alex);
    const result = request(platform, 'draft-vendor-escalation', '33333333333333333333333333333333', 'EU-West tunnel first');
    expect(result).toMatchObject({ ok: true, message: expect.stringContaining('Draft vendor escalation packet') });
    const row = platform.row(TABLE, INC_SYS_ID);
    expect(AiRequest.parse(JSON.parse(row.x_acme_aihandoff_request!))).toEqual({ operation: 'draft-vendor-escalation', scope: '33333333333333333333333333333333', note: 'EU-West tunnel first' });
    expect(row.x_acme_aihandoff_requested_by).toBe(CAST.alex.sysId);
    expect(platform.writes.map((w) => `${w.field} by ${w.by}`)).toEqual(['x_acme_aihandoff_request by alex.rivera', 'x_acme_aihandoff_requested_by by alex.rivera']);
  });

  it.each([
    ['a blocked operation, with its reason', CAST.alex, 'draft-stakeholder-update', '44444444444444444444444444444444', 'is blocked on this ticket. Network Operations is cleared for assist-tier'],
    ['a stale scope', CAST.alex, 'gather-diagnostics', '99999999999999999999999999999999', 'changed since the dialog opened'],
    ['an operation not in the panel', CAST.alex, 'delete-everything', '11111111111111111111111111111111', 'no longer offered'],
    ['a user without the agent role', CAST.priya, 'gather-diagnostics', '11111111111111111111111111111111', 'needs the x_acme_aihandoff.agent role'],
  ])('refuses %s and writes nothing', (_name, user, operation, scope, message) => {
    const platform = ticketOnPlatform(user);
    expect(request(platform, operation, scope)).toEqual({ ok: false, message: expect.stringContaining(message) as string });
    expect(platform.writes).toEqual([]);
  });

  it('refuses a note over the limit and a second request while one is waiting', () => {
    const platform = ticketOnPlatform(CAST.alex);
    expect(request(platform, 'gather-diagnostics', '11111111111111111111111111111111', 'n'.repeat(MAX_NOTE_LENGTH + 1))).toMatchObject({ ok: false, message: expect.stringContaining('note is 1001 characters') });
    expect(request(platform, 'gather-diagnostics', '11111111111111111111111111111111')).toMatchObject({ ok: true });
    const before = platform.writes.length;
    expect(request(platform, 'compare-baseline', '22222222222222222222222222222222')).toMatchObject({ ok: false, message: expect.stringContaining('already waiting') });
    expect(platform.writes.length).toBe(before);
  });
});

describe('Accept / Reject / Escalate on the server', () => {
  it.each(['accept', 'reject', 'escalate'])('%s writes exactly the review the worker parses, stamped with the approver', (decision) => {
    const platform = ticketOnPlatform(CAST.irene);
    expect(review(platform, decision, HANDOFF_AWAITING, 'checked the packet')).toMatchObject({ ok: true });
    const row = platform.row(TABLE, INC_SYS_ID);
    expect(AiReview.parse(JSON.parse(row.x_acme_aihandoff_review!))).toEqual({ handoff: HANDOFF_AWAITING, decision, comment: 'checked the packet' });
    expect(row.x_acme_aihandoff_reviewed_by).toBe(CAST.irene.sysId);
  });

  it('records the requester\'s review of a hand-off that needs no approval (an evidence pack), and refuses anyone outside the owner', () => {
    const evidence = incidentPanel({ handoffs: [handoff({ id: HANDOFF_AWAITING, operation: 'gather-diagnostics', approval: noApproval, requestedBy: CAST.alex.userName })] });
    const platform = ticketOnPlatform(CAST.alex, evidence);
    expect(review(platform, 'accept', HANDOFF_AWAITING, 'matches the gateway logs')).toMatchObject({ ok: true, message: expect.stringContaining('"Gather diagnostics"') });
    const row = platform.row(TABLE, INC_SYS_ID);
    expect(AiReview.parse(JSON.parse(row.x_acme_aihandoff_review!))).toEqual({ handoff: HANDOFF_AWAITING, decision: 'accept', comment: 'matches the gateway logs' });
    expect(row.x_acme_aihandoff_reviewed_by).toBe(CAST.alex.sysId);
    const outsider = ticketOnPlatform(CAST.samira, evidence);
    expect(review(outsider, 'accept')).toMatchObject({ ok: false, message: expect.stringContaining('where none is, its requester, the assignee or a member of the assignment group') });
    expect(outsider.writes).toEqual([]);
  });

  it('refuses the requester, another reviewer, an unknown decision, and a hand-off that is not awaiting review', () => {
    expect(review(ticketOnPlatform({ ...CAST.alex, roles: ['x_acme_aihandoff.reviewer'] }), 'accept')).toMatchObject({ ok: false, message: expect.stringContaining('never the person who requested it') });
    expect(review(ticketOnPlatform(CAST.morgan), 'accept')).toMatchObject({ ok: false });
    expect(review(ticketOnPlatform(CAST.irene), 'approve')).toMatchObject({ ok: false, message: expect.stringContaining('decision must be') });
    expect(review(ticketOnPlatform(CAST.irene), 'accept', 'ho_234567abcdefghijklmnopqrst')).toMatchObject({ ok: false });
  });
});

describe('the stamp rule', () => {
  it('ignores a stamp submitted from the form when the request does not change', () => {
    const platform = ticketOnPlatform(CAST.alex);
    platform.submit(TABLE, INC_SYS_ID, { x_acme_aihandoff_requested_by: CAST.irene.sysId, x_acme_aihandoff_reviewed_by: CAST.irene.sysId, short_description: 'edited' });
    const row = platform.row(TABLE, INC_SYS_ID);
    expect([row.x_acme_aihandoff_requested_by, row.x_acme_aihandoff_reviewed_by, row.short_description]).toEqual(['', '', 'edited']);
  });

  it('stamps the acting user, not the value submitted with the request', () => {
    const platform = ticketOnPlatform(CAST.alex);
    platform.submit(TABLE, INC_SYS_ID, { x_acme_aihandoff_request: '{"operation":"gather-diagnostics"}', x_acme_aihandoff_requested_by: CAST.irene.sysId });
    expect(platform.row(TABLE, INC_SYS_ID).x_acme_aihandoff_requested_by).toBe(CAST.alex.sysId);
  });

  it('keeps the stamp when the request is cleared, and restores it when someone edits it later', () => {
    const platform = ticketOnPlatform(CAST.alex);
    request(platform, 'gather-diagnostics', '11111111111111111111111111111111');
    platform.actAs(CAST.integration);
    platform.submit(TABLE, INC_SYS_ID, { x_acme_aihandoff_request: '', x_acme_aihandoff_status: 'queued' });
    platform.actAs(CAST.priya);
    platform.submit(TABLE, INC_SYS_ID, { x_acme_aihandoff_requested_by: CAST.priya.sysId });
    expect(platform.row(TABLE, INC_SYS_ID)).toMatchObject({ x_acme_aihandoff_request: '', x_acme_aihandoff_status: 'queued', x_acme_aihandoff_requested_by: CAST.alex.sysId });
  });

  it('clears a stamp submitted with a new record that carries no request', () => {
    const platform = ticketOnPlatform(CAST.alex);
    platform.create(TABLE, { sys_id: 'f'.repeat(32), short_description: 'new', x_acme_aihandoff_requested_by: CAST.irene.sysId, x_acme_aihandoff_reviewed_by: CAST.irene.sysId });
    expect(platform.row(TABLE, 'f'.repeat(32))).toMatchObject({ x_acme_aihandoff_requested_by: '', x_acme_aihandoff_reviewed_by: '' });
  });
});

describe('the integration write guard', () => {
  it('lets the integration write a work note, the panel and status, and clear request and review', () => {
    const platform = ticketOnPlatform(CAST.alex);
    request(platform, 'gather-diagnostics', '11111111111111111111111111111111');
    platform.actAs(CAST.integration);
    const saved = platform.submit(TABLE, INC_SYS_ID, { work_notes: 'AI evidence pack', x_acme_aihandoff_panel: JSON.stringify(blockedPanel()), x_acme_aihandoff_status: 'running', x_acme_aihandoff_request: '' });
    expect(saved).toBe(INC_SYS_ID);
    expect(platform.row(TABLE, INC_SYS_ID)).toMatchObject({ work_notes: 'AI evidence pack', x_acme_aihandoff_status: 'running', x_acme_aihandoff_request: '' });
  });

  it.each([
    [{ state: '7' }, 'state'],
    [{ priority: '1' }, 'priority'],
    [{ assigned_to: CAST.priya.sysId }, 'assigned_to'],
    [{ approval: 'approved' }, 'approval'],
    [{ comments: 'to the customer' }, 'comments'],
    [{ x_acme_aihandoff_requested_by: CAST.alex.sysId }, 'x_acme_aihandoff_requested_by'],
    [{ x_acme_aihandoff_data_classification: 'public' }, 'x_acme_aihandoff_data_classification'],
    [{ x_acme_aihandoff_request: '{"operation":"gather-diagnostics"}' }, 'x_acme_aihandoff_request (the integration may only clear it)'],
    [{ x_acme_aihandoff_review: '{"decision":"accept"}' }, 'x_acme_aihandoff_review (the integration may only clear it)'],
  ])('aborts the whole write when the integration changes %j', (values, named) => {
    const platform = ticketOnPlatform(CAST.integration);
    expect(platform.submit(TABLE, INC_SYS_ID, { work_notes: 'note', ...values })).toBeNull();
    expect(platform.writes).toEqual([]);
    expect(platform.messages.at(-1)).toContain(`refused: ${named}`);
  });

  it('leaves other users to their own access rules', () => {
    for (const user of [CAST.alex, CAST.admin]) {
      const platform = ticketOnPlatform(user);
      expect(platform.submit(TABLE, INC_SYS_ID, { state: '3', work_notes: 'on hold' })).toBe(INC_SYS_ID);
    }
  });
});

describe('what the scripts write, across every path above', () => {
  it('is only the request, review and stamp fields', () => {
    const platform = ticketOnPlatform(CAST.alex);
    request(platform, 'draft-vendor-escalation', '33333333333333333333333333333333');
    platform.actAs(CAST.irene);
    review(platform, 'escalate');
    platform.actAs(CAST.integration);
    platform.submit(TABLE, INC_SYS_ID, { x_acme_aihandoff_request: '', x_acme_aihandoff_review: '' });
    const byScripts = platform.writes.filter((w) => w.by !== 'svc.aihandoff').map((w) => w.field);
    expect(byScripts.length).toBeGreaterThan(0);
    expect(byScripts.filter((field) => !SCRIPT_WRITABLE.includes(field))).toEqual([]);
  });
});
