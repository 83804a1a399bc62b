/**
 * Grounding: every name, number, address, link and date in a provider's own
 * words must appear in the sources it cites; every quote must appear word for
 * word in its source. The comparison form (`comparable`) forgives case,
 * typography and whitespace, never content.
 */
import { SOURCE_KIND_LABELS, sourceText, type SourceSet } from '../sources.js';
import { entityIn, extractEntities } from '../text/entities.js';
import { comparable } from '../text/unicode.js';
import { memoByText } from '../../util/text-memo.js';

export interface Corpus {
  /** Comparable text of one source; undefined for an unknown id. */
  of(id: string): string | undefined;
  /** Comparable text of every source, the ticket number and the source kinds' names. */
  readonly all: string;
}

/** The comparable form of a source's text (sources are built anew for each hand-off; their texts repeat). */
const comparableText = memoByText(comparable);

/** Corpora already built, per source set (a set is never changed once built): a provider that checks its words and the guard share one. */
const built = new WeakMap<SourceSet, Corpus>();

export function corpusOf(set: SourceSet): Corpus {
  const known = built.get(set);
  if (known !== undefined) return known;
  const texts = new Map(set.sources.map((s) => [s.id, comparableText(sourceText(s))]));
  const all = [comparable([set.ticket.number, ...Object.values(SOURCE_KIND_LABELS), ...set.requested].join('\n')), ...texts.values()].join(' ');
  const corpus: Corpus = { of: (id) => texts.get(id), all };
  built.set(set, corpus);
  return corpus;
}

/** Entities of recent texts: the built-in provider checks its own words before the guard checks them again. */
const entitiesOf = memoByText(extractEntities, 4096);

/** The first entity in `text` found in none of the cited texts, described for the audit; null when all are grounded. */
export function ungroundedEntity(text: string, cited: readonly string[]): string | null {
  for (const entity of entitiesOf(text)) {
    if (!cited.some((corpus) => entityIn(entity, corpus))) return `${entity.kind} "${entity.value.slice(0, 60)}"`;
  }
  return null;
}

/** Whether a quote appears verbatim (in comparable form) in the source text. */
export function quotedIn(quote: string, corpus: string | undefined): boolean {
  if (corpus === undefined) return false;
  const needle = comparable(quote);
  return needle !== '' && corpus.includes(needle);
}
