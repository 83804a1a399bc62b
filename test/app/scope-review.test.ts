/**
 * The shared scope-review module (connectors/servicenow/shared/scope-review.js)
 * over real panels sealed with the worker's own schema: what the dialog shows,
 * and that what the buttons write is exactly what the worker parses.
 */
import { readFileSync } from 'node:fs';
import { runInNewContext } from 'node:vm';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildRequest, buildReview, buildScopeReview, formatTime, handoffRows, reviewableHandoffs, showsAssign, statusSummary, statusText, type ScopeReviewUser } from '../../connectors/servicenow/shared/scope-review.js';
import { APPROVER_ROLES, DATA_CLASSES } from '../../src/domain/ticket.js';
import { AiRequest, AiReview, MAX_COMMENT_LENGTH, MAX_NOTE_LENGTH } from '../../src/domain/fields.js';
import { BLOCKED_ACTIONS, EXECUTION_CLASS_IDS, OUTPUT_KINDS, SOURCE_KINDS } from '../../src/domain/operation.js';
import { Panel, sealPanel } from '../../src/domain/panel.js';
import { AI_STATUSES } from '../../src/domain/status.js';
import { NO_READ_CHECK, TEST_BOUNDARY } from '../support/panel-fixture.js';
import { CAST, GROUPS } from './support/cast.js';
import { blockedPanel, groupApproverPanel, HANDOFF_AWAITING, HANDOFF_DONE, handoff, incidentPanel, noApproval, operation } from './support/panels.js';

const MODULE_PATH = new URL('../../connectors/servicenow/shared/scope-review.js', import.meta.url);

