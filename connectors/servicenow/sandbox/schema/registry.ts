/**
 * Resolves the table specs into table definitions: inherited fields, dictionary
 * overrides, the sys_* fields every record carries, and the table hierarchy.
 */
import { appNames, type AppNames } from '../../../../src/domain/app-names.js';
import { appTables } from './app-tables.js';
import { checkpointTableSpec } from './checkpoint-table.js';
import { INSTANCE_METADATA_TABLES } from './instance-metadata.js';
import { SYSTEM_TABLES } from './system-tables.js';
import { taskTables } from './task-tables.js';
import type { FieldDef, FieldSpec, TableDef, TableSpec } from './types.js';
import { JOURNAL_TYPES } from './types.js';

export interface Schema {
  table(name: string): TableDef | undefined;
  readonly tables: readonly TableDef[];
  /** Whether `table` is `ancestor` or extends it. */
  isA(table: string, ancestor: string): boolean;
}

const dt = (name: string, label: string): FieldSpec => ({ name, label, type: 'glide_date_time', maxLength: 40, readOnly: true });
const SYS_ID: FieldSpec = { name: 'sys_id', label: 'Sys ID', type: 'GUID', maxLength: 32, readOnly: true };
const CREATED: readonly FieldSpec[] = [
  dt('sys_created_on', 'Created'),
  { name: 'sys_created_by', label: 'Created by', type: 'string', maxLength: 40, readOnly: true },
];
const UPDATED: readonly FieldSpec[] = [
  dt('sys_updated_on', 'Updated'),
  { name: 'sys_updated_by', label: 'Updated by', type: 'string', maxLength: 40, readOnly: true },
  { name: 'sys_mod_count', label: 'Updates', type: 'integer', readOnly: true, defaultValue: '0' },
];

/** Every table the sandbox serves, with the app's fields and tables under the names of its scope. */
export function allTableSpecs(names: AppNames = appNames()): TableSpec[] {
  return [...taskTables(names.fields), ...SYSTEM_TABLES, ...INSTANCE_METADATA_TABLES, ...appTables(names), checkpointTableSpec(names)];
}

export function createSchema(specs: readonly TableSpec[] = allTableSpecs()): Schema {
  const byName = new Map(specs.map((s) => [s.name, s]));
  const lineageOf = (spec: TableSpec): TableSpec[] => {
    const chain: TableSpec[] = [];
    for (let cur: TableSpec | undefined = spec; cur; cur = cur.extends === undefined ? undefined : byName.get(cur.extends)) {
      if (chain.includes(cur)) throw new Error(`table ${spec.name}: inheritance loop`);
      chain.push(cur);
    }
    return chain;
  };

  const defs = new Map<string, TableDef>();
  for (const spec of specs) {
    const lineage = lineageOf(spec);
    const columns: FieldDef[] = [{ ...SYS_ID, definedOn: lineage[lineage.length - 1]!.name }];
    // Ancestors' fields first (task before incident), each with this table's overrides.
    for (const owner of [...lineage].reverse()) {
      for (const field of owner.fields) {
        const override = lineage.find((t) => t.overrides?.[field.name] !== undefined)?.overrides?.[field.name];
        columns.push({ ...field, ...override, definedOn: owner.name });
      }
    }
    const root = lineage[lineage.length - 1]!.name;
    for (const field of spec.sysFields === 'full' ? [...CREATED, ...UPDATED] : CREATED) columns.push({ ...field, definedOn: root });
    const field = new Map(columns.map((c) => [c.name, c]));
    if (field.size !== columns.length) {
      const repeated = columns.map((c) => c.name).filter((name, i, all) => all.indexOf(name) !== i);
      throw new Error(`table ${spec.name}: column ${repeated.join(', ')} is defined twice (does an app field name clash with a table field?)`);
    }
    const displayField = columns.find((c) => c.display)?.name ?? 'sys_id';
    const descendants = specs.filter((s) => s !== spec && lineageOf(s).includes(spec)).map((s) => s.name);
    defs.set(spec.name, {
      name: spec.name,
      label: spec.label,
      extends: spec.extends,
      numberPrefix: spec.numberPrefix,
      columns,
      stored: columns.filter((c) => !JOURNAL_TYPES.has(c.type)),
      field,
      displayField,
      lineage: lineage.map((t) => t.name),
      descendants,
      hasFullSysFields: spec.sysFields === 'full',
      closedStates: new Set(spec.closedStates ?? []),
    });
  }
  return {
    table: (name) => defs.get(name),
    tables: [...defs.values()],
    isA: (table, ancestor) => defs.get(table)?.lineage.includes(ancestor) ?? false,
  };
}
