/**
 * The integration role's reads outside the ticket tables (the ticket tables'
 * own rules are in <table>.now.ts), and who may call the dialog's server.
 *
 * Each rule is an additional Allow rule on a table that already has its own
 * table-level rules on a standard instance, so it widens access for the
 * integration role only. Where a condition fits, it narrows the read to what
 * the worker needs.
 */
import { Acl } from '@servicenow/sdk/core'
import { agent, integration, reviewer } from './roles.now'

Acl({
    $id: Now.ID['journal_read'],
    type: 'record',
    table: 'sys_journal_field',
    operation: 'read',
    roles: [integration],
    condition: 'nameINincident,sc_req_item,sc_request,sn_si_incident,rm_enhancement^element=work_notes^EQ',
    description: "The worker reads the served tickets' work notes (their sources and its own idempotency markers), nothing else in the journal.",
})

Acl({
    $id: Now.ID['audit_read'],
    type: 'record',
    table: 'sys_audit',
    operation: 'read',
    roles: [integration],
    condition: 'tablenameINincident,sc_req_item,sc_request,sn_si_incident,rm_enhancement^fieldnameINx_acme_aihandoff_request,x_acme_aihandoff_review^EQ',
    description: 'The worker learns who set the AI request or review field (mapping identity: audit), nothing else in the audit.',
})

Acl({
    $id: Now.ID['user_read'],
    type: 'record',
    table: 'sys_user',
    operation: 'read',
    roles: [integration],
    description: 'The worker resolves callers, assignees, managers and approvers.',
})

Acl({
    $id: Now.ID['group_read'],
    type: 'record',
    table: 'sys_user_group',
    operation: 'read',
    roles: [integration],
    description: 'The worker resolves assignment groups and their managers.',
})

Acl({
    $id: Now.ID['group_member_read'],
    type: 'record',
    table: 'sys_user_grmember',
    operation: 'read',
    roles: [integration],
    description: 'The worker checks that a reviewer is a member of the approver group.',
})

Acl({
    $id: Now.ID['dictionary_read'],
    type: 'record',
    table: 'sys_dictionary',
    operation: 'read',
    roles: [integration],
    description: '`ai-handoff mappings check` verifies every mapped field name against the dictionary.',
})

Acl({
    $id: Now.ID['ci_read'],
    type: 'record',
    table: 'cmdb_ci',
    operation: 'read',
    roles: [integration],
    description: "The mappings dot-walk into the configuration item (cmdb_ci.name, cmdb_ci.owned_by: the security owner) and the ci_record source reads it.",
})

Acl({
    $id: Now.ID['ajax_execute'],
    type: 'client_callable_script_include',
    name: 'AiHandoffAjax',
    operation: 'execute',
    roles: [agent, reviewer],
    description: 'Only agents and reviewers may call the dialog server; it checks the ticket, the panel and the user again on every call.',
})
