/**
 * Execution classes and operations: the bounded work the seed allows AI to do.
 * The catalog itself is data (config/policy/catalog.yaml); these are its types.
 */
import { z } from 'zod';
import { ApproverRole, TicketType } from './ticket.js';

/** The seed's four eligible execution classes. */
export const EXECUTION_CLASS_IDS = [
  'evidence_gathering',
  'drafting_summaries',
  'checklist_validation',
  'writeback_support',
] as const;
export const ExecutionClassId = z.enum(EXECUTION_CLASS_IDS);
export type ExecutionClassId = z.infer<typeof ExecutionClassId>;

/** The seed's standing of each class: Allowed, Review required, Controlled. */
export const STANDINGS = ['allowed', 'review_required', 'controlled'] as const;
export const Standing = z.enum(STANDINGS);
export type Standing = z.infer<typeof Standing>;

export const ExecutionClass = z.strictObject({
  id: ExecutionClassId,
  title: z.string().min(1),
  standing: Standing,
  description: z.string().min(1),
  output: z.string().min(1),
  guardrail: z.string().min(1),
});
export type ExecutionClass = z.infer<typeof ExecutionClass>;

/** What an operation may read. Anything not listed is never gathered. */
export const SOURCE_KINDS = [
  'ticket_fields',
  'work_notes',
  'related_by_ci',
  'related_by_caller',
  'related_by_group',
  'ci_record',
] as const;
export const SourceKind = z.enum(SOURCE_KINDS);
export type SourceKind = z.infer<typeof SourceKind>;

/** Actions no operation may take. Every operation lists the ones its users might expect of it. */
export const BLOCKED_ACTIONS = [
  'routing',
  'failover',
  'closure',
  'account_creation',
  'privilege_grant',
  'approval',
  'policy_interpretation',
  'portfolio_reprioritisation',
  'outbound_send',
  'state_change',
  'assignment_change',
  'priority_change',
] as const;
export const BlockedAction = z.enum(BLOCKED_ACTIONS);
export type BlockedAction = z.infer<typeof BlockedAction>;

/** The shape of what an operation produces; the built-in provider composes each kind. */
export const OUTPUT_KINDS = [
  'evidence_pack',
  'baseline_comparison',
  'draft',
  'approval_reminder',
  'checklist',
  'summary',
  'history_note',
] as const;
export const OutputKind = z.enum(OUTPUT_KINDS);
export type OutputKind = z.infer<typeof OutputKind>;

export const OPERATION_ID = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

/**
 * Where an approver's Escalate hands a draft (issue 12): `reviewer-manager`
 * (the default) is the escalating reviewer's active manager as the platform
 * records it; `{ group: <name> }` is an active group of that name, any member
 * of which may then decide (src/handoff/escalation.ts).
 */
export const EscalationTarget = z.union([z.literal('reviewer-manager'), z.strictObject({ group: z.string().min(1).max(80) })], {
  error: () => 'use reviewer-manager, or { group: <the name of an active ServiceNow group> }',
});
export type EscalationTarget = z.infer<typeof EscalationTarget>;
export const DEFAULT_ESCALATION: EscalationTarget = 'reviewer-manager';

export const OperationApproval = z.strictObject({
  required: z.boolean(),
  /** Who must approve before the output is used; required when `required` is true. */
  role: ApproverRole.optional(),
  /** Why approval is needed, in the operator's words ("before outbound vendor send"). */
  reason: z.string().min(1).optional(),
  /** Where Escalate sends the draft; default `reviewer-manager`. */
  escalateTo: EscalationTarget.optional(),
});
export type OperationApproval = z.infer<typeof OperationApproval>;

export const Operation = z
  .strictObject({
    id: z.string().regex(OPERATION_ID, 'use lowercase words joined by hyphens, e.g. gather-diagnostics').max(64),
    title: z.string().min(1).max(80),
    description: z.string().min(1),
    class: ExecutionClassId,
    ticketTypes: z.array(TicketType).min(1),
    sources: z.array(SourceKind).min(1),
    outputKind: OutputKind,
    expectedOutput: z.string().min(1),
    stopConditions: z.array(z.string().min(1)).min(1),
    approval: OperationApproval,
    blockedActions: z.array(BlockedAction).min(1),
  })
  .refine((op) => !op.approval.required || op.approval.role !== undefined, {
    message: 'approval.required is true but approval.role is missing: name the approver role',
    path: ['approval', 'role'],
  });
export type Operation = z.infer<typeof Operation>;
