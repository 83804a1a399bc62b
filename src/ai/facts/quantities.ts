/**
 * Quantities in ticket text: a number or a range with its unit, as written
 * ("400 to 900 ms", "81%", "1,240 active tunnels", "about 180 users",
 * "92% of 1 Gbps", "three more calls"). Deterministic and offline: numbers
 * with thousands separators and decimals, ranges (`to`, `-`, `–`, `between
 * … and …`), a few number words, and a closed list of units; a count is a
 * number followed by a plural noun. Times, dates, versions, identifiers
 * (`ethernet1/1`, `TC-FRA-0092231`) and phone numbers are not quantities.
 *
 * What is kept is the text as written (the guard grounds numbers in the
 * form the source has them, "1,240" not "1240") and the parsed value, for
 * comparing against a baseline.
 */

/** `number`: a bare number, only returned when asked for (a baseline "about 900" takes its unit from what it is compared with). */
export type UnitFamily = 'duration' | 'percent' | 'rate' | 'size' | 'count' | 'number';

export interface Quantity {
  /** The quantity as written: number or range and unit ("400 to 900 ms", "1,240 active tunnels"). */
  readonly text: string;
  /** The number or range alone, as written ("400 to 900", "1,240"). */
  readonly amount: string;
  /** Offsets of `text` in the string it was found in. */
  readonly start: number;
  readonly end: number;
  readonly low: number;
  readonly high: number;
  /** The unit as written ("ms", "%", "Gbps", "users"); the counted noun for counts. */
  readonly unit: string;
  readonly family: UnitFamily;
  /** For counts: the noun phrase after the number ("active tunnels"). */
  readonly noun: string | null;
  /** Only the number was given in words ("three"). */
  readonly inWords: boolean;
}

const WORD_NUMBERS: Readonly<Record<string, number>> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, fifteen: 15, twenty: 20, thirty: 30, forty: 40, fifty: 50, hundred: 100,
};

/** Units by how they are written; the longest spelling is tried first. */
const UNITS: readonly (readonly [RegExp, UnitFamily])[] = [
  [/^(?:ms|msec|milliseconds?)\b/i, 'duration'],
  [/^(?:µs|us|microseconds?)\b/i, 'duration'],
  [/^(?:s|secs?|seconds?)\b/i, 'duration'],
  [/^(?:mins?|minutes?)\b/i, 'duration'],
  [/^(?:h|hrs?|hours?)\b/i, 'duration'],
  [/^(?:days?|weeks?|months?|years?|sprints?)\b/i, 'duration'],
  [/^(?:%|percent\b|per cent\b)/i, 'percent'],
  [/^(?:[kmgt]bps|[kmgt]bit\/s|[kmgt]b\/s)\b/i, 'rate'],
  [/^(?:[kmgtp]i?b|bytes?)\b/i, 'size'],
];

/** Plural nouns after a number that are not counted things. */
const NOT_COUNTED = /^(?:is|was|has|does|times|ago|later|earlier|apart|or|and|of|to|in|on|at|per|this|its|his|hers|theirs)$/i;

/** A number as written: digits with optional thousands separators and decimals, or a number word. */
const WORDS = Object.keys(WORD_NUMBERS).join('|');
const NUMBER = String.raw`(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|(?:${WORDS}))`;
const DIGITS = String.raw`(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)`;
const HAS_WORD_NUMBER = new RegExp(String.raw`\b(?:${WORDS})\b`, 'i');
const RANGE_JOIN = String.raw`\s*(?:-|–|—|to)\s*`;
/** A number or range: "400 to 900", "42-48", "2–5", "between 2 and 5" ("2 and 5" alone is two numbers). */
const candidate = (number: string): RegExp => new RegExp(String.raw`(?<![\p{L}\p{N}_./:,+-])(?:between\s+(${number})\s+and\s+(${number})|(${number})(?:${RANGE_JOIN}(${number}))?)(?![\p{L}\p{N}_]|[.:/,-]\d)`, 'giu');
const CANDIDATE = candidate(NUMBER);
/** The same without number words, for the common text that has none (the word alternation is the costly part). */
const DIGIT_CANDIDATE = candidate(DIGITS);