describe('buildScopeReview over a real panel', () => {
  const review = buildScopeReview(incidentPanel(), CAST.alex);

  it('lists every operation in panel order, blocked ones included and not selectable', () => {
    expect(review.operations.map((op) => [op.id, op.outcome, op.selectable])).toEqual([
      ['gather-diagnostics', 'eligible', true],
      ['compare-baseline', 'eligible', true],
      ['draft-vendor-escalation', 'approval-bound', true],
      ['draft-stakeholder-update', 'blocked', false],
    ]);
    expect(review.notice).toBeNull();
  });

  it('shows a blocked operation with its reason and remedy', () => {
    const blocked = review.operations.find((op) => op.id === 'draft-stakeholder-update')!;
    expect(blocked.reasons).toEqual([
      { message: 'Network Operations is cleared for assist-tier AI only; drafting for stakeholders needs standard.', remedy: 'Ask the AI governance board to raise the group to the standard tier.', tone: 'blocked', remedyLabel: 'What would change it: ' },
    ]);
    // Blocked: it says nothing about approval (never "No approval needed"), and lists no approver.
    expect(blocked.approvalText).toBe('Not available on this ticket: blocked by policy.');
    expect([blocked.outcomeText, blocked.tone, blocked.approver]).toEqual(['Blocked', 'blocked', '']);
  });

  it('styles reasons by outcome: amber with who must review for approval-bound, neutral with no remedy for allowed (issue 12)', () => {
    const allowed = sealPanel({ ...incidentPanel(), operations: [operation({ id: 'gather-diagnostics', title: 'Gather diagnostics', reasons: [{ rule: 'advise.x', message: 'Read-only evidence.', remedy: 'Nothing to do.' }] })] });
    const [eligible] = buildScopeReview(allowed, CAST.alex).operations;
    expect(eligible!.reasons).toEqual([{ message: 'Read-only evidence.', remedy: '', tone: 'info', remedyLabel: '' }]);
    expect([eligible!.tone, eligible!.approver]).toEqual(['info', 'No approval needed']);
    const vendor = review.operations.find((op) => op.id === 'draft-vendor-escalation')!;
    expect(vendor.reasons.map((r) => [r.tone, r.remedyLabel + r.remedy])).toEqual([['approval', 'Before use: Ask Irene Costa to review the draft.']]);
    expect([vendor.outcomeText, vendor.approver]).toEqual(['Approval needed before use', 'Irene Costa']);
  });

  it('says what the AI may read, the expected output, the stop conditions and the blocked actions', () => {
    const op = review.operations.find((o) => o.id === 'compare-baseline')!;
    const section = (label: string) => op.sections.find((s) => s.label === label)?.items;
    expect(section('Execution class')).toEqual(['Evidence gathering']);
    expect(section('What the AI may read')).toEqual([
      "This ticket's fields (number, title, description, priority, group, configuration item)",
      "The configuration item's record",
      'Other tickets on the same configuration item',
    ]);
    expect(section('Expected output')).toEqual(['Comparison against the known-good baseline: Comparison of current telemetry against the known-good baseline.']);
    expect(section('Stop conditions')).toEqual(['Stop when sources are incomplete or contradict each other; say so instead of inferring.']);
    expect(section('Blocked actions')).toEqual(['No routing or reassignment', 'No failover or service-impacting change', 'No closing or resolving the ticket']);
    expect(op.scopeDigest).toBe('22222222222222222222222222222222');
  });

  it('states the read boundary in the worker\'s words, and only for an operation that reads beyond its ticket', () => {
    const words = 'Related tickets on the same configuration item: up to Internal, only from groups that use AI, only those you can open.';
    const panel = incidentPanel();
    const withWords = { ...panel, operations: panel.operations.map((o) => (o.id === 'compare-baseline' ? { ...o, boundaryText: words } : o)) };
    const ops = buildScopeReview(withWords, CAST.alex).operations;
    const labels = (id: string) => ops.find((o) => o.id === id)!.sections.map((s) => s.label);
    expect(ops.find((o) => o.id === 'compare-baseline')!.sections.find((s) => s.label === 'Beyond this ticket')?.items).toEqual([words]);
    expect(labels('compare-baseline')).toEqual(['Execution class', 'What the AI may read', 'Beyond this ticket', 'Expected output', 'Stop conditions', 'Blocked actions']);
    expect(labels('gather-diagnostics')).not.toContain('Beyond this ticket');
  });

  it('says whether approval is needed and from whom', () => {
    const byId = new Map(review.operations.map((op) => [op.id, op.approvalText]));
    expect(byId.get('draft-vendor-escalation')).toBe('Approval required before use by Irene Costa (incident commander).');
    expect(byId.get('gather-diagnostics')).toBe('No approval needed before use.');
  });

  it('reads the panel the same from its JSON text as from the parsed object', () => {
    expect(buildScopeReview(JSON.stringify(incidentPanel()), CAST.alex)).toEqual(review);
  });

  it('offers nothing to a user without the agent role, and says which role is missing', () => {
    const seen = buildScopeReview(incidentPanel(), CAST.priya);
    expect(seen.operations).toHaveLength(4);
    expect(seen.operations.every((op) => !op.selectable)).toBe(true);
    expect(seen.notice?.message).toContain('x_acme_aihandoff.agent');
  });

  it('treats admin as holding every role, as the platform does', () => {
    expect(buildScopeReview(incidentPanel(), CAST.admin).operations.filter((op) => op.selectable)).toHaveLength(3);
  });

  it('explains a panel where everything is blocked', () => {
    const seen = buildScopeReview(blockedPanel(), CAST.alex);
    expect(seen.operations[0]).toMatchObject({ selectable: false, reasons: [{ message: 'The ticket is classified restricted; AI may not read it.' }] });
    expect(seen.notice).toMatchObject({ kind: 'info', message: expect.stringContaining('Every AI operation is blocked') });
  });

  it("passes on the worker's notice about a refused request", () => {
    const notice = { kind: 'refused' as const, message: 'The scope changed since you opened it.', remedy: 'Review the new scope and confirm again.', at: '2025-11-20T10:00:00.000Z' };
    expect(buildScopeReview(incidentPanel({ notice }), CAST.alex).notice).toEqual({ kind: 'refused', message: notice.message, remedy: notice.remedy });
  });

  it('does not offer an approval-bound operation whose approver could not be resolved', () => {
    const panel = sealPanel({
      ...incidentPanel(),
      operations: [operation({ id: 'x', title: 'X', outcome: 'approval-bound', approval: { required: true, role: 'sponsor', approver: null } })],
    });
    const [op] = buildScopeReview(panel, CAST.alex).operations;
    expect(op).toMatchObject({ selectable: false, approvalText: 'Approval required before use by the sponsor, but no approver could be resolved.' });
    expect(op!.reasons[0]!.message).toContain('no approver could be resolved');
  });
});

