/**
 * Who changed a field: `sys_audit` holds one row per audited change
 * (`tablename`, `documentkey` = the record's sys_id, `fieldname`, `oldvalue`,
 * `newvalue`, `user` = user_name, `sys_created_on`), read newest first
 * (../shared/reference/servicenow.md, "Who changed a field"). The hand-off
 * reads it to learn who set the request or review field, never trusting a
 * name typed into the field.
 *
 * `sys_created_on` has one-second resolution, so two changes within a second
 * (an agent's request cleared by the worker and set again by someone else)
 * tie on it. `record_checkpoint`, the record's update count at the change,
 * orders them: it is the primary sort, the time only breaks ties.
 */
import type { FieldChange } from '../../src/connector/connector.js';
import { HandoffError } from '../../src/errors.js';
import type { TableMapping } from '../../src/mapping/mapping-schema.js';
import { encodedQuery } from './encoded-query.js';
import type { TableClient } from './table-client.js';

const AUDIT_TABLE = 'sys_audit';
const AUDIT_FIELDS = ['fieldname', 'oldvalue', 'newvalue', 'user', 'sys_created_on', 'record_checkpoint'];
const PLAIN_FIELD = /^[a-z_][a-z0-9_]*$/;

/** The newest `limit` audited changes of one field of one record, newest first. */
export async function readFieldChanges(client: TableClient, mapping: TableMapping, sysId: string, field: string, limit: number, signal?: AbortSignal): Promise<FieldChange[]> {
  if (!PLAIN_FIELD.test(field)) {
    throw new HandoffError('INPUT_INVALID', `cannot read the audit of '${field}' on ${mapping.table}: name one field of the table, not a dot-walk`, { details: { table: mapping.table, field } });
  }
  const query = encodedQuery(AUDIT_TABLE, ['tablename', 'documentkey', 'fieldname', 'sys_created_on', 'record_checkpoint'])
    .and({ field: 'tablename', op: '=', value: mapping.table })
    .and({ field: 'documentkey', op: '=', value: sysId })
    .and({ field: 'fieldname', op: '=', value: field })
    .orderByDesc('record_checkpoint')
    .orderByDesc('sys_created_on')
    .build();
  const rows = await client.list(AUDIT_TABLE, { query, fields: AUDIT_FIELDS, limit, batchable: true, ...(signal === undefined ? {} : { signal }) });
  return rows.map((row) => ({
    field: row.fieldname ?? field,
    oldValue: row.oldvalue ?? '',
    newValue: row.newvalue ?? '',
    user: row.user ?? '',
    createdOn: row.sys_created_on ?? '',
    ...(row.record_checkpoint ? { checkpoint: Number(row.record_checkpoint) } : {}),
  }));
}
