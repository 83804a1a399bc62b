/**
 * The sandbox's tables in memory. Rows are plain string maps (every value a
 * string, as the Table API returns them) created with the same key order per
 * table, so V8 shares one hidden class and 100,000 tickets stay lean.
 *
 * Two kinds of index keep the list path fast: an equality index for the
 * fields the schema marks `indexed` (number, user_name, element_id,
 * documentkey, ...), and, for tables with sys_updated_on, an array kept sorted
 * by (sys_updated_on, sys_id): the keyset cursor of a sync walks it by binary
 * search instead of scanning the table.
 *
 * This layer knows nothing of users, audit or journals: records.ts applies
 * the instance's business rules on top of it.
 */
import type { Schema } from './schema/registry.js';
import type { TableDef } from './schema/types.js';

export type RowValues = Record<string, string>;

export interface StoredRow {
  /** Insertion order across the whole store: the default order of a list. */
  readonly seq: number;
  /** The row's own (most specific) table. */
  readonly table: TableDef;
  readonly v: RowValues;
}

export interface Partition {
  readonly def: TableDef;
  readonly rows: ReadonlyMap<string, StoredRow>;
  /** Rows sorted by (sys_updated_on, sys_id); undefined for tables without sys_updated_on. */
  readonly byUpdated: readonly StoredRow[] | undefined;
  /** Equality indexes: field -> lowercased value -> rows (text compares ignore case, as on an instance). */
  readonly indexes: ReadonlyMap<string, ReadonlyMap<string, readonly StoredRow[]>>;
}

export interface Store {
  readonly schema: Schema;
  /** The partitions a read of `table` covers: the table itself and every table extending it. */
  partitions(table: string): readonly Partition[];
  /** A row by sys_id, if it belongs to `table` or a table extending it. */
  get(table: string, sysId: string): StoredRow | undefined;
  /** A row by sys_id in any table. */
  bySysId(sysId: string): StoredRow | undefined;
  /** Inserts a complete row (missing columns become their default or ""). */
  insert(table: string, values: Readonly<Record<string, string>>): StoredRow;
  /** Sets values on a row, keeping the indexes right. */
  update(row: StoredRow, changes: Readonly<Record<string, string>>): void;
  /** Total rows in the store. */
  readonly size: number;
  /** Rises on every insert or update: persistence saves when it moves. */
  readonly version: number;
  /** Called after every insert or update. */
  onChange(listener: () => void): void;
  /**
   * Runs `fill` as one bulk load: the sorted (sys_updated_on, sys_id) indexes
   * are rebuilt once at the end instead of kept sorted on every insert (the
   * generator's 100,000 random timestamps would otherwise cost a splice each).
   */
  bulk(fill: () => void): void;
}

interface MutablePartition extends Partition {
  readonly rows: Map<string, StoredRow>;
  readonly byUpdated: StoredRow[] | undefined;
  readonly indexes: Map<string, Map<string, StoredRow[]>>;
  /**
   * An empty row with every stored column, made by JSON.parse: V8 gives it
   * fast properties, and rows cloned from it by spread share its hidden class.
   * Rows built key by key with computed names fall into dictionary mode past a
   * dozen properties and take several times the memory.
   */
  readonly template: RowValues;
}

export function compareUpdated(a: StoredRow, b: StoredRow): number {
  const x = a.v.sys_updated_on!;
  const y = b.v.sys_updated_on!;
  if (x !== y) return x < y ? -1 : 1;
  const i = a.v.sys_id!;
  const j = b.v.sys_id!;
  return i < j ? -1 : i > j ? 1 : 0;
}