describe('a missing or malformed panel', () => {
  it.each([
    ['missing', undefined],
    ['null', null],
    ['empty text', ''],
    ['blank text', '  \n '],
  ])('%s: no operations, a notice that the panel is not there yet', (_name, input) => {
    const review = buildScopeReview(input, CAST.alex);
    expect(review.operations).toEqual([]);
    expect(review.notice).toMatchObject({ kind: 'info', message: expect.stringContaining('no AI panel yet') });
  });

  it.each([
    ['not JSON', '{"schema":1,', 'not valid JSON'],
    ['an array', '[]', 'the panel is not a JSON object'],
    ['another schema', JSON.stringify({ ...incidentPanel(), schema: 1 }), 'schema is 1, but this app reads panel schema 2'],
    ['an operation without its boundary words', JSON.stringify({ ...incidentPanel(), operations: [{ ...incidentPanel().operations[0], boundaryText: undefined }] }), 'operations[0].boundaryText is not text'],
    ['a bad digest', JSON.stringify({ ...incidentPanel(), operations: [{ ...incidentPanel().operations[0], scopeDigest: 'nope' }] }), 'operations[0].scopeDigest is not a 32-character scope digest'],
    ['an unknown source', JSON.stringify({ ...incidentPanel(), operations: [{ ...incidentPanel().operations[0], sources: ['email'] }] }), 'operations[0].sources[0] is not a value this app knows'],
    ['a repeated operation', JSON.stringify({ ...incidentPanel(), operations: [incidentPanel().operations[0], incidentPanel().operations[0]] }), 'operations[1].id repeats'],
    ['an unknown status', JSON.stringify({ ...incidentPanel(), handoffs: [{ ...incidentPanel().handoffs[0], status: 'done' }] }), 'handoffs[0].status'],
  ])('%s: no operations and an error notice saying why', (_name, input, why) => {
    const review = buildScopeReview(input, CAST.alex);
    expect(review.operations).toEqual([]);
    expect(review.notice?.kind).toBe('error');
    expect(review.notice?.message).toContain(why);
    expect(reviewableHandoffs(input, CAST.irene)).toEqual([]);
  });

  it('never throws, whatever JSON the field holds', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.boolean(), (value, asText) => {
        const review = buildScopeReview(asText ? JSON.stringify(value) : value, CAST.alex);
        expect(review.operations).toEqual([]);
        expect(review.notice).not.toBeNull();
        expect(reviewableHandoffs(value, CAST.irene)).toEqual([]);
      }),
    );
  });

  it('names an unidentified user instead of offering anything', () => {
    const review = buildScopeReview(incidentPanel(), null);
    expect(review.operations.every((op) => !op.selectable)).toBe(true);
    expect(review.notice?.kind).toBe('error');
  });
});

