/**
 * Scores a rendered note the way issue 12 measures it: the key facts it
 * states (recall), raw choice codes where a label belongs, quotes cut inside
 * a word, phrases of the old field dump, and its length in lines. Used by
 * the rubric tests and by `npm run bench -- ai`.
 */
import { itemsOf, type AiOutput, type Quote } from '../../src/ai/output-schema.js';
import { sourceById, type SourceSet } from '../../src/ai/sources.js';
import type { KeyFact } from '../fixtures/ai/rubric.js';

export interface NoteScore {
  readonly found: readonly string[];
  readonly missing: readonly string[];
  /** Raw values shown where the instance has a label ("“2”" for "In Progress"). */
  readonly rawCodes: readonly string[];
  /** Quotes that start or end inside a word of their source. */
  readonly cuts: readonly string[];
  /** Phrases of the field dump the note must not use. */
  readonly dump: readonly string[];
  readonly lines: number;
}

/** Phrases of the old field-by-field rendering. */
const DUMP = [/field of /i, /reads “/, / begins: “/, /lists Short description/];

export function scoreNote(note: string, output: AiOutput, sources: SourceSet, facts: readonly KeyFact[] = []): NoteScore {
  const lines = note.split('\n');
  const found = facts.filter((f) => lines.some((l) => f.pattern.test(l))).map((f) => f.name);
  return {
    found,
    missing: facts.map((f) => f.name).filter((n) => !found.includes(n)),
    rawCodes: rawCodesIn(note, sources),
    cuts: quotesOf(output).filter((q) => cutInsideWord(q, sources)).map((q) => `${q.source}: ${q.text.slice(0, 60)}`),
    dump: DUMP.filter((p) => p.test(note)).map(String),
    lines: lines.length,
  };
}

function rawCodesIn(note: string, sources: SourceSet): string[] {
  const out = new Set<string>();
  for (const source of sources.sources) {
    for (const field of source.fields) {
      if (field.raw === undefined) continue;
      const raw = field.raw.trim();
      if (note.includes(`“${raw}”`) || note.includes(`${field.label}: ${raw}\n`) || (/^[a-z]+(?:_[a-z]+)+$/.test(raw) && note.includes(raw))) out.add(`${source.id} ${field.name}=${raw}`);
    }
  }
  return [...out];
}

function quotesOf(output: AiOutput): Quote[] {
  return [...output.sections.flatMap((s) => s.statements.flatMap((st) => st.quotes)), ...itemsOf(output).flatMap((i) => i.quotes), ...output.contradictions.flatMap((c) => c.claims)];
}

const WORD = /[\p{L}\p{N}]/u;

/** Whether a quote begins or ends in the middle of a word of its source (a quote not found verbatim is the guard's business). */
export function cutInsideWord(q: Quote, sources: SourceSet): boolean {
  const source = sourceById(sources, q.source);
  for (const field of source?.fields ?? []) {
    const at = field.value.indexOf(q.text);
    if (at < 0) continue;
    const before = field.value.charAt(at - 1);
    const after = field.value.charAt(at + q.text.length);
    const first = q.text.charAt(0);
    const last = q.text.charAt(q.text.length - 1);
    return (before !== '' && WORD.test(before) && WORD.test(first)) || (after !== '' && WORD.test(after) && WORD.test(last));
  }
  return false;
}
