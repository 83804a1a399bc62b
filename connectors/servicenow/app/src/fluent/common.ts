/**
 * Settings shared by the ticket tables' buttons, fields and access rules
 * (src/fluent/tables/, generated from templates/ticket-table.now.ts.template).
 *
 * Fluent files are declarative: the SDK's compiler refuses loops, functions and
 * object spreads in them (TS250, TS262, TS305) and resolves a column constant
 * only within its own file. What the tables share lives here as string and
 * object constants, which it does resolve across files.
 */

/** Assign To AI Operation shows for the agent role when the panel lists any operation, blocked ones included (the dialog says why). */
export const ASSIGN_CONDITION = 'new x_acme_aihandoff.AiHandoffServer().canAssign(current)'

/**
 * Accept / Reject / Escalate show when a hand-off awaits review by this user:
 * its approver (reviewer role), never its requester, where approval is
 * required; its requester, the assignee or a group member (agent or reviewer
 * role) where none is. Hence the buttons carry both roles.
 */
export const REVIEW_CONDITION = 'new x_acme_aihandoff.AiHandoffServer().canReview(current)'

/** Core UI: the client script (form-buttons.js) opens the dialog page in a GlideModal. */
export const ASSIGN_CLIENT = { isClient: true, isUi16Compatible: true, onClick: "aihOpenDialog('assign', '')" }
export const ACCEPT_CLIENT = { isClient: true, isUi16Compatible: true, onClick: "aihOpenDialog('review', 'accept')" }
export const REJECT_CLIENT = { isClient: true, isUi16Compatible: true, onClick: "aihOpenDialog('review', 'reject')" }
export const ESCALATE_CLIENT = { isClient: true, isUi16Compatible: true, onClick: "aihOpenDialog('review', 'escalate')" }

export const FORM_BUTTON = { showButton: true, showContextMenu: false, showLink: false }

/**
 * Workspace (Service Operations Workspace and other configurable workspaces):
 * a form button whose workspace client script shows the same dialog page in a
 * frame. GlideModal "doesn't work in workspace, instead use the g_modal API"
 * (ServiceNow, GlideModal - Client); g_modal.showFrame takes a URL or UI page,
 * and autoCloseOn URL_CHANGED closes the modal when the page navigates away
 * (ServiceNow, g_modal (Next Experience) - Client, showFrame).
 */
export const ASSIGN_WORKSPACE_SCRIPT =
    "function onClick(g_form) {\n    g_modal.showFrame({ title: 'Assign To AI Operation', url: '/x_acme_aihandoff_handoff_dialog.do?sysparm_mode=assign&sysparm_decision=&sysparm_table=' + encodeURIComponent(g_form.getTableName()) + '&sysparm_sys_id=' + encodeURIComponent(g_form.getUniqueValue()), size: 'lg', height: '640px', autoCloseOn: 'URL_CHANGED' });\n}\n"
export const ACCEPT_WORKSPACE_SCRIPT =
    "function onClick(g_form) {\n    g_modal.showFrame({ title: 'Accept AI draft', url: '/x_acme_aihandoff_handoff_dialog.do?sysparm_mode=review&sysparm_decision=accept&sysparm_table=' + encodeURIComponent(g_form.getTableName()) + '&sysparm_sys_id=' + encodeURIComponent(g_form.getUniqueValue()), size: 'lg', height: '480px', autoCloseOn: 'URL_CHANGED' });\n}\n"
export const REJECT_WORKSPACE_SCRIPT =
    "function onClick(g_form) {\n    g_modal.showFrame({ title: 'Reject AI draft', url: '/x_acme_aihandoff_handoff_dialog.do?sysparm_mode=review&sysparm_decision=reject&sysparm_table=' + encodeURIComponent(g_form.getTableName()) + '&sysparm_sys_id=' + encodeURIComponent(g_form.getUniqueValue()), size: 'lg', height: '480px', autoCloseOn: 'URL_CHANGED' });\n}\n"
export const ESCALATE_WORKSPACE_SCRIPT =
    "function onClick(g_form) {\n    g_modal.showFrame({ title: 'Escalate AI draft', url: '/x_acme_aihandoff_handoff_dialog.do?sysparm_mode=review&sysparm_decision=escalate&sysparm_table=' + encodeURIComponent(g_form.getTableName()) + '&sysparm_sys_id=' + encodeURIComponent(g_form.getUniqueValue()), size: 'lg', height: '480px', autoCloseOn: 'URL_CHANGED' });\n}\n"

export const ASSIGN_HINT = 'Hand a bounded, reviewable task to the AI: review its scope, controls and approval need first.'
export const ACCEPT_HINT = 'Accept the AI output awaiting your review.'
export const REJECT_HINT = 'Reject the AI output awaiting your review.'
export const ESCALATE_HINT = 'Escalate the AI output awaiting your review.'

/**
 * Field-level write rules with a role and nothing else: the only kind of
 * access rule a scoped app may add to a table of another scope (ServiceNow,
 * "Creation restrictions across application scopes").
 */
export const WORKER_FIELD_DESCRIPTION =
    "Nobody edits the AI panel or status on a form or through the Table API: the app's ticket API (AiHandoffTicketApi) writes them for the worker with a server-side GlideRecord."
export const STEWARD_FIELD_DESCRIPTION = "Only data stewards (and admins) set a ticket's data classification; the worker reads it."