describe('every value of the worker schema is one the module can show', () => {
  const digest = fc.stringMatching(/^[0-9a-f]{32}$/);
  const party = fc.option(fc.record({ kind: fc.constantFrom('user' as const, 'group' as const), id: fc.string({ minLength: 1 }), name: fc.string() }), { nil: null });
  const approval = fc.record({ required: fc.boolean(), role: fc.option(fc.constantFrom(...APPROVER_ROLES), { nil: null }), approver: party });
  const panelBody = fc.record({
    schema: fc.constant(2 as const),
    ticket: fc.record({
      number: fc.constant('INC0002041'),
      table: fc.constant('incident'),
      sysId: fc.constant('x'),
      owner: fc.record({ assignee: fc.option(fc.string({ minLength: 1 }), { nil: null }), group: fc.option(fc.string({ minLength: 1 }), { nil: null }) }),
      dataClass: fc.option(fc.constantFrom(...DATA_CLASSES), { nil: null }),
      classLowered: fc.constant(null),
    }),
    policyVersion: fc.constant('p1'),
    classification: fc.constantFrom('eligible' as const, 'approval-bound' as const, 'blocked' as const),
    operations: fc.uniqueArray(
      fc.record({
        id: fc.stringMatching(/^[a-z][a-z0-9-]{0,20}$/),
        title: fc.string({ minLength: 1 }),
        class: fc.constantFrom(...EXECUTION_CLASS_IDS),
        outcome: fc.constantFrom('eligible' as const, 'approval-bound' as const, 'blocked' as const),
        approval,
        scopeDigest: digest,
        sources: fc.subarray([...SOURCE_KINDS]),
        outputKind: fc.constantFrom(...OUTPUT_KINDS),
        expectedOutput: fc.string(),
        stopConditions: fc.array(fc.string({ minLength: 1 }), { maxLength: 3 }),
        blockedActions: fc.subarray([...BLOCKED_ACTIONS]),
        reasons: fc.array(fc.record({ rule: fc.string({ minLength: 1 }), message: fc.string({ minLength: 1 }), remedy: fc.string({ minLength: 1 }) }), { maxLength: 2 }),
        boundary: fc.constant(TEST_BOUNDARY),
        boundaryText: fc.string(),
      }),
      { selector: (op) => op.id, maxLength: 5 },
    ),
    blockedActions: fc.subarray([...BLOCKED_ACTIONS]),
    handoffs: fc.array(
      fc.record({ id: fc.string({ minLength: 1 }), operation: fc.string({ minLength: 1 }), status: fc.constantFrom(...AI_STATUSES), requestedBy: fc.string({ minLength: 1 }), approval, updatedAt: fc.constant('2025-11-20T10:00:00Z') }),
      { maxLength: 3 },
    ),
    notice: fc.constant(null),
    readCheck: fc.constant(NO_READ_CHECK),
  });

  it('accepts every panel the worker schema accepts, and never shows an undefined text', () => {
    fc.assert(
      fc.property(panelBody, (body) => {
        const panel = Panel.parse(sealPanel(body));
        const review = buildScopeReview(JSON.stringify(panel), CAST.alex);
        expect(review.notice?.kind).not.toBe('error');
        expect(review.operations.map((op) => op.id)).toEqual(panel.operations.map((op) => op.id));
        for (const op of review.operations) {
          if (op.outcome === 'blocked') expect(op.selectable).toBe(false);
          for (const section of op.sections) for (const item of section.items) expect(typeof item).toBe('string');
          expect(op.approvalText).not.toContain('undefined');
        }
        expect(JSON.stringify(review)).not.toContain('undefined');
      }),
      { numRuns: 200 },
    );
  });
});

describe('buildRequest', () => {
  it('writes exactly operation, scope and note, as the worker parses them', () => {
    const text = buildRequest('draft-vendor-escalation', '33333333333333333333333333333333', '  check the EU-West tunnel first ');
    expect(Object.keys(JSON.parse(text) as object)).toEqual(['operation', 'scope', 'note']);
    expect(AiRequest.parse(JSON.parse(text))).toEqual({ operation: 'draft-vendor-escalation', scope: '33333333333333333333333333333333', note: 'check the EU-West tunnel first' });
    expect(AiRequest.parse(JSON.parse(buildRequest('gather-diagnostics', '11111111111111111111111111111111')))).toMatchObject({ note: '' });
  });

  it('produces only requests the worker schema accepts', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 64 }).filter((s) => s.trim() !== ''), fc.stringMatching(/^[0-9a-f]{32}$/), fc.string({ maxLength: MAX_NOTE_LENGTH }), (op, digest, note) => {
        expect(AiRequest.safeParse(JSON.parse(buildRequest(op, digest, note))).success).toBe(true);
      }),
    );
  });

  it.each([
    ['an empty operation', () => buildRequest('', '11111111111111111111111111111111'), 'operation must be'],
    ['a too long operation', () => buildRequest('x'.repeat(65), '11111111111111111111111111111111'), 'operation must be'],
    ['a stale-looking digest', () => buildRequest('a', '1111'), 'scope must be the 32-character scope digest'],
    ['a note over the limit', () => buildRequest('a', '11111111111111111111111111111111', 'n'.repeat(MAX_NOTE_LENGTH + 1)), `note is ${MAX_NOTE_LENGTH + 1} characters`],
  ])('refuses %s, naming the argument', (_name, call, message) => {
    expect(call).toThrow(message);
  });
});

