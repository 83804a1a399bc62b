/**
 * A table's fields as the instance defines them, from `sys_dictionary`
 * (`name` = table, `element` = field, `internal_type`, `reference` = the
 * referenced table's name). Fields a table inherits are defined on its
 * ancestors' rows; finding the ancestors needs `sys_db_object.super_class`,
 * which the integration user may not read (the app does not grant it), so
 * the ancestors of the known ticket tables are configured here: each ticket
 * table extends `task`; `rm_enhancement` extends `rm_task`, which extends
 * `planned_task` (ServiceNow's Agile/SDLC hierarchy; an ancestor that does
 * not exist only adds no rows). Callers can pass other hierarchies. A table
 * not listed and read as a mapped ticket table (a custom table: issue 15)
 * has its lineage read from `sys_db_object` when the user may read it, else
 * is taken to extend `task`, as every table the product can serve does (it
 * needs a number, assignment and work notes). Any other table is read alone.
 */
import { allBySysId } from './keyset-cursor.js';
import type { TableClient } from './table-client.js';
import { readLineage } from './table-description.js';

export interface FieldInfo {
  /** The table whose sys_dictionary row defines the field (the table itself or an ancestor). */
  readonly definedOn: string;
  readonly type: string;
  /** For reference fields, the referenced table; otherwise null. */
  readonly reference: string | null;
}

export type Dictionary = ReadonlyMap<string, FieldInfo>;

export const DEFAULT_TABLE_ANCESTORS: Readonly<Record<string, readonly string[]>> = Object.freeze({
  incident: ['task'],
  sc_request: ['task'],
  sc_req_item: ['task'],
  sn_si_incident: ['task'],
  rm_enhancement: ['rm_task', 'planned_task', 'task'],
});

/**
 * Fields every ServiceNow table has (the platform adds them to each table);
 * counted as present even where sys_dictionary rows for them are not readable.
 */
export const SYSTEM_FIELDS: ReadonlySet<string> = new Set(['sys_id', 'sys_created_on', 'sys_created_by', 'sys_updated_on', 'sys_updated_by', 'sys_mod_count']);

export interface DictionaryReader {
  /**
   * The table's fields including inherited ones; read once per reader and cached. `ticketTable`: the table is a
   * mapped ticket table, so one the reader does not know has its lineage read (else task assumed), not its own rows alone.
   */
  read(table: string, signal?: AbortSignal, options?: { readonly ticketTable?: boolean }): Promise<Dictionary>;
}

export interface DictionaryReaderOptions {
  readonly client: TableClient;
  readonly pageSize: number;
  readonly ancestors?: Readonly<Record<string, readonly string[]>>;
}

const TABLE_NAME = /^[a-z][a-z0-9_]*$/;

export function createDictionaryReader({ client, pageSize, ancestors = DEFAULT_TABLE_ANCESTORS }: DictionaryReaderOptions): DictionaryReader {
  const cache = new Map<string, Promise<Dictionary>>();
  const lineageOf = async (table: string): Promise<readonly string[]> => {
    try {
      const { lineage } = await readLineage(client, table);
      return lineage.length > 0 ? lineage : [table, 'task'];
    } catch {
      // sys_db_object not readable (the integration user's usual case), or no row: a ticket table extends task.
      return [table, 'task'];
    }
  };

  const load = async (table: string, signal: AbortSignal | undefined, ticketTable: boolean): Promise<Dictionary> => {
    const known = ancestors[table];
    const lineage = known !== undefined ? [table, ...known] : ticketTable ? await lineageOf(table) : [table];
    const rows = await allBySysId(client, {
      table: 'sys_dictionary',
      fields: ['name', 'element', 'internal_type', 'reference', 'active'],
      conditions: [{ field: 'name', op: 'IN', value: lineage }],
      allowed: ['name'],
      pageSize,
      ...(signal === undefined ? {} : { signal }),
    });
    const fields = new Map<string, FieldInfo>();
    // Nearest definition wins: the table's own row over an ancestor's.
    const rank = (name: string): number => lineage.indexOf(name);
    for (const row of rows) {
      const element = row.element ?? '';
      const definedOn = row.name ?? '';
      if (element === '' || row.active === 'false') continue;
      const existing = fields.get(element);
      if (existing !== undefined && rank(existing.definedOn) <= rank(definedOn)) continue;
      const reference = row.reference !== undefined && TABLE_NAME.test(row.reference) ? row.reference : null;
      fields.set(element, { definedOn, type: row.internal_type ?? '', reference });
    }
    for (const name of SYSTEM_FIELDS) if (!fields.has(name)) fields.set(name, { definedOn: table, type: 'system', reference: null });
    return fields;
  };

  return {
    read(table, signal, options = {}) {
      let entry = cache.get(table);
      if (entry === undefined) {
        entry = load(table, signal, options.ticketTable ?? false);
        cache.set(table, entry);
        entry.catch(() => cache.delete(table));
      }
      return entry;
    },
  };
}
