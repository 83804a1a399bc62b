/**
 * Parses ServiceNow encoded queries (../shared/reference/servicenow.md,
 * "Encoded queries"): `^` is AND, `^OR` joins a condition to the one just
 * before it, `^NQ` starts a new group ORed with the previous groups, and
 * `ORDERBY<field>` / `ORDERBYDESC<field>` set the order wherever they appear.
 *
 * Like an instance, the parser never fails: a term it cannot read is dropped
 * and the rest of the query still runs (a typo returns more rows, not an
 * error). There is no escape for `^` inside a value.
 */

export const OPERATORS = [
  'ISNOTEMPTY',
  'ISEMPTY',
  'ANYTHING',
  'NOT IN',
  'NOT LIKE',
  'STARTSWITH',
  'ENDSWITH',
  'BETWEEN',
  'LIKE',
  'IN',
  '!=',
  '<=',
  '>=',
  '=',
  '<',
  '>',
] as const;
export type Operator = (typeof OPERATORS)[number];

export interface Condition {
  readonly field: string;
  readonly op: Operator;
  readonly value: string;
}

/** Conditions joined by ^OR: true when any is. */
export type OrChain = readonly Condition[];
/** OR-chains joined by ^: true when all are. */
export type Group = readonly OrChain[];

export interface OrderKey {
  readonly field: string;
  readonly desc: boolean;
}

export interface ParsedQuery {
  /** Groups joined by ^NQ: a row matches when any group does. Empty: every row matches. */
  readonly groups: readonly Group[];
  readonly orderBy: readonly OrderKey[];
}

// Field names are lowercase on an instance, so the first character outside
// [a-z0-9_.] starts the operator; the longest operator wins.
const TERM = new RegExp(`^([a-z0-9_.]+)(${OPERATORS.map((o) => o.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})([\\s\\S]*)$`);

export function parseCondition(term: string): Condition | undefined {
  const m = TERM.exec(term);
  if (!m) return undefined;
  return { field: m[1]!, op: m[2] as Operator, value: m[3]! };
}

export function parseEncodedQuery(query: string): ParsedQuery {
  const orderBy: OrderKey[] = [];
  const groups: Group[] = [];
  for (const groupText of query.split('^NQ')) {
    const chains: Condition[][] = [];
    for (const raw of groupText.split('^')) {
      const term = raw.trim();
      if (term === '' || term === 'EQ') continue;
      if (term.startsWith('ORDERBYDESC')) {
        orderBy.push({ field: term.slice('ORDERBYDESC'.length), desc: true });
        continue;
      }
      if (term.startsWith('ORDERBY')) {
        orderBy.push({ field: term.slice('ORDERBY'.length), desc: false });
        continue;
      }
      if (term.startsWith('GROUPBY')) continue;
      const isOr = term.startsWith('OR');
      const condition = parseCondition(isOr ? term.slice(2) : term);
      if (condition === undefined) continue;
      const previous = chains[chains.length - 1];
      if (isOr && previous !== undefined) previous.push(condition);
      else chains.push([condition]);
    }
    groups.push(chains);
  }
  return { groups: groups.length === 1 && groups[0]!.length === 0 ? [] : groups, orderBy };
}
