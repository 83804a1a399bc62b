/**
 * The data class of a record read beyond the ticket. A related ticket's class
 * is read through its table's mapping, as the ticket's own is
 * (src/mapping/to-ticket.ts): an empty field is the table's default. Unlike
 * the ticket (whose unknown class blocks every operation), a neighbour whose
 * value is not in the mapping's map cannot be told apart from a stricter
 * class, so it counts as the table's default or confidential, whichever is
 * higher (docs/boundary.md). A configuration item record has no class field
 * the app installs: it counts as the policy's `boundary.ciRecordClass`.
 */
import { DATA_CLASSES, type DataClass } from '../domain/ticket.js';
import type { TableMapping } from '../mapping/mapping-schema.js';

export function recordClass(mapping: TableMapping['dataClass'], record: Readonly<Record<string, string>>): DataClass {
  const raw = mapping.field === undefined ? '' : (record[mapping.field] ?? '').trim();
  if (raw === '') return mapping.default;
  const mapped = lookup(mapping.map, raw) ?? lookup(mapping.map, raw.toLowerCase());
  if (mapped !== undefined) return mapped;
  return DATA_CLASSES.indexOf(mapping.default) > DATA_CLASSES.indexOf('confidential') ? mapping.default : 'confidential';
}

function lookup(map: Readonly<Record<string, DataClass>>, key: string): DataClass | undefined {
  return Object.hasOwn(map, key) ? map[key] : undefined;
}
