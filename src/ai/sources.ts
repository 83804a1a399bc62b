/**
 * The gathered sources of one hand-off: what the flow read through the
 * connector, bounded, sanitised and numbered. Every statement a provider
 * returns cites these ids (`S1`, `S2` …); the output guard checks its claims
 * against their text. The set also says what was requested but is missing,
 * so a provider can say plainly that its sources are incomplete.
 *
 * Ids are assigned in a fixed order (ticket fields, work notes oldest first,
 * related tickets by CI, caller, group, then the CI record), so the same
 * input always gives the same ids.
 */
import { z } from 'zod';
import { SourceKind } from '../domain/operation.js';

export const SOURCE_ID = /^S[1-9][0-9]{0,2}$/;
export const SourceId = z.string().regex(SOURCE_ID, 'a source id is S followed by a number, e.g. S1');
export type SourceId = z.infer<typeof SourceId>;

export const SourceField = z.strictObject({
  /** The ITSM field name (`short_description`), or `value` for a note's text. */
  name: z.string().min(1),
  /** What people call it (`Short description`). */
  label: z.string().min(1),
  /** The value as people see it: the instance's label for choices and references ("In Progress"). */
  value: z.string(),
  /** The raw value where it differs from the label ("2"): for the guard's grounding, never shown or sent to a model. */
  raw: z.string().optional(),
});
export type SourceField = z.infer<typeof SourceField>;

export const SourceRef = z.strictObject({
  table: z.string().nullable(),
  sysId: z.string().nullable(),
  /** Ticket number of the record the source comes from. */
  number: z.string().nullable(),
  /** The work note's sys_id. */
  noteId: z.string().nullable(),
  /** The configuration item's name. */
  ci: z.string().nullable(),
});
export type SourceRef = z.infer<typeof SourceRef>;

export const Source = z.strictObject({
  id: SourceId,
  kind: SourceKind,
  ref: SourceRef,
  /** One line saying what this is ("Work note by jordan.miles, 2025-03-04 09:12:00"). */
  label: z.string().min(1),
  /** When it was written or last updated (ITSM time, UTC). */
  at: z.string().nullable(),
  /** Who wrote it (user_name), when known. */
  author: z.string().nullable(),
  fields: z.array(SourceField),
  /** A field or the record was cut to the size limits. */
  truncated: z.boolean(),
  /** Invisible characters removed from this source (Tag, zero-width, bidi). */
  invisible: z.number().int().min(0),
  /** Tag characters spelled hidden text in this source. */
  hiddenText: z.boolean(),
});
export type Source = z.infer<typeof Source>;

export const GAP_REASONS = ['none_found', 'empty', 'unreadable', 'truncated'] as const;
export const GapReason = z.enum(GAP_REASONS);
export type GapReason = z.infer<typeof GapReason>;

/** A requested source that is missing, empty, unreadable or was cut. */
export const SourceGap = z.strictObject({
  kind: SourceKind,
  reason: GapReason,
  detail: z.string(),
});
export type SourceGap = z.infer<typeof SourceGap>;

export const SourceSet = z.strictObject({
  ticket: z.strictObject({ number: z.string().min(1), table: z.string().min(1) }),
  /** The source kinds the scope allowed and the flow was asked to gather. */
  requested: z.array(SourceKind),
  sources: z.array(Source),
  gaps: z.array(SourceGap),
});
export type SourceSet = z.infer<typeof SourceSet>;

/** Human words for each source kind, for notes and gap sentences. */
export const SOURCE_KIND_LABELS: Readonly<Record<SourceKind, string>> = {
  ticket_fields: 'ticket fields',
  work_notes: 'work notes',
  related_by_ci: 'related tickets on the same configuration item',
  related_by_caller: 'related tickets from the same caller',
  related_by_group: 'related tickets of the same group',
  ci_record: 'configuration item record',
};

export function sourceById(set: SourceSet, id: string): Source | undefined {
  return set.sources.find((s) => s.id === id);
}

export function sourcesOfKind(set: SourceSet, kind: SourceKind): Source[] {
  return set.sources.filter((s) => s.kind === kind);
}

/** A field's value by name, or undefined. */
export function fieldValue(source: Source, name: string): string | undefined {
  return source.fields.find((f) => f.name === name)?.value;
}

/**
 * All text of a source that a statement may rely on: its label, reference,
 * author and time, and every field as `label: value`. The guard grounds
 * names, numbers and addresses against this.
 */
export function sourceText(source: Source): string {
  const ref = [source.ref.number, source.ref.table, source.ref.ci, source.ref.noteId, source.ref.sysId].filter((v): v is string => v !== null);
  const lines = [source.label, ...ref, source.author ?? '', source.at ?? ''];
  for (const field of source.fields) lines.push(`${field.label}: ${field.value}`, field.name, ...(field.raw === undefined ? [] : [field.raw]));
  return lines.join('\n');
}

/**
 * The canonical JSON of a source set (keys sorted at every depth, as
 * `canonicalJson` writes it), written member by member in the schema's
 * sorted order instead of copying every source into sorted objects first:
 * a hand-off's input digest covers every source the AI saw, about 50 KB of
 * records, and the copy was 2 to 3 % of the worker's CPU (issue 13's
 * profile). The schemas above are strict, so no other member can appear;
 * sources.test.ts checks the text equals `canonicalJson` on real and random
 * source sets. A member added to a schema must be added here, in its place.
 */
export function sourceSetJson(set: SourceSet): string {
  const j = JSON.stringify;
  let sources = '';
  for (let i = 0; i < set.sources.length; i++) {
    const s = set.sources[i]!;
    let fields = '';
    for (let k = 0; k < s.fields.length; k++) {
      const f = s.fields[k]!;
      fields += `${k === 0 ? '' : ','}{"label":${j(f.label)},"name":${j(f.name)},${f.raw === undefined ? '' : `"raw":${j(f.raw)},`}"value":${j(f.value)}}`;
    }
    const r = s.ref;
    sources +=
      `${i === 0 ? '' : ','}{"at":${j(s.at)},"author":${j(s.author)},"fields":[${fields}],"hiddenText":${j(s.hiddenText)},"id":${j(s.id)},"invisible":${j(s.invisible)},"kind":${j(s.kind)},"label":${j(s.label)},` +
      `"ref":{"ci":${j(r.ci)},"noteId":${j(r.noteId)},"number":${j(r.number)},"sysId":${j(r.sysId)},"table":${j(r.table)}},"truncated":${j(s.truncated)}}`;
  }
  let gaps = '';
  for (let i = 0; i < set.gaps.length; i++) {
    const g = set.gaps[i]!;
    gaps += `${i === 0 ? '' : ','}{"detail":${j(g.detail)},"kind":${j(g.kind)},"reason":${j(g.reason)}}`;
  }
  return `{"gaps":[${gaps}],"requested":${j(set.requested)},"sources":[${sources}],"ticket":{"number":${j(set.ticket.number)},"table":${j(set.ticket.table)}}}`;
}
