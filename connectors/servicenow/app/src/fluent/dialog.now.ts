/**
 * The dialog behind the four buttons, one page for both places: a UI page
 * that Core UI shows in a GlideModal (form-buttons.js) and Workspace in a
 * frame (each button's workspace client script, g_modal.showFrame). The page
 * loads the shared module and the dialog as UI scripts.
 */
import { Acl, Record, UiPage } from '@servicenow/sdk/core'
import { agent, reviewer } from './roles.now'

export const scopeReviewScript = Record({
    $id: Now.ID['ui_script_scope_review'],
    table: 'sys_ui_script',
    data: {
        name: 'x_acme_aihandoff.AiHandoffScopeReview',
        description: 'The shared scope-review module in the browser (AiHandoffScopeReview), loaded by the dialog page.',
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
        description: 'The dialog behind Assign To AI Operation and Accept / Reject / Escalate AI draft (AiHandoffDialog), loaded by the dialog page.',
        active: true,
        global: false,
        ui_type: 0,
        use_scoped_format: false,
        script: Now.include('../scripts/client/ai-handoff-dialog.js'),
    },
})

export const dialogPage = UiPage({
    $id: Now.ID['ui_page_dialog'],
    endpoint: 'x_acme_aihandoff_handoff_dialog.do',
    category: 'general',
    description: 'The AI Handoff dialog: scope review and Confirm for Assign To AI Operation; Accept / Reject / Escalate with a comment. Shown in a GlideModal (Core UI) or a frame (Workspace).',
    html: Now.include('../scripts/client/dialog-page.html'),
    clientScript: Now.include('../scripts/client/dialog-page.js'),
})

Acl({
    $id: Now.ID['ui_page_read'],
    type: 'ui_page',
    name: 'x_acme_aihandoff_handoff_dialog',
    operation: 'read',
    roles: [agent, reviewer],
    description: 'Only agents and reviewers open the dialog page.',
})
