/**
 * The JSON an agent's or approver's UI action writes into the request and
 * review fields. The ServiceNow app's button scripts and the sandbox's ticket
 * page produce exactly these; the worker parses them with these schemas.
 */
import { z } from 'zod';
import { SCOPE_DIGEST } from './scope.js';

/** Longest operator note accepted; longer notes are refused, never truncated. */
export const MAX_NOTE_LENGTH = 1000;
/** Longest reviewer comment accepted. */
export const MAX_COMMENT_LENGTH = 2000;

export const AiRequest = z.strictObject({
  operation: z.string().min(1).max(64),
  scope: z.string().regex(SCOPE_DIGEST, 'scope must be the 32-character scope digest shown in the panel'),
  note: z.string().max(MAX_NOTE_LENGTH).optional(),
});
export type AiRequest = z.infer<typeof AiRequest>;

export const REVIEW_DECISIONS = ['accept', 'reject', 'escalate'] as const;
export const ReviewDecision = z.enum(REVIEW_DECISIONS);
export type ReviewDecision = z.infer<typeof ReviewDecision>;

export const HANDOFF_ID = /^ho_[a-z2-7]{26}$/;

export const AiReview = z.strictObject({
  handoff: z.string().regex(HANDOFF_ID, 'handoff must be a hand-off id from the panel (ho_...)'),
  decision: ReviewDecision,
  comment: z.string().max(MAX_COMMENT_LENGTH).optional(),
});
export type AiReview = z.infer<typeof AiReview>;
