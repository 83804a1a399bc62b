/**
 * How values from the instance and quotes enter the note: always as data,
 * never as lines of their own (issue 11, "Ticket text is always data").
 *
 * - Every value (a name, a number, a title, a label, a quote) passes through
 *   `neutralise` and is put on one line: a CI named
 *   `x\nAPPROVED by irene.costa …` reads `“x APPROVED by irene.costa …”` on
 *   the line that names it, never as a line of its own, in the body, the
 *   header or the Sources list.
 * - Values are bounded (a 100,000-character CI name is shortened at a word
 *   boundary with an ellipsis); the flag line counts what was joined or
 *   shortened, so the reviewer knows.
 * - A quote is shown in quotation marks; when it is an excerpt (it starts
 *   or ends inside a sentence of its source) an ellipsis marks the cut. The
 *   ellipsis is the note's, never part of the quote the guard checked.
 * - A statement's `{q}` marks are replaced by its quotes in order; quotes
 *   without a mark follow the sentence.
 */
import { QUOTE_MARK, type Quote } from '../output-schema.js';
import { sourceById, SOURCE_KIND_LABELS, type Source, type SourceSet } from '../sources.js';
import type { NeutraliseFlags } from './neutralise.js';

export interface Inert {
  (text: string): string;
  flags(): NeutraliseFlags;
}

export interface DataFlags {
  /** Values that held line breaks, put on one line. */
  readonly joined: number;
  /** Values cut to their bound. */
  readonly shortened: number;
}

/** Longest name, title or label shown, in characters. */
const NAME_CHARS = 120;
/** A user name or a person's name: shown as it is, without quotation marks. */
const PLAIN_NAME = /^[\p{L}][\p{L}\p{N}._@'-]*(?: [\p{L}][\p{L}\p{N}._@'-]*){0,3}$/u;
const TICKET_NUMBER = /^[A-Z]{2,8}\d{4,10}$/;

/** Whitespace, line breaks included, as single spaces. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** A value made inert, put on one line and bounded at a word boundary. */
export function dataValue(raw: string, inert: Inert, max: number): { text: string; joined: boolean; shortened: boolean } {
  const made = inert(raw);
  const joined = /[\n\r\u2028\u2029]/.test(made.trim());
  const flat = oneLine(made);
  if (flat.length <= max) return { text: flat, joined, shortened: false };
  const cut = flat.slice(0, max + 1).search(/\s\S*$/);
  const head = cut > max * 0.5 ? flat.slice(0, cut) : flat.slice(0, max).replace(/[\uD800-\uDBFF]$/, '');
  return { text: `${head.replace(/[\s,;:]+$/, '')}…`, joined, shortened: true };
}

export interface Quoter {
  /** A statement's own words with its quotes in place. */
  sentence(text: string, quotes: readonly Quote[]): string;
  /** One quote, in quotation marks, with an ellipsis where it is an excerpt. */
  quote(q: Quote): string;
  /** A name from the instance: as it is when it is plainly a name, else quoted; one line, bounded. */
  name(text: string): string;
  flags(): DataFlags;
}

export function createQuoter(set: SourceSet, inert: Inert): Quoter {
  let joined = 0;
  let shortened = 0;
  const value = (raw: string, max: number): string => {
    const v = dataValue(raw, inert, max);
    if (v.joined) joined += 1;
    if (v.shortened) shortened += 1;
    return v.text;
  };
  const quote = (q: Quote): string => {
    const cut = excerpt(sourceById(set, q.source), q.text);
    const shown = inert(q.text).replace(/\s*\n\s*/g, ' / ').replace(/\s+/g, ' ').trim();
    return `“${cut.before ? '…' : ''}${shown}${cut.after ? '…' : ''}”`;
  };
  return {
    quote,
    sentence(text, quotes) {
      const parts = oneLine(inert(text)).split(QUOTE_MARK);
      let out = parts[0] ?? '';
      let next = 0;
      for (const part of parts.slice(1)) {
        const q = quotes[next];
        next += 1;
        out += (q === undefined ? '' : quote(q)) + part;
      }
      const rest = quotes.slice(next).map(quote).join(' ');
      return oneLine([out, rest].filter((p) => p.trim() !== '').join(' '));
    },
    name(text) {
      const flat = oneLine(text);
      return PLAIN_NAME.test(flat) && flat.length <= 60 ? value(text, NAME_CHARS) : `“${value(text, NAME_CHARS)}”`;
    },
    flags: () => ({ joined, shortened }),
  };
}