describe('reviewableHandoffs and buildReview', () => {
  it('offers the awaiting hand-off to its resolved approver, with the approval text', () => {
    expect(reviewableHandoffs(incidentPanel(), CAST.irene)).toEqual([
      expect.objectContaining({ id: HANDOFF_AWAITING, operation: 'draft-vendor-escalation', title: 'Draft vendor escalation packet', approvalRequired: true, approvalText: 'Approval required before use by Irene Costa (incident commander).' }),
    ]);
  });

  it('says who asked, with what note, the draft, and where Escalate goes (issue 12)', () => {
    const withDraft = incidentPanel({ handoffs: [handoff({ id: HANDOFF_AWAITING, operation: 'draft-vendor-escalation', requesterName: 'Alex Rivera', note: 'EU-West first', draft: '--- Vendor escalation packet ---\nSubject: latency', escalateTo: { kind: 'group', name: 'Network Managers' } })] });
    expect(reviewableHandoffs(withDraft, CAST.irene)).toEqual([
      expect.objectContaining({ requestedBy: 'Alex Rivera', note: 'EU-West first', draft: '--- Vendor escalation packet ---\nSubject: latency', status: 'awaiting_review', statusText: 'Awaiting review', escalateText: 'Escalate hands it to a member of Network Managers, who then decides it.' }),
    ]);
    const manager = incidentPanel({ handoffs: [handoff({ id: HANDOFF_AWAITING, operation: 'draft-vendor-escalation', escalateTo: { kind: 'manager' } })] });
    expect(reviewableHandoffs(manager, { ...CAST.irene, managerName: 'Victor Alvarez' })[0]!.escalateText).toBe('Escalate hands it to Victor Alvarez, your manager, who then decides it.');
    // An older worker's panel: no name, note or draft; the worker's default target.
    expect(reviewableHandoffs(incidentPanel(), CAST.irene)[0]).toMatchObject({ requestedBy: CAST.alex.sysId, note: '', draft: '', escalateText: 'Escalate hands it to your manager as ServiceNow records them, who then decides it.' });
  });

  it('sums up every hand-off, not only the latest, with statuses in words and times in the instance format', () => {
    const two = incidentPanel({ handoffs: [handoff({ id: HANDOFF_AWAITING, operation: 'draft-vendor-escalation' }), handoff({ id: HANDOFF_DONE, operation: 'gather-diagnostics', status: 'accepted', updatedAt: '2025-03-04T09:05:07.000Z' })] });
    expect(statusSummary(two, CAST.irene)).toBe('1 awaiting your review, 1 accepted');
    expect(statusSummary(two, CAST.alex)).toBe('1 awaiting review, 1 accepted');
    expect(statusSummary(blockedPanel(), CAST.alex)).toBe('');
    expect(handoffRows(two).map((r) => [r.title, r.statusText, r.approver])).toEqual([
      ['Draft vendor escalation packet', 'Awaiting review', 'Irene Costa'],
      ['Gather diagnostics', 'Accepted', 'Irene Costa'],
    ]);
    expect(handoffRows(two)[1]!.updated).toBe('2025-03-04 09:05:07');
    expect(formatTime('2025-03-04T21:05:07Z', 'dd.MM.yyyy hh:mm a', 3_600_000)).toBe('04.03.2025 10:05 PM');
    expect(formatTime('not a time')).toBe('not a time');
    expect(statusText('awaiting_review')).toBe('Awaiting review');
  });

  it('offers nothing to the requester, another reviewer, or someone without the reviewer role', () => {
    const requesterWithRole = { ...CAST.alex, roles: ['x_acme_aihandoff.agent', 'x_acme_aihandoff.reviewer'] };
    expect(reviewableHandoffs(incidentPanel(), requesterWithRole)).toEqual([]);
    expect(reviewableHandoffs(incidentPanel(), CAST.morgan)).toEqual([]);
    expect(reviewableHandoffs(incidentPanel(), { ...CAST.irene, roles: ['itil'] })).toEqual([]);
    expect(reviewableHandoffs(incidentPanel(), { ...CAST.irene, sysId: CAST.alex.sysId })).toEqual([]);
  });

  it('offers nothing once the hand-off is no longer awaiting review', () => {
    const panel = incidentPanel({ handoffs: [handoff({ id: HANDOFF_AWAITING, operation: 'draft-vendor-escalation', status: 'accepted' })] });
    expect(reviewableHandoffs(panel, CAST.irene)).toEqual([]);
  });

  it('offers a group approval to a member of the group, but not to a member who requested it', () => {
    const member = { sysId: 'f'.repeat(32), userName: 'am.reviewer', roles: ['x_acme_aihandoff.reviewer'], groups: [GROUPS.accessManagement] };
    expect(reviewableHandoffs(groupApproverPanel(), member).map((h) => h.approvalText)).toEqual(['Approval required before use by a member of Access Management (requester\'s manager).']);
    expect(reviewableHandoffs(groupApproverPanel(), { ...member, userName: 'nora.brandt' })).toEqual([]);
    expect(reviewableHandoffs(groupApproverPanel(), { ...member, groups: [] })).toEqual([]);
  });

  it('where approval is required, offers nothing to the assignee or a member of the owning group who is not the approver', () => {
    const assignee = { ...CAST.nora, roles: ['x_acme_aihandoff.agent', 'x_acme_aihandoff.reviewer'] };
    const panel = incidentPanel({ owner: { assignee: assignee.sysId, group: GROUPS.securityOperations } });
    expect(reviewableHandoffs(panel, assignee)).toEqual([]);
    expect(reviewableHandoffs(panel, CAST.samira)).toEqual([]);
  });
});

