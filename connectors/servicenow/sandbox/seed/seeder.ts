/**
 * Writes seed records straight into the store, with stable sys_ids
 * (prng.ts `stableSysId`) and timestamps relative to the sandbox's clock at
 * start, so the seed always looks recent and its ids never change.
 */
import type { AppNames } from '../../../../src/domain/app-names.js';
import { stableSysId } from '../prng.js';
import type { Records } from '../records.js';
import type { Store, StoredRow } from '../store.js';
import { glideDateTime } from '../time.js';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

export interface Seeder {
  readonly store: Store;
  readonly records: Records;
  /** The installed app's names (its data classification field). */
  readonly app: AppNames;
  /** The clock reading the seed is relative to. */
  readonly now: number;
  /** A glide date-time `ms` before now. */
  ago(ms: number): string;
  /** The stable sys_id of a named seed record. */
  id(table: string, key: string): string;
  user(userName: string): string;
  group(name: string): string;
  ci(name: string): string;
  /** Inserts a record with sys fields filled in; `createdAgo` / `updatedAgo` in ms, created and updated by `by`. */
  put(table: string, key: string, values: Record<string, string>, when?: { createdAgo?: number; updatedAgo?: number; by?: string }): StoredRow;
  /** Appends a journal entry written by `by`, `agoMs` before now, bumping the record's update stamp. */
  note(row: StoredRow, by: string, agoMs: number, text: string, element?: 'work_notes' | 'comments'): void;
}

export function createSeeder(store: Store, records: Records, now: number, app: AppNames): Seeder {
  const ago = (ms: number): string => glideDateTime(now - ms);
  const ids = new Map<string, string>();
  const id = (table: string, key: string): string => {
    const name = `${table}:${key}`;
    let sysId = ids.get(name);
    if (sysId === undefined) {
      sysId = stableSysId(name);
      ids.set(name, sysId);
    }
    return sysId;
  };
  return {
    store,
    records,
    app,
    now,
    ago,
    id,
    user: (userName) => id('sys_user', userName),
    group: (name) => id('sys_user_group', name),
    ci: (name) => id('cmdb_ci', name),
    put(table, key, values, when = {}) {
      const def = store.schema.table(table)!;
      const created = ago(when.createdAgo ?? 400 * DAY);
      const by = when.by ?? 'admin';
      const sys: Record<string, string> = { sys_id: id(table, key), sys_created_on: created, sys_created_by: by };
      if (def.hasFullSysFields) {
        sys.sys_updated_on = ago(when.updatedAgo ?? when.createdAgo ?? 400 * DAY);
        sys.sys_updated_by = by;
        sys.sys_mod_count = '0';
      }
      if (def.lineage.includes('task')) sys.sys_class_name = table;
      return store.insert(table, { ...values, ...sys });
    },
    note(row, by, agoMs, text, element = 'work_notes') {
      const at = ago(agoMs);
      records.appendJournal(row, element, text, by, at);
      const changes: Record<string, string> = { sys_mod_count: String(Number(row.v.sys_mod_count ?? '0') + 1) };
      if ((row.v.sys_updated_on ?? '') < at) {
        changes.sys_updated_on = at;
        changes.sys_updated_by = by;
      }
      store.update(row, changes);
    },
  };
}
