/**
 * Labelled facts and the simple contradictions between them. A fact is a
 * field (`Affected site` = `Berlin`) or a `Label: value` line inside a field
 * or note. Two of the ticket's own sources giving different values for the
 * same label (a different start time, a different affected site) is a
 * contradiction the provider reports, quoting both, instead of choosing one
 * (the seed: "No unsupported inference when sources are incomplete or
 * contradictory").
 */
import { OUTPUT_LIMITS, type Contradiction } from '../output-schema.js';
import type { Source } from '../sources.js';
import { sentences } from '../text/instructions.js';
import { comparable } from '../text/unicode.js';

export interface Fact {
  readonly key: string;
  readonly label: string;
  readonly value: string;
  readonly source: Source;
}

const LINE = /^\s*(?:[-*•]\s*)?([\p{L}][\p{L}\p{N} /_-]{1,40}?)\s*[:=]\s*(\S.*?)\s*$/u;
/** Labels whose values change over a ticket's life: a new value is progress, not a contradiction. */
const CHANGING = /status|state|update|next|action|progress|eta|note|comment|description|summary|time ?stamp|updated|work/i;
const MAX_FACT_VALUE = 150;

export function keyOf(label: string): string {
  return comparable(label).replace(/[^\p{L}\p{N} ]/gu, ' ').replace(/\s+/g, ' ').trim();
}

export function factsOf(source: Source): Fact[] {
  const out: Fact[] = [];
  for (const field of source.fields) {
    if (source.kind !== 'work_notes' && field.value.length <= MAX_FACT_VALUE && !field.value.includes('\n')) {
      out.push({ key: keyOf(field.label), label: field.label, value: field.value.trim(), source });
    }
    for (const line of field.value.split('\n').flatMap(sentences)) {
      const match = LINE.exec(line);
      if (match === null) continue;
      const [, label = '', raw = ''] = match;
      const value = raw.replace(/[.;,]+$/, '');
      if (value.length > MAX_FACT_VALUE || /^\/\//.test(value)) continue;
      out.push({ key: keyOf(label), label: label.trim(), value: value.trim(), source });
    }
  }
  return out.filter((f) => f.key !== '' && f.value !== '');
}

/** Contradictions among the given sources (the current ticket's own: fields and work notes). */
export function contradictionsIn(sources: readonly Source[]): Contradiction[] {
  const byKey = new Map<string, Fact[]>();
  for (const fact of sources.flatMap(factsOf)) {
    if (CHANGING.test(fact.key)) continue;
    byKey.set(fact.key, [...(byKey.get(fact.key) ?? []), fact]);
  }
  const out: Contradiction[] = [];
  for (const facts of byKey.values()) {
    const distinct = new Map<string, Fact>();
    for (const fact of facts) if (!distinct.has(comparable(fact.value))) distinct.set(comparable(fact.value), fact);
    const claimed = [...distinct.values()];
    const fromSources = new Set(claimed.map((f) => f.source.id));
    if (claimed.length < 2 || fromSources.size < 2) continue;
    const first = claimed[0];
    if (first === undefined) continue;
    out.push({
      about: first.label.slice(0, OUTPUT_LIMITS.contradictionAboutChars),
      claims: claimed.slice(0, OUTPUT_LIMITS.claimsPerContradiction).map((f) => ({ source: f.source.id, text: f.value.slice(0, OUTPUT_LIMITS.quoteChars) })),
    });
    if (out.length >= OUTPUT_LIMITS.contradictions) break;
  }
  return out;
}
