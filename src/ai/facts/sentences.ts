/**
 * Sentences and clauses with their offsets in the text they come from, so a
 * quote can be a whole sentence, or a clause that starts and ends at a word
 * boundary and is marked as an excerpt where it is one. A sentence ends at
 * `.`, `!` or `?` followed by a space and a capital, a digit or a quote, or
 * at a line break; "e.g. ", "approx. " and the dots inside "10.2.7" or
 * "corp.example.com" end nothing.
 */

export interface Span {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

const ABBREVIATIONS = /\b(?:e\.g|i\.e|approx|vs|nr|dr|mr|mrs|fig|cf|incl)\.$/i;

export function sentencesOf(text: string): Span[] {
  const out: Span[] = [];
  let start = 0;
  const push = (end: number): void => {
    const raw = text.slice(start, end);
    const lead = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    if (trimmed !== '') out.push({ text: trimmed, start: start + lead, end: start + lead + trimmed.length });
  };
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i]!;
    if (c === '\n') {
      push(i);
      start = i + 1;
      continue;
    }
    if (c !== '.' && c !== '!' && c !== '?') continue;
    // Closing quotes and brackets stay with the sentence they end.
    let end = i + 1;
    while (end < text.length && /["'”’)\]]/.test(text[end]!)) end += 1;
    const next = text.slice(end, end + 2);
    if (!/^\s/.test(next) && end < text.length) continue;
    const after = text.slice(end).trimStart();
    if (after !== '' && !/^[\p{Lu}\p{N}"'“‘([]/u.test(after)) continue;
    if (c === '.' && ABBREVIATIONS.test(text.slice(Math.max(start, i - 8), i + 1))) continue;
    push(end);
    start = end;
    i = end - 1;
  }
  push(text.length);
  return out;
}

/**
 * The clauses of a sentence: split at `;`, at `, ` and at `: ` outside
 * brackets, so "data-plane CPU 81% (baseline about 45%)" stays one clause.
 */
export function clausesOf(sentence: Span): Span[] {
  const known = clauseCache.get(sentence);
  if (known !== undefined) return known;
  const out = splitClauses(sentence);
  clauseCache.set(sentence, out);
  return out;
}

/** Clauses per sentence span (spans are never changed once made; several readers ask for the same sentence's clauses). */
const clauseCache = new WeakMap<Span, Span[]>();

function splitClauses(sentence: Span): Span[] {
  const out: Span[] = [];
  const text = sentence.text;
  let depth = 0;
  let start = 0;
  const push = (end: number): void => {
    const raw = text.slice(start, end);
    const lead = raw.length - raw.trimStart().length;
    // The last clause keeps the sentence's own end (so it quotes as a whole sentence's tail); others lose their separator.
    const trimmed = end === text.length ? raw.trim() : raw.trim().replace(/[.;,:!?]+$/, '');
    if (trimmed !== '') out.push({ text: trimmed, start: sentence.start + start + lead, end: sentence.start + start + lead + trimmed.length });
  };
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i]!;
    if (c === '(' || c === '[') depth += 1;
    else if ((c === ')' || c === ']') && depth > 0) depth -= 1;
    else if (depth === 0 && (c === ';' || ((c === ',' || c === ':') && text[i + 1] === ' '))) {
      push(i);
      start = i + 1;
    }
  }
  push(text.length);
  return out;
}

/** The span of `text` that holds offsets `start`..`end`, widened to whole words. */
export function wordSpan(text: string, start: number, end: number): Span {
  let s = Math.max(0, start);
  let e = Math.min(text.length, end);
  while (s > 0 && /[\p{L}\p{N}]/u.test(text[s - 1]!)) s -= 1;
  while (e < text.length && /[\p{L}\p{N}]/u.test(text[e]!)) e += 1;
  return { text: text.slice(s, e), start: s, end: e };
}

/**
 * At most `max` characters of a span, cut at the last word boundary that
 * fits (never inside a word), or the whole span when it fits.
 */
export function boundSpan(span: Span, max: number): Span {
  if (span.text.length <= max) return span;
  const slice = span.text.slice(0, max + 1);
  const cut = slice.search(/\s\S*$/);
  const text = (cut > 0 ? slice.slice(0, cut) : span.text.slice(0, max).replace(/[\p{L}\p{N}]+$/u, '').replace(/[\uD800-\uDBFF]$/, '')).replace(/[\s,;:(-]+$/, '');
  return { text, start: span.start, end: span.start + text.length };
}
