/**
 * The containment check (src/boundary/containment.ts): every rule, in order,
 * and every unknown; the class of a record beyond the ticket
 * (record-class.ts); and that only the check makes an InBounds value.
 */
import { describe, expect, it } from 'vitest';
import { contain, withheldReason, type BoundaryRules, type Candidate, type ContainmentInput, type InBounds } from '../../../src/boundary/containment.js';
import type { ReadableVerdict } from '../../../src/boundary/readable.js';
import { recordClass } from '../../../src/boundary/record-class.js';
import type { ScopeBoundary } from '../../../src/domain/scope.js';
import type { DataClass, Ref } from '../../../src/domain/ticket.js';
import type { TableMapping } from '../../../src/mapping/mapping-schema.js';

const OPTED_IN: Ref = { id: 'a'.repeat(32), name: 'Network Operations' };
const NOT_OPTED_IN: Ref = { id: 'b'.repeat(32), name: 'Payroll Systems' };
const rules: BoundaryRules = {
  groupUsesAi: (g) => g.id === OPTED_IN.id,
  ciRecordClass: 'internal',
  classLowering: { coolDownMs: 0, refuse: 'everyone' },
};
const listed = (...ids: string[]): ReadableVerdict => ({ ok: true, mayRead: (table, sysId) => table === 'incident' && ids.includes(sysId) });
const BUILTIN_INTERNAL: ScopeBoundary = { classes: ['public', 'internal'], provider: 'builtin', otherGroups: false, requesterMustRead: true };

function input(over: Partial<ContainmentInput> = {}): ContainmentInput {
  return { ticketClass: 'internal', boundary: BUILTIN_INTERNAL, rules, readable: listed('1'.repeat(32)), ...over };
}
function candidate(over: Partial<Candidate<string>> = {}): Candidate<string> {
  return { kind: 'related_by_ci', table: 'incident', sysId: '1'.repeat(32), dataClass: 'internal', group: OPTED_IN, value: 'text', ...over };
}

describe('a record beyond the ticket is used only inside the boundary', () => {
  it('is used when it passes every rule', () => {
    expect(withheldReason(input(), candidate())).toBeNull();
  });

  it('never uses a restricted record, even for a restricted ticket whose boundary would name the class', () => {
    const all: ScopeBoundary = { ...BUILTIN_INTERNAL, classes: ['public', 'internal', 'confidential', 'restricted'] };
    expect(withheldReason(input({ ticketClass: 'restricted', boundary: all }), candidate({ dataClass: 'restricted' }))).toBe('restricted');
  });

  it('withholds a record classified above the ticket', () => {
    expect(withheldReason(input(), candidate({ dataClass: 'confidential' }))).toBe('above_ticket_class');
    expect(withheldReason(input({ ticketClass: 'public', boundary: { ...BUILTIN_INTERNAL, classes: ['public'] } }), candidate({ dataClass: 'internal' }))).toBe('above_ticket_class');
  });

  it('withholds everything beyond a ticket whose class is unknown', () => {
    expect(withheldReason(input({ ticketClass: null, boundary: { ...BUILTIN_INTERNAL, classes: [] } }), candidate({ dataClass: 'public' }))).toBe('above_ticket_class');
  });

  it('withholds a class the provider kind may not receive, as the boundary lists them', () => {
    const external: ScopeBoundary = { classes: ['public'], provider: 'external', otherGroups: false, requesterMustRead: true };
    expect(withheldReason(input({ boundary: external }), candidate({ dataClass: 'internal' }))).toBe('provider_not_allowed');
    expect(withheldReason(input({ boundary: external }), candidate({ dataClass: 'public' }))).toBeNull();
  });

  it('withholds a record of a group that has not opted in, or of no group, unless policy allows other groups as evidence', () => {
    expect(withheldReason(input(), candidate({ group: NOT_OPTED_IN }))).toBe('group_not_opted_in');
    expect(withheldReason(input(), candidate({ group: null }))).toBe('group_not_opted_in');
    const open = input({ boundary: { ...BUILTIN_INTERNAL, otherGroups: true } });
    expect(withheldReason(open, candidate({ group: NOT_OPTED_IN }))).toBeNull();
    expect(withheldReason(open, candidate({ group: null }))).toBeNull();
  });

  it('withholds everything when the read check cannot be used, whatever its problem', () => {
    for (const problem of ['missing', 'unparseable', 'mismatched', 'stale'] as const) {
      expect(withheldReason(input({ readable: { ok: false, problem } }), candidate())).toBe('read_check_unavailable');
    }
  });

  it('withholds a record the read check does not list, by table and sys_id', () => {
    expect(withheldReason(input(), candidate({ sysId: '2'.repeat(32) }))).toBe('requester_cannot_open');
    expect(withheldReason(input(), candidate({ table: 'sc_req_item' }))).toBe('requester_cannot_open');
  });

  it('counts the first rule that fails: class before group before the read check', () => {
    const everything = candidate({ dataClass: 'restricted', group: NOT_OPTED_IN, sysId: '9'.repeat(32) });
    expect(withheldReason(input({ readable: { ok: false, problem: 'missing' } }), everything)).toBe('restricted');
    expect(withheldReason(input({ readable: { ok: false, problem: 'missing' } }), { ...everything, dataClass: 'internal' })).toBe('group_not_opted_in');
  });
});

