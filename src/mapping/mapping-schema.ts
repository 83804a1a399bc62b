/**
 * The shape of a field-mapping file (mappings/servicenow/<table>.yaml): how one
 * ITSM table's raw records become canonical tickets, which fields hold the AI
 * contract, and which records count as active work.
 *
 * Field names may be dot-walked (`requested_for.manager`): the connector asks
 * for them in `sysparm_fields` and ServiceNow returns them under the same key.
 */
import { z } from 'zod';
import { AiTier, ApproverRole, DataClass, TicketType } from '../domain/ticket.js';

/** A ServiceNow field name, optionally dot-walked through reference fields. */
export const FIELD_NAME = /^[a-z_][a-z0-9_]*(?:\.[a-z_][a-z0-9_]*)*$/;
export const FieldName = z.string().regex(FIELD_NAME, 'use a ServiceNow field name such as short_description or requested_for.manager');

export const FILTER_OPERATORS = ['=', '!=', '<', '<=', '>', '>=', 'IN', 'NOT IN', 'LIKE', 'STARTSWITH', 'ISEMPTY', 'ISNOTEMPTY'] as const;

/** One condition of the active-work filter; conditions are ANDed. */
export const FilterCondition = z.strictObject({
  field: FieldName,
  op: z.enum(FILTER_OPERATORS),
  /** A single value, or a list for IN / NOT IN. Absent for ISEMPTY / ISNOTEMPTY. */
  value: z.union([z.string(), z.array(z.string()).min(1)]).optional(),
});
export type FilterCondition = z.infer<typeof FilterCondition>;

const SeverityLevel = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]);

/** Severity from the record's priority, through a value map (priority 5 usually maps to 4). */
export const SeverityFromPriority = z.strictObject({
  from: z.literal('priority'),
  field: FieldName,
  map: z.record(z.string(), SeverityLevel),
});

/**
 * Severity from impact and urgency, through ServiceNow's priority matrix
 * (../shared/reference/servicenow.md, "Incident priority is computed from
 * impact and urgency"), then the same value map from priority to severity.
 */
export const SeverityFromImpactUrgency = z.strictObject({
  from: z.literal('impact_urgency'),
  impact: FieldName,
  urgency: FieldName,
  map: z.record(z.string(), SeverityLevel),
});

export const SeverityMapping = z.discriminatedUnion('from', [SeverityFromPriority, SeverityFromImpactUrgency]);
export type SeverityMapping = z.infer<typeof SeverityMapping>;

/** A value map with a default for empty fields; a non-empty value outside the map is unknown (null). */
export const DataClassMapping = z.strictObject({
  field: FieldName.optional(),
  map: z.record(z.string(), DataClass),
  /** Applied when the field is absent or empty on the record: the table's default class. */
  default: DataClass,
});

export const AiTierMapping = z.strictObject({
  field: FieldName,
  map: z.record(z.string(), AiTier),
});

/** An approver candidate: a user or a group named by a (dot-walked) reference field. */
export const ApproverSource = z.union([
  z.strictObject({ user: FieldName, name: FieldName.optional() }),
  z.strictObject({ group: FieldName, name: FieldName.optional() }),
]);
export type ApproverSource = z.infer<typeof ApproverSource>;

/**
 * The ticket fields of the AI contract (docs/contract.md, "Ticket fields"):
 * the panel and status the app's API sets (`S_panel`, `S_status`), and the
 * journal the note goes to. Requests and reviews are rows of the app's own
 * tables, not ticket fields.
 */
export const AiFields = z.strictObject({
  panel: FieldName,
  status: FieldName,
  workNotes: FieldName,
});
export type AiFields = z.infer<typeof AiFields>;

export const TableMapping = z.strictObject({
  table: z.string().regex(/^[a-z][a-z0-9_]*$/, 'use the table name, e.g. incident'),
  ticketType: TicketType,
  /** The active-work filter: conditions ANDed into every pull. */
  active: z.array(FilterCondition).min(1),
  fields: z.strictObject({
    number: FieldName,
    title: FieldName,
    description: FieldName,
    state: FieldName,
    active: FieldName,
    updatedAt: FieldName,
    group: FieldName,
    groupName: FieldName.optional(),
    assignee: FieldName,
    assigneeName: FieldName.optional(),
    configurationItem: FieldName.optional(),
    configurationItemName: FieldName.optional(),
    caller: FieldName.optional(),
    callerName: FieldName.optional(),
    /**
     * The resolution notes (`close_notes`): read for related tickets, where a
     * resolved one often records the known-good baseline the AI compares with.
     */
    resolution: FieldName.optional(),
  }),
  severity: SeverityMapping,
  dataClass: DataClassMapping,
  aiTier: AiTierMapping.optional(),
  approvers: z.partialRecord(ApproverRole, z.array(ApproverSource).min(1)),
  ai: AiFields,
});
export type TableMapping = z.infer<typeof TableMapping>;
