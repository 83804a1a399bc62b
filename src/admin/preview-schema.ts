/**
 * The `ai-handoff mappings preview --json` object: each ticket as the mapping
 * reads it (number, type, severity, data class, owner, approvers resolved or
 * why not) with its classification under the current policy, then the
 * summary (the split, the most frequent reasons for blocking, the mapping's
 * issues). Strict at every depth.
 */
import { z } from 'zod';
import { Classification, Outcome } from '../domain/decision.js';
import { ApproverRole, DataClass, Party, Ref, Severity, TicketType } from '../domain/ticket.js';

export const PreviewApprover = z.strictObject({
  role: ApproverRole,
  /** The first candidate the mapping resolves on this ticket, or null. */
  approver: Party.nullable(),
  /** Why none was resolved (the role is not mapped, or every source field is empty); null when resolved. */
  why: z.string().min(1).nullable(),
});
export type PreviewApprover = z.infer<typeof PreviewApprover>;

export const PreviewTicket = z.strictObject({
  number: z.string().min(1),
  sysId: z.string(),
  /** Null (with everything below empty) when the mapping cannot read the record; `unmappable` says why. */
  type: TicketType.nullable(),
  severity: Severity.nullable(),
  dataClass: DataClass.nullable(),
  group: Ref.nullable(),
  assignee: Ref.nullable(),
  approvers: z.array(PreviewApprover),
  classification: Classification,
  operations: z.array(z.strictObject({ id: z.string().min(1), outcome: Outcome })),
  /** What the mapping could not derive (the policy blocks on unknown input). */
  issues: z.array(z.strictObject({ field: z.string().min(1), message: z.string().min(1) })),
  unmappable: z.string().min(1).nullable(),
});
export type PreviewTicket = z.infer<typeof PreviewTicket>;

const Count = z.number().int().min(0);
const Share = z.number().min(0).max(1);

export const PreviewSummary = z.strictObject({
  tickets: Count,
  eligible: Count,
  approvalBound: Count,
  blocked: Count,
  shares: z.strictObject({ eligible: Share, approvalBound: Share, blocked: Share }),
  /** Forbid rules by the number of tickets on which they block some operation, most first; the message as on the first such ticket. */
  blockingReasons: z.array(z.strictObject({ rule: z.string().min(1), tickets: Count, message: z.string() })),
  /** Mapping issues by field, by the number of tickets that have one, most first. */
  mappingIssues: z.array(z.strictObject({ field: z.string().min(1), tickets: Count, message: z.string() })),
});
export type PreviewSummary = z.infer<typeof PreviewSummary>;

export const PreviewJson = z.strictObject({
  table: z.string().min(1),
  /** Where the mapping came from: its file, or the folder it was loaded with. */
  mapping: z.string().min(1),
  policyVersion: z.string().min(1),
  tickets: z.array(PreviewTicket),
  summary: PreviewSummary,
});
export type PreviewJson = z.infer<typeof PreviewJson>;
