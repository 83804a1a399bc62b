import { describe, expect, it } from 'vitest';
import type { Connector } from '../../../src/connector/connector.js';
import { PanelHandoff, PANEL_EXCERPT_MAX, PANEL_NOTE_MAX, sealPanel } from '../../../src/domain/panel.js';
import { Operation } from '../../../src/domain/operation.js';
import { MAX_PANEL_LENGTH } from '../../../src/connector/write-guard.js';
import { draftExcerpt, panelLine } from '../../../src/handoff/draft-excerpt.js';
import { escalationTarget, noTargetWords } from '../../../src/handoff/escalation.js';
import { PANEL_HANDOFFS } from '../../../src/handoff/panel-writer.js';
import { NO_READ_CHECK, TICKET_CLASS } from '../../support/panel-fixture.js';

const NOTE = [
  '=== AI draft: not for use before approval ===',
  'Operation: Draft vendor escalation packet (draft-vendor-escalation) | Requested by: Alex Rivera (alex.rivera)',
  'Approval: required before use, by the incident commander (Irene Costa)',
  '',
  'Alex Rivera asked: “EU-West first” (it orders the facts; it changes nothing the AI may do)',
  '--- Vendor escalation packet ---',
  'Subject',
  '- EU-West VPN latency 400–900 ms, usual 30–60 ms [S1]',
  '',
  'Sources',
  '[S1] INC0002041 ticket fields',
  '',
  '[ai-handoff:ho_abcdefghijklmnopqrstuvwxyz]',
].join('\n');

describe('what the panel shows the approver (issue 12)', () => {
  it('takes the draft body from the note: no header, no requester line, no sources', () => {
    expect(draftExcerpt(NOTE)).toBe('--- Vendor escalation packet ---\nSubject\n- EU-West VPN latency 400–900 ms, usual 30–60 ms [S1]');
    expect(draftExcerpt('no body at all')).toBe('');
  });

  it('keeps whole lines within its bounds, and cuts one long line at a word with an ellipsis', () => {
    const long = ['=== h ===', '', ...Array.from({ length: 20 }, (_, i) => `- line ${i} ${'word '.repeat(20).trim()}`)].join('\n');
    const excerpt = draftExcerpt(long);
    expect(excerpt.length).toBeLessThanOrEqual(PANEL_EXCERPT_MAX);
    expect(excerpt.split('\n').every((l) => /^- line \d+ (word )*word$/.test(l))).toBe(true);
    const one = draftExcerpt(`=== h ===\n\n${'averyverylongword '.repeat(80)}`);
    expect(one.length).toBeLessThanOrEqual(PANEL_EXCERPT_MAX);
    expect(one).toMatch(/averyverylongword…$/);
  });

  it('neutralises and bounds a name or a note on one line', () => {
    expect(panelLine('  see\nhttps://evil.example/x  ', 'note')).toBe('see hxxps://evil[.]example/x');
    expect(panelLine('x'.repeat(PANEL_NOTE_MAX + 50), 'note')!.length).toBeLessThanOrEqual(PANEL_NOTE_MAX);
    expect(panelLine('', 'name')).toBeUndefined();
    expect(panelLine(null, 'note')).toBeUndefined();
  });

  it('keeps a panel with every hand-off at its largest under the panel field limit', () => {
    const big = PanelHandoff.parse({
      id: 'ho_abcdefghijklmnopqrstuvwxyz',
      operation: 'o'.repeat(64),
      status: 'awaiting_review',
      requestedBy: 'u'.repeat(40),
      approval: { required: true, role: 'incident_commander', approver: { kind: 'user', id: 'a'.repeat(32), name: 'n'.repeat(100) } },
      updatedAt: '2026-11-25T10:00:00.000Z',
      requesterName: 'r'.repeat(80),
      note: '“'.repeat(PANEL_NOTE_MAX),
      draft: '\u2028'.repeat(PANEL_EXCERPT_MAX),
      escalateTo: { kind: 'group', name: 'g'.repeat(80) },
    });
    const panel = sealPanel({ schema: 2, ticket: { number: 'INC0002041', table: 'incident', sysId: 'f'.repeat(32), owner: { assignee: null, group: null }, ...TICKET_CLASS }, policyVersion: 'v', classification: 'eligible', operations: [], blockedActions: [], handoffs: Array.from({ length: PANEL_HANDOFFS }, () => big), notice: null, readCheck: NO_READ_CHECK });
    expect(JSON.stringify(panel).length).toBeLessThan(MAX_PANEL_LENGTH / 4);
  });
});

describe('the escalation target is policy (issue 12)', () => {
  const connector = (groups: Record<string, string>) =>
    ({
      groupByName: (name: string) => Promise.resolve(name in groups ? { sysId: groups[name]!, name } : null),
      user: () => Promise.resolve(null),
    }) as unknown as Connector;

  it('resolves a named group on the platform, and says why there is no one when it is not there', async () => {
    const to = { group: 'Network Architecture Board' };
    expect(await escalationTarget(connector({ 'Network Architecture Board': 'b'.repeat(32) }), { userName: 'irene.costa', sysId: 'c'.repeat(32) }, to)).toEqual({ kind: 'group', id: 'b'.repeat(32), name: 'Network Architecture Board' });
    expect(await escalationTarget(connector({}), { userName: 'irene.costa', sysId: 'c'.repeat(32) }, to)).toBeNull();
    expect(noTargetWords(to, { userName: 'irene.costa' }).message).toBe('the policy escalates to the group "Network Architecture Board", which is not an active group on the instance');
  });

  it('is named per operation in the catalog, the reviewer\'s manager when left out, and refused clearly when malformed', () => {
    const base = { id: 'draft-x', title: 'Draft', description: 'd', class: 'drafting_summaries', ticketTypes: ['incident'], sources: ['ticket_fields'], outputKind: 'draft', expectedOutput: 'e', stopConditions: ['s'], blockedActions: ['closure'] };
    expect(Operation.parse({ ...base, approval: { required: true, role: 'incident_commander', escalateTo: { group: 'Network Architecture Board' } } }).approval.escalateTo).toEqual({ group: 'Network Architecture Board' });
    expect(Operation.parse({ ...base, approval: { required: true, role: 'incident_commander' } }).approval.escalateTo).toBeUndefined();
    const bad = Operation.safeParse({ ...base, approval: { required: true, role: 'incident_commander', escalateTo: 'the boss' } });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues[0]!.message).toBe('use reviewer-manager, or { group: <the name of an active ServiceNow group> }');
  });
});
