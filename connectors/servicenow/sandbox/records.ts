/**
 * Creating and updating records as an instance does: coercion of every value
 * to a string, unknown and read-only keys silently ignored, journal fields
 * appended to sys_journal_field (never overwritten), sys_* fields maintained,
 * business rules and the data policy applied, and one sys_audit row per
 * changed field (journal additions are audited with the old value
 * `JOURNAL FIELD ADDITION`, as an instance records them).
 */
import { randomBytes } from 'node:crypto';
import { applyRules, dataPolicyViolations, type Actor } from './business-rules.js';
import { JOURNAL_TYPES, type FieldDef, type TableDef } from './schema/types.js';
import type { RowValues, Store, StoredRow } from './store.js';
import { glideDateTime, type Clock } from './time.js';

export type { Actor } from './business-rules.js';

export interface WriteResult {
  readonly ok: true;
  readonly row: StoredRow;
  /** Fields whose value changed (including derived ones), and journal fields appended to. */
  readonly changed: readonly string[];
  /** Keys of the body that were silently ignored (unknown, read-only). */
  readonly ignored: readonly string[];
}

export interface WriteRefusal {
  readonly ok: false;
  readonly status: 403;
  readonly message: string;
  readonly detail: string;
  readonly ignored: readonly string[];
}

export interface Records {
  create(table: string, body: Readonly<Record<string, unknown>>, actor: Actor): WriteResult | WriteRefusal;
  update(row: StoredRow, body: Readonly<Record<string, unknown>>, actor: Actor): WriteResult | WriteRefusal;
  /** Appends one journal entry (used by writes and by the seed, which gives its own author and time). */
  appendJournal(row: StoredRow, element: string, text: string, author: string, at: string): void;
  /** Writes one sys_audit row. */
  audit(row: StoredRow, field: string, oldValue: string, newValue: string, user: string, at: string): void;
}

export interface RecordsDeps {
  readonly store: Store;
  readonly clock: Clock;
  /** New sys_ids; random by default. */
  readonly newSysId?: () => string;
}

/** Every value becomes a string, as the Table API stores it; null becomes "". */
export function coerce(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  return JSON.stringify(value);
}

