/**
 * Display values: what `sysparm_display_value=true` shows instead of raw
 * values. References show the referenced record's display field, choices
 * their label, journal fields the whole journal (newest first, each entry
 * headed `<date> - <user display name> (Work notes)`, as
 * ../shared/reference/servicenow.md describes; dates in UTC, the sandbox
 * users' time zone).
 */
import type { Store, StoredRow } from '../store.js';
import type { FieldDef } from '../schema/types.js';
import { runQuery } from '../query/plan.js';
import { compileQuery } from '../query/compile.js';
import { parseEncodedQuery } from '../query/parse.js';

const JOURNAL_LABEL: Record<string, string> = { work_notes: 'Work notes', comments: 'Additional comments' };

export interface DisplayValues {
  /** The display value of `field` read from `row` (the record that holds the field). */
  of(row: StoredRow, field: FieldDef): string;
  /** The display value of a record: its table's display field. */
  record(row: StoredRow): string;
  /** The journal of one field of one record, as one string, newest first. */
  journal(row: StoredRow, element: string): string;
}

export function createDisplayValues(store: Store): DisplayValues {
  const choiceLabels = new WeakMap<FieldDef, Map<string, string>>();
  const labelOf = (field: FieldDef, value: string): string => {
    let labels = choiceLabels.get(field);
    if (!labels) {
      labels = new Map((field.choices ?? []).map((c) => [c.value, c.label]));
      choiceLabels.set(field, labels);
    }
    return labels.get(value) ?? value;
  };

  const record = (row: StoredRow): string => row.v[row.table.displayField] ?? '';

  const userDisplayName = (userName: string): string => {
    const users = store.partitions('sys_user')[0]!;
    const user = users.indexes.get('user_name')?.get(userName.toLowerCase())?.[0];
    return user?.v.name ?? userName;
  };

  const journalDef = store.schema.table('sys_journal_field')!;
  const journal = (row: StoredRow, element: string): string => {
    const query = compileQuery(store, journalDef, parseEncodedQuery(`element_id=${row.v.sys_id!}^element=${element}`));
    const entries = [...runQuery(store.partitions('sys_journal_field'), query, { offset: 0, limit: Number.MAX_SAFE_INTEGER, count: false }).rows];
    entries.sort((a, b) => (a.v.sys_created_on! < b.v.sys_created_on! ? 1 : a.v.sys_created_on! > b.v.sys_created_on! ? -1 : b.seq - a.seq));
    const label = JOURNAL_LABEL[element] ?? element;
    return entries.map((e) => `${e.v.sys_created_on!} - ${userDisplayName(e.v.sys_created_by!)} (${label})\n${e.v.value!}\n\n`).join('');
  };

  return {
    of(row, declared) {
      // A parent table's field may carry the child's choices (incident's state).
      const field = row.table.field.get(declared.name) ?? declared;
      switch (field.type) {
        case 'journal_input':
        case 'journal':
          return journal(row, field.name);
        case 'reference': {
          const id = row.v[field.name] ?? '';
          if (id === '' || field.reference === undefined) return '';
          const target = store.get(field.reference, id);
          return target ? record(target) : '';
        }
        default: {
          const value = row.v[field.name] ?? '';
          return field.choices ? labelOf(field, value) : value;
        }
      }
    },
    record,
    journal,
  };
}
