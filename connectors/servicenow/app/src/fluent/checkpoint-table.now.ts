/**
 * The audit checkpoint table (docs/contract.md, "The checkpoint table"): where
 * the worker anchors its audit ledger (docs/audit.md). Insert only: the worker
 * creates rows, the platform stamps sys_created_on and sys_created_by, and
 * nobody, admins included, edits or deletes one through forms or the API.
 */
import { Acl, IntegerColumn, StringColumn, Table } from '@servicenow/sdk/core'
import { integration } from './roles.now'

export const x_acme_aihandoff_checkpoint = Table({
    name: 'x_acme_aihandoff_checkpoint',
    label: 'AI hand-off audit checkpoint',
    display: 'ledger',
    allowWebServiceAccess: true,
    accessibleFrom: 'public',
    actions: ['read'],
    schema: {
        ledger: StringColumn({ label: 'Ledger', maxLength: 100 }),
        count: IntegerColumn({ label: 'Count' }),
        head: StringColumn({ label: 'Head', maxLength: 64, hint: "The ledger's head hash at this count." }),
        key_id: StringColumn({ label: 'Key id', maxLength: 40 }),
    },
})

const NOBODY = 'answer = false;'
const ANCHOR = 'An anchor of the audit ledger: it is never changed or removed, or it would prove nothing.'

Acl({ $id: Now.ID['checkpoint_create'], type: 'record', table: 'x_acme_aihandoff_checkpoint', operation: 'create', roles: [integration], description: 'The worker writes an anchor of its audit ledger.' })
Acl({ $id: Now.ID['checkpoint_read'], type: 'record', table: 'x_acme_aihandoff_checkpoint', operation: 'read', roles: [integration], description: 'The worker (and admins) read the anchors to prove the ledger.' })
Acl({ $id: Now.ID['checkpoint_write'], type: 'record', table: 'x_acme_aihandoff_checkpoint', operation: 'write', script: NOBODY, adminOverrides: false, description: ANCHOR })
Acl({ $id: Now.ID['checkpoint_delete'], type: 'record', table: 'x_acme_aihandoff_checkpoint', operation: 'delete', script: NOBODY, adminOverrides: false, description: ANCHOR })
