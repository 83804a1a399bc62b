/**
 * The rows of the app's request and review tables (docs/contract.md, "The
 * request table", "The review table"): one per Assign, one per Accept,
 * Reject or Escalate. People create them; the app's before-insert rule
 * stamps who (`requested_by` / `reviewed_by`), the ticket's number and
 * `state = pending`; the worker sets the state it ends in. The sandbox
 * builds its tables from these lists and limits, and the worker parses rows
 * with these schemas, so both read the contract from one place.
 */
import { z } from 'zod';
import { MAX_COMMENT_LENGTH, MAX_NOTE_LENGTH, ReviewDecision, HANDOFF_ID } from './fields.js';
import { SCOPE_DIGEST } from './scope.js';

export const SYS_ID = /^[0-9a-f]{32}$/;

export const REQUEST_STATES = ['pending', 'queued', 'refused'] as const;
export const REVIEW_STATES = ['pending', 'recorded', 'refused'] as const;
export type RequestState = (typeof REQUEST_STATES)[number];
export type ReviewState = (typeof REVIEW_STATES)[number];

/** Column lengths (sys_dictionary max_length) of the two tables. */
export const ROW_LIMITS = {
  ticketTable: 80,
  number: 40,
  operation: 64,
  note: MAX_NOTE_LENGTH,
  comment: MAX_COMMENT_LENGTH,
  readable: 16_000,
  handoff: 40,
  /** `message` and `remedy`, each. */
  message: 1_000,
} as const;

/** Columns of the request table the worker reads (besides the platform's sys_* ones). */
export const REQUEST_COLUMNS = ['sys_id', 'ticket_table', 'ticket', 'number', 'operation', 'scope_digest', 'note', 'requested_by', 'readable', 'state', 'sys_created_by', 'sys_created_on'] as const;
/** Columns of the review table the worker reads. */
export const REVIEW_COLUMNS = ['sys_id', 'ticket_table', 'ticket', 'number', 'handoff', 'decision', 'comment', 'reviewed_by', 'state', 'sys_created_by', 'sys_created_on'] as const;

/** Columns a person's dialog sets on a new request row; the rest belong to the app's rule and the worker. */
export const REQUEST_INPUT_COLUMNS = ['ticket_table', 'ticket', 'operation', 'scope_digest', 'note'] as const;
export const REVIEW_INPUT_COLUMNS = ['ticket_table', 'ticket', 'handoff', 'decision', 'comment'] as const;
/** Columns only the integration role may write after insert. */
export const REQUEST_WORKER_COLUMNS = ['state', 'handoff', 'message', 'remedy'] as const;
export const REVIEW_WORKER_COLUMNS = ['state', 'message', 'remedy'] as const;

const SysId = z.string().regex(SYS_ID, 'must be a sys_id (32 lower-case hex characters)');
const TableName = z.string().regex(/^[a-z][a-z0-9_]*$/, 'must be a table name').max(ROW_LIMITS.ticketTable);
/** A glide date-time, UTC `YYYY-MM-DD HH:mm:ss`. */
const GlideTime = z.string().regex(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/, 'must be a date-time YYYY-MM-DD HH:mm:ss');

/** A request row as the Table API returns it (raw values). Unknown columns are ignored: an instance may add its own. */
export const RequestRowRecord = z.object({
  sys_id: SysId,
  ticket_table: TableName,
  ticket: SysId,
  number: z.string().max(ROW_LIMITS.number),
  operation: z.string().min(1, 'is empty').max(ROW_LIMITS.operation),
  scope_digest: z.string().regex(SCOPE_DIGEST, 'must be the 32-character scope digest shown in the panel'),
  note: z.string().max(ROW_LIMITS.note),
  requested_by: z.string(),
  readable: z.string().max(ROW_LIMITS.readable),
  state: z.enum(REQUEST_STATES),
  sys_created_by: z.string().min(1, 'is empty'),
  sys_created_on: GlideTime,
});
export type RequestRowRecord = z.infer<typeof RequestRowRecord>;

export const ReviewRowRecord = z.object({
  sys_id: SysId,
  ticket_table: TableName,
  ticket: SysId,
  number: z.string().max(ROW_LIMITS.number),
  handoff: z.string().regex(HANDOFF_ID, 'must be a hand-off id from the panel (ho_...)'),
  decision: ReviewDecision,
  comment: z.string().max(ROW_LIMITS.comment),
  reviewed_by: z.string(),
  state: z.enum(REVIEW_STATES),
  sys_created_by: z.string().min(1, 'is empty'),
  sys_created_on: GlideTime,
});
export type ReviewRowRecord = z.infer<typeof ReviewRowRecord>;

/** What the worker writes on a request row (through the app's API): taken, or refused with why. */
export type RequestRowUpdate =
  | { readonly sysId: string; readonly state: 'queued'; readonly handoff: string }
  | { readonly sysId: string; readonly state: 'refused'; readonly message: string; readonly remedy: string };

/** What the worker writes on a review row. */
export type ReviewRowUpdate =
  | { readonly sysId: string; readonly state: 'recorded' }
  | { readonly sysId: string; readonly state: 'refused'; readonly message: string; readonly remedy: string };

/** Bounds a refusal text to the column's length (the message is for a person; the audit keeps the code). */
export function clipMessage(text: string): string {
  return text.length <= ROW_LIMITS.message ? text : `${text.slice(0, ROW_LIMITS.message - 1)}…`;
}