/** First index in `sorted` whose row is not before (updatedOn, sysId). */
export function lowerBound(sorted: readonly StoredRow[], updatedOn: string, sysId: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const v = sorted[mid]!.v;
    const u = v.sys_updated_on!;
    if (u < updatedOn || (u === updatedOn && v.sys_id! < sysId)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Sorts in place by (sys_updated_on, sys_id) through one precomputed key per row (fixed-width times make the concatenation order right). */
function sortByUpdated(rows: StoredRow[]): void {
  const keyed = rows.map((row) => ({ key: `${row.v.sys_updated_on!} ${row.v.sys_id!}`, row }));
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  for (let i = 0; i < keyed.length; i++) rows[i] = keyed[i]!.row;
}

export function createStore(schema: Schema): Store {
  const parts = new Map<string, MutablePartition>();
  for (const def of schema.tables) {
    const indexes = new Map<string, Map<string, StoredRow[]>>();
    for (const col of def.stored) if (col.indexed) indexes.set(col.name, new Map());
    const template = JSON.parse(JSON.stringify(Object.fromEntries(def.stored.map((c) => [c.name, ''])))) as RowValues;
    parts.set(def.name, { def, rows: new Map(), byUpdated: def.hasFullSysFields ? [] : undefined, indexes, template });
  }
  const global = new Map<string, StoredRow>();
  const listeners: (() => void)[] = [];
  let seq = 0;
  let version = 0;
  let bulkLoading = false;
  const changed = (): void => {
    version++;
    for (const l of listeners) l();
  };

  const partition = (table: string): MutablePartition => {
    const p = parts.get(table);
    if (!p) throw new Error(`unknown table ${table}`);
    return p;
  };

  const addToIndexes = (p: MutablePartition, row: StoredRow): void => {
    for (const [field, index] of p.indexes) {
      const key = row.v[field]!.toLowerCase();
      const bucket = index.get(key);
      if (bucket) bucket.push(row);
      else index.set(key, [row]);
    }
  };

  const removeFromIndex = (index: Map<string, StoredRow[]>, value: string, row: StoredRow): void => {
    const bucket = index.get(value);
    if (!bucket) return;
    const at = bucket.indexOf(row);
    if (at >= 0) bucket.splice(at, 1);
    if (bucket.length === 0) index.delete(value);
  };

  const insertSorted = (sorted: StoredRow[], row: StoredRow): void => {
    // Updates carry the newest time, so the common insertion point is the end.
    const last = sorted[sorted.length - 1];
    if (last === undefined || compareUpdated(last, row) < 0) sorted.push(row);
    else sorted.splice(lowerBound(sorted, row.v.sys_updated_on!, row.v.sys_id!), 0, row);
  };

  return {
    schema,
    partitions(table) {
      const def = schema.table(table);
      if (!def) return [];
      return [partition(table), ...def.descendants.map(partition)];
    },
    get(table, sysId) {
      const row = global.get(sysId);
      return row && schema.isA(row.table.name, table) ? row : undefined;
    },
    bySysId: (sysId) => global.get(sysId),
    insert(table, values) {
      const p = partition(table);
      const v: RowValues = { ...p.template };
      for (const col of p.def.stored) v[col.name] = values[col.name] ?? col.defaultValue ?? '';
      const sysId = v.sys_id!;
      if (!/^[0-9a-f]{32}$/.test(sysId)) throw new Error(`insert into ${table}: sys_id must be 32 lowercase hex characters`);
      if (global.has(sysId)) throw new Error(`insert into ${table}: sys_id ${sysId} exists`);
      const row: StoredRow = { seq: seq++, table: p.def, v };
      p.rows.set(sysId, row);
      global.set(sysId, row);
      addToIndexes(p, row);
      if (p.byUpdated) {
        if (bulkLoading) p.byUpdated.push(row);
        else insertSorted(p.byUpdated, row);
      }
      if (!bulkLoading) changed();
      return row;
    },
    update(row, changes) {
      const p = partition(row.table.name);
      const names = Object.keys(changes);
      if (names.length === 0) return;
      const sorted = p.byUpdated;
      // During a bulk load the sorted index is rebuilt at the end; leave it be.
      const moves = !bulkLoading && sorted !== undefined && 'sys_updated_on' in changes && changes.sys_updated_on !== row.v.sys_updated_on;
      if (moves) {
        const at = lowerBound(sorted, row.v.sys_updated_on!, row.v.sys_id!);
        if (sorted[at] === row) sorted.splice(at, 1);
      }
      for (const name of names) {
        if (!(name in row.v) || name === 'sys_id') continue;
        const next = changes[name]!;
        const index = p.indexes.get(name);
        if (index && row.v[name]!.toLowerCase() !== next.toLowerCase()) {
          removeFromIndex(index, row.v[name]!.toLowerCase(), row);
          const key = next.toLowerCase();
          const bucket = index.get(key);
          if (bucket) bucket.push(row);
          else index.set(key, [row]);
        }
        row.v[name] = next;
      }
      if (moves) insertSorted(sorted, row);
      changed();
    },
    get size() {
      return global.size;
    },
    get version() {
      return version;
    },
    onChange(listener) {
      listeners.push(listener);
    },
    bulk(fill) {
      if (bulkLoading) return fill();
      bulkLoading = true;
      try {
        fill();
      } finally {
        bulkLoading = false;
        for (const p of parts.values()) if (p.byUpdated) sortByUpdated(p.byUpdated);
        changed();
      }
    },
  };
}
