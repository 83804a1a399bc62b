/**
 * `mappings check`: does every field a mapping reads exist on the instance?
 * Each name in `readFields(mapping)` is looked up in sys_dictionary; a
 * dot-walked name (`requested_for.manager.name`) is followed segment by
 * segment through each reference field's `reference` table.
 */
import type { TableMapping } from '../../src/mapping/mapping-schema.js';
import { readFields } from '../../src/mapping/fields.js';
import type { DictionaryReader } from './dictionary.js';

export interface MissingField {
  readonly field: string;
  /** Why, in words an admin can act on. */
  readonly reason: string;
}

export interface FieldCheck {
  readonly table: string;
  readonly checked: readonly string[];
  readonly missing: readonly MissingField[];
}

export async function checkMappingFields(dictionary: DictionaryReader, mapping: TableMapping, signal?: AbortSignal): Promise<FieldCheck> {
  const checked = readFields(mapping);
  const missing: MissingField[] = [];
  for (const field of checked) {
    const reason = await whyMissing(dictionary, mapping.table, field, signal);
    if (reason !== null) missing.push({ field, reason });
  }
  return { table: mapping.table, checked, missing };
}

async function whyMissing(dictionary: DictionaryReader, table: string, field: string, signal?: AbortSignal): Promise<string | null> {
  const segments = field.split('.');
  let current = table;
  for (const [index, segment] of segments.entries()) {
    const info = (await dictionary.read(current, signal)).get(segment);
    const walked = segments.slice(0, index).join('.');
    if (info === undefined) {
      return index === 0 ? `no field '${segment}' on ${table} in sys_dictionary` : `'${walked}' refers to ${current}, which has no field '${segment}'`;
    }
    if (index < segments.length - 1) {
      if (info.reference === null) return `'${segments.slice(0, index + 1).join('.')}' is not a reference field, so it cannot be dot-walked`;
      current = info.reference;
    }
  }
  return null;
}
