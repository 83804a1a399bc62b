/**
 * The instance's own description of its tables, generated from the schema:
 * sys_db_object (tables and what they extend), sys_dictionary (one row per
 * field on the table that defines it, plus the table's collection row) and
 * sys_choice (choice lists per table, inherited ones repeated under the child
 * as an instance lists them).
 */
import type { Schema } from '../schema/registry.js';
import { tableAccess } from './app-install.js';
import type { Seeder } from './seeder.js';

export function seedMetadata(seed: Seeder, schema: Schema): void {
  for (const def of schema.tables) {
    seed.put('sys_db_object', def.name, {
      name: def.name,
      label: def.label,
      super_class: def.extends === undefined ? '' : seed.id('sys_db_object', def.extends),
      number_ref: def.numberPrefix ?? '',
      ...tableAccess(seed, def.name, seed.app),
    });
    seed.put('sys_dictionary', `${def.name}.`, { name: def.name, element: '', column_label: def.label, internal_type: 'collection', max_length: '40' });
    for (const col of def.columns) {
      if (col.definedOn !== def.name) continue;
      seed.put('sys_dictionary', `${def.name}.${col.name}`, {
        name: def.name,
        element: col.name,
        column_label: col.label,
        internal_type: col.type,
        reference: col.reference ?? '',
        max_length: String(col.maxLength ?? 40),
        read_only: String(col.readOnly === true),
        default_value: col.defaultValue ?? '',
        attributes: col.noAudit ? 'no_audit=true' : '',
      });
    }
    for (const col of def.columns) {
      (col.choices ?? []).forEach((choice, i) => {
        seed.put('sys_choice', `${def.name}.${col.name}.${choice.value}`, {
          name: def.name,
          element: col.name,
          value: choice.value,
          label: choice.label,
          sequence: String(i * 10),
          language: 'en',
        });
      });
    }
  }
}
