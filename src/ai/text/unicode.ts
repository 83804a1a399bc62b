/**
 * Unicode hygiene for untrusted text. Models read characters people never
 * see: Tag characters (U+E0000–U+E007F) spell hidden ASCII, zero-width and
 * bidi controls hide or reorder words, variation selectors can smuggle bytes.
 * A reviewer may approve a draft carrying such a payload without seeing it
 * (../shared/reference/llm-security.md, "Where hostile text enters"), so every
 * untrusted string is normalised (NFKC) and stripped of them, and the count
 * is kept so the note can flag it to the reviewer.
 */

/**
 * Characters that render as nothing (or reorder what renders): format
 * characters (\p{Cf}: zero-width, bidi controls, Tag characters, soft hyphen,
 * BOM), fillers that display blank, variation selectors, and control
 * characters other than tab and line breaks.
 */
const INVISIBLE = new RegExp(
  // Built from a string: lint rules against control characters and combining
  // marks in a class are right for hand-written patterns, not for this list.
  [
    '\\p{Cf}', // format characters: zero-width, bidi, Tag characters, soft hyphen, BOM
    '\\u034F', // combining grapheme joiner
    '\\u115F\\u1160\\u17B4\\u17B5\\u3164\\uFFA0', // fillers that render blank
    '\\u180B-\\u180F', // Mongolian variation selectors and vowel separator
    '\\uFE00-\\uFE0F\\u{E0100}-\\u{E01EF}', // variation selectors
    '\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F', // control characters but tab and line breaks
  ]
    .map((part) => `[${part}]`)
    .join('|'),
  'gu',
);

/** Tag characters that mirror printable ASCII (U+E0020–U+E007E): the "ASCII smuggling" range. */
const TAG_ASCII = /[\u{E0020}-\u{E007E}]/gu;

export interface Sanitised {
  readonly text: string;
  /** How many invisible characters were removed. */
  readonly invisible: number;
  /** ASCII hidden in Tag characters, decoded, for the audit; empty when none. */
  readonly hidden: string;
}

/** Printable ASCII, tab and line feed: nothing to normalise or strip (the common case, checked first). */
const PLAIN = /^[\x20-\x7E\t\n]*$/;

/** NFKC-normalises, unifies line breaks, strips invisible characters and counts them. */
export function sanitise(input: string): Sanitised {
  if (PLAIN.test(input)) return { text: input, invisible: 0, hidden: '' };
  // Tag characters are astral: their UTF-16 form starts with the high surrogate U+DB40.
  const hidden = input.includes('\uDB40') ? decodeTagText(input) : '';
  const normalised = input.replace(/\r\n?/g, '\n').normalize('NFKC');
  let invisible = 0;
  const text = normalised.replace(INVISIBLE, () => {
    invisible += 1;
    return '';
  });
  return { text, invisible, hidden };
}

/** The same as `sanitise(text).text`. */
export function stripInvisible(input: string): string {
  return sanitise(input).text;
}

/** True when the text holds any character `sanitise` would remove. */
export function hasInvisible(input: string): boolean {
  INVISIBLE.lastIndex = 0;
  const found = INVISIBLE.test(input.normalize('NFKC'));
  INVISIBLE.lastIndex = 0;
  return found;
}

/** Decodes Tag characters to the ASCII they mirror (what a model reads in them). */
export function decodeTagText(input: string): string {
  let out = '';
  for (const match of input.matchAll(TAG_ASCII)) {
    const code = match[0].codePointAt(0);
    if (code !== undefined) out += String.fromCharCode(code - 0xe0000);
  }
  return out;
}

/**
 * A comparison form for grounding checks: sanitised, lowercased, typographic
 * quotes and dashes unified, defanged links restored, whitespace collapsed.
 */
export function comparable(input: string): string {
  const text = sanitise(input).text.toLowerCase();
  if (PLAIN.test(text)) return text.replace(/\bhxxp(s?):\/\//g, 'http$1://').replace(/\[\.\]/g, '.').replace(/\s+/g, ' ').trim();
  return text
    .replace(/[\u2018\u2019\u201A\u201B\u2032]/g, "'")
    .replace(/[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/[\u2039]/g, '<')
    .replace(/[\u203A]/g, '>')
    .replace(/\bhxxp(s?):\/\//g, 'http$1://')
    .replace(/\[\.\]/g, '.')
    .replace(/\s+/g, ' ')
    .trim();
}
