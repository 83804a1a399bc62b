/**
 * A policy decision for one operation on one ticket, and the ticket's overall
 * classification (the seed's dashboard: eligible, approval-bound, blocked).
 */
import { z } from 'zod';
import { ApproverRole, Party } from './ticket.js';

export const OUTCOMES = ['eligible', 'approval-bound', 'blocked'] as const;
export const Outcome = z.enum(OUTCOMES);
export type Outcome = z.infer<typeof Outcome>;

/** The seed's dashboard classes, per ticket. Same words as the outcomes. */
export const Classification = Outcome;
export type Classification = Outcome;

/** Why: the rule that decided, in plain words, and what the operator can do about it. */
export const Reason = z.strictObject({
  rule: z.string().min(1),
  message: z.string().min(1),
  remedy: z.string().min(1),
});
export type Reason = z.infer<typeof Reason>;

export const ApprovalNeed = z.strictObject({
  required: z.boolean(),
  role: ApproverRole.nullable(),
  /** The resolved approver; null when none is required, or none could be resolved (then blocked). */
  approver: Party.nullable(),
});
export type ApprovalNeed = z.infer<typeof ApprovalNeed>;

export const Decision = z.strictObject({
  operation: z.string().min(1),
  outcome: Outcome,
  approval: ApprovalNeed,
  /** Every reason that applied; for a blocked outcome, at least one forbid. */
  reasons: z.array(Reason),
  /** Ids of the rules that decided the outcome. */
  rules: z.array(z.string().min(1)).min(1),
  policyVersion: z.string().min(1),
});
export type Decision = z.infer<typeof Decision>;
