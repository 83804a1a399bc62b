/**
 * Types for scope-review.js, the one copy of the Assign To AI Operation
 * dialog's logic (the ServiceNow app's UI script and script include, and the
 * sandbox's ticket page). Every string is plain text: render with
 * textContent, never as HTML.
 */

/** The acting user, as the page or the server knows them. */
export interface ScopeReviewUser {
  /** sys_user sys_id. */
  sysId: string;
  /** sys_user user_name. */
  userName: string;
  /** Role names; `admin` counts as every role, as on the platform. */
  roles: string[];
  /** sys_ids of the sys_user_group records the user is a member of. */
  groups: string[];
  /** The user's manager's name, where the host knows it: Escalate then names them. */
  managerName?: string;
}

export interface ScopeReviewSection {
  /** "Execution class", "What the AI may read", "Expected output", "Stop conditions", "Blocked actions". */
  label: string;
  items: string[];
}

export interface ScopeReviewOperation {
  id: string;
  title: string;
  outcome: 'eligible' | 'approval-bound' | 'blocked';
  /** The outcome in words ("Approval needed before use"). */
  outcomeText: string;
  /** How its reasons are styled: `info` (allowed: neutral), `approval` (amber), `blocked` (red). */
  tone: 'info' | 'approval' | 'blocked';
  /** The approver in a few words for the compact list ("Irene Costa", "a member of Access Management", "No approval needed"); empty for a blocked one. */
  approver: string;
  /** True when this user may assign it now: not blocked, and the user has the agent role. */
  selectable: boolean;
  sections: ScopeReviewSection[];
  /** Whether approval is needed before the output is used, and from whom. */
  approvalText: string;
  /**
   * Why (blocked operations always carry at least one) and what would change
   * it: `remedy` is empty under an allowed operation; `remedyLabel` is what
   * goes before it ("What would change it: ", "Before use: ").
   */
  reasons: { message: string; remedy: string; tone: 'info' | 'approval' | 'blocked'; remedyLabel: string }[];
  /** The digest the request must carry (buildRequest's second argument). */
  scopeDigest: string;
}

export interface ScopeReviewNotice {
  /** `error`: the panel or the user could not be read; `refused`: the worker refused the last request. */
  kind: 'error' | 'refused' | 'info';
  message: string;
  remedy: string;
}

export interface ScopeReview {
  operations: ScopeReviewOperation[];
  notice: ScopeReviewNotice | null;
}

export interface ReviewableHandoff {
  /** The hand-off id (ho_...), buildReview's first argument. */
  id: string;
  /** The operation id. */
  operation: string;
  /** The operation's title from the panel, or its id when the panel no longer lists it. */
  title: string;
  /** Whether the output needs approval before use (then only its approver reviews it). */
  approvalRequired: boolean;
  approvalText: string;
  status: string;
  /** The status in words. */
  statusText: string;
  /** ISO 8601 time of its last change (formatTime puts it in the instance's format). */
  updatedAt: string;
  /** Who asked for it: their name where the panel has it, else their user name. */
  requestedBy: string;
  /** Their note to the AI (masked and neutralised by the worker), or empty. */
  note: string;
  /** The draft's first lines as written to the work notes, or empty (an older worker, or not written yet). */
  draft: string;
  /** Where Escalate sends it, in words, before the click. */
  escalateText: string;
}

export interface HandoffRow {
  id: string;
  operation: string;
  title: string;
  status: string;
  statusText: string;
  approver: string;
  /** The last change, in the instance's format. */
  updated: string;
}

/**
 * The dialog's content. `panel` is the parsed panel JSON or its text; a
 * missing or malformed panel gives no operations and a notice saying why.
 */
export declare function buildScopeReview(panel: unknown, user: ScopeReviewUser | null | undefined): ScopeReview;

/** The request field's JSON, `{"operation","scope","note"}`. Throws an Error naming the bad argument. */
export declare function buildRequest(operationId: string, scopeDigest: string, note?: string | null): string;

/**
 * Hand-offs awaiting review that this user may review, by the worker's rule
 * (src/handoff/review.ts, mayReview): where approval is required, the resolved
 * approver (or a member of the approver group) with the reviewer role, never
 * the requester; where none is, the requester, the ticket's assignee or a
 * member of its group (the panel's `ticket.owner`), with the agent or reviewer role.
 */
export declare function reviewableHandoffs(panel: unknown, user: ScopeReviewUser | null | undefined): ReviewableHandoff[];

/** Whether Assign To AI Operation shows: the agent role, and at least one operation in the panel (blocked ones count). */
export declare function showsAssign(panel: unknown, user: ScopeReviewUser | null | undefined): boolean;

/** The review field's JSON, `{"handoff","decision","comment"}`. Throws an Error naming the bad argument. */
export declare function buildReview(handoffId: string, decision: 'accept' | 'reject' | 'escalate', comment?: string | null): string;

/** The columns of a request row (docs/contract.md, "The request table"), as Confirm creates it. */
export interface RequestRowColumns {
  ticket_table: string;
  /** The ticket's sys_id (from the panel). */
  ticket: string;
  operation: string;
  /** The scope digest of the operation as the panel (and the dialog) showed it. */
  scope_digest: string;
  note: string;
}

/** The columns of a review row (docs/contract.md, "The review table"). */
export interface ReviewRowColumns {
  ticket_table: string;
  ticket: string;
  handoff: string;
  decision: 'accept' | 'reject' | 'escalate';
  comment: string;
}

/**
 * The request row Confirm creates, for an operation of the panel (not a
 * blocked one). Throws an Error naming what is wrong (an unreadable panel, a
 * table that is not the panel's, an operation not in it, a note too long).
 */
export declare function requestRow(panel: unknown, ticketTable: string, operationId: string, note?: string | null): RequestRowColumns;

/** The review row Accept, Reject or Escalate creates, for a hand-off of the panel. Throws an Error naming what is wrong. */
export declare function reviewRow(panel: unknown, ticketTable: string, handoffId: string, decision: 'accept' | 'reject' | 'escalate', comment?: string | null): ReviewRowColumns;

/** Every hand-off over the panel in a phrase: "1 awaiting your review, 1 accepted"; empty when there are none. */
export declare function statusSummary(panel: unknown, user: ScopeReviewUser | null | undefined): string;

/** An AI status in words ("Awaiting review"). */
export declare function statusText(status: string): string;

/** An ISO 8601 time in a ServiceNow date-time format (default yyyy-MM-dd HH:mm:ss) at a UTC offset in ms (default 0). */
export declare function formatTime(iso: string, format?: string, offsetMs?: number): string;

/** The panel's hand-offs with titles, statuses in words and times in the instance's format. */
export declare function handoffRows(panel: unknown, format?: string, offsetMs?: number): HandoffRow[];