export function createRecords(deps: RecordsDeps): Records {
  const { store, clock } = deps;
  const newSysId = deps.newSysId ?? (() => randomBytes(16).toString('hex'));
  const counters = new Map<string, number>();

  const nextNumber = (def: TableDef): string => {
    const prefix = def.numberPrefix!;
    let n = counters.get(prefix);
    if (n === undefined) {
      n = 0;
      for (const p of store.partitions(def.name)) {
        for (const row of p.rows.values()) {
          const num = row.v.number ?? '';
          if (num.startsWith(prefix)) n = Math.max(n, Number(num.slice(prefix.length)) || 0);
        }
      }
    }
    n++;
    counters.set(prefix, n);
    return `${prefix}${String(n).padStart(7, '0')}`;
  };

  /** A reference may be written as a sys_id or as the referenced record's display value. */
  const resolveReference = (field: FieldDef, value: string): string => {
    if (value === '' || field.reference === undefined) return value;
    if (store.get(field.reference, value)) return value;
    const target = store.schema.table(field.reference);
    if (!target) return value;
    const wanted = value.toLowerCase();
    for (const p of store.partitions(field.reference)) {
      const index = p.indexes.get(target.displayField);
      const hit = index ? index.get(wanted)?.[0] : [...p.rows.values()].find((r) => (r.v[target.displayField] ?? '').toLowerCase() === wanted);
      if (hit) return hit.v.sys_id!;
    }
    return value;
  };

  interface Sorted {
    readonly values: RowValues;
    readonly journal: { element: string; text: string }[];
    readonly ignored: string[];
  }

  const sortBody = (def: TableDef, body: Readonly<Record<string, unknown>>, current: Readonly<RowValues> | undefined): Sorted => {
    const values: RowValues = {};
    const journal: { element: string; text: string }[] = [];
    const ignored: string[] = [];
    for (const [key, rawValue] of Object.entries(body)) {
      const field = def.field.get(key);
      if (!field || field.readOnly) {
        ignored.push(key);
        continue;
      }
      const value = coerce(rawValue);
      if (JOURNAL_TYPES.has(field.type)) {
        if (value.trim() !== '') journal.push({ element: key, text: value });
        continue;
      }
      const stored = field.type === 'reference' ? resolveReference(field, value) : value;
      if (current === undefined || current[key] !== stored) values[key] = stored;
    }
    return { values, journal, ignored };
  };

  const records: Records = {
    appendJournal(row, element, text, author, at) {
      store.insert('sys_journal_field', {
        sys_id: newSysId(),
        element_id: row.v.sys_id!,
        element,
        name: row.table.name,
        value: text,
        sys_created_on: at,
        sys_created_by: author,
      });
    },
    audit(row, field, oldValue, newValue, user, at) {
      store.insert('sys_audit', {
        sys_id: newSysId(),
        tablename: row.table.name,
        documentkey: row.v.sys_id!,
        fieldname: field,
        oldvalue: oldValue,
        newvalue: newValue,
        user,
        record_checkpoint: row.v.sys_mod_count ?? '0',
        sys_created_on: at,
        sys_created_by: user,
      });
    },
    create(table, body, actor) {
      const def = store.schema.table(table)!;
      const now = glideDateTime(clock());
      const { values, journal, ignored } = sortBody(def, body, undefined);
      // Like an instance, a client may choose the sys_id of a new record.
      const wantedId = typeof body.sys_id === 'string' && /^[0-9a-f]{32}$/.test(body.sys_id) && !store.bySysId(body.sys_id) ? body.sys_id : newSysId();
      const withDefaults: RowValues = {};
      for (const col of def.stored) if (col.defaultValue !== undefined) withDefaults[col.name] = col.defaultValue;
      if (def.numberPrefix !== undefined && (values.number ?? '') === '') values.number = nextNumber(def);
      if (def.field.has('opened_at') && (values.opened_at ?? '') === '') values.opened_at = now;
      if (def.field.has('opened_by') && (values.opened_by ?? '') === '') values.opened_by = actor.sysId;
      applyRules(def, withDefaults, values, actor, now, true);
      const missing = dataPolicyViolations(def, withDefaults, values);
      if (missing.length > 0) return dataPolicyRefusal(missing, ignored);
      const sys: RowValues = { sys_id: wantedId, sys_created_on: now, sys_created_by: actor.userName };
      if (def.hasFullSysFields) Object.assign(sys, { sys_updated_on: now, sys_updated_by: actor.userName, sys_mod_count: '0' });
      if (def.field.has('sys_class_name') && def.lineage.includes('task')) sys.sys_class_name = def.name;
      const row = store.insert(table, { ...values, ...sys });
      const changed = Object.keys(values);
      for (const field of changed) {
        if (!def.field.get(field)?.noAudit && values[field] !== '') records.audit(row, field, '', values[field]!, actor.userName, now);
      }
      for (const entry of journal) {
        records.appendJournal(row, entry.element, entry.text, actor.userName, now);
        records.audit(row, entry.element, 'JOURNAL FIELD ADDITION', entry.text, actor.userName, now);
      }
      return { ok: true, row, changed: [...changed, ...journal.map((j) => j.element)], ignored };
    },
    update(row, body, actor) {
      const def = row.table;
      const now = glideDateTime(clock());
      const { values, journal, ignored } = sortBody(def, body, row.v);
      applyRules(def, row.v, values, actor, now, false);
      for (const [k, v] of Object.entries(values)) if (row.v[k] === v) delete values[k];
      const missing = dataPolicyViolations(def, row.v, values);
      if (missing.length > 0) return dataPolicyRefusal(missing, ignored);
      const changed = Object.keys(values);
      if (changed.length === 0 && journal.length === 0) return { ok: true, row, changed: [], ignored };
      const before: RowValues = {};
      for (const field of changed) before[field] = row.v[field]!;
      const modCount = String(Number(row.v.sys_mod_count ?? '0') + 1);
      store.update(row, { ...values, sys_updated_on: now, sys_updated_by: actor.userName, sys_mod_count: modCount });
      for (const field of changed) {
        if (!def.field.get(field)?.noAudit) records.audit(row, field, before[field]!, values[field]!, actor.userName, now);
      }
      for (const entry of journal) {
        records.appendJournal(row, entry.element, entry.text, actor.userName, now);
        records.audit(row, entry.element, 'JOURNAL FIELD ADDITION', entry.text, actor.userName, now);
      }
      return { ok: true, row, changed: [...changed, ...journal.map((j) => j.element)], ignored };
    },
  };
  return records;
}

function dataPolicyRefusal(missing: readonly string[], ignored: readonly string[]): WriteRefusal {
  return {
    ok: false,
    status: 403,
    message: 'Operation Failed',
    detail: `Data Policy Exception: \n\tThe following fields are mandatory: ${missing.join(', ')}\n`,
    ignored,
  };
}
