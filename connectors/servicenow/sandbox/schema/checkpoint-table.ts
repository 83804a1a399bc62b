/**
 * The app's audit checkpoint table, `S_checkpoint` (docs/contract.md, "The
 * checkpoint table"): where the worker anchors its audit ledger outside Redis
 * (docs/audit.md). Insert-only for the integration role: it may create and
 * read rows, never change them, and no one deletes them through the API (the
 * sandbox has no DELETE; the app grants no delete). An admin passes every
 * ACL, as on an instance: the threat model counts on that.
 */
import type { AppNames } from '../../../../src/domain/app-names.js';
import type { TableAcl } from '../acl.js';
import { str } from './fields.js';
import type { TableSpec } from './types.js';

export function checkpointTableSpec(names: AppNames): TableSpec {
  return {
    name: names.tables.checkpoint,
    label: 'AI hand-off audit checkpoint',
    sysFields: 'full',
    fields: [
      { ...str('ledger', 'Ledger', 100), indexed: true },
      { name: 'count', label: 'Event count', type: 'integer' },
      str('head', 'Head hash', 64),
      str('key_id', 'Key id', 40),
    ],
  };
}

/** Create and read for the integration role; write for no one but admin. */
export function checkpointAcl(names: AppNames): Record<string, TableAcl> {
  return { [names.tables.checkpoint]: { read: [names.roles.integration], create: [names.roles.integration], write: [] } };
}
