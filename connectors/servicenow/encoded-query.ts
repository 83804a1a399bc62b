/**
 * The one builder of ServiceNow encoded queries (STYLE.md, 10). Nothing else
 * in the connector makes a `sysparm_query`: the table client accepts only an
 * `EncodedQuery`, which only this builder makes.
 *
 * Grammar (../shared/reference/servicenow.md, "Encoded queries"): `^` is AND;
 * `^OR` ORs a condition with the one just before it (so `a^b^ORc` is
 * a AND (b OR c)); `^NQ` ORs whole groups; `ORDERBY<f>` / `ORDERBYDESC<f>`
 * sort. There is no escape for `^` inside a value, so a value holding `^`, a
 * line break, or (in an IN list) a comma is refused, and so is a
 * `javascript:` value, which the instance would run as a script. Field names
 * must be in the allowed set: ServiceNow silently ignores an unknown field and
 * returns more rows.
 */
import { HandoffError } from '../../src/errors.js';
import { FIELD_NAME, type FilterCondition } from '../../src/mapping/mapping-schema.js';

type ValueOperator = '=' | '!=' | '<' | '<=' | '>' | '>=' | 'LIKE' | 'STARTSWITH';
type ListOperator = 'IN' | 'NOT IN';
type UnaryOperator = 'ISEMPTY' | 'ISNOTEMPTY';
export type QueryOperator = ValueOperator | ListOperator | UnaryOperator;

export type Condition =
  | { readonly field: string; readonly op: ValueOperator; readonly value: string }
  | { readonly field: string; readonly op: ListOperator; readonly value: readonly string[] }
  | { readonly field: string; readonly op: UnaryOperator };

declare const encoded: unique symbol;
/** A query string made by `QueryBuilder.build()`; the only kind the table client sends. */
export type EncodedQuery = string & { readonly [encoded]: true };

const UNSAFE = /[\^\r\n]/;
const SCRIPT_VALUE = /^\s*javascript:/i;

export class QueryBuilder {
  private readonly groups: string[][] = [[]];
  private readonly order: string[] = [];

  /**
   * @param allowed field names a condition or sort may name
   * @param table the table queried, named in errors
   */
  constructor(
    private readonly allowed: ReadonlySet<string>,
    private readonly table: string,
  ) {}

  /** ANDs a condition onto the current group. */
  and(condition: Condition): this {
    this.current().push(this.render(condition));
    return this;
  }

  /** ANDs every condition, in order. */
  andAll(conditions: readonly Condition[]): this {
    for (const condition of conditions) this.and(condition);
    return this;
  }

  /** ORs a condition with the condition just before it (`^OR`). */
  or(condition: Condition): this {
    const group = this.current();
    if (group.length === 0) throw this.misuse('^OR needs a condition before it');
    group[group.length - 1] += `^OR${this.render(condition)}`;
    return this;
  }

  /** Starts a new group ORed with the groups before it (`^NQ`). */
  newQuery(): this {
    if (this.current().length === 0) throw this.misuse('^NQ needs a non-empty group before it');
    this.groups.push([]);
    return this;
  }

  orderBy(field: string): this {
    this.order.push(`ORDERBY${this.checkField(field)}`);
    return this;
  }

  orderByDesc(field: string): this {
    this.order.push(`ORDERBYDESC${this.checkField(field)}`);
    return this;
  }

  build(): EncodedQuery {
    const groups = this.groups.filter((g) => g.length > 0).map((g) => g.join('^'));
    return [groups.join('^NQ'), ...this.order].filter((part) => part !== '').join('^') as EncodedQuery;
  }

  private current(): string[] {
    return this.groups[this.groups.length - 1] as string[];
  }

  private render(condition: Condition): string {
    const field = this.checkField(condition.field);
    switch (condition.op) {
      case 'ISEMPTY':
      case 'ISNOTEMPTY':
        return `${field}${condition.op}`;
      case 'IN':
      case 'NOT IN': {
        if (condition.value.length === 0) throw this.unsafe(field, `${condition.op} needs at least one value`);
        for (const value of condition.value) {
          this.checkValue(field, value);
          if (value.includes(',')) throw this.unsafe(field, 'a value in an IN list holds a comma, which would split it in two');
        }
        return `${field}${condition.op}${condition.value.join(',')}`;
      }
      default:
        this.checkValue(field, condition.value);
        if (condition.value === '') throw this.unsafe(field, `an empty value with '${condition.op}' is ambiguous: use ISEMPTY or ISNOTEMPTY`);
        return `${field}${condition.op}${condition.value}`;
    }
  }

  private checkField(field: string): string {
    if (!FIELD_NAME.test(field) || !this.allowed.has(field)) {
      throw new HandoffError('SN_QUERY_UNKNOWN_FIELD', `refused a query on ${this.table} naming field '${field}': it is not a field the mapping reads`, {
        details: { table: this.table, field },
        remedy: `ServiceNow ignores unknown fields in a query and returns more rows; use one of: ${[...this.allowed].sort().join(', ')}`,
      });
    }
    return field;
  }

  private checkValue(field: string, value: string): void {
    if (UNSAFE.test(value)) throw this.unsafe(field, 'the value holds ^ or a line break, which ServiceNow would read as more query');
    if (SCRIPT_VALUE.test(value)) throw this.unsafe(field, 'the value starts with javascript:, which the instance would run as a script');
  }

  private unsafe(field: string, why: string): HandoffError {
    return new HandoffError('SN_QUERY_UNSAFE', `refused a query on ${this.table}: field '${field}': ${why}`, {
      details: { table: this.table, field },
      remedy: 'the value cannot be queried safely; look the record up another way (by sys_id)',
    });
  }

  private misuse(why: string): HandoffError {
    return new HandoffError('INPUT_INVALID', `cannot build a query on ${this.table}: ${why}`, { details: { table: this.table } });
  }
}

/** A builder for a query on `table` that may name only `allowed` fields. */
export function encodedQuery(table: string, allowed: Iterable<string>): QueryBuilder {
  return new QueryBuilder(new Set(allowed), table);
}

/**
 * A mapping's filter condition as a typed condition. The mapping schema lets
 * `value` be a string or a list for any operator; here the shape must fit the
 * operator (a single string is accepted as a one-value IN list).
 */
export function conditionFrom(filter: FilterCondition, table: string): Condition {
  const { field, op, value } = filter;
  const wrong = (why: string): HandoffError =>
    new HandoffError('INPUT_INVALID', `condition on ${table}.${field} with '${op}' ${why}`, {
      details: { table, field, op },
      remedy: 'give IN and NOT IN a list, ISEMPTY and ISNOTEMPTY no value, and other operators one string',
    });
  if (op === 'ISEMPTY' || op === 'ISNOTEMPTY') {
    if (value !== undefined) throw wrong('takes no value');
    return { field, op };
  }
  if (op === 'IN' || op === 'NOT IN') {
    if (value === undefined) throw wrong('needs a list of values');
    return { field, op, value: typeof value === 'string' ? [value] : value };
  }
  if (typeof value !== 'string') throw wrong('needs exactly one string value');
  return { field, op, value };
}
