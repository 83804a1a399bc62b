/**
 * The app's audit checkpoint table, `S_checkpoint` (docs/contract.md, "The
 * checkpoint table"): where the worker anchors its audit ledger outside Redis
 * (docs/audit.md). Insert-only for the integration role: it may create and
 * read rows, never change them, and no one deletes them through the API (the
 * sandbox has no DELETE; the app grants no delete). An admin passes every
 * ACL, as on an instance: the threat model counts on that.
 */
import { checkpointTableName, DEFAULT_APP_SCOPE } from '../../checkpoint-table.js';
import type { TableAclPatch } from '../acl.js';
import { str } from './fields.js';
import type { TableSpec } from './types.js';

const INTEGRATION = (scope: string): string => `${scope}.integration`;

export function checkpointTableSpec(scope: string = DEFAULT_APP_SCOPE): TableSpec {
  return {
    name: checkpointTableName(scope),
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
export function checkpointAcl(scope: string = DEFAULT_APP_SCOPE): Record<string, TableAclPatch> {
  return { [checkpointTableName(scope)]: { read: [INTEGRATION(scope)], create: [INTEGRATION(scope)], write: [] } };
}
