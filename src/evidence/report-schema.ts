/**
 * The evidence report's JSON, as a strict zod schema: the type the builder
 * returns and the JSON Schema shipped with the product
 * (config/evidence/evidence-report.schema.json, generated from this; a test
 * keeps it current and validates reports against it). No ticket text
 * anywhere: hand-offs by id, tickets by number, operations and groups by
 * name, counts and times.
 */
import { z } from 'zod';
import { ControlId } from './control-map.js';

export const SCHEMA_ID = 'https://ai-handoff.example/schemas/evidence-report-1.json';

const Count = z.number().int().nonnegative();
const Counts = z.record(z.string(), Count);
const Iso = z.string().min(1);

export const ControlStatus = z.enum(['operated', 'failed', 'no_data']);
export type ControlStatus = z.infer<typeof ControlStatus>;

export const GapKind = z.enum(['missing_event_type', 'no_data', 'chain', 'retention', 'not_recorded']);

export const Gap = z.strictObject({
  kind: GapKind,
  /** The control it weakens; null for the report as a whole. */
  control: ControlId.nullable(),
  message: z.string().min(1),
});
export type Gap = z.infer<typeof Gap>;

export const Figure = z.strictObject({
  id: z.string().min(1),
  label: z.string().min(1),
  /** A count, a share (0..1), minutes, a date, yes/no; null when there was nothing to measure. */
  value: z.union([z.number(), z.string(), z.boolean()]).nullable(),
  unit: z.enum(['count', 'share', 'minutes', 'date', 'flag', 'text']),
});
export type Figure = z.infer<typeof Figure>;

export const Breakdown = z.strictObject({
  id: z.string().min(1),
  label: z.string().min(1),
  counts: Counts,
});
export type Breakdown = z.infer<typeof Breakdown>;

export const Example = z.strictObject({
  handoff: z.string().nullable(),
  ticket: z.string().nullable(),
  what: z.string().min(1),
});
export type Example = z.infer<typeof Example>;

export const ControlReport = z.strictObject({
  id: ControlId,
  title: z.string().min(1),
  description: z.string().min(1),
  clauses: z.array(z.strictObject({ framework: z.string(), frameworkTitle: z.string(), ref: z.string(), title: z.string() })),
  status: ControlStatus,
  /** One sentence: what the evidence shows. */
  summary: z.string().min(1),
  figures: z.array(Figure),
  breakdowns: z.array(Breakdown),
  examples: z.array(Example),
  gaps: z.array(Gap),
});
export type ControlReport = z.infer<typeof ControlReport>;

export const Outcomes = z.strictObject({
  accepted: Count,
  rejected: Count,
  escalated: Count,
  expired: Count,
});
export type Outcomes = z.infer<typeof Outcomes>;

export const AcceptanceRow = z.strictObject({
  /** The operation id or the group's name ("(no group)" when none was recorded). */
  key: z.string().min(1),
  /** Hand-offs requested in the period. */
  handoffs: Count,
  outcomes: Outcomes,
  /** Shares of the decided or expired hand-offs (accepted + rejected + escalated + expired); null when none. */
  shares: z.strictObject({ accepted: z.number().nullable(), rejected: z.number().nullable(), escalated: z.number().nullable(), expired: z.number().nullable() }),
  /** Output rejected by the guard or otherwise failed before review. */
  failed: Count,
  /** Written and still waiting for a decision. */
  pending: Count,
  /** Minutes from the note being written to the first decision. */
  reviewMinutes: z.strictObject({ median: z.number().nullable(), p90: z.number().nullable(), decided: Count }),
  /** Per bucket of the period (by request time): outcomes so far. */
  series: z.array(z.strictObject({ start: Iso, outcomes: Outcomes, handoffs: Count })),
});
export type AcceptanceRow = z.infer<typeof AcceptanceRow>;

export const EvidenceReport = z.strictObject({
  $schema: z.literal(SCHEMA_ID),
  kind: z.literal('ai-handoff evidence report'),
  generatedAt: Iso,
  period: z.strictObject({ from: Iso, to: Iso, days: z.number().positive() }),
  controlMap: z.strictObject({ file: z.string().min(1), version: z.string().min(1) }),
  ledger: z.strictObject({
    name: z.string().min(1),
    /** Events in the period. */
    events: Count,
    /** Every retrievable event, Redis and archive. */
    retrievable: Count,
    oldest: z.strictObject({ seq: z.number().int().positive(), at: Iso }).nullable(),
    newest: z.strictObject({ seq: z.number().int().positive(), at: Iso }).nullable(),
    chain: z.strictObject({
      ok: z.boolean(),
      anchored: z.boolean(),
      problem: z.strictObject({ kind: z.string(), seq: z.number().int().nullable(), message: z.string() }).nullable(),
      checkpoints: Count,
      latestCheckpointAt: Iso.nullable(),
      unanchored: Count,
    }),
  }),
  controls: z.array(ControlReport),
  acceptance: z.strictObject({
    bucket: z.enum(['day', 'week']),
    buckets: z.array(Iso),
    overall: AcceptanceRow,
    byOperation: z.array(AcceptanceRow),
    byGroup: z.array(AcceptanceRow),
  }),
  policyVersions: z.array(z.strictObject({ version: z.string(), firstSeen: Iso, lastSeen: Iso, events: Count, inForceAtStart: z.boolean() })),
  reloads: z.array(z.strictObject({ seq: z.number().int().positive(), at: Iso, policyVersion: z.string().nullable() })),
  /** Every gap of every control, and the report's own. */
  gaps: z.array(Gap),
});
export type EvidenceReport = z.infer<typeof EvidenceReport>;

/** The last day a period covers (its `to` is exclusive), as YYYY-MM-DD. */
export function lastDayOf(period: { readonly to: string }): string {
  return new Date(Date.parse(period.to) - 1).toISOString().slice(0, 10);
}

/** The JSON Schema shipped in config/evidence/evidence-report.schema.json. */
export function evidenceJsonSchema(): Record<string, unknown> {
  return { ...z.toJSONSchema(EvidenceReport, { target: 'draft-7' }), $id: SCHEMA_ID, title: 'ai-handoff evidence report' };
}
