/**
 * What any provider returns, per output kind: one strict zod schema (strict
 * at every depth: with zod 4 a plain z.object nested in a strict one silently
 * drops an extra `close_ticket: true`; ../shared/reference/llm-security.md,
 * "What to do with output"). Free text is kept to a few bounded fields; the
 * structure (kinds, variants, headings, statuses) is enums our own template
 * renders into words.
 *
 * - A statement is the provider's own sentence plus verbatim quotes, citing
 *   one or more source ids. Quotes are data: the guard checks each appears
 *   word for word in its source. The sentence may mark where each quote
 *   belongs with `{q}` (in order); the note renders the quote there, in
 *   quotation marks, and any quote without a mark after the sentence.
 * - Each kind and form has a document shape (`DOCUMENT_SHAPES`): the
 *   sections its reader expects, in order. The built-in provider composes
 *   it and a configured model is asked for it (prompt/instructions.ts).
 * - Checklist items can only be `to_validate` or `not_started`: validating is
 *   the human's decision (the seed: "Checklist assistance may not replace the
 *   human validation decision itself").
 * - `gaps` say what is missing; `contradictions` say which sources disagree
 *   about what, quoting each.
 */
import { z } from 'zod';
import { OUTPUT_KINDS, SourceKind, type OutputKind } from '../domain/operation.js';
import { SourceId } from './sources.js';

/** Size limits of an output. The guard also bounds the raw text and the total. */
export const OUTPUT_LIMITS = {
  /** Characters in a statement's own text. */
  statementChars: 400,
  /** Characters in one quote. */
  quoteChars: 300,
  quotesPerStatement: 6,
  sourcesPerStatement: 6,
  statementsPerSection: 25,
  sections: 8,
  checklistItems: 30,
  checklistItemChars: 300,
  gaps: 12,
  gapChars: 200,
  contradictions: 12,
  contradictionAboutChars: 120,
  claimsPerContradiction: 4,
  /** Characters across every text field of the output together. */
  totalChars: 16_000,
  /** Characters of the raw JSON text a provider returns. */
  rawChars: 64_000,
} as const;

/** Variants say which of a kind's forms the output is; our template names them. */
export const VARIANTS = {
  evidence_pack: ['standard'],
  baseline_comparison: ['standard'],
  draft: ['vendor_escalation', 'status_update', 'review_summary', 'tradeoff_brief', 'dependency_summary'],
  approval_reminder: ['standard'],
  checklist: ['pre_check', 'rollback', 'least_privilege', 'validation'],
  summary: ['standard', 'review_summary', 'dependency_summary'],
  history_note: ['standard'],
} as const satisfies Record<OutputKind, readonly [string, ...string[]]>;
export type Variant<K extends OutputKind = OutputKind> = (typeof VARIANTS)[K][number];

/** Section headings each kind may use; the note renders sections in the order the output gives them. */
export const HEADINGS = {
  evidence_pack: ['summary', 'measurements', 'impact', 'references', 'configuration_item', 'statements', 'timeline', 'related', 'flagged', 'ticket', 'work_notes', 'observations'],
  baseline_comparison: ['summary', 'baseline', 'comparison', 'without_baseline', 'related', 'flagged', 'differences', 'similarities', 'observations'],
  draft: [
    'subject', 'affected', 'symptoms', 'measurements', 'checked', 'ask', 'references', 'summary', 'facts', 'current_state', 'actions', 'next_update',
    'context', 'impact', 'timeline', 'evidence', 'request', 'options', 'trade_offs', 'dependencies', 'risks', 'decision_needed', 'history', 'open_questions', 'flagged',
  ],
  approval_reminder: ['pending_approval', 'request_details', 'deadline', 'open_questions', 'flagged'],
  checklist: ['context', 'alternatives', 'flagged'],
  summary: ['summary', 'facts', 'measurements', 'history', 'dependencies', 'related', 'risks', 'decision_needed', 'evidence', 'open_questions', 'flagged'],
  history_note: ['history', 'current_state', 'next_steps', 'open_questions', 'flagged'],
} as const satisfies Record<OutputKind, readonly [string, ...string[]]>;
export type Heading<K extends OutputKind = OutputKind> = (typeof HEADINGS)[K][number];

/**
 * The document each kind and form is: its sections in the order its reader
 * expects (issue 12, "Documents, not dumps"). A section with nothing to say
 * is left out; what is missing goes in `gaps`. Every form may end with
 * `flagged`: links, markup and text addressed to the AI found in the
 * sources, quoted as data.
 */
export const DOCUMENT_SHAPES: { readonly [K in OutputKind]: { readonly [V in Variant<K>]: readonly Heading<K>[] } } = {
  evidence_pack: { standard: ['summary', 'measurements', 'impact', 'references', 'configuration_item', 'statements', 'timeline', 'related', 'flagged'] },
  baseline_comparison: { standard: ['summary', 'baseline', 'comparison', 'without_baseline', 'related', 'flagged'] },
  draft: {
    vendor_escalation: ['subject', 'affected', 'symptoms', 'measurements', 'checked', 'ask', 'references', 'flagged'],
    status_update: ['impact', 'current_state', 'actions', 'next_update', 'flagged'],
    review_summary: ['summary', 'facts', 'history', 'risks', 'decision_needed', 'flagged'],
    tradeoff_brief: ['context', 'options', 'trade_offs', 'dependencies', 'risks', 'decision_needed', 'references', 'flagged'],
    dependency_summary: ['context', 'dependencies', 'risks', 'references', 'flagged'],
  },
  approval_reminder: { standard: ['pending_approval', 'request_details', 'deadline', 'flagged'] },
  checklist: { pre_check: ['context', 'flagged'], rollback: ['context', 'flagged'], least_privilege: ['context', 'alternatives', 'flagged'], validation: ['context', 'flagged'] },
  summary: {
    standard: ['summary', 'facts', 'history', 'related', 'flagged'],
    review_summary: ['summary', 'facts', 'history', 'risks', 'decision_needed', 'flagged'],
    dependency_summary: ['summary', 'dependencies', 'related', 'risks', 'flagged'],
  },
  history_note: { standard: ['history', 'current_state', 'next_steps', 'flagged'] },
};

