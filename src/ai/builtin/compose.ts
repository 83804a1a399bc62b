/**
 * Small builders the built-in provider composes outputs from. Two kinds of
 * text go into an output:
 *
 * - quotes: spans of a source, verbatim, each a whole sentence or a clause
 *   cut at word boundaries (the note marks an excerpt with an ellipsis).
 *   Every name, title, label and sentence from the instance enters only this
 *   way, as data;
 * - the provider's own words: fixed template words around numbers,
 *   identifiers, times and measure names exactly as the source writes them.
 *   Before a sentence of its own is emitted it is checked the way the output
 *   guard will check it (no markup, no claim of an action, every name and
 *   number in the cited sources, one line); a sentence that would fail is
 *   replaced by a quote of its source, so ticket text can never make the
 *   guard reject the output.
 */
import { findMarkup } from '../text/markup.js';
import { findActionClaim } from '../text/action-claims.js';
import { ungroundedEntity } from '../guard/grounding.js';
import { OUTPUT_LIMITS, QUOTE_MARK, type Quote, type Statement } from '../output-schema.js';
import type { Source, SourceField } from '../sources.js';
import { boundSpan, type Span } from '../facts/sentences.js';
import type { Said } from '../facts/extract.js';
import type { Ctx } from './context.js';

export function statement(text: string, sources: readonly string[], quotes: readonly Quote[] = []): Statement {
  return { text, quotes: [...quotes], sources: [...new Set([...sources, ...quotes.map((q) => q.source)])].slice(0, OUTPUT_LIMITS.sourcesPerStatement) };
}

/** A quote of `text` from `source`: verbatim, at most `max` characters, cut at a word boundary; null when empty. */
export function quote(source: Source, text: string, max: number = OUTPUT_LIMITS.quoteChars): Quote | null {
  const bounded = boundSpan({ text: text.trim(), start: 0, end: text.trim().length }, max).text;
  return bounded === '' ? null : { source: source.id, text: bounded };
}

/** A quote of a sentence or clause the extractor found. */
export function quoteSpan(said: Said, span: Span = said.span, max?: number): Quote | null {
  return quote(said.source, span.text, max);
}

const MAYBE_MARKUP = /[[<>&]|javascript|vbscript|data:|[^\x20-\x7E]/i;

/**
 * Whether the provider's own words would pass the guard: one line, no
 * markup, no claim of an action, every name, number and identifier found
 * in the cited sources. The built-in provider never emits words that fail.
 */
export function ownWordsPass(ctx: Ctx, text: string, sources: readonly string[]): boolean {
  if (text.includes('\n') || text.length > OUTPUT_LIMITS.statementChars) return false;
  const bare = text.split(QUOTE_MARK).join(' ');
  // Markup needs a bracket, an angle, an ampersand, a script scheme or a character outside printable ASCII.
  if (MAYBE_MARKUP.test(bare) && findMarkup(bare) !== null) return false;
  if (findActionClaim(bare) !== null) return false;
  return ungroundedEntity(bare, sources.map((id) => ctx.corpus.of(id) ?? '')) === null;
}

/** A statement in the provider's words when they pass; otherwise `fallback` (usually a plain quote of the source). */
export function said(ctx: Ctx, text: string, sources: readonly string[], quotes: readonly (Quote | null)[], fallback: () => Statement | null): Statement | null {
  const kept = quotes.filter((q): q is Quote => q !== null);
  const marks = text.split(QUOTE_MARK).length - 1;
  const ids = [...new Set([...sources, ...kept.map((q) => q.source)])];
  if (marks <= kept.length && ownWordsPass(ctx, text, ids)) return spend(ctx, statement(text, ids, kept));
  return fallback();
}

/** A quote with nothing of the provider's own but where it goes: "{q} [S1]". */
export function quoted(ctx: Ctx, q: Quote | null, also: readonly string[] = []): Statement | null {
  if (q === null) return null;
  return spend(ctx, statement(QUOTE_MARK, [q.source, ...also], [q]));
}

/** Counts a statement against the size budget; null once the budget is spent. */
export function spend(ctx: Ctx, s: Statement): Statement | null {
  const want = s.text.length + s.quotes.reduce((n, q) => n + q.text.length, 0) + 40;
  return ctx.budget.take(want) < want ? null : s;
}

/** A field of a source by name (first match), or undefined. */
export function fieldOf(source: Source | undefined, ...names: readonly string[]): SourceField | undefined {
  if (source === undefined) return undefined;
  for (const name of names) {
    const found = source.fields.find((f) => f.name === name);
    if (found !== undefined && found.value.trim() !== '') return found;
  }
  return undefined;
}

/** A quote of a whole field value (a label, a name, a title), bounded. */
export function valueQuote(source: Source | undefined, ...names: readonly string[]): Quote | null {
  const field = fieldOf(source, ...names);
  return source === undefined || field === undefined ? null : quote(source, field.value.split('\n')[0] ?? '', 160);
}

/** A key for a sentence, so no sentence is quoted twice in one output. */
export function keyOf(s: Said): string {
  return `${s.source.id}:${s.field.name}:${s.span.start}`;
}

/** Marks a sentence quoted; false when it already was. */
export function claim(ctx: Ctx, s: Said): boolean {
  const key = keyOf(s);
  if (ctx.quoted.has(key) || ctx.restated.has(key)) return false;
  ctx.quoted.add(key);
  return true;
}

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "a, b and c". */
export function listOf(parts: readonly string[]): string {
  return parts.length <= 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1) ?? ''}`;
}
