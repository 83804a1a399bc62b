/**
 * Turns a parsed encoded query into predicates and a comparator against one
 * table. Unknown fields are dropped with their condition: on an instance an
 * invalid field in a query is silently ignored and the rest still runs
 * (../shared/reference/servicenow.md, "Parameters").
 *
 * Comparison follows the field's type: integers (state, priority) compare as
 * numbers, everything else as strings; `=`, `IN`, `LIKE`, `STARTSWITH` and
 * `ENDSWITH` on text fields ignore case, as an instance's database collation does.
 */
import type { StoredRow, Store } from '../store.js';
import type { TableDef } from '../schema/types.js';
import { NUMERIC_TYPES } from '../schema/types.js';
import { resolvePath, type FieldPath } from './field-path.js';
import type { Condition, Operator, ParsedQuery } from './parse.js';

export interface CompiledCondition {
  readonly path: FieldPath;
  readonly op: Operator;
  readonly value: string;
  readonly test: (row: StoredRow) => boolean;
}

export type CompiledGroup = readonly (readonly CompiledCondition[])[];

export interface CompiledOrder {
  readonly path: FieldPath;
  readonly desc: boolean;
}

export interface CompiledQuery {
  readonly groups: readonly CompiledGroup[];
  readonly orderBy: readonly CompiledOrder[];
  readonly matches: (row: StoredRow) => boolean;
  /** Orders rows by the ORDERBY keys, then by insertion. */
  readonly compare: (a: StoredRow, b: StoredRow) => number;
}

// `javascript:gs.dateGenerate('2024-01-31','23:59:59')`: the one script value
// integrations commonly send for a date; evaluated here as UTC.
const DATE_GENERATE = /^javascript:gs\.dateGenerate\(\s*'(\d{4}-\d{2}-\d{2})'\s*,\s*'(\d{2}:\d{2}:\d{2})'\s*\)$/;

function literal(value: string): string {
  const m = DATE_GENERATE.exec(value);
  return m ? `${m[1]} ${m[2]}` : value;
}

const CASE_FOLDED = new Set(['string', 'sys_class_name']);

function compileCondition(store: Store, table: TableDef, c: Condition): CompiledCondition | undefined {
  const path = resolvePath(store, table, c.field);
  if (!path) return undefined;
  const get = path.get;
  const numeric = NUMERIC_TYPES.has(path.field.type);
  const fold = CASE_FOLDED.has(path.field.type);
  const norm = fold ? (s: string) => s.toLowerCase() : (s: string) => s;
  const value = literal(c.value);
  const target = norm(value);
  const cmp = numeric ? numericCompare : stringCompare;
  const list = value.split(',').map((s) => norm(s.trim()));
  const listSet = new Set(numeric ? list.map(canonicalNumber) : list);
  const key = numeric ? (s: string) => canonicalNumber(s) : norm;

  let test: (row: StoredRow) => boolean;
  switch (c.op) {
    case '=':
      test = numeric ? (r) => numericCompare(get(r), value) === 0 : (r) => norm(get(r)) === target;
      break;
    case '!=':
      test = numeric ? (r) => numericCompare(get(r), value) !== 0 : (r) => norm(get(r)) !== target;
      break;
    case '<':
      test = (r) => cmp(get(r), value) < 0;
      break;
    case '<=':
      test = (r) => cmp(get(r), value) <= 0;
      break;
    case '>':
      test = (r) => cmp(get(r), value) > 0;
      break;
    case '>=':
      test = (r) => cmp(get(r), value) >= 0;
      break;
    case 'IN':
      test = (r) => listSet.has(key(get(r)));
      break;
    case 'NOT IN':
      test = (r) => !listSet.has(key(get(r)));
      break;
    case 'LIKE':
      test = (r) => get(r).toLowerCase().includes(value.toLowerCase());
      break;
    case 'NOT LIKE':
      test = (r) => !get(r).toLowerCase().includes(value.toLowerCase());
      break;
    case 'STARTSWITH':
      test = (r) => get(r).toLowerCase().startsWith(value.toLowerCase());
      break;
    case 'ENDSWITH':
      test = (r) => get(r).toLowerCase().endsWith(value.toLowerCase());
      break;
    case 'ISEMPTY':
      test = (r) => get(r) === '';
      break;
    case 'ISNOTEMPTY':
      test = (r) => get(r) !== '';
      break;
    case 'ANYTHING':
      test = () => true;
      break;
    case 'BETWEEN': {
      const [low = '', high = ''] = value.split('@').map(literal);
      test = (r) => {
        const v = get(r);
        return cmp(v, low) >= 0 && cmp(v, high) <= 0;
      };
      break;
    }
  }
  return { path, op: c.op, value, test };
}

function canonicalNumber(s: string): string {
  const n = Number(s);
  return s.trim() === '' || Number.isNaN(n) ? s : String(n);
}

function numericCompare(a: string, b: string): number {
  const x = a === '' ? Number.NEGATIVE_INFINITY : Number(a);
  const y = b === '' ? Number.NEGATIVE_INFINITY : Number(b);
  if (Number.isNaN(x) || Number.isNaN(y)) return stringCompare(a, b);
  return x < y ? -1 : x > y ? 1 : 0;
}

function stringCompare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function compileQuery(store: Store, table: TableDef, parsed: ParsedQuery): CompiledQuery {
  const groups: CompiledGroup[] = parsed.groups.map((group) =>
    group
      .map((chain) => chain.map((c) => compileCondition(store, table, c)).filter((c): c is CompiledCondition => c !== undefined))
      .filter((chain) => chain.length > 0),
  );
  const orderBy: CompiledOrder[] = [];
  for (const key of parsed.orderBy) {
    const path = resolvePath(store, table, key.field);
    if (path) orderBy.push({ path, desc: key.desc });
  }

  const matches =
    groups.length === 0 || groups.some((g) => g.length === 0)
      ? () => true
      : (row: StoredRow) => {
          outer: for (const group of groups) {
            for (const chain of group) {
              let any = false;
              for (const c of chain) {
                if (c.test(row)) {
                  any = true;
                  break;
                }
              }
              if (!any) continue outer;
            }
            return true;
          }
          return false;
        };

  const keyCompare = orderBy.map(({ path, desc }) => {
    const numeric = NUMERIC_TYPES.has(path.field.type);
    const fold = CASE_FOLDED.has(path.field.type);
    const sign = desc ? -1 : 1;
    const get = path.get;
    if (numeric) return (a: StoredRow, b: StoredRow) => sign * numericCompare(get(a), get(b));
    if (fold) return (a: StoredRow, b: StoredRow) => sign * stringCompare(get(a).toLowerCase(), get(b).toLowerCase());
    return (a: StoredRow, b: StoredRow) => sign * stringCompare(get(a), get(b));
  });
  const compare = (a: StoredRow, b: StoredRow): number => {
    for (const k of keyCompare) {
      const d = k(a, b);
      if (d !== 0) return d;
    }
    return a.seq - b.seq;
  };
  return { groups, orderBy, matches, compare };
}