describe('reviewableHandoffs for a hand-off that needs no approval (an evidence pack)', () => {
  // Alex asked for an evidence pack on INC-2041 (assigned to Alex, in Network Operations); it awaits review.
  const EVIDENCE = 'ho_evidencepackabcdefghijklm';
  const evidence = (over: Partial<Parameters<typeof handoff>[0]> = {}) => handoff({ id: EVIDENCE, operation: 'gather-diagnostics', approval: noApproval, ...over });
  const panel = (over: Parameters<typeof incidentPanel>[0] = {}) => incidentPanel({ handoffs: [evidence()], ...over });
  const offered = (user: ScopeReviewUser, p = panel()) => reviewableHandoffs(p, user).map((h) => h.id);

  it('offers it to its requester, who holds the agent role, with the approval text', () => {
    expect(reviewableHandoffs(panel({ owner: { assignee: null, group: null } }), CAST.alex)).toEqual([
      expect.objectContaining({ id: EVIDENCE, operation: 'gather-diagnostics', title: 'Gather diagnostics', approvalRequired: false, approvalText: 'No approval needed before use.' }),
    ]);
    // The panel names the requester by user_name where the identity came from the audit.
    expect(offered(CAST.alex, panel({ handoffs: [evidence({ requestedBy: CAST.alex.userName })], owner: { assignee: null, group: null } }))).toEqual([EVIDENCE]);
  });

  it("offers it to the ticket's assignee and to a member of its group", () => {
    const nora = panel({ handoffs: [evidence({ requestedBy: CAST.nora.sysId })], owner: { assignee: CAST.alex.sysId, group: GROUPS.networkOperations } });
    expect(offered(CAST.alex, nora)).toEqual([EVIDENCE]);
    expect(offered(CAST.irene, nora)).toEqual([EVIDENCE]);
  });

  it('offers it to nobody else: another reviewer, a member of another group, a user without an app role', () => {
    const nora = panel({ handoffs: [evidence({ requestedBy: CAST.nora.sysId })] });
    expect(offered(CAST.morgan, nora)).toEqual([]);
    expect(offered(CAST.samira, nora)).toEqual([]);
    expect(offered({ ...CAST.alex, roles: ['itil'] }, nora)).toEqual([]);
    expect(offered({ ...CAST.irene, roles: ['itil'] }, nora)).toEqual([]);
    expect(offered(CAST.alex, panel({ handoffs: [evidence({ status: 'accepted' })] }))).toEqual([]);
  });

  it('reads a panel from a worker that does not yet write the owner: the requester only', () => {
    const old = JSON.parse(JSON.stringify(panel({ handoffs: [evidence({ requestedBy: CAST.nora.sysId })] }))) as { ticket: Record<string, unknown> };
    delete old.ticket.owner;
    expect(offered(CAST.nora, old as unknown as Panel)).toEqual([EVIDENCE]);
    expect(offered(CAST.alex, old as unknown as Panel)).toEqual([]);
    expect(buildScopeReview(old, CAST.alex).notice).toBeNull();
  });

  it('refuses a malformed owner like any other malformed panel field', () => {
    const bad = { ...panel(), ticket: { ...panel().ticket, owner: { assignee: '', group: null } } };
    expect(buildScopeReview(bad, CAST.alex).notice?.message).toContain('ticket.owner needs assignee and group');
    expect(offered(CAST.alex, bad)).toEqual([]);
  });

  it('lists both kinds together, each to its own reviewers', () => {
    const both = incidentPanel({ handoffs: [evidence(), handoff({ id: HANDOFF_AWAITING, operation: 'draft-vendor-escalation' }), handoff({ id: HANDOFF_DONE, operation: 'compare-baseline', approval: noApproval, status: 'expired' })] });
    expect(offered(CAST.alex, both)).toEqual([EVIDENCE]);
    expect(offered(CAST.irene, both)).toEqual([EVIDENCE, HANDOFF_AWAITING]);
  });
});

