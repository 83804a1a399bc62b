/**
 * The request and review tables (docs/contract.md): one row per Assign, one
 * per Accept, Reject or Escalate, created by the person's dialog in their own
 * session. The app owns these tables, so here its access rules may be
 * table-level, conditional and scripted, and its before rules may abort: the
 * platform honours them (ServiceNow, "Creation restrictions across application
 * scopes": the restrictions apply only to another scope's tables).
 *
 * Who created a row is the platform's own sys_created_by; requested_by /
 * reviewed_by, number and state are stamped by the before-insert rule
 * (AiHandoffIntake), whatever was submitted. The worker settles a row (state,
 * and on a request the hand-off id; on refusal message and remedy).
 */
import { Acl, BusinessRule, ChoiceColumn, ReferenceColumn, StringColumn, Table } from '@servicenow/sdk/core'
import { agent, integration, reviewer } from './roles.now'

const TICKET_TABLE = StringColumn({ label: 'Ticket table', maxLength: 80 })
const TICKET = StringColumn({ label: 'Ticket', maxLength: 32, hint: "The ticket's sys_id." })
const NUMBER = StringColumn({ label: 'Number', maxLength: 40, hint: "The ticket's number, stamped by the app." })
const MESSAGE = StringColumn({ label: 'Message', maxLength: 1000, hint: 'Why the worker refused the row.' })
const REMEDY = StringColumn({ label: 'Remedy', maxLength: 1000, hint: 'What would change that.' })

export const x_acme_aihandoff_request = Table({
    name: 'x_acme_aihandoff_request',
    label: 'AI hand-off request',
    display: 'number',
    allowWebServiceAccess: true,
    accessibleFrom: 'public',
    actions: ['read'],
    index: [{ element: 'state', unique: false }, { element: ['ticket', 'operation', 'state'], unique: false }],
    schema: {
        ticket_table: TICKET_TABLE,
        ticket: TICKET,
        number: NUMBER,
        operation: StringColumn({ label: 'Operation', maxLength: 64 }),
        scope_digest: StringColumn({ label: 'Scope digest', maxLength: 32, hint: 'The digest of the scope the agent confirmed.' }),
        note: StringColumn({ label: 'Note', maxLength: 1000 }),
        requested_by: ReferenceColumn({ label: 'Requested by', referenceTable: 'sys_user', hint: 'Stamped by the app: the user who created the row.' }),
        readable: StringColumn({ label: 'Readable', maxLength: 16000, hint: 'The read check: which records beyond the ticket the agent may read (JSON).' }),
        state: ChoiceColumn({
            label: 'State',
            default: 'pending',
            dropdown: 'dropdown_without_none',
            choices: { pending: { label: 'Pending', sequence: 0 }, queued: { label: 'Queued', sequence: 1 }, refused: { label: 'Refused', sequence: 2 } },
        }),
        handoff: StringColumn({ label: 'Hand-off', maxLength: 40 }),
        message: MESSAGE,
        remedy: REMEDY,
    },
})

export const x_acme_aihandoff_review = Table({
    name: 'x_acme_aihandoff_review',
    label: 'AI hand-off review',
    display: 'number',
    allowWebServiceAccess: true,
    accessibleFrom: 'public',
    actions: ['read'],
    index: [{ element: 'state', unique: false }, { element: ['ticket', 'handoff', 'state'], unique: false }],
    schema: {
        ticket_table: TICKET_TABLE,
        ticket: TICKET,
        number: NUMBER,
        handoff: StringColumn({ label: 'Hand-off', maxLength: 40 }),
        decision: ChoiceColumn({
            label: 'Decision',
            dropdown: 'dropdown_with_none',
            choices: { accept: { label: 'Accept', sequence: 0 }, reject: { label: 'Reject', sequence: 1 }, escalate: { label: 'Escalate', sequence: 2 } },
        }),
        comment: StringColumn({ label: 'Comment', maxLength: 2000 }),
        reviewed_by: ReferenceColumn({ label: 'Reviewed by', referenceTable: 'sys_user', hint: 'Stamped by the app: the user who created the row.' }),
        state: ChoiceColumn({
            label: 'State',
            default: 'pending',
            dropdown: 'dropdown_without_none',
            choices: { pending: { label: 'Pending', sequence: 0 }, recorded: { label: 'Recorded', sequence: 1 }, refused: { label: 'Refused', sequence: 2 } },
        }),
        message: MESSAGE,
        remedy: REMEDY,
    },
})

/** Insert only: no column is written after the row is created, except the worker's. */
const FROZEN = 'answer = current.isNewRecord();'
const FROZEN_DESCRIPTION = "After a row is created only the worker's columns change; the rest is as the person's dialog and the app's rule left it."
const WORKER_DESCRIPTION = "The worker settles the row: its state, and the hand-off id or why it was refused."
const READ_DESCRIPTION = 'Agents, reviewers and the worker see the rows (who asked for what, and how it ended).'

