/**
 * The app's code: the shared scope-review module (one copy, in
 * connectors/servicenow/shared, copied into src/vendor by the build script)
 * as a script include for the server and a UI script for the browser; the
 * server logic; the GlideAjax entry point; the dialog.
 */
import { Record, ScriptInclude } from '@servicenow/sdk/core'

export const scopeReviewInclude = ScriptInclude({
    $id: Now.ID['script_include_scope_review'],
    name: 'AiHandoffScopeReview',
    description: 'The shared scope-review module (connectors/servicenow/shared/scope-review.js): builds the dialog content from the AI panel and the request / review JSON.',
    accessibleFrom: 'package_private',
    protectionPolicy: 'read',
    script: Now.include('../vendor/scope-review.js'),
})

export const serverInclude = ScriptInclude({
    $id: Now.ID['script_include_server'],
    name: 'AiHandoffServer',
    description: "Server side of the app's buttons and rules: button conditions, the only path that sets the request and review fields, the stamp rule and the integration write guard.",
    accessibleFrom: 'package_private',
    protectionPolicy: 'read',
    script: Now.include('../scripts/server/ai-handoff-server.js'),
})

export const ajaxInclude = ScriptInclude({
    $id: Now.ID['script_include_ajax'],
    name: 'AiHandoffAjax',
    description: "GlideAjax entry point of the dialog (getContext, submitRequest, submitReview). Callers need x_acme_aihandoff.agent or x_acme_aihandoff.reviewer (execute ACL).",
    clientCallable: true,
    accessibleFrom: 'public',
    protectionPolicy: 'read',
    script: Now.include('../scripts/server/ai-handoff-ajax.js'),
})

export const scopeReviewScript = Record({
    $id: Now.ID['ui_script_scope_review'],
    table: 'sys_ui_script',
    data: {
        name: 'x_acme_aihandoff.AiHandoffScopeReview',
        description: 'The shared scope-review module in the browser (window.AiHandoffScopeReview); loaded on demand by the AI Handoff form buttons.',
        active: true,
        global: false,
        ui_type: 0,
        use_scoped_format: false,
        script: Now.include('../vendor/scope-review.js'),
    },
})

export const dialogScript = Record({
    $id: Now.ID['ui_script_dialog'],
    table: 'sys_ui_script',
    data: {
        name: 'x_acme_aihandoff.AiHandoffDialog',
        description: 'The dialog behind Assign To AI Operation and Accept / Reject / Escalate AI draft (window.AiHandoffDialog).',
        active: true,
        global: false,
        ui_type: 0,
        use_scoped_format: false,
        script: Now.include('../scripts/client/ai-handoff-dialog.js'),
    },
})
