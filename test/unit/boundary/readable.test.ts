/**
 * The request's read check (src/boundary/readable.ts), in the JSON shape the
 * contract defines (docs/contract.md, "The read check"): used only when it is
 * there, parses, names the panel's read check and is not older than the
 * request; otherwise it fails closed and says why.
 */
import { describe, expect, it } from 'vitest';
import { READ_CHECK_SKEW_MS, readableFor } from '../../../src/boundary/readable.js';
import type { Readable} from '../../../src/domain/read-check.js';
import { readCheckOf, ReadCheck } from '../../../src/domain/read-check.js';

const TICKET = 'a'.repeat(32);
const CI = 'c'.repeat(32);
const NEIGHBOUR = '1'.repeat(32);
const OTHER = '2'.repeat(32);
const check = readCheckOf([
  { source: 'related_by_ci', table: 'incident', field: 'cmdb_ci', value: CI, exclude: TICKET, limit: 20 },
  { source: 'ci_record', table: 'cmdb_ci', sysId: CI },
]);
const REQUESTED = '2026-03-02 10:15:00';

function readable(over: Partial<Readable> = {}): string {
  return JSON.stringify({ check: check.id, at: REQUESTED, readable: { incident: [NEIGHBOUR], cmdb_ci: [CI] }, ...over });
}

describe('the read check a request carries', () => {
  it('lists exactly the records the requester may read, by table', () => {
    const verdict = readableFor({ readable: readable(), requestedOn: REQUESTED }, check);
    expect(verdict.ok).toBe(true);
    if (!verdict.ok) return;
    expect(verdict.mayRead('incident', NEIGHBOUR)).toBe(true);
    expect(verdict.mayRead('cmdb_ci', CI)).toBe(true);
    expect(verdict.mayRead('incident', OTHER)).toBe(false);
    expect(verdict.mayRead('sc_req_item', NEIGHBOUR)).toBe(false);
    expect(verdict.mayRead('cmdb_ci', NEIGHBOUR)).toBe(false);
  });

  it('fails closed when there is none: no row value, an empty one, or a request without one (v1)', () => {
    expect(readableFor(undefined, check)).toEqual({ ok: false, problem: 'missing' });
    expect(readableFor(null, check)).toEqual({ ok: false, problem: 'missing' });
    expect(readableFor({ readable: '  ', requestedOn: REQUESTED }, check)).toEqual({ ok: false, problem: 'missing' });
  });

  it.each([
    ['not JSON', '{"check":'],
    ['an array', '[]'],
    ['an unknown key', JSON.stringify({ ...JSON.parse(readable()), extra: true })],
    ['a time with a T', readable({ at: '2026-03-02T10:15:00Z' })],
    ['a sys_id of the wrong shape', readable({ readable: { incident: ['INC0001975'] } })],
    ['a dot-walked table', readable({ readable: { 'incident.caller_id': [NEIGHBOUR] } })],
    ['no check', JSON.stringify({ at: REQUESTED, readable: {} })],
  ])('fails closed on %s', (_name, text) => {
    expect(readableFor({ readable: text, requestedOn: REQUESTED }, check)).toEqual({ ok: false, problem: 'unparseable' });
  });

  it('fails closed on a list for another read check (the ticket changed its CI, caller or group since Assign)', () => {
    expect(readableFor({ readable: readable({ check: 'f'.repeat(32) }), requestedOn: REQUESTED }, check)).toEqual({ ok: false, problem: 'mismatched' });
    const otherCi = readCheckOf([{ source: 'ci_record', table: 'cmdb_ci', sysId: 'd'.repeat(32) }]);
    expect(readableFor({ readable: readable(), requestedOn: REQUESTED }, otherCi)).toEqual({ ok: false, problem: 'mismatched' });
  });

  it('fails closed on a list older than the request, beyond the skew of one insert', () => {
    const at = (ms: number): string => new Date(Date.parse(`${REQUESTED.replace(' ', 'T')}Z`) + ms).toISOString().slice(0, 19).replace('T', ' ');
    expect(readableFor({ readable: readable({ at: at(-READ_CHECK_SKEW_MS) }), requestedOn: REQUESTED }, check).ok).toBe(true);
    expect(readableFor({ readable: readable({ at: at(-READ_CHECK_SKEW_MS - 1000) }), requestedOn: REQUESTED }, check)).toEqual({ ok: false, problem: 'stale' });
    expect(readableFor({ readable: readable({ at: at(-86_400_000) }), requestedOn: REQUESTED }, check)).toEqual({ ok: false, problem: 'stale' });
    expect(readableFor({ readable: readable({ at: at(60_000) }), requestedOn: REQUESTED }, check).ok).toBe(true);
  });

  it('fails closed when the request time cannot be read', () => {
    expect(readableFor({ readable: readable(), requestedOn: '' }, check)).toEqual({ ok: false, problem: 'stale' });
    expect(readableFor({ readable: readable(), requestedOn: 'yesterday' }, check)).toEqual({ ok: false, problem: 'stale' });
  });
});

describe('the read check in the panel', () => {
  it("has the digest of its queries as its id, and the schema refuses any other id", () => {
    expect(ReadCheck.safeParse(check).success).toBe(true);
    expect(ReadCheck.safeParse({ ...check, id: 'f'.repeat(32) }).success).toBe(false);
    expect(ReadCheck.safeParse({ ...check, queries: check.queries.slice(1) }).success).toBe(false);
  });

  it('refuses queries the app rule would refuse: a dot-walk, a value not a sys_id, a limit above 50', () => {
    const q = check.queries[0]!;
    for (const bad of [{ ...q, field: 'caller_id.manager' }, { ...q, value: 'x^NQactive=true' }, { ...q, limit: 51 }]) {
      expect(ReadCheck.safeParse(readCheckOf([bad as typeof q])).success).toBe(false);
    }
  });
});