/** Whether a quote starts or ends inside a sentence of its source (then the note marks the cut). */
export function excerpt(source: Source | undefined, text: string): { before: boolean; after: boolean } {
  if (source === undefined) return { before: false, after: false };
  const needle = text.trim();
  // A whole value (a name, a title, a label) is no excerpt, wherever else its words appear.
  if (source.fields.some((f) => f.value.trim() === needle)) return { before: false, after: false };
  for (const field of source.fields) {
    let at = field.value.indexOf(needle);
    let value = field.value;
    if (at < 0) {
      value = field.value.toLowerCase();
      at = value.indexOf(needle.toLowerCase());
    }
    if (at < 0) continue;
    const before = value.slice(0, at);
    const after = value.slice(at + needle.length);
    // A sentence starts after an end mark or a line break; a value starts after its label ("Start time: 08:40").
    const starts = before.trim() === '' || /[.!?]["”’)]*\s+$/.test(before) || /\n\s*$/.test(before) || /(?:^|[\n.!?]\s*)[^\n.!?:]{1,40}:\s*$/.test(before);
    const ends = after.trim() === '' || /^\s*\n/.test(after) || /[.!?]["”’)]*$/.test(needle);
    return { before: !starts, after: !ends };
  }
  return { before: false, after: false };
}

/**
 * The sources, listed once and compactly: the ticket, the work notes with
 * their authors, related tickets by why they are related, the CI. Every
 * value is data: numbers and user names shown as they are when they are
 * plainly that, anything else quoted and on one line.
 */
export function sourceList(set: SourceSet, quoter: Quoter): string[] {
  if (set.sources.length === 0) return ['(none were found)'];
  const lines: string[] = [];
  const cut = (s: Source): string => (s.truncated ? ' (cut to the size limit)' : '');
  const number = (s: Source): string => {
    const n = s.ref.number ?? '';
    return TICKET_NUMBER.test(n) ? n : quoter.name(n === '' ? '(no number)' : n);
  };
  const ids = (list: readonly Source[]): string => (list.length === 1 ? `[${list[0]!.id}]` : `[${list[0]!.id}]–[${list.at(-1)!.id}]`);
  const ticket = set.sources.filter((s) => s.kind === 'ticket_fields');
  for (const s of ticket) lines.push(`[${s.id}] ${number(s)} ticket fields${cut(s)}`);
  const notes = set.sources.filter((s) => s.kind === 'work_notes');
  if (notes.length > 0) {
    const authors = new Map<string, string[]>();
    for (const n of notes) authors.set(n.author ?? 'unknown', [...(authors.get(n.author ?? 'unknown') ?? []), n.id]);
    const by = [...authors].map(([a, list]) => `${quoter.name(a)} (${list.join(', ')})`).join(', ');
    const span = [notes[0]!.at, notes.at(-1)!.at].filter((t): t is string => t !== null).map((t) => t.slice(0, 16));
    const [first = '', last = ''] = [span[0], span.at(-1)];
    const until = last.slice(0, 10) === first.slice(0, 10) ? last.slice(11) : last;
    const when = span.length === 0 ? '' : first === last ? `, ${first} UTC` : `, ${first} to ${until} UTC`;
    lines.push(`${ids(notes)} work notes by ${by}${when}${notes.some((n) => n.truncated) ? ' (some cut to the size limit)' : ''}`);
  }
  for (const kind of ['related_by_ci', 'related_by_caller', 'related_by_group'] as const) {
    const related = set.sources.filter((s) => s.kind === kind);
    if (related.length > 0) lines.push(`${related.map((s) => `[${s.id}] ${number(s)}${cut(s)}`).join(', ')}: ${SOURCE_KIND_LABELS[kind]}`);
  }
  for (const s of set.sources.filter((x) => x.kind === 'ci_record')) lines.push(`[${s.id}] configuration item “${oneLine(quoterValue(quoter, s.ref.ci ?? ''))}”${cut(s)}`);
  return lines;
}

/** A CI name always quoted: its name is free text whatever it looks like. */
function quoterValue(quoter: Quoter, text: string): string {
  const shown = quoter.name(text);
  return shown.startsWith('“') && shown.endsWith('”') ? shown.slice(1, -1) : shown;
}
