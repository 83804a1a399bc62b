/**
 * Settings shared by the five tables' buttons, rules and access rules.
 *
 * Fluent files are declarative: the SDK's compiler refuses loops, functions and
 * object spreads in them (TS250, TS262, TS305) and resolves a column constant
 * only within its own file. So each table's records are spelled out in
 * <table>.now.ts, and what they share lives here as string and object
 * constants, which it does resolve across files.
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

export const ASSIGN_CLIENT = { isClient: true, isUi16Compatible: true, onClick: "aihOpenDialog('assign', '')" }
export const ACCEPT_CLIENT = { isClient: true, isUi16Compatible: true, onClick: "aihOpenDialog('review', 'accept')" }
export const REJECT_CLIENT = { isClient: true, isUi16Compatible: true, onClick: "aihOpenDialog('review', 'reject')" }
export const ESCALATE_CLIENT = { isClient: true, isUi16Compatible: true, onClick: "aihOpenDialog('review', 'escalate')" }

export const FORM_BUTTON = { showButton: true, showContextMenu: false, showLink: false }

export const ASSIGN_HINT = 'Hand a bounded, reviewable task to the AI: review its scope, controls and approval need first.'
export const ACCEPT_HINT = 'Accept the AI output awaiting your review.'
export const REJECT_HINT = 'Reject the AI output awaiting your review.'
export const ESCALATE_HINT = 'Escalate the AI output awaiting your review.'

export const STAMP_DESCRIPTION =
    'Stamps the acting user (gs.getUserID()) into AI requested by / AI reviewed by whenever AI request / AI review changes, and discards any value submitted for the stamp fields themselves.'
export const GUARD_DESCRIPTION =
    'A holder of x_acme_aihandoff.integration may change only work notes and the AI panel, status, request and review fields, and may only clear request and review; anything else aborts the write.'

export const READ_DESCRIPTION = 'The ai-handoff worker reads the tickets it serves.'
export const WRITE_DESCRIPTION =
    'The ai-handoff worker saves work notes and the AI fields; the integration write guard rule refuses any other field it tries to change.'
export const WORKER_FIELD_DESCRIPTION = 'Only the ai-handoff worker writes the panel and status.'
export const BUTTON_FIELD_DESCRIPTION =
    'Forms and the Table API may not set the request or review field: only the buttons\' server path (AiHandoffServer, server-side GlideRecord, to which ACLs do not apply) sets it, after its own checks. The integration may clear it; the guard rule refuses any other value from it.'
export const STAMP_FIELD_DESCRIPTION = 'Nobody writes a stamp field through forms or the API; the stamp rule sets it.'
export const NOBODY = 'answer = false;'
