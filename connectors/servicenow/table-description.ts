/**
 * A table's description from the instance's own metadata, for `mappings
 * init`: `sys_db_object` (the table, its label, and `super_class`, a
 * reference to the table it extends, followed up to the root), then
 * `sys_dictionary` and `sys_choice` rows of every table in that lineage
 * (../shared/reference/servicenow.md, "Tables"). A column or choice list
 * defined on the table itself wins over an ancestor's, as on the platform.
 * Read-only; a few list calls per table.
 */
import type { ChoiceInfo, ColumnInfo, TableDescription } from '../../src/admin/table-description.js';
import { HandoffError } from '../../src/errors.js';
import { encodedQuery } from './encoded-query.js';
import { allBySysId } from './keyset-cursor.js';
import type { TableClient } from './table-client.js';

/** Deeper than any real hierarchy (task tables are two to four deep); a loop in the data stops here. */
const MAX_DEPTH = 16;
const TABLE_NAME = /^[a-z][a-z0-9_]*$/;

/** The table and the tables it extends, nearest first, with its label: `sys_db_object.super_class` followed to the root. */
export async function readLineage(client: TableClient, table: string): Promise<{ readonly lineage: readonly string[]; readonly label: string }> {
  if (!TABLE_NAME.test(table)) {
    throw new HandoffError('INPUT_INVALID', `'${table}' is not a table name`, { remedy: 'use the table name as in sys_db_object, e.g. incident or u_vendor_access_request' });
  }
  const lineage: string[] = [];
  let label = table;
  let next: { field: 'name' | 'sys_id'; value: string } | null = { field: 'name', value: table };
  while (next !== null && lineage.length < MAX_DEPTH) {
    const query = encodedQuery('sys_db_object', ['name', 'sys_id']).and({ field: next.field, op: '=', value: next.value }).build();
    const [row] = await client.list('sys_db_object', { query, fields: ['sys_id', 'name', 'label', 'super_class'], limit: 1 });
    if (row === undefined) {
      if (lineage.length === 0) throw new HandoffError('INPUT_INVALID', `no table '${table}' on the instance (sys_db_object)`, { remedy: 'check the name (the table name, not its label), and that the user may read sys_db_object' });
      break;
    }
    if (lineage.length === 0) label = row.label || table;
    if (lineage.includes(row.name ?? '')) break;
    lineage.push(row.name ?? '');
    next = row.super_class ? { field: 'sys_id', value: row.super_class } : null;
  }
  return { lineage, label };
}

export async function describeTable(client: TableClient, table: string, pageSize: number): Promise<TableDescription> {
  const { lineage, label } = await readLineage(client, table);
  const rank = (name: string | undefined): number => lineage.indexOf(name ?? '');

  const dictionary = await allBySysId(client, {
    table: 'sys_dictionary',
    fields: ['name', 'element', 'column_label', 'internal_type', 'reference', 'active'],
    conditions: [{ field: 'name', op: 'IN', value: lineage }],
    allowed: ['name'],
    pageSize,
  });
  const columns = new Map<string, ColumnInfo>();
  for (const row of dictionary) {
    const name = row.element ?? '';
    if (name === '' || row.active === 'false') continue;
    const existing = columns.get(name);
    if (existing !== undefined && rank(existing.definedOn) <= rank(row.name)) continue;
    const reference = row.reference !== undefined && TABLE_NAME.test(row.reference) ? row.reference : null;
    columns.set(name, { name, label: row.column_label ?? name, type: row.internal_type ?? '', reference, definedOn: row.name ?? '' });
  }

  const choiceRows = await allBySysId(client, {
    table: 'sys_choice',
    fields: ['name', 'element', 'value', 'label', 'sequence', 'inactive', 'language'],
    conditions: [{ field: 'name', op: 'IN', value: lineage }],
    allowed: ['name'],
    pageSize,
  });
  const byColumn = new Map<string, { definedOn: string; rows: { value: string; label: string; sequence: number }[] }>();
  for (const row of choiceRows) {
    const element = row.element ?? '';
    // Other languages repeat the list with translated labels; inactive choices are not offered.
    if (element === '' || row.inactive === 'true' || !['', 'en'].includes(row.language ?? '')) continue;
    const held = byColumn.get(element);
    if (held !== undefined && rank(held.definedOn) < rank(row.name)) continue;
    const list = held !== undefined && held.definedOn === row.name ? held : { definedOn: row.name ?? '', rows: [] };
    list.rows.push({ value: row.value ?? '', label: row.label ?? '', sequence: Number(row.sequence ?? '0') || 0 });
    byColumn.set(element, list);
  }
  const choices = new Map([...byColumn].map(([column, l]) => [column, { definedOn: l.definedOn, choices: l.rows.sort((a, b) => a.sequence - b.sequence).map(({ value, label: text }): ChoiceInfo => ({ value, label: text })) }]));
  return { table, label, lineage, columns, choices };
}
