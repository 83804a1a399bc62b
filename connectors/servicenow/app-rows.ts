/**
 * The app's request and review tables through the Table API: the intake's
 * poll (`state=pending`, oldest first, one call per table) and, for a row
 * whose ticket the app's API cannot write, its end state set alone (the
 * integration role may write `state`, `handoff`, `message`, `remedy`).
 */
import type { RawRecord, RowKind } from '../../src/connector/connector.js';
import { guardRowFinish } from '../../src/connector/write-guard.js';
import type { AppNames } from '../../src/domain/app-names.js';
import { REQUEST_COLUMNS, REVIEW_COLUMNS, type RequestRowUpdate, type ReviewRowUpdate } from '../../src/domain/app-rows.js';
import { encodedQuery } from './encoded-query.js';
import type { TableClient } from './table-client.js';

export interface AppRowsReader {
  pending(kind: RowKind): Promise<RawRecord[]>;
  finish(kind: RowKind, update: RequestRowUpdate | ReviewRowUpdate): Promise<void>;
}

export function createAppRows(client: TableClient, names: AppNames, pageSize: number): AppRowsReader {
  const tableOf = (kind: RowKind): string => (kind === 'request' ? names.tables.request : names.tables.review);
  return {
    async pending(kind) {
      const table = tableOf(kind);
      // One page: rows finish within about a minute, so a backlog beyond a page waits for the next poll.
      const query = encodedQuery(table, ['state', 'sys_created_on']).and({ field: 'state', op: '=', value: 'pending' }).orderBy('sys_created_on').build();
      return client.list(table, { query, fields: kind === 'request' ? REQUEST_COLUMNS : REVIEW_COLUMNS, limit: pageSize });
    },
    async finish(kind, update) {
      await client.patch(tableOf(kind), update.sysId, guardRowFinish(kind, update), { fields: ['sys_id', 'state'], idempotent: true });
    },
  };
}