/** The placeholder in a statement's text where its next quote belongs. */
export const QUOTE_MARK = '{q}';

export const CHECKLIST_STATUSES = ['to_validate', 'not_started'] as const;

const L = OUTPUT_LIMITS;

export const Quote = z.strictObject({
  source: SourceId,
  text: z.string().min(1).max(L.quoteChars),
});
export type Quote = z.infer<typeof Quote>;

export const Statement = z.strictObject({
  text: z.string().min(1).max(L.statementChars),
  quotes: z.array(Quote).max(L.quotesPerStatement),
  sources: z.array(SourceId).min(1).max(L.sourcesPerStatement),
});
export type Statement = z.infer<typeof Statement>;

export const ChecklistItem = z.strictObject({
  /** The step, in the provider's words; `{q}` marks where each quote belongs. */
  text: z.string().min(1).max(L.checklistItemChars),
  /** What the step is about, word for word from a source (the access item, the CI): data, checked like a statement's quotes. */
  quotes: z.array(Quote).max(L.quotesPerStatement),
  status: z.enum(CHECKLIST_STATUSES),
  sources: z.array(SourceId).min(1).max(L.sourcesPerStatement),
});
export type ChecklistItem = z.infer<typeof ChecklistItem>;

export const Gap = z.strictObject({
  /** The kind of source that is missing or incomplete; `other` for a missing fact. */
  kind: z.enum([...SourceKind.options, 'other']),
  text: z.string().min(1).max(L.gapChars),
});
export type Gap = z.infer<typeof Gap>;

export const Claim = z.strictObject({
  source: SourceId,
  /** What this source says, word for word. */
  text: z.string().min(1).max(L.quoteChars),
});
export type Claim = z.infer<typeof Claim>;

export const Contradiction = z.strictObject({
  /** The fact the sources disagree about ("start time"). */
  about: z.string().min(1).max(L.contradictionAboutChars),
  claims: z.array(Claim).min(2).max(L.claimsPerContradiction),
});
export type Contradiction = z.infer<typeof Contradiction>;

function sectionOf<K extends OutputKind>(kind: K) {
  return z.strictObject({
    heading: z.enum(HEADINGS[kind]),
    statements: z.array(Statement).max(L.statementsPerSection),
  });
}

function schemaFor<K extends OutputKind>(kind: K) {
  return z.strictObject({
    kind: z.literal(kind),
    variant: z.enum(VARIANTS[kind]),
    sections: z.array(sectionOf(kind)).max(L.sections),
    gaps: z.array(Gap).max(L.gaps),
    contradictions: z.array(Contradiction).max(L.contradictions),
  });
}

/** The checklist kind alone carries items. */
const ChecklistOutput = z.strictObject({
  kind: z.literal('checklist'),
  variant: z.enum(VARIANTS.checklist),
  sections: z.array(sectionOf('checklist')).max(L.sections),
  items: z.array(ChecklistItem).min(1).max(L.checklistItems),
  gaps: z.array(Gap).max(L.gaps),
  contradictions: z.array(Contradiction).max(L.contradictions),
});

export const OUTPUT_SCHEMAS = {
  evidence_pack: schemaFor('evidence_pack'),
  baseline_comparison: schemaFor('baseline_comparison'),
  draft: schemaFor('draft'),
  approval_reminder: schemaFor('approval_reminder'),
  checklist: ChecklistOutput,
  summary: schemaFor('summary'),
  history_note: schemaFor('history_note'),
} as const;

/** Any provider output, discriminated by kind. */
export const AiOutput = z.discriminatedUnion('kind', [
  OUTPUT_SCHEMAS.evidence_pack,
  OUTPUT_SCHEMAS.baseline_comparison,
  OUTPUT_SCHEMAS.draft,
  OUTPUT_SCHEMAS.approval_reminder,
  OUTPUT_SCHEMAS.checklist,
  OUTPUT_SCHEMAS.summary,
  OUTPUT_SCHEMAS.history_note,
]);
export type AiOutput = z.infer<typeof AiOutput>;
export type OutputOf<K extends OutputKind> = Extract<AiOutput, { kind: K }>;
export type Section = AiOutput['sections'][number];

export function outputSchemaFor(kind: OutputKind): z.ZodType<AiOutput> {
  return OUTPUT_SCHEMAS[kind];
}

/** The items of a checklist output, or none. */
export function itemsOf(output: AiOutput): readonly ChecklistItem[] {
  return output.kind === 'checklist' ? output.items : [];
}

/** Sum of characters over every text field: the guard's total-size limit. */
export function totalChars(output: AiOutput): number {
  let n = 0;
  for (const section of output.sections) {
    for (const s of section.statements) n += s.text.length + s.quotes.reduce((a, q) => a + q.text.length, 0);
  }
  for (const item of itemsOf(output)) n += item.text.length + item.quotes.reduce((a, q) => a + q.text.length, 0);
  for (const gap of output.gaps) n += gap.text.length;
  for (const c of output.contradictions) n += c.about.length + c.claims.reduce((a, q) => a + q.text.length, 0);
  return n;
}

export { OUTPUT_KINDS };
