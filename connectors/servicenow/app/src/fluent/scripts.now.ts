/**
 * The app's server code: the shared scope-review module (one copy, in
 * connectors/servicenow/shared, copied into src/vendor by the build) as a
 * script include, the names and button conditions, the request and review
 * rules, the read check, the ticket API, the doorbell and the dialog's
 * GlideAjax entry point. All of it runs in the app's scope.
 */
import { Acl, ScriptInclude } from '@servicenow/sdk/core'
import { agent, reviewer } from './roles.now'

export const scopeReviewInclude = ScriptInclude({
    $id: Now.ID['script_include_scope_review'],
    name: 'AiHandoffScopeReview',
    description: 'The shared scope-review module (connectors/servicenow/shared/scope-review.js): what the dialog shows from the AI panel, and the request and review rows it creates.',
    accessibleFrom: 'package_private',
    protectionPolicy: 'read',
    script: Now.include('../vendor/scope-review.js'),
})

export const serverInclude = ScriptInclude({
    $id: Now.ID['script_include_server'],
    name: 'AiHandoffServer',
    description: "The app's names (fields, tables, roles, statuses, this build's ticket tables), the buttons' conditions and the dialog's context.",
    accessibleFrom: 'package_private',
    protectionPolicy: 'read',
    script: Now.include('../scripts/server/ai-handoff-server.js'),
})

export const intakeInclude = ScriptInclude({
    $id: Now.ID['script_include_intake'],
    name: 'AiHandoffIntake',
    description: 'The before-insert checks and stamps of the request and review tables.',
    accessibleFrom: 'package_private',
    protectionPolicy: 'read',
    script: Now.include('../scripts/server/ai-handoff-intake.js'),
})

export const readCheckInclude = ScriptInclude({
    $id: Now.ID['script_include_read_check'],
    name: 'AiHandoffReadCheck',
    description: "The read check: which records beyond the ticket the agent may read, asked of the platform in the agent's session (GlideRecordSecure).",
    accessibleFrom: 'package_private',
    protectionPolicy: 'read',
    script: Now.include('../scripts/server/ai-handoff-read-check.js'),
})

export const ticketApiInclude = ScriptInclude({
    $id: Now.ID['script_include_ticket_api'],
    name: 'AiHandoffTicketApi',
    description: "The ticket API's resource: the only way the worker writes a ticket (a work note, the AI panel and status), and how it settles request and review rows.",
    accessibleFrom: 'package_private',
    protectionPolicy: 'read',
    script: Now.include('../scripts/server/ai-handoff-ticket-api.js'),
})

export const doorbellInclude = ScriptInclude({
    $id: Now.ID['script_include_doorbell'],
    name: 'AiHandoffDoorbell',
    description: 'Rings the worker (RESTMessageV2.executeAsync) when a request or review row is created.',
    accessibleFrom: 'package_private',
    protectionPolicy: 'read',
    script: Now.include('../scripts/server/ai-handoff-doorbell.js'),
})

export const ajaxInclude = ScriptInclude({
    $id: Now.ID['script_include_ajax'],
    name: 'AiHandoffAjax',
    description: 'GlideAjax entry point of the dialog (getContext, submitRequest, submitReview). Callers need x_acme_aihandoff.agent or x_acme_aihandoff.reviewer (execute ACL).',
    clientCallable: true,
    accessibleFrom: 'public',
    protectionPolicy: 'read',
    script: Now.include('../scripts/server/ai-handoff-ajax.js'),
})

Acl({
    $id: Now.ID['ajax_execute'],
    type: 'client_callable_script_include',
    name: 'AiHandoffAjax',
    operation: 'execute',
    roles: [agent, reviewer],
    description: 'Only agents and reviewers may call the dialog server; it checks the ticket, the panel and the user again on every call.',
})
