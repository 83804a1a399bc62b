/**
 * The checkable things in a sentence: URLs, e-mail addresses, IP addresses,
 * host names, numbers (dates and times are numbers here) and names
 * (capitalised words). The guard requires each to appear in the sources a
 * statement cites; an invented name, date, amount or link is how a
 * hallucination or an injected instruction shows.
 */
import { comparable } from './unicode.js';

export type EntityKind = 'url' | 'email' | 'ip' | 'host' | 'id' | 'number' | 'name';

export interface Entity {
  readonly kind: EntityKind;
  readonly value: string;
}

const URL = /\b(?:https?|hxxps?|ftp|file|javascript|data|vbscript):[^\s"'<>()\][{}]+|\bwww\.[^\s"'<>()\][{}]+/gi;
const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;
const IPV4 = /\b(?:\d{1,3}\.){3}\d{1,3}\b/g;
const IPV6 = /(?<![\p{L}\p{N}:])(?:[0-9a-f]{0,4}:){2,7}[0-9a-f]{0,4}(?![\p{L}\p{N}:])/giu;
const HOST = /\b(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?\.)+\p{L}{2,24}\b/gu;
/** Tokens mixing letters and digits: ticket numbers (INC0002041), node names, versions. */
const IDENT = /(?<![\p{L}\p{N}])(?=[\p{L}\p{N}_-]*\p{L})(?=[\p{L}\p{N}_-]*\p{N})[\p{L}\p{N}][\p{L}\p{N}_-]*[\p{L}\p{N}](?![\p{L}\p{N}])/gu;
const NUMBER = /\d+(?:[.,:/-]\d+)*/g;
const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}'’_.-]*[\p{L}\p{N}]|[\p{L}\p{N}]/gu;
/** Source ids (`S1`, `[S12]`) and mask placeholders are our own tokens, not entities. */
const OWN_TOKENS = /\[?\bS\d{1,3}\b\]?|\[masked-[a-z_]+-\d+\]/g;

/** Capitalised words that need no source: the pronoun, and generic ITSM and network acronyms. */
export const GENERIC_WORDS: ReadonlySet<string> = new Set([
  'I', 'AI', 'CI', 'CMDB', 'ITSM', 'SLA', 'UTC', 'GMT', 'ID', 'IT', 'OK', 'FYI', 'TBD', 'ETA', 'N/A', 'NA',
  'IP', 'URL', 'DNS', 'CPU', 'RAM', 'OS', 'API', 'SSO', 'MFA', 'VPN', 'LAN', 'WAN', 'HTTP', 'HTTPS', 'TLS', 'SSL', 'PDF', 'CSV',
]);

/** Titlecase words that commonly open a sentence and are never names on their own. */
const STARTERS = new Set(['the', 'this', 'that', 'these', 'those', 'a', 'an', 'in', 'on', 'at', 'for', 'from', 'to', 'of', 'by', 'with', 'no', 'not', 'it', 'its', 'there', 'per', 'and', 'but', 'or', 'if', 'when', 'before', 'after', 'since', 'until', 'both', 'each', 'all', 'some', 'any', 'one', 'related', 'work', 'ticket', 'request', 'reminder', 'baseline', 'current', 'confirm', 'check', 'record', 'identify', 'name', 'define', 'choose', 'schedule', 'ask', 'review', 'note']);

export function extractEntities(text: string): Entity[] {
  const out: Entity[] = [];
  let rest = text.replace(OWN_TOKENS, ' ');
  const take = (pattern: RegExp, kind: EntityKind, clean: (v: string) => string = (v) => v): void => {
    rest = rest.replace(pattern, (match) => {
      const value = clean(match);
      if (value !== '') out.push({ kind, value });
      return ' ';
    });
  };
  // Each pattern only runs when the character it needs is there (most sentences have few of them).
  if (rest.includes(':') || rest.includes('www.')) take(URL, 'url', trimPunctuation);
  if (rest.includes('@')) take(EMAIL, 'email');
  const digits = /\d/.test(rest);
  if (digits && rest.includes('.')) take(IPV4, 'ip');
  if (rest.includes(':')) {
    rest = rest.replace(IPV6, (match) => {
      if (/[a-f]/i.test(match) || match.includes('::')) {
        out.push({ kind: 'ip', value: match });
        return ' ';
      }
      return match;
    });
  }
  if (rest.includes('.')) take(HOST, 'host');
  if (digits) {
    take(IDENT, 'id');
    take(NUMBER, 'number');
  }
  for (const name of names(rest)) out.push({ kind: 'name', value: name });
  return out;
}

/** Phrases of capitalised words; a lone titlecase word opening a sentence is not a name. */
function names(text: string): string[] {
  // No capital letter after the first character: no name (the common case for plain sentences).
  if (!/\p{Lu}/u.test(text.slice(1))) return [];
  const phrases: string[] = [];
  let words: string[] = [];
  let opensSentence = false;
  let lastEnd = -1;
  const flush = (): void => {
    const lone = words.length === 1 && opensSentence && TITLECASE.test(words[0] ?? '');
    if (words.length > 0 && !lone) phrases.push(words.join(' '));
    words = [];
  };
  for (const match of text.matchAll(WORD)) {
    const word = match[0];
    const at = match.index;
    const startsSentence = isSentenceStart(text, at);
    const adjacent = lastEnd >= 0 && /^[ \t]+$/.test(text.slice(lastEnd, at));
    lastEnd = at + word.length;
    const capital = /\p{Lu}/u.test(word) && !GENERIC_WORDS.has(word);
    if (!capital || (startsSentence && TITLECASE.test(word) && STARTERS.has(word.toLowerCase()))) {
      flush();
      continue;
    }
    if (!adjacent || startsSentence) {
      flush();
      opensSentence = startsSentence;
    }
    words.push(word);
  }
  flush();
  return phrases;
}

const TITLECASE = /^\p{Lu}[\p{Ll}\p{M}'’-]*$/u;

function isSentenceStart(text: string, at: number): boolean {
  // Only the few characters before the word matter (quotes, brackets, spaces, then the punctuation).
  const window = text.slice(Math.max(0, at - 16), at);
  if (at > 16 && /^[ \t"'“‘([]*$/u.test(window)) return false;
  const before = window.replace(/["'“‘([ \t]+$/u, '');
  return (before === '' && at <= 16) || /[.!?:;\n]$/.test(before);
}

function trimPunctuation(value: string): string {
  return value.replace(/[.,;:!?]+$/, '');
}

/** Whether an entity appears in a comparable corpus (see `comparable`). */
export function entityIn(entity: Entity, corpus: string): boolean {
  const needle = comparable(entity.value);
  if (needle === '') return true;
  switch (entity.kind) {
    case 'number':
      return bounded(corpus, needle, DIGIT);
    case 'id':
    case 'name':
      return needle.split(' ').every((word) => bounded(corpus, word, WORD_CHAR));
    default:
      return corpus.includes(needle);
  }
}

const DIGIT = /\d/;
const WORD_CHAR = /[\p{L}\p{N}]/u;

/** Whether `needle` occurs in `corpus` with no `inside` character right before or after it. */
function bounded(corpus: string, needle: string, inside: RegExp): boolean {
  for (let at = corpus.indexOf(needle); at >= 0; at = corpus.indexOf(needle, at + 1)) {
    if (!inside.test(corpus.charAt(at - 1)) && !inside.test(corpus.charAt(at + needle.length))) return true;
  }
  return false;
}
