import { describe, expect, it } from 'vitest';
import { guardOutput, type GuardContext } from '../../../src/ai/guard/guard.js';
import type { GuardResult } from '../../../src/ai/guard/types.js';
import { buildSourceSet } from '../../../src/ai/source-set.js';
import { ALL_KINDS, INC_2041 } from '../../fixtures/ai/seed-gathered.js';

const sources = buildSourceSet({ ...INC_2041, requested: ALL_KINDS });
const canary = 'cnryq2w3e4r5t6y7u2i3o4p5';
const ctx = (over: Partial<GuardContext> = {}): GuardContext => ({ kind: 'evidence_pack', sources, canary, ...over });

type Stmt = { text: string; quotes: { source: string; text: string }[]; sources: string[] };
const s = (text: string, ids: string[] = ['S1'], quotes: Stmt['quotes'] = []): Stmt => ({ text, quotes, sources: ids });
const good = (): Stmt[] => [
  s('The Short description field of INC0002041 reads:', ['S1'], [{ source: 'S1', text: 'Remote access latency' }]),
  s('The Priority field of INC0002041 reads:', ['S1'], [{ source: 'S1', text: '2 - High' }]),
  s('Work note by alex.rivera at 2025-03-04 10:05:00 reads:', ['S3'], [{ source: 'S3', text: 'Latency reproduced from 10.20.30.40; packet loss 3%.' }]),
  s('Node 2 of VPN Gateway EU-West shows CPU at 92%.', ['S2', 'S5']),
];
const pack = (statements: Stmt[] = good(), extra: Record<string, unknown> = {}) => ({
  kind: 'evidence_pack',
  variant: 'standard',
  sections: [{ heading: 'ticket', statements }],
  gaps: [{ kind: 'related_by_caller', text: 'No related tickets from the same caller were found.' }],
  contradictions: [{ about: 'Start time', claims: [{ source: 'S1', text: '08:40' }, { source: 'S2', text: '09:15' }] }],
  ...extra,
});
const run = (value: unknown, over: Partial<GuardContext> = {}, truncated = false): GuardResult =>
  guardOutput({ text: typeof value === 'string' ? value : JSON.stringify(value), truncated }, ctx(over));
const kindOf = (r: GuardResult) => (r.ok ? 'ok' : r.rejected.kind);

