/**
 * The canonical ticket: what the policy sees of any ITSM record, whatever the
 * tool. Mappings (mappings/<itsm>/<table>.yaml) turn raw records into it.
 *
 * A value the mapping cannot derive is `null`, never a guess: the policy blocks
 * on unknown input rather than allowing it.
 */
import { z } from 'zod';

export const TICKET_TYPES = ['incident', 'request', 'security', 'enhancement'] as const;
export const TicketType = z.enum(TICKET_TYPES);
export type TicketType = z.infer<typeof TicketType>;

/** Severity 1 is the highest. */
export const SEVERITIES = [1, 2, 3, 4] as const;
export const Severity = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]);
export type Severity = z.infer<typeof Severity>;

export const DATA_CLASSES = ['public', 'internal', 'confidential', 'restricted'] as const;
export const DataClass = z.enum(DATA_CLASSES);
export type DataClass = z.infer<typeof DataClass>;

/**
 * How much AI the owning group or service has been cleared for. What each tier
 * permits is policy (config/policy/policy.yaml), not code.
 */
export const AI_TIERS = ['none', 'assist', 'standard', 'extended'] as const;
export const AiTier = z.enum(AI_TIERS);
export type AiTier = z.infer<typeof AiTier>;

/** The named human approvers of the seed's Human Approval Gate. */
export const APPROVER_ROLES = ['incident_commander', 'requester_manager', 'security_owner', 'sponsor'] as const;
export const ApproverRole = z.enum(APPROVER_ROLES);
export type ApproverRole = z.infer<typeof ApproverRole>;

/** A reference to a record in the ITSM: its id (sys_id in ServiceNow) and display name when known. */
export const Ref = z.strictObject({
  id: z.string().min(1),
  name: z.string().optional(),
});
export type Ref = z.infer<typeof Ref>;

/** A person or a group that can act as an approver. */
export const Party = z.strictObject({
  kind: z.enum(['user', 'group']),
  id: z.string().min(1),
  name: z.string().optional(),
});
export type Party = z.infer<typeof Party>;

/** Where a ticket lives: enough to read it again and to write back to it. */
export const TicketRef = z.strictObject({
  system: z.literal('servicenow'),
  table: z.string().min(1),
  sysId: z.string().min(1),
  number: z.string().min(1),
});
export type TicketRef = z.infer<typeof TicketRef>;

export const ApproverCandidates = z.strictObject({
  incident_commander: z.array(Party).optional(),
  requester_manager: z.array(Party).optional(),
  security_owner: z.array(Party).optional(),
  sponsor: z.array(Party).optional(),
});
export type ApproverCandidates = z.infer<typeof ApproverCandidates>;

/** Something the mapping could not derive, kept so the panel can say why. */
export const MappingIssue = z.strictObject({
  field: z.string().min(1),
  message: z.string().min(1),
});
export type MappingIssue = z.infer<typeof MappingIssue>;

export const Ticket = z.strictObject({
  ref: TicketRef,
  type: TicketType,
  number: z.string().min(1),
  title: z.string(),
  description: z.string(),
  /** 1 (highest) to 4; null when the record's priority or impact/urgency cannot be read. */
  severity: Severity.nullable(),
  /** null when the record's classification is not one the mapping knows. */
  dataClass: DataClass.nullable(),
  owner: z.strictObject({
    group: Ref.nullable(),
    assignee: Ref.nullable(),
  }),
  /** The tier mapped from the record (group or service); null lets policy fall back to its group settings. */
  aiTier: AiTier.nullable(),
  approvers: ApproverCandidates,
  configurationItem: Ref.nullable(),
  /** The caller (incidents) or the person the request is for. */
  caller: Ref.nullable(),
  /** Read-only: the product reads state and never writes it. */
  state: z.strictObject({
    value: z.string(),
    active: z.boolean(),
  }),
  /** The record's last update, as the ITSM reports it (ServiceNow: UTC `YYYY-MM-DD HH:mm:ss`). */
  updatedAt: z.string(),
  issues: z.array(MappingIssue),
});
export type Ticket = z.infer<typeof Ticket>;
