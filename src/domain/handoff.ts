/**
 * A hand-off: one operator's confirmed request for one operation on one
 * ticket, from pickup to review. Stored in Redis (src/handoff/handoff-store.ts);
 * its id is the idempotency key of every job and of the note's marker.
 */
import { z } from 'zod';
import { ApprovalNeed } from './decision.js';
import { ReviewDecision } from './fields.js';
import { Scope } from './scope.js';
import { TicketRef } from './ticket.js';

/** A person as the platform identified them (never as they described themselves). */
export const Actor = z.strictObject({
  userName: z.string().min(1),
  sysId: z.string().min(1).optional(),
  name: z.string().optional(),
});
export type Actor = z.infer<typeof Actor>;

export const HANDOFF_STATUSES = ['queued', 'running', 'awaiting_review', 'accepted', 'rejected', 'escalated', 'expired', 'failed'] as const;
export const HandoffStatus = z.enum(HANDOFF_STATUSES);
export type HandoffStatus = z.infer<typeof HandoffStatus>;

/** Statuses after which nothing more happens to a hand-off (an escalated one still waits for its escalation target: src/handoff/escalation.ts). */
export const FINAL_STATUSES: readonly HandoffStatus[] = ['accepted', 'rejected', 'expired', 'failed'];

/** The statuses a review can decide: awaiting its first review, or escalated to someone (the worker, the app's review rule and the sandbox's agree on this list). */
export const DECIDABLE_STATUSES: readonly HandoffStatus[] = ['awaiting_review', 'escalated'];

export const HandoffOutput = z.strictObject({
  /** Digest of the validated output the note was rendered from. */
  outputDigest: z.string().min(1),
  /** Digest of the exact note text (persisted before writing, written byte for byte on retry). */
  noteDigest: z.string().min(1),
  provider: z.string().min(1),
  model: z.string().min(1),
  sourceCount: z.number().int().nonnegative(),
  removedStatements: z.number().int().nonnegative(),
  /** The first lines of the note's body, for the reviewer's panel (src/handoff/draft-excerpt.ts); absent on hand-offs stored before it. */
  excerpt: z.string().optional(),
});
export type HandoffOutput = z.infer<typeof HandoffOutput>;

/**
 * What the request row carried for the read check (docs/contract.md): its
 * `readable` column exactly as read (JSON text; empty, malformed or for
 * another check is possible, and src/boundary/readable.ts fails closed on
 * each) and the row's creation time, so a list older than the request is
 * not taken for its own.
 */
export const HandoffReadCheck = z.strictObject({
  readable: z.string(),
  /** The request row's sys_created_on (UTC `YYYY-MM-DD HH:mm:ss`). */
  requestedOn: z.string(),
});
export type HandoffReadCheck = z.infer<typeof HandoffReadCheck>;

export const HandoffReview = z.strictObject({
  decision: ReviewDecision,
  by: Actor,
  at: z.string().min(1),
  comment: z.string().optional(),
  /** The review row (sys_id) it came from: a row taken again finishes this review rather than refusing it. */
  row: z.string().optional(),
});
export type HandoffReview = z.infer<typeof HandoffReview>;

export const Handoff = z.strictObject({
  id: z.string().min(1),
  ticket: TicketRef,
  operation: z.string().min(1),
  scope: Scope,
  scopeDigest: z.string().min(1),
  requester: Actor,
  /** The request row (sys_id in the app's request table) it was taken from; the hand-off is keyed by it. */
  requestRow: z.string().nullable(),
  /** The operator's optional note: untrusted text, shown to the AI as data only. */
  note: z.string().nullable(),
  policyVersion: z.string().min(1),
  status: HandoffStatus,
  approval: ApprovalNeed,
  /** ISO 8601. */
  createdAt: z.string().min(1),
  updatedAt: z.string().min(1),
  /** When an awaited review expires (ISO 8601); null until the note is written. */
  reviewDueAt: z.string().nullable(),
  output: HandoffOutput.nullable(),
  /** Set once the note is confirmed in the ticket's journal. */
  writtenAt: z.string().nullable(),
  review: HandoffReview.nullable(),
  failure: z.strictObject({ code: z.string().min(1), message: z.string().min(1) }).nullable(),
  /** True when the group runs in shadow mode: the note went to the audit, not the ticket. */
  shadow: z.boolean(),
  /**
   * The request's read check, as pickup took it from the request row's
   * `readable` column and `sys_created_on` (src/boundary/readable.ts fails
   * closed on an empty, malformed, mismatched or stale one); null only for a
   * hand-off stored before the request rows: no record beyond the ticket is used.
   */
  readCheck: HandoffReadCheck.nullable(),
});
export type Handoff = z.infer<typeof Handoff>;
