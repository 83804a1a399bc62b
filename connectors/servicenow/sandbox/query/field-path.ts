/**
 * Dot-walking: `caller_id.manager.name` follows reference fields from one
 * record to the next. A path that names an unknown field, or walks through a
 * field that is not a reference, resolves to nothing (and the caller ignores
 * it, as an instance does).
 */
import type { StoredRow, Store } from '../store.js';
import type { FieldDef, TableDef } from '../schema/types.js';
import { JOURNAL_TYPES } from '../schema/types.js';

export interface FieldPath {
  /** The dotted name as written. */
  readonly name: string;
  /** The reference fields walked through, in order. */
  readonly hops: readonly FieldDef[];
  /** The field read at the end of the walk. */
  readonly field: FieldDef;
  /** The table the final field belongs to. */
  readonly table: TableDef;
  /** Reads the raw value ("" when a hop is empty or dangling). */
  readonly get: (row: StoredRow) => string;
  /** The record the final field is read from (undefined when a hop is empty). */
  readonly target: (row: StoredRow) => StoredRow | undefined;
}

export function resolvePath(store: Store, table: TableDef, name: string): FieldPath | undefined {
  const segments = name.split('.');
  const hops: FieldDef[] = [];
  let current = table;
  for (let i = 0; i < segments.length - 1; i++) {
    const hop = current.field.get(segments[i]!);
    if (hop?.type !== 'reference' || hop.reference === undefined) return undefined;
    const next = store.schema.table(hop.reference);
    if (!next) return undefined;
    hops.push(hop);
    current = next;
  }
  const field = current.field.get(segments[segments.length - 1]!);
  if (!field) return undefined;
  const journal = JOURNAL_TYPES.has(field.type);
  const fieldName = field.name;

  const target = (row: StoredRow): StoredRow | undefined => {
    let at: StoredRow | undefined = row;
    for (const hop of hops) {
      const id: string = at.v[hop.name] ?? '';
      if (id === '') return undefined;
      at = store.get(hop.reference!, id);
      if (!at) return undefined;
    }
    return at;
  };

  const get =
    hops.length === 0
      ? journal
        ? () => ''
        : (row: StoredRow) => row.v[fieldName] ?? ''
      : (row: StoredRow) => {
          const at = target(row);
          return at === undefined || journal ? '' : (at.v[fieldName] ?? '');
        };
  return { name, hops, field, table: current, get, target };
}
