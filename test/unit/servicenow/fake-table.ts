/**
 * A tiny model of how ServiceNow answers a list call, for nock replies: it
 * evaluates the encoded query the connector sent (`^` AND, `^OR` binding to
 * the condition before it, `^NQ` ORing groups, ORDERBY / ORDERBYDESC) over
 * rows in memory, applies sysparm_limit and sysparm_fields. Only what the
 * connector sends is modelled; anything else fails loudly.
 */
import nock from 'nock';
import { BASE } from './helpers.js';

export type Row = Record<string, string>;

interface Cond {
  readonly field: string;
  readonly op: string;
  readonly value: string;
}

const COND = /^([a-z0-9_.]+?)(>=|<=|!=|=|>|<|NOT IN|IN|ISNOTEMPTY|ISEMPTY|LIKE|STARTSWITH)(.*)$/;

function parseCond(text: string): Cond {
  const m = COND.exec(text);
  if (m === null) throw new Error(`fake table cannot parse condition '${text}'`);
  return { field: m[1]!, op: m[2]!, value: m[3]! };
}

function matches(row: Row, { field, op, value }: Cond): boolean {
  const v = row[field] ?? '';
  switch (op) {
    case '=': return v === value;
    case '!=': return v !== value;
    case '>': return v > value;
    case '>=': return v >= value;
    case '<': return v < value;
    case '<=': return v <= value;
    case 'IN': return value.split(',').includes(v);
    case 'NOT IN': return !value.split(',').includes(v);
    case 'ISEMPTY': return v === '';
    case 'ISNOTEMPTY': return v !== '';
    case 'LIKE': return v.includes(value);
    case 'STARTSWITH': return v.startsWith(value);
    default: throw new Error(`fake table: operator ${op}`);
  }
}

/** Rows matching `query`, in its order. */
export function evaluate(query: string, rows: readonly Row[]): Row[] {
  const groups: Cond[][][] = [[]];
  const order: Array<[string, boolean]> = [];
  for (const part of query === '' ? [] : query.split('^')) {
    const group = groups[groups.length - 1]!;
    if (part.startsWith('ORDERBYDESC')) order.push([part.slice(11), true]);
    else if (part.startsWith('ORDERBY')) order.push([part.slice(7), false]);
    else if (part.startsWith('NQ')) groups.push([[parseCond(part.slice(2))]]);
    else if (part.startsWith('OR')) {
      const last = group[group.length - 1];
      if (last === undefined) throw new Error('fake table: ^OR with nothing before it');
      last.push(parseCond(part.slice(2)));
    } else group.push([parseCond(part)]);
  }
  const hit = (row: Row): boolean => groups.some((g) => g.every((alternatives) => alternatives.some((c) => matches(row, c))));
  const out = rows.filter(hit);
  out.sort((a, b) => {
    for (const [field, desc] of order) {
      const x = a[field] ?? '';
      const y = b[field] ?? '';
      if (x !== y) return (x < y ? -1 : 1) * (desc ? -1 : 1);
    }
    return 0;
  });
  return out;
}

function project(row: Row, fields: string | null): Row {
  if (fields === null) return row;
  const out: Row = {};
  for (const f of fields.split(',')) out[f] = row[f] ?? '';
  return out;
}

export interface FakeTable {
  /** Every sysparm_query received, in order. */
  readonly queries: string[];
  readonly scope: nock.Scope;
}

/** Serves list calls on `table` from `rows` (read at each call, so tests may change them). */
export function serveTable(table: string, rows: () => readonly Row[]): FakeTable {
  const queries: string[] = [];
  const scope = nock(BASE)
    .persist()
    .get((uri) => uri.startsWith(`/api/now/table/${table}?`))
    .reply(function () {
      const params = new URLSearchParams(this.req.path.slice(this.req.path.indexOf('?') + 1));
      const query = params.get('sysparm_query') ?? '';
      queries.push(query);
      const limit = Number(params.get('sysparm_limit') ?? '10000');
      const result = evaluate(query, rows()).slice(0, limit).map((row) => project(row, params.get('sysparm_fields')));
      return [200, { result }];
    });
  return { queries, scope };
}
