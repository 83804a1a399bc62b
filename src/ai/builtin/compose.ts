/**
 * Small builders the built-in provider composes outputs from. Ticket text
 * only ever enters an output as a verbatim quote (data), never as the
 * provider's own words; the provider's words are fixed templates around
 * labels, ticket numbers, authors and times, all of which are in the cited
 * source, so the guard's grounding check holds for every statement.
 */
import { OUTPUT_LIMITS, type Gap, type Quote, type Statement } from '../output-schema.js';
import type { Source, SourceField } from '../sources.js';
import { sentences } from '../text/instructions.js';

/** Keeps the output under the guard's total-size limit, with room to spare. */
export class Budget {
  private left: number;
  exhausted = false;
  constructor(chars = OUTPUT_LIMITS.totalChars - 1000) {
    this.left = chars;
  }
  /** Reserves up to `want` characters; returns how many were granted. */
  take(want: number): number {
    const got = Math.max(0, Math.min(want, this.left));
    this.left -= got;
    if (got < want) this.exhausted = true;
    return got;
  }
  get remaining(): number {
    return this.left;
  }
}

/** Consecutive verbatim chunks of `value`, cut at spaces, at most `max` of them and `chars` characters in all. */
export function chunks(value: string, max: number, chars: number): { parts: string[]; complete: boolean } {
  const parts: string[] = [];
  let rest = value.trim();
  let room = chars;
  while (rest !== '' && parts.length < max && room > 0) {
    const limit = Math.min(OUTPUT_LIMITS.quoteChars, room);
    let piece = rest;
    if (piece.length > limit) {
      const cut = piece.lastIndexOf(' ', limit);
      piece = piece.slice(0, cut > limit * 0.5 ? cut : limit);
      const code = piece.charCodeAt(piece.length - 1);
      if (code >= 0xd800 && code <= 0xdbff) piece = piece.slice(0, -1);
    }
    piece = piece.trim();
    if (piece === '') break;
    parts.push(piece);
    room -= piece.length;
    rest = rest.slice(rest.indexOf(piece) + piece.length).trim();
  }
  return { parts, complete: rest === '' };
}

export function statement(text: string, sources: readonly string[], quotes: readonly Quote[] = []): Statement {
  return { text, quotes: [...quotes], sources: [...new Set([...sources, ...quotes.map((q) => q.source)])] };
}

/** "The Short description field of INC0002041 reads: …" with the value quoted (several chunks when long). */
export function fieldStatement(source: Source, field: SourceField, owner: string, budget: Budget, maxChunks = 2): Statement | null {
  const room = grant(budget, Math.min(field.value.length, maxChunks * OUTPUT_LIMITS.quoteChars));
  if (room === 0) return null;
  const { parts, complete } = chunks(field.value, maxChunks, room);
  if (parts.length === 0) return null;
  const verb = complete ? 'reads' : 'begins';
  return statement(`The ${field.label} field of ${owner} ${verb}:`, [source.id], parts.map((text) => ({ source: source.id, text })));
}

/** Who or what a source is, in template words grounded in the source itself. */
export function describe(source: Source): string {
  switch (source.kind) {
    case 'work_notes':
      return `Work note by ${source.author ?? 'an unknown author'} at ${source.at ?? 'an unknown time'}`;
    case 'ci_record':
      return `The configuration item ${source.ref.ci ?? ''}`.trim();
    case 'ticket_fields':
      return `Ticket ${source.ref.number ?? ''}`.trim();
    default:
      return `Related ticket ${source.ref.number ?? ''}`.trim();
  }
}

/** A whole work note quoted, under its author and time. */
export function noteStatement(source: Source, budget: Budget, maxChunks = 2): Statement | null {
  const value = source.fields[0]?.value ?? '';
  const room = grant(budget, Math.min(value.length, maxChunks * OUTPUT_LIMITS.quoteChars));
  if (room === 0) return null;
  const { parts, complete } = chunks(value, maxChunks, room);
  if (parts.length === 0) return null;
  return statement(`${describe(source)} ${complete ? 'reads' : 'begins'}:`, [source.id], parts.map((text) => ({ source: source.id, text })));
}

/** A record in one statement: up to three of its fields, each quoted (first chunk). */
export function recordStatement(source: Source, lead: string, preferred: readonly string[], budget: Budget): Statement | null {
  const fields = pick(source.fields, preferred, OUTPUT_LIMITS.quotesPerStatement);
  if (fields.length === 0) return null;
  const want = fields.reduce((n, f) => n + Math.min(f.value.length, 200), 0);
  const room = grant(budget, want);
  if (room === 0) return null;
  const share = room / want;
  const quotes = fields.map((f) => ({ source: source.id, text: chunks(f.value, 1, Math.max(20, Math.floor(Math.min(f.value.length, 200) * share))).parts[0] ?? '' })).filter((q) => q.text !== '');
  const labels = fields.map((f) => f.label);
  const list = labels.length === 1 ? labels[0] : `${labels.slice(0, -1).join(', ')} and ${labels.at(-1) ?? ''}`;
  return statement(`${lead} lists ${list}:`, [source.id], quotes);
}

/** Sentences of a source that match, each quoted under the source's description. */
export function sentenceStatements(source: Source, pattern: RegExp, budget: Budget, max = 4): Statement[] {
  const out: Statement[] = [];
  for (const field of source.fields) {
    for (const sentence of sentences(field.value)) {
      if (out.length >= max || !pattern.test(sentence)) continue;
      const room = grant(budget, Math.min(sentence.length, OUTPUT_LIMITS.quoteChars));
      if (room === 0) return out;
      const quote = chunks(sentence, 1, room).parts[0];
      if (quote === undefined) continue;
      const where = source.kind === 'ticket_fields' ? `The ${field.label} field of ${source.ref.number ?? ''}` : describe(source);
      out.push(statement(`${where} says:`, [source.id], [{ source: source.id, text: quote }]));
    }
  }
  return out;
}

/** Characters of quote a statement may use: what it wants, or what is left if that is still worth quoting; 0 for nothing. */
function grant(budget: Budget, want: number): number {
  const got = budget.take(want + TEMPLATE_CHARS);
  const room = got - TEMPLATE_CHARS;
  return room >= Math.min(want, 40) ? room : 0;
}

/** Room kept for a statement's own template words. */
const TEMPLATE_CHARS = 120;

export function pick(fields: readonly SourceField[], preferred: readonly string[], max: number): SourceField[] {
  const chosen = preferred.map((name) => fields.find((f) => f.name === name)).filter((f): f is SourceField => f !== undefined);
  for (const f of fields) if (chosen.length < max && !chosen.includes(f)) chosen.push(f);
  return chosen.slice(0, max);
}

export function gapOf(kind: Gap['kind'], text: string): Gap {
  return { kind, text };
}

/** Fields whose names say they hold the record's state, for "current state" sections. */
export const STATE_FIELDS = /(?:^|_)(?:state|status|stage|approval|priority|impact|urgency|substate|request_state|incident_state)$/;
export const SUMMARY_FIELDS = ['short_description', 'state', 'close_notes', 'close_code', 'resolved_at', 'priority'];