describe('showsAssign', () => {
  it('shows Assign To AI Operation to an agent when the panel lists any operation, even when every one is blocked', () => {
    expect(showsAssign(incidentPanel(), CAST.alex)).toBe(true);
    expect(showsAssign(blockedPanel(), CAST.alex)).toBe(true);
    expect(showsAssign(JSON.stringify(blockedPanel()), CAST.admin)).toBe(true);
  });

  it('hides it without the agent role, with no operation, and without a readable panel', () => {
    expect(showsAssign(incidentPanel(), CAST.priya)).toBe(false);
    expect(showsAssign(incidentPanel(), CAST.irene)).toBe(false);
    expect(showsAssign(incidentPanel(), null)).toBe(false);
    expect(showsAssign(sealPanel({ ...blockedPanel(), operations: [] }), CAST.alex)).toBe(false);
    for (const broken of ['', '{"schema":1', '[]', undefined]) expect(showsAssign(broken, CAST.alex)).toBe(false);
  });

  it('opens on a fully blocked panel to reasons and remedies, with nothing to choose', () => {
    const review = buildScopeReview(blockedPanel(), CAST.alex);
    expect(review.operations.map((op) => [op.id, op.selectable, op.reasons.length > 0])).toEqual([['gather-diagnostics', false, true]]);
    expect(review.notice?.message).toContain('Every AI operation is blocked');
  });

  it('writes exactly handoff, decision and comment, as the worker parses them', () => {
    for (const decision of ['accept', 'reject', 'escalate'] as const) {
      const text = buildReview(HANDOFF_AWAITING, decision, ' fine to send ');
      expect(Object.keys(JSON.parse(text) as object)).toEqual(['handoff', 'decision', 'comment']);
      expect(AiReview.parse(JSON.parse(text))).toEqual({ handoff: HANDOFF_AWAITING, decision, comment: 'fine to send' });
    }
  });

  it.each([
    ['a made-up hand-off id', () => buildReview('ho_1', 'accept'), 'handoff must be'],
    ['an unknown decision', () => buildReview(HANDOFF_AWAITING, 'approve' as 'accept'), 'decision must be accept, reject or escalate'],
    ['a comment over the limit', () => buildReview(HANDOFF_AWAITING, 'reject', 'c'.repeat(MAX_COMMENT_LENGTH + 1)), `comment is ${MAX_COMMENT_LENGTH + 1}`],
  ])('refuses %s', (_name, call, message) => {
    expect(call).toThrow(message);
  });
});

describe('the module as a script', () => {
  const source = readFileSync(MODULE_PATH, 'utf8');
  const names = ['buildRequest', 'buildReview', 'buildScopeReview', 'formatTime', 'handoffRows', 'requestRow', 'reviewRow', 'reviewableHandoffs', 'showsAssign', 'statusSummary', 'statusText'];

  it('defines window.AiHandoffScopeReview when loaded by a <script> tag', () => {
    const window: Record<string, unknown> = {};
    runInNewContext(source, { window });
    expect(Object.keys(window.AiHandoffScopeReview as object).sort()).toEqual(names);
  });

  it('defines one top-level name and nothing else where there is no window or module (the server)', () => {
    const context: Record<string, unknown> = {};
    runInNewContext(source, context);
    expect(Object.keys(context)).toEqual(['AiHandoffScopeReview']);
    expect(Object.keys(context.AiHandoffScopeReview as object).sort()).toEqual(names);
  });
});
