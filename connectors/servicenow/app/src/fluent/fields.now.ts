/**
 * The AI fields on the five ticket tables. A scoped app must prefix columns
 * it adds to tables it does not own with its scope (`x_acme_aihandoff_`); the default
 * mappings (mappings/servicenow/*.yaml) name exactly these, and a test checks
 * them against the built dictionary.
 *
 * Columns are declared once and reused: the SDK resolves a column constant
 * only within the same file.
 */
import { ChoiceColumn, ReferenceColumn, StringColumn, Table } from '@servicenow/sdk/core'

/** The worker's panel JSON; 65,000 = MAX_PANEL_LENGTH in src/connector/write-guard.ts. Not audited: it is rewritten on every change of the ticket's eligibility. */
const PANEL = StringColumn({
    label: 'AI panel',
    maxLength: 65000,
    attributes: { no_audit: true },
    hint: 'The eligible AI operations, written by the AI Handoff worker.',
})

/** Exactly the values of src/domain/status.ts. */
const STATUS = ChoiceColumn({
    label: 'AI status',
    default: 'none',
    dropdown: 'dropdown_without_none',
    choices: {
        none: { label: 'None', sequence: 0 },
        eligible: { label: 'Eligible', sequence: 1 },
        queued: { label: 'Queued', sequence: 2 },
        running: { label: 'Running', sequence: 3 },
        awaiting_review: { label: 'Awaiting review', sequence: 4 },
        accepted: { label: 'Accepted', sequence: 5 },
        rejected: { label: 'Rejected', sequence: 6 },
        escalated: { label: 'Escalated', sequence: 7 },
        expired: { label: 'Expired', sequence: 8 },
        blocked: { label: 'Blocked', sequence: 9 },
        failed: { label: 'Failed', sequence: 10 },
    },
})

/** {"operation","scope","note"}: note at most 1,000 characters, each at most 6 once JSON-escaped. Audited: sys_audit names who set it. */
const REQUEST = StringColumn({
    label: 'AI request',
    maxLength: 8000,
    hint: 'Set by Assign To AI Operation; cleared by the AI Handoff worker when it picks the request up.',
})

/** {"handoff","decision","comment"}: comment at most 2,000 characters, each at most 6 once JSON-escaped. */
const REVIEW = StringColumn({
    label: 'AI review',
    maxLength: 16000,
    hint: 'Set by Accept / Reject / Escalate AI draft; cleared by the AI Handoff worker when it records the decision.',
})

const REQUESTED_BY = ReferenceColumn({
    label: 'AI requested by',
    referenceTable: 'sys_user',
    readOnly: true,
    hint: 'Stamped by the server whenever the AI request changes: the user who set it.',
})

const REVIEWED_BY = ReferenceColumn({
    label: 'AI reviewed by',
    referenceTable: 'sys_user',
    readOnly: true,
    hint: 'Stamped by the server whenever the AI review changes: the user who set it.',
})

/** Exactly the data classes of src/domain/ticket.ts; empty means the mapping's table default. */
const DATA_CLASSIFICATION = ChoiceColumn({
    label: 'Data classification',
    dropdown: 'dropdown_with_none',
    choices: {
        public: { label: 'Public', sequence: 0 },
        internal: { label: 'Internal', sequence: 1 },
        confidential: { label: 'Confidential', sequence: 2 },
        restricted: { label: 'Restricted', sequence: 3 },
    },
})

export const incident = Table({
    augments: 'incident',
    schema: {
        x_acme_aihandoff_panel: PANEL,
        x_acme_aihandoff_status: STATUS,
        x_acme_aihandoff_request: REQUEST,
        x_acme_aihandoff_review: REVIEW,
        x_acme_aihandoff_requested_by: REQUESTED_BY,
        x_acme_aihandoff_reviewed_by: REVIEWED_BY,
        x_acme_aihandoff_data_classification: DATA_CLASSIFICATION,
    },
})

export const sc_req_item = Table({
    augments: 'sc_req_item',
    schema: {
        x_acme_aihandoff_panel: PANEL,
        x_acme_aihandoff_status: STATUS,
        x_acme_aihandoff_request: REQUEST,
        x_acme_aihandoff_review: REVIEW,
        x_acme_aihandoff_requested_by: REQUESTED_BY,
        x_acme_aihandoff_reviewed_by: REVIEWED_BY,
        x_acme_aihandoff_data_classification: DATA_CLASSIFICATION,
    },
})

export const sc_request = Table({
    augments: 'sc_request',
    schema: {
        x_acme_aihandoff_panel: PANEL,
        x_acme_aihandoff_status: STATUS,
        x_acme_aihandoff_request: REQUEST,
        x_acme_aihandoff_review: REVIEW,
        x_acme_aihandoff_requested_by: REQUESTED_BY,
        x_acme_aihandoff_reviewed_by: REVIEWED_BY,
        x_acme_aihandoff_data_classification: DATA_CLASSIFICATION,
    },
})

export const sn_si_incident = Table({
    augments: 'sn_si_incident',
    schema: {
        x_acme_aihandoff_panel: PANEL,
        x_acme_aihandoff_status: STATUS,
        x_acme_aihandoff_request: REQUEST,
        x_acme_aihandoff_review: REVIEW,
        x_acme_aihandoff_requested_by: REQUESTED_BY,
        x_acme_aihandoff_reviewed_by: REVIEWED_BY,
        x_acme_aihandoff_data_classification: DATA_CLASSIFICATION,
    },
})

export const rm_enhancement = Table({
    augments: 'rm_enhancement',
    schema: {
        x_acme_aihandoff_panel: PANEL,
        x_acme_aihandoff_status: STATUS,
        x_acme_aihandoff_request: REQUEST,
        x_acme_aihandoff_review: REVIEW,
        x_acme_aihandoff_requested_by: REQUESTED_BY,
        x_acme_aihandoff_reviewed_by: REVIEWED_BY,
        x_acme_aihandoff_data_classification: DATA_CLASSIFICATION,
    },
})