describe('contain', () => {
  it('keeps the records in bounds in their order, lists them as used, and counts the rest by reason in a fixed order', () => {
    const ids = ['1', '2', '3', '4', '5', '6'].map((d) => d.repeat(32));
    const result = contain(input({ readable: listed(ids[0]!, ids[2]!, ids[3]!, ids[4]!) }), [
      candidate({ sysId: ids[0]!, value: 'first' }),
      candidate({ sysId: ids[1]!, value: 'not listed' }),
      candidate({ sysId: ids[2]!, dataClass: 'restricted', value: 'restricted' }),
      candidate({ sysId: ids[3]!, dataClass: 'public', value: 'second' }),
      candidate({ sysId: ids[4]!, group: NOT_OPTED_IN, value: 'other group' }),
      candidate({ sysId: ids[5]!, dataClass: 'confidential', value: 'confidential' }),
    ]);
    expect(result.inBounds).toEqual(['first', 'second']);
    expect(result.used).toEqual([
      { kind: 'related_by_ci', table: 'incident', sysId: ids[0], dataClass: 'internal' },
      { kind: 'related_by_ci', table: 'incident', sysId: ids[3], dataClass: 'public' },
    ]);
    expect(result.withheld).toEqual([
      { reason: 'restricted', count: 1 },
      { reason: 'above_ticket_class', count: 1 },
      { reason: 'group_not_opted_in', count: 1 },
      { reason: 'requester_cannot_open', count: 1 },
    ]);
  });

  it('withholds every candidate when the read check is missing, and keeps nothing of them', () => {
    const result = contain(input({ readable: { ok: false, problem: 'missing' } }), [candidate(), candidate({ sysId: '2'.repeat(32) })]);
    expect(result.inBounds).toEqual([]);
    expect(result.used).toEqual([]);
    expect(result.withheld).toEqual([{ reason: 'read_check_unavailable', count: 2 }]);
  });

  it('is the only maker of an InBounds value', () => {
    const plain = { number: 'INC0001975' };
    // @ts-expect-error: a record becomes InBounds only by passing contain().
    const forged: InBounds<typeof plain> = plain;
    expect(forged).toBe(plain);
    const passed: readonly InBounds<typeof plain>[] = contain(input(), [{ ...candidate(), value: plain }]).inBounds;
    expect(passed).toEqual([plain]);
  });
});

describe('the class of a related ticket', () => {
  const mapping = { field: 'x_acme_aihandoff_data_classification', map: { public: 'public', internal: 'internal', confidential: 'confidential', restricted: 'restricted', Secret: 'restricted' }, default: 'internal' } as TableMapping['dataClass'];
  const of = (value: string | undefined, m: TableMapping['dataClass'] = mapping): DataClass => recordClass(m, value === undefined ? {} : { x_acme_aihandoff_data_classification: value });

  it('reads the mapped value, exactly or ignoring case', () => {
    expect(of('restricted')).toBe('restricted');
    expect(of('Confidential')).toBe('confidential');
    expect(of('Secret')).toBe('restricted');
  });

  it("counts an empty or absent field as the table's default", () => {
    expect(of('')).toBe('internal');
    expect(of('  ')).toBe('internal');
    expect(of(undefined)).toBe('internal');
    expect(of('', { ...mapping, default: 'restricted' })).toBe('restricted');
  });

  it("counts a value the mapping does not know as confidential, or the table's default when that is higher", () => {
    expect(of('highly sensitive')).toBe('confidential');
    expect(of('highly sensitive', { ...mapping, default: 'public' })).toBe('confidential');
    expect(of('highly sensitive', { ...mapping, default: 'restricted' })).toBe('restricted');
  });

  it("counts every record as the table's default when the mapping reads no field", () => {
    const { field: _field, ...noField } = mapping;
    expect(recordClass({ ...noField, default: 'confidential' }, { x_acme_aihandoff_data_classification: 'public' })).toBe('confidential');
  });
});

describe('a record found by two queries', () => {
  it('is withheld under both kinds but counted once, when the calls share what they counted', () => {
    const counted = new Set<string>();
    const restricted = candidate({ dataClass: 'restricted' });
    expect(contain(input(), [restricted], counted).withheld).toEqual([{ reason: 'restricted', count: 1 }]);
    const again = contain(input(), [{ ...restricted, kind: 'related_by_group' }], counted);
    expect(again.withheld).toEqual([]);
    expect(again.inBounds).toEqual([]);
  });
});