Acl({ $id: Now.ID['request_create'], type: 'record', table: 'x_acme_aihandoff_request', operation: 'create', roles: [agent], description: 'Assign To AI Operation creates the row in the agent\'s session; the before-insert rule checks it.' })
Acl({ $id: Now.ID['request_read'], type: 'record', table: 'x_acme_aihandoff_request', operation: 'read', roles: [agent, reviewer, integration], description: READ_DESCRIPTION })
Acl({ $id: Now.ID['request_write'], type: 'record', table: 'x_acme_aihandoff_request', operation: 'write', roles: [integration], description: WORKER_DESCRIPTION })
Acl({ $id: Now.ID['request_fields_write'], type: 'record', table: 'x_acme_aihandoff_request', field: '*', operation: 'write', script: FROZEN, adminOverrides: false, description: FROZEN_DESCRIPTION })
Acl({ $id: Now.ID['request_state_write'], type: 'record', table: 'x_acme_aihandoff_request', field: 'state', operation: 'write', roles: [integration], adminOverrides: false, description: WORKER_DESCRIPTION })
Acl({ $id: Now.ID['request_handoff_write'], type: 'record', table: 'x_acme_aihandoff_request', field: 'handoff', operation: 'write', roles: [integration], adminOverrides: false, description: WORKER_DESCRIPTION })
Acl({ $id: Now.ID['request_message_write'], type: 'record', table: 'x_acme_aihandoff_request', field: 'message', operation: 'write', roles: [integration], adminOverrides: false, description: WORKER_DESCRIPTION })
Acl({ $id: Now.ID['request_remedy_write'], type: 'record', table: 'x_acme_aihandoff_request', field: 'remedy', operation: 'write', roles: [integration], adminOverrides: false, description: WORKER_DESCRIPTION })
Acl({ $id: Now.ID['request_delete'], type: 'record', table: 'x_acme_aihandoff_request', operation: 'delete', roles: ['admin'], description: 'Rows are a record of who asked for what: only an admin deletes one.' })

Acl({ $id: Now.ID['review_create'], type: 'record', table: 'x_acme_aihandoff_review', operation: 'create', roles: [reviewer, agent], description: 'Accept / Reject / Escalate create the row in the reviewer\'s session; the before-insert rule checks it.' })
Acl({ $id: Now.ID['review_read'], type: 'record', table: 'x_acme_aihandoff_review', operation: 'read', roles: [agent, reviewer, integration], description: READ_DESCRIPTION })
Acl({ $id: Now.ID['review_write'], type: 'record', table: 'x_acme_aihandoff_review', operation: 'write', roles: [integration], description: WORKER_DESCRIPTION })
Acl({ $id: Now.ID['review_fields_write'], type: 'record', table: 'x_acme_aihandoff_review', field: '*', operation: 'write', script: FROZEN, adminOverrides: false, description: FROZEN_DESCRIPTION })
Acl({ $id: Now.ID['review_state_write'], type: 'record', table: 'x_acme_aihandoff_review', field: 'state', operation: 'write', roles: [integration], adminOverrides: false, description: WORKER_DESCRIPTION })
Acl({ $id: Now.ID['review_message_write'], type: 'record', table: 'x_acme_aihandoff_review', field: 'message', operation: 'write', roles: [integration], adminOverrides: false, description: WORKER_DESCRIPTION })
Acl({ $id: Now.ID['review_remedy_write'], type: 'record', table: 'x_acme_aihandoff_review', field: 'remedy', operation: 'write', roles: [integration], adminOverrides: false, description: WORKER_DESCRIPTION })
Acl({ $id: Now.ID['review_delete'], type: 'record', table: 'x_acme_aihandoff_review', operation: 'delete', roles: ['admin'], description: 'Rows are a record of who decided what: only an admin deletes one.' })

BusinessRule({
    $id: Now.ID['request_before_insert'],
    name: 'AI Handoff: check and stamp a request',
    table: 'x_acme_aihandoff_request',
    when: 'before',
    action: ['insert'],
    order: 100,
    description: 'Reads the ticket as the agent (GlideRecordSecure), checks the operation against the panel (offered, not blocked, same scope digest, none pending), stamps number, requested_by, state and the read check; aborts with the reason otherwise.',
    protectionPolicy: 'read',
    script: Now.include('../scripts/server/request-rule.js'),
})

BusinessRule({
    $id: Now.ID['review_before_insert'],
    name: 'AI Handoff: check and stamp a review',
    table: 'x_acme_aihandoff_review',
    when: 'before',
    action: ['insert'],
    order: 100,
    description: 'Reads the ticket as the reviewer (GlideRecordSecure), checks the hand-off awaits review in the panel and has no review pending, stamps number, reviewed_by and state; aborts with the reason otherwise.',
    protectionPolicy: 'read',
    script: Now.include('../scripts/server/review-rule.js'),
})

BusinessRule({
    $id: Now.ID['request_doorbell'],
    name: 'AI Handoff: ring the doorbell (request)',
    table: 'x_acme_aihandoff_request',
    when: 'async',
    action: ['insert'],
    order: 100,
    description: 'Tells the worker a request is waiting (x_acme_aihandoff.doorbell_url); a hint only, the worker polls anyway.',
    protectionPolicy: 'read',
    script: Now.include('../scripts/server/doorbell-rule.js'),
})

BusinessRule({
    $id: Now.ID['review_doorbell'],
    name: 'AI Handoff: ring the doorbell (review)',
    table: 'x_acme_aihandoff_review',
    when: 'async',
    action: ['insert'],
    order: 100,
    description: 'Tells the worker a review is waiting (x_acme_aihandoff.doorbell_url); a hint only, the worker polls anyway.',
    protectionPolicy: 'read',
    script: Now.include('../scripts/server/doorbell-rule.js'),
})
