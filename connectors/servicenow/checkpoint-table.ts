/**
 * The audit checkpoint sink on the instance: the app's insert-only table
 * `S_checkpoint` (docs/contract.md, "The checkpoint table"). The integration
 * role may create rows and read them, never change or delete them, so a
 * worker (or anyone holding only Redis) cannot take a checkpoint back; the
 * platform stamps each row's `sys_created_on` and `sys_created_by`.
 *
 * Reading pages by keyset on (sys_created_on, sys_id), like every other list
 * the connector reads (keyset-cursor.ts).
 */
import type { Checkpoint, CheckpointSink } from '../../src/handoff/audit-checkpoint.js';
import { HandoffError } from '../../src/errors.js';
import { keysetPages } from './keyset-cursor.js';
import type { TableClient } from './table-client.js';

const FIELDS = ['ledger', 'count', 'head', 'key_id', 'sys_created_on', 'sys_created_by'];

export function createCheckpointTable(options: { readonly client: TableClient; readonly table: string; readonly pageSize: number }): CheckpointSink {
  const { client, table } = options;
  return {
    name: `instance ${table}`,
    async append(checkpoint) {
      await client.insert(table, { ledger: checkpoint.ledger, count: String(checkpoint.count), head: checkpoint.head, key_id: checkpoint.keyId }, { fields: ['sys_id'] });
    },
    async list(ledger) {
      const out: Checkpoint[] = [];
      const pages = keysetPages(
        client,
        { table, fields: FIELDS, conditions: [{ field: 'ledger', op: '=', value: ledger }], allowed: ['ledger'], timeField: 'sys_created_on', pageSize: options.pageSize },
        null,
      );
      for await (const page of pages) {
        for (const row of page.records) {
          const count = Number(row.count);
          if (!Number.isInteger(count) || count < 1 || !/^[0-9a-f]{64}$/.test(row.head ?? '')) {
            throw new HandoffError('AUDIT_CHAIN_BROKEN', `checkpoint row ${row.sys_id ?? '?'} of ${table} is not a checkpoint (count '${row.count ?? ''}', head '${(row.head ?? '').slice(0, 70)}')`, {
              remedy: 'an admin changed the row; compare with the local checkpoint file (docs/audit.md)',
            });
          }
          out.push({ ledger: row.ledger ?? ledger, count, head: row.head!, keyId: row.key_id ?? '', at: `${(row.sys_created_on ?? '').replace(' ', 'T')}Z` });
        }
      }
      return out;
    },
  };
}
