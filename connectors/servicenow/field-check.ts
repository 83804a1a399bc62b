/**
 * `mappings check`: does every field a mapping reads exist on the instance?
 * Each name in `readFields(mapping)` is looked up in sys_dictionary; a
 * dot-walked name (`requested_for.manager.name`) is followed segment by
 * segment through each reference field's `reference` table. The fields the
 * worker writes must also have the right type (src/mapping/mapping-safety.ts,
 * `expectedTypes`): a journal input for the work notes, a string or choice
 * for the AI fields, so a mapping cannot point a write at another kind of
 * field under a harmless name.
 */
import type { TableMapping } from '../../src/mapping/mapping-schema.js';
import { readFields } from '../../src/mapping/fields.js';
import { expectedTypes } from '../../src/mapping/mapping-safety.js';
import type { DictionaryReader } from './dictionary.js';

export interface MissingField {
  readonly field: string;
  /** Why, in words an admin can act on. */
  readonly reason: string;
}

/** A written field whose sys_dictionary type is not what the worker writes into it. */
export interface WrongType {
  /** The mapping key (`ai.workNotes`). */
  readonly key: string;
  readonly field: string;
  readonly reason: string;
}

export interface FieldCheck {
  readonly table: string;
  readonly checked: readonly string[];
  readonly missing: readonly MissingField[];
  readonly wrongTypes: readonly WrongType[];
}

export async function checkMappingFields(dictionary: DictionaryReader, mapping: TableMapping, signal?: AbortSignal): Promise<FieldCheck> {
  const checked = readFields(mapping);
  const missing: MissingField[] = [];
  // First, as a ticket table: a table the reader does not know (a custom one) gets its lineage, not its own rows alone.
  const own = await dictionary.read(mapping.table, signal, { ticketTable: true });
  for (const field of checked) {
    const reason = await whyMissing(dictionary, mapping.table, field, signal);
    if (reason !== null) missing.push({ field, reason });
  }
  const wrongTypes: WrongType[] = [];
  for (const expected of expectedTypes(mapping)) {
    const info = own.get(expected.field);
    if (info === undefined) {
      if (!missing.some((m) => m.field === expected.field)) missing.push({ field: expected.field, reason: `no field '${expected.field}' on ${mapping.table} in sys_dictionary` });
      continue;
    }
    if (!expected.types.includes(info.type)) {
      wrongTypes.push({ key: expected.key, field: expected.field, reason: `is of type '${info.type}' in sys_dictionary, not ${expected.what} (${expected.types.join(' or ')}): point ${expected.key} at the right field` });
    }
  }
  return { table: mapping.table, checked, missing, wrongTypes };
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
