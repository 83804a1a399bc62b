/**
 * What the fact extractor (extract.ts) finds, as types its parts and the
 * documents share.
 */
import type { Source, SourceField } from '../sources.js';
import type { Tag } from './classify.js';
import type { Identifier } from './identifiers.js';
import type { Reading } from './measurements.js';
import type { Span } from './sentences.js';
import type { TimeMention } from './times.js';

/** One sentence of one field of one source, and what it holds. */
export interface Said {
  readonly source: Source;
  readonly field: SourceField;
  /** The sentence, with offsets in `field.value`. */
  readonly span: Span;
  readonly tags: ReadonlySet<Tag>;
  readonly readings: readonly Reading[];
  readonly identifiers: readonly Identifier[];
  readonly times: readonly TimeMention[];
  /** Position across all sources, for a stable order. */
  readonly order: number;
}

export interface Measured {
  readonly reading: Reading;
  readonly said: Said;
  /** Every source that states the same value (the first is `said`'s). */
  readonly sources: readonly string[];
}

export interface Named {
  readonly identifier: Identifier;
  readonly said: Said;
  readonly sources: readonly string[];
}

/** A point on the timeline: a time written in a source, or a note being written. */
export interface TimelineEntry {
  readonly at: number;
  readonly source: Source;
  /** The time as written, when the text gave one; null for a note's own time. */
  readonly time: TimeMention | null;
  /** The sentence the time is in; for a note's own time, its first sentence. */
  readonly said: Said | null;
}

export interface FactSheet {
  readonly said: readonly Said[];
  readonly measurements: readonly Measured[];
  readonly identifiers: readonly Named[];
  readonly timeline: readonly TimelineEntry[];
  readonly contradictions: readonly FactContradiction[];
}

export interface FactContradiction {
  /** What the sources disagree about, in words found in the quoted sources. */
  readonly about: string;
  /** What each source says, word for word. */
  readonly claims: readonly { readonly source: string; readonly text: string }[];
}