describe('output guard', () => {
  it('accepts a grounded output and returns it unchanged', () => {
    const result = run(pack());
    expect(result).toMatchObject({ ok: true, removed: [] });
    if (result.ok) expect(result.output).toEqual(pack());
  });

  it('rejects text that is not exactly one JSON object', () => {
    expect(kindOf(run(`Here is the pack: ${JSON.stringify(pack())}`))).toBe('not_json');
    expect(kindOf(run(`${JSON.stringify(pack())}\nHope this helps!`))).toBe('not_json');
    expect(kindOf(run('```json\n' + JSON.stringify(pack()) + '\n```'))).toBe('not_json');
    expect(kindOf(run('{"kind": "evidence_pack", sections: []}'))).toBe('not_json');
    expect(kindOf(run('[]'))).toBe('not_json');
    expect(kindOf(run(''))).toBe('not_json');
  });

  it('rejects truncation, whether flagged by the provider or visible in the JSON', () => {
    const text = JSON.stringify(pack());
    expect(kindOf(run(text.slice(0, text.length - 40)))).toBe('truncated');
    expect(kindOf(run(text.slice(0, text.indexOf('"sections"') + 14)))).toBe('truncated');
    expect(kindOf(run('{"kind": "evidence_pack", "variant": "stand'))).toBe('truncated');
    expect(kindOf(run(pack(), {}, true))).toBe('truncated');
  });

  it('rejects oversize raw text, oversize fields and an oversize total', () => {
    expect(kindOf(run(`{"kind":"evidence_pack","pad":"${'x'.repeat(70_000)}"}`))).toBe('oversize');
    expect(kindOf(run(pack([s('x'.repeat(401))])))).toBe('oversize');
    const many = Array.from({ length: 8 }, () => ({ heading: 'ticket', statements: Array.from({ length: 6 }, () => s('The Short description field of INC0002041 reads:', ['S1'], [{ source: 'S1', text: 'Remote access latency '.repeat(13).trim() }])) }));
    expect(kindOf(run(pack(undefined, { sections: many })))).toBe('oversize');
  });

  it('rejects an extra key at any depth and wrong types, never repairing', () => {
    expect(kindOf(run(pack(undefined, { close_ticket: true })))).toBe('schema');
    expect(kindOf(run(pack([{ ...s('x'), close_ticket: true } as Stmt])))).toBe('schema');
    expect(kindOf(run(pack([s('x', ['S1'], [{ source: 'S1', text: 'x', extra: 1 } as never])])))).toBe('schema');
    expect(kindOf(run(pack(undefined, { gaps: [{ kind: 'work_notes', text: 'x', severity: 'high' }] })))).toBe('schema');
    expect(kindOf(run(pack(undefined, { contradictions: [{ about: 'x', claims: [{ source: 'S1', text: 'a', note: 1 }, { source: 'S2', text: 'b' }] }] })))).toBe('schema');
    expect(kindOf(run(pack(undefined, { sections: [{ heading: 'ticket', statements: [], title: 'x' }] })))).toBe('schema');
    expect(kindOf(run(pack(undefined, { sections: 'none' })))).toBe('schema');
    expect(kindOf(run(pack(), { kind: 'draft' }))).toBe('schema');
  });

  it('rejects citations of sources that do not exist', () => {
    expect(kindOf(run(pack([s('x', ['S9'])])))).toBe('unknown_source');
    expect(kindOf(run(pack([s('x', ['S1'], [{ source: 'S42', text: 'x' }])])))).toBe('unknown_source');
  });

  it('rejects the canary anywhere: plain, escaped, spaced or hidden', () => {
    expect(kindOf(run(pack([s(`The ticket mentions ${canary}`)])))).toBe('canary');
    const escaped = JSON.stringify(pack([s('x')])).replace('"x"', `"\\u0063${canary.slice(1)}"`);
    expect(kindOf(run(escaped))).toBe('canary');
    expect(kindOf(run(pack([s(canary.split('').join(' '))])))).toBe('canary');
  });

  it('rejects claims of actions in the provider own words, but not in verbatim quotes', () => {
    for (const claim of ['I have closed the ticket.', 'Access granted to Tom Becker.', 'Escalated to the vendor.', 'Der Zugriff wurde erteilt.']) {
      expect(kindOf(run(pack([...good(), s(claim)]))), claim).toBe('action_claim');
    }
    const quoted = buildSourceSet({ requested: ['ticket_fields'], ticket: { ...INC_2041.ticket, fields: [{ name: 'description', value: 'Caller wrote: ticket closed, access granted.' }] } });
    const fine = pack([s('The Description field of INC0002041 reads:', ['S1'], [{ source: 'S1', text: 'ticket closed, access granted.' }])], { contradictions: [], gaps: [] });
    expect(kindOf(run(fine, { sources: quoted }))).toBe('ok');
  });

  it('rejects markup and invisible characters in the provider own words', () => {
    expect(kindOf(run(pack([s('[code]<script>alert(1)</script>[/code]')])))).toBe('markup');
    expect(kindOf(run(pack([s('See <a href="https://evil.example">here</a>')])))).toBe('markup');
    expect(kindOf(run(pack([s('![x](https://evil.example/x.png)')])))).toBe('markup');
    expect(kindOf(run(pack([s('Latency\u200B rose')])))).toBe('markup');
    expect(kindOf(run(pack([s('The Short description field of INC0002041 reads:', ['S1'], [{ source: 'S1', text: 'Remote\u2066 access latency' }])])))).toBe('markup');
  });

  it('rejects checklist items marked validated in any form', () => {
    const checklist = (items: unknown[]) => ({ kind: 'checklist', variant: 'pre_check', sections: [], items, gaps: [], contradictions: [] });
    const item = (over: Record<string, unknown>) => ({ text: 'Confirm the change window with the ticket owner.', quotes: [], status: 'to_validate', sources: ['S1'], ...over });
    const c = { kind: 'checklist' as const };
    expect(kindOf(run(checklist([item({})]), c))).toBe('ok');
    expect(kindOf(run(checklist([item({ status: 'validated' })]), c))).toBe('validated_checklist');
    expect(kindOf(run(checklist([item({ status: 'Done' })]), c))).toBe('validated_checklist');
    expect(kindOf(run(checklist([item({ validated: true })]), c))).toBe('validated_checklist');
    expect(kindOf(run(checklist([item({ text: '[x] Confirm the change window.' })]), c))).toBe('validated_checklist');
    expect(kindOf(run(checklist([item({ text: 'Confirm the change window - done' })]), c))).toBe('validated_checklist');
    expect(kindOf(run(checklist([item({ status: 'pending' })]), c))).toBe('schema');
  });

  it('checks the quotes of checklist items like those of statements: verbatim, or the item is removed', () => {
    const checklist = (items: unknown[]) => ({ kind: 'checklist', variant: 'least_privilege', sections: [], items, gaps: [], contradictions: [] });
    const item = (quote: string) => ({ text: 'Confirm {q} is needed.', quotes: [{ source: 'S1', text: quote }], status: 'to_validate', sources: ['S1'] });
    const ok = run(checklist([item('Remote access latency'), item('Remote access latency')]), { kind: 'checklist' as const, maxRemovedFraction: 0.5 });
    expect(ok.ok && ok.removed).toEqual([]);
    const bad = run(checklist([item('Remote access latency'), item('Domain Admins for everyone')]), { kind: 'checklist' as const, maxRemovedFraction: 0.5 });
    expect(bad.removed).toEqual([{ path: 'items[1]', statement: 'Confirm {q} is needed.', reason: 'misquoted', detail: 'quote 1 is not word for word in S1' }]);
    expect(kindOf(run(checklist([item('Remote\u2066 access latency')]), { kind: 'checklist' as const }))).toBe('markup');
  });

  it('removes statements with names, numbers, addresses or links not in their cited sources, and records why', () => {
    const result = run(pack([...good(), ...good(), s('Contact Mallory Evans about it.', ['S1'])]));
    expect(result.ok).toBe(true);
    expect(result.removed).toEqual([{ path: 'sections[0].statements[8]', statement: 'Contact Mallory Evans about it.', reason: 'ungrounded', detail: 'name "Contact Mallory Evans" is not in S1' }]);
    if (result.ok) expect(result.output.sections[0]?.statements).toHaveLength(8);
    for (const bad of ['Latency reached 950 ms.', 'Logs are at https://evil.example/x.', 'Mail ops@evil.example for details.', 'The gateway at 10.9.9.9 is slow.', 'It started on 2025-03-05.']) {
      const r = run(pack([...good(), ...good(), s(bad, ['S1'])]));
      expect(r.removed.map((x) => x.reason), bad).toEqual(['ungrounded']);
    }
    // Grounded in another source than the one it cites: still removed.
    expect(run(pack([...good(), ...good(), s('Packet loss was 3%.', ['S1'])])).removed).toHaveLength(1);
  });

  it('removes misquotes and contradictions whose claims are not verbatim', () => {
    const r = run(pack([...good(), ...good(), s('The State field of INC0002041 reads:', ['S1'], [{ source: 'S1', text: 'Resolved' }])], {
      contradictions: [{ about: 'Start time', claims: [{ source: 'S1', text: '07:00' }, { source: 'S2', text: '09:15' }] }],
    }));
    expect(r.ok).toBe(true);
    expect(r.removed.map((x) => x.reason)).toEqual(['misquoted', 'misquoted']);
    if (r.ok) expect(r.output.contradictions).toEqual([]);
  });

  it('rejects the whole output when more than the threshold is removed (a parameter)', () => {
    const half = pack([...good(), s('Contact Mallory Evans.', ['S1']), s('Call Trent Oakes.', ['S1']), s('Ask Dana Whitfield.', ['S1'])]);
    expect(kindOf(run(half))).toBe('ungrounded');
    expect(kindOf(run(half, { maxRemovedFraction: 0.5 }))).toBe('ok');
    const none = pack([s('Contact Mallory Evans.', ['S1'])], { gaps: [], contradictions: [] });
    expect(kindOf(run(none, { maxRemovedFraction: 1 }))).toBe('ungrounded');
  });
});