export function parseNumber(text: string): number | null {
  const word = WORD_NUMBERS[text.toLowerCase()];
  if (word !== undefined) return word;
  if (!/^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d+(?:\.\d+)?$/.test(text)) return null;
  const n = Number(text.replace(/,/g, ''));
  return Number.isFinite(n) ? n : null;
}

/** Every quantity with a unit or a counted noun in `text`, in order; with `bare`, numbers without a unit too. */
export function quantities(text: string, options: { readonly bare?: boolean } = {}): Quantity[] {
  const out: Quantity[] = [];
  for (const match of text.matchAll(HAS_WORD_NUMBER.test(text) ? CANDIDATE : DIGIT_CANDIDATE)) {
    const first = match[1] ?? match[3] ?? '';
    const second = match[2] ?? match[4];
    const low = parseNumber(first);
    if (low === null) continue;
    const high = second === undefined ? low : parseNumber(second);
    const end = match.index + match[0].length;
    const numberText = match[0];
    if (high === null) continue;
    const inWords = !/\d/.test(numberText);
    const rest = text.slice(end);
    const unit = unitAfter(rest) ?? (options.bare === true && !inWords ? { unit: '', family: 'number' as const, length: 0 } : null);
    if (unit === null) continue;
    // A word number needs a counted noun or a duration to mean a quantity ("one of them" is not).
    if (inWords && unit.family !== 'count' && unit.family !== 'duration') continue;
    const start = match.index;
    const total = end + unit.length;
    out.push({
      text: text.slice(start, total),
      amount: numberText,
      start,
      end: total,
      low: Math.min(low, high),
      high: Math.max(low, high),
      unit: unit.unit,
      family: unit.family,
      noun: unit.family === 'count' ? unit.unit : null,
      inWords,
    });
  }
  return withCapacity(text, out);
}

interface FoundUnit {
  readonly unit: string;
  readonly family: UnitFamily;
  /** Characters from the end of the number to the end of the unit. */
  readonly length: number;
}

function unitAfter(rest: string): FoundUnit | null {
  const gap = /^\s?/.exec(rest)?.[0] ?? '';
  const after = rest.slice(gap.length);
  if (after.startsWith('%')) return { unit: '%', family: 'percent', length: gap.length + 1 };
  for (const [pattern, family] of UNITS) {
    const m = pattern.exec(after);
    if (m !== null) return { unit: m[0], family, length: gap.length + m[0].length };
  }
  if (gap === '') return null;
  // A count: up to three words ending in a plural noun ("users", "active tunnels", "failed MFA challenges").
  const words = /^((?:[\p{L}][\p{L}-]*\s+){0,2}[\p{L}][\p{L}-]*s)\b/u.exec(after);
  if (words === null) return null;
  const phrase = words[1] ?? '';
  const parts = phrase.split(/\s+/);
  if (parts.some((w) => NOT_COUNTED.test(w)) || /(?:ss|us|is)$/i.test(parts.at(-1) ?? '')) {
    // Try just the first word ("3 calls in the queue").
    const one = parts[0] ?? '';
    if (!/s$/.test(one) || NOT_COUNTED.test(one) || /(?:ss|us|is)$/i.test(one)) return null;
    return { unit: one, family: 'count', length: gap.length + one.length };
  }
  // Stop at the first plural noun: "3 sign-ins from new countries" counts sign-ins.
  const plural = parts.findIndex((w) => /[^s]s$/.test(w) && !/(?:ss|us|is)$/i.test(w));
  const kept = parts.slice(0, plural + 1).join(' ');
  return { unit: kept, family: 'count', length: gap.length + kept.length };
}

/** "92% of 1 Gbps": the capacity a percentage is of belongs to it. */
function withCapacity(text: string, found: Quantity[]): Quantity[] {
  const out: Quantity[] = [];
  for (let i = 0; i < found.length; i += 1) {
    const q = found[i]!;
    const next = found[i + 1];
    if (q.family === 'percent' && next !== undefined && /^\s+of\s+$/.test(text.slice(q.end, next.start)) && next.family !== 'percent') {
      out.push({ ...q, text: text.slice(q.start, next.end), end: next.end });
      i += 1;
      continue;
    }
    out.push(q);
  }
  return out;
}

/** Whether a quantity is zero ("0 failed MFA challenges", "0.0%"). */
export function isZero(q: Quantity): boolean {
  return q.low === 0 && q.high === 0;
}
