/**
 * What the app installs on sn_si_incident besides its fields (fields.now.ts): the four
 * form buttons, the two before rules and the access rules.
 */
import { Acl, BusinessRule, UiAction } from '@servicenow/sdk/core'
import {
    ACCEPT_CLIENT,
    ACCEPT_HINT,
    ASSIGN_CLIENT,
    ASSIGN_CONDITION,
    ASSIGN_HINT,
    BUTTON_FIELD_DESCRIPTION,
    ESCALATE_CLIENT,
    ESCALATE_HINT,
    FORM_BUTTON,
    GUARD_DESCRIPTION,
    NOBODY,
    READ_DESCRIPTION,
    REJECT_CLIENT,
    REJECT_HINT,
    REVIEW_CONDITION,
    STAMP_DESCRIPTION,
    STAMP_FIELD_DESCRIPTION,
    WORKER_FIELD_DESCRIPTION,
    WRITE_DESCRIPTION,
} from './common'
import { agent, integration, reviewer } from './roles.now'

UiAction({
    $id: Now.ID['sn_si_incident_assign'],
    table: 'sn_si_incident',
    name: 'Assign To AI Operation',
    actionName: 'x_acme_aihandoff_assign',
    hint: ASSIGN_HINT,
    roles: [agent],
    condition: ASSIGN_CONDITION,
    showInsert: false,
    showUpdate: true,
    form: FORM_BUTTON,
    client: ASSIGN_CLIENT,
    script: Now.include('../scripts/client/form-buttons.js'),
    order: 300,
})

UiAction({
    $id: Now.ID['sn_si_incident_accept'],
    table: 'sn_si_incident',
    name: 'Accept AI draft',
    actionName: 'x_acme_aihandoff_accept',
    hint: ACCEPT_HINT,
    roles: [reviewer, agent],
    condition: REVIEW_CONDITION,
    showInsert: false,
    showUpdate: true,
    form: FORM_BUTTON,
    client: ACCEPT_CLIENT,
    script: Now.include('../scripts/client/form-buttons.js'),
    order: 310,
})

UiAction({
    $id: Now.ID['sn_si_incident_reject'],
    table: 'sn_si_incident',
    name: 'Reject AI draft',
    actionName: 'x_acme_aihandoff_reject',
    hint: REJECT_HINT,
    roles: [reviewer, agent],
    condition: REVIEW_CONDITION,
    showInsert: false,
    showUpdate: true,
    form: FORM_BUTTON,
    client: REJECT_CLIENT,
    script: Now.include('../scripts/client/form-buttons.js'),
    order: 320,
})

UiAction({
    $id: Now.ID['sn_si_incident_escalate'],
    table: 'sn_si_incident',
    name: 'Escalate AI draft',
    actionName: 'x_acme_aihandoff_escalate',
    hint: ESCALATE_HINT,
    roles: [reviewer, agent],
    condition: REVIEW_CONDITION,
    showInsert: false,
    showUpdate: true,
    form: FORM_BUTTON,
    client: ESCALATE_CLIENT,
    script: Now.include('../scripts/client/form-buttons.js'),
    order: 330,
})

BusinessRule({
    $id: Now.ID['sn_si_incident_integration_guard'],
    name: 'AI Handoff: integration writes only AI fields',
    table: 'sn_si_incident',
    when: 'before',
    action: ['insert', 'update'],
    order: 1,
    description: GUARD_DESCRIPTION,
    protectionPolicy: 'read',
    script: Now.include('../scripts/server/integration-guard-rule.js'),
})

BusinessRule({
    $id: Now.ID['sn_si_incident_stamp'],
    name: 'AI Handoff: stamp requester and reviewer',
    table: 'sn_si_incident',
    when: 'before',
    action: ['insert', 'update'],
    order: 10000,
    description: STAMP_DESCRIPTION,
    protectionPolicy: 'read',
    script: Now.include('../scripts/server/stamp-rule.js'),
})

Acl({
    $id: Now.ID['sn_si_incident_read'],
    type: 'record',
    table: 'sn_si_incident',
    operation: 'read',
    roles: [integration],
    description: READ_DESCRIPTION,
})

Acl({
    $id: Now.ID['sn_si_incident_write'],
    type: 'record',
    table: 'sn_si_incident',
    operation: 'write',
    roles: [integration],
    description: WRITE_DESCRIPTION,
})

Acl({
    $id: Now.ID['sn_si_incident_panel_write'],
    type: 'record',
    table: 'sn_si_incident',
    field: 'x_acme_aihandoff_panel',
    operation: 'write',
    roles: [integration],
    adminOverrides: false,
    description: WORKER_FIELD_DESCRIPTION,
})

Acl({
    $id: Now.ID['sn_si_incident_status_write'],
    type: 'record',
    table: 'sn_si_incident',
    field: 'x_acme_aihandoff_status',
    operation: 'write',
    roles: [integration],
    adminOverrides: false,
    description: WORKER_FIELD_DESCRIPTION,
})

Acl({
    $id: Now.ID['sn_si_incident_request_write'],
    type: 'record',
    table: 'sn_si_incident',
    field: 'x_acme_aihandoff_request',
    operation: 'write',
    roles: [integration],
    adminOverrides: false,
    description: BUTTON_FIELD_DESCRIPTION,
})

Acl({
    $id: Now.ID['sn_si_incident_review_write'],
    type: 'record',
    table: 'sn_si_incident',
    field: 'x_acme_aihandoff_review',
    operation: 'write',
    roles: [integration],
    adminOverrides: false,
    description: BUTTON_FIELD_DESCRIPTION,
})

Acl({
    $id: Now.ID['sn_si_incident_requested_by_write'],
    type: 'record',
    table: 'sn_si_incident',
    field: 'x_acme_aihandoff_requested_by',
    operation: 'write',
    script: NOBODY,
    adminOverrides: false,
    description: STAMP_FIELD_DESCRIPTION,
})

Acl({
    $id: Now.ID['sn_si_incident_reviewed_by_write'],
    type: 'record',
    table: 'sn_si_incident',
    field: 'x_acme_aihandoff_reviewed_by',
    operation: 'write',
    script: NOBODY,
    adminOverrides: false,
    description: STAMP_FIELD_DESCRIPTION,
})
