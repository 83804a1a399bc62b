/**
 * What every built-in composition starts from: the sources sorted by kind,
 * the facts extracted from them, the operator's note as a ranking (it
 * steers which facts come first, never what may be said), a size budget,
 * the guard's own corpus for checking the provider's words before they are
 * emitted, and the gaps and contradictions every output reports.
 */
import { corpusOf, type Corpus } from '../guard/grounding.js';
import type { ProviderInput } from '../provider-types.js';
import type { Gap, Statement } from '../output-schema.js';
import { SOURCE_KIND_LABELS, sourcesOfKind, type Source } from '../sources.js';
import { extractFacts, type FactSheet } from '../facts/extract.js';
import { steering, type Steering } from '../facts/steer.js';
import { Budget } from './size-budget.js';

export interface Ctx {
  readonly input: ProviderInput;
  readonly budget: Budget;
  readonly number: string;
  readonly ticket: Source | undefined;
  readonly notes: readonly Source[];
  readonly related: readonly Source[];
  readonly ci: Source | undefined;
  readonly facts: FactSheet;
  readonly corpus: Corpus;
  /** How much a sentence (or, with `.text`, any text) matches the operator's note (0 without a note): higher comes first. */
  readonly weight: Steering;
  /** Sentences already quoted in this output (by source and offset), so none is quoted twice. */
  readonly quoted: Set<string>;
  /** Sentences whose figures a measurement line restated: not quoted again, except for the time they give. */
  readonly restated: Set<string>;
}

export function contextOf(input: ProviderInput): Ctx {
  const set = input.sources;
  return {
    input,
    budget: new Budget(),
    number: set.ticket.number,
    ticket: sourcesOfKind(set, 'ticket_fields')[0],
    notes: sourcesOfKind(set, 'work_notes'),
    related: set.sources.filter((s) => s.kind.startsWith('related_')),
    ci: sourcesOfKind(set, 'ci_record')[0],
    facts: extractFacts(set.sources),
    // The guard's own corpus, built once for the set and shared with the guard.
    corpus: corpusOf(set),
    weight: steering(input.note),
    quoted: new Set(),
    restated: new Set(),
  };
}

/** Gaps: every requested source that is missing or cut, in words, plus what the composition adds. */
export function gapsOf(ctx: Ctx, extra: readonly Gap[] = []): Gap[] {
  const gaps: Gap[] = ctx.input.sources.gaps.map((g) => ({ kind: g.kind, text: gapText(g.reason, SOURCE_KIND_LABELS[g.kind], g.kind !== 'ci_record') }));
  if (ctx.budget.exhausted) gaps.push({ kind: 'other', text: 'The output reached its size limit; not every fact is listed.' });
  return [...gaps, ...extra].slice(0, 12);
}

function gapText(reason: string, what: string, plural: boolean): string {
  const [were, are, them] = plural ? ['were', 'are', 'them'] : ['was', 'is', 'it'];
  switch (reason) {
    case 'none_found':
      return `No ${what} ${were} found; this output does not cover ${them}.`;
    case 'empty':
      return `The ${what} ${are} empty; this output does not cover ${them}.`;
    case 'unreadable':
      return `The ${what} could not be read; this output does not cover ${them}.`;
    default:
      return `The ${what} ${were} cut to the size limits; this output covers only part of ${them}.`;
  }
}

/** Contradictions among the ticket's own fields and work notes, as the fact extractor found them. */
export function contradictionsOf(ctx: Ctx) {
  return ctx.facts.contradictions.map((c) => ({ about: c.about, claims: c.claims.map((claim) => ({ ...claim })) }));
}

/** The sections of a document in its shape's order; empty ones dropped, statements capped. */
export function sections<H extends string>(entries: readonly (readonly [H, readonly (Statement | null)[]])[]): { heading: H; statements: Statement[] }[] {
  return entries
    .map(([heading, statements]) => ({ heading, statements: statements.filter((s): s is Statement => s !== null).slice(0, 25) }))
    .filter((s) => s.statements.length > 0);
}
