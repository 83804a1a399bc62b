/**
 * HTML character references (`&lt;`, `&#60;`, `&#x3c;`): reading one from a
 * stream of characters, as a browser's tokenizer would (WHATWG HTML,
 * "Character reference state"). Ticket text copied out of HTML (an e-mail, a
 * knowledge article, an HTML description field) carries them, and so does an
 * obfuscated payload (`&amp;lt;script&amp;gt;`, `[co&#100;e]`): neutralise
 * decodes them until none is left, then judges what they spelled.
 *
 * Numeric references always decode (to U+FFFD where a browser would). Named
 * references decode from the table below: every name HTML has for ASCII
 * punctuation, for spaces and invisible characters, the Latin-1 letters and
 * common typography. A name that is not in the table cannot be decoded here,
 * so the caller breaks it (`&eacute;` stays readable, `&xyz;` becomes
 * `& xyz;`): no decoder downstream can then turn it into anything.
 */

/** What one reference at the head of a stream is. */
export type CharRef =
  | { readonly kind: 'decoded'; readonly length: number; readonly value: string }
  /** Shaped like a named reference (`&name;`) but not one this table decodes. */
  | { readonly kind: 'unknown'; readonly length: number };

/** Longest name read; HTML's longest is 31 characters (`&CounterClockwiseContourIntegral;`). */
export const MAX_REF_NAME = 32;

/** Windows-1252 for numeric references 0x80–0x9F, which browsers decode so (WHATWG HTML, "Numeric character reference end state"). */
const C1 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

const ASCII_NAMES: Readonly<Record<string, string>> = {
  Tab: '\t', NewLine: '\n', excl: '!', quot: '"', QUOT: '"', num: '#', dollar: '$', percnt: '%', amp: '&', AMP: '&', apos: "'",
  lpar: '(', rpar: ')', ast: '*', midast: '*', plus: '+', comma: ',', period: '.', sol: '/', colon: ':', semi: ';',
  lt: '<', LT: '<', equals: '=', gt: '>', GT: '>', quest: '?', commat: '@', lsqb: '[', lbrack: '[', bsol: '\\', rsqb: ']',
  rbrack: ']', Hat: '^', lowbar: '_', UnderBar: '_', grave: '`', DiacriticalGrave: '`', lcub: '{', lbrace: '{', verbar: '|',
  vert: '|', VerticalLine: '|', rcub: '}', rbrace: '}', fjlig: 'fj',
};

const SPACE_AND_INVISIBLE_NAMES: Readonly<Record<string, string>> = {
  nbsp: '\u00A0', NonBreakingSpace: '\u00A0', ensp: '\u2002', emsp: '\u2003', emsp13: '\u2004', emsp14: '\u2005', numsp: '\u2007',
  puncsp: '\u2008', thinsp: '\u2009', ThinSpace: '\u2009', hairsp: '\u200A', VeryThinSpace: '\u200A', MediumSpace: '\u205F',
  shy: '\u00AD', zwj: '\u200D', zwnj: '\u200C', lrm: '\u200E', rlm: '\u200F', ZeroWidthSpace: '\u200B', NegativeVeryThinSpace: '\u200B',
  NegativeThinSpace: '\u200B', NegativeMediumSpace: '\u200B', NegativeThickSpace: '\u200B', NoBreak: '\u2060', ApplyFunction: '\u2061',
  af: '\u2061', InvisibleTimes: '\u2062', it: '\u2062', InvisibleComma: '\u2063', ic: '\u2063',
};

const TYPOGRAPHY_NAMES: Readonly<Record<string, string>> = {
  ndash: '–', mdash: '—', lsquo: '‘', rsquo: '’', sbquo: '‚', ldquo: '“', rdquo: '”', bdquo: '„', laquo: '«', raquo: '»',
  lsaquo: '‹', rsaquo: '›', hellip: '…', mldr: '…', bull: '•', middot: '·', copy: '©', reg: '®', trade: '™', deg: '°',
  euro: '€', pound: '£', yen: '¥', cent: '¢', sect: '§', para: '¶', times: '×', divide: '÷', plusmn: '±', micro: 'µ',
  iexcl: '¡', iquest: '¿', szlig: 'ß', aelig: 'æ', AElig: 'Æ', oslash: 'ø', Oslash: 'Ø', eth: 'ð', ETH: 'Ð', thorn: 'þ',
  THORN: 'Þ', oelig: 'œ', OElig: 'Œ', dagger: '†', Dagger: '‡', permil: '‰', prime: '′', Prime: '″',
};

/** Accented Latin letters by HTML's naming (`&eacute;` = e + acute), composed (NFC). */
function accentedNames(): Record<string, string> {
  const marks: readonly [string, string, string][] = [
    ['grave', '\u0300', 'aeiouAEIOU'],
    ['acute', '\u0301', 'aeiouyAEIOUY'],
    ['circ', '\u0302', 'aeiouAEIOU'],
    ['tilde', '\u0303', 'anoANO'],
    ['uml', '\u0308', 'aeiouyAEIOUY'],
    ['ring', '\u030A', 'aA'],
    ['cedil', '\u0327', 'cC'],
  ];
  const out: Record<string, string> = {};
  for (const [name, mark, letters] of marks) for (const letter of letters) out[`${letter}${name}`] = `${letter}${mark}`.normalize('NFC');
  return out;
}

const NAMED: ReadonlyMap<string, string> = new Map(Object.entries({ ...ASCII_NAMES, ...SPACE_AND_INVISIBLE_NAMES, ...TYPOGRAPHY_NAMES, ...accentedNames() }));

const DECIMAL = /^[0-9]$/;
const HEX = /^[0-9a-fA-F]$/;
const NAME_START = /^[A-Za-z]$/;
const NAME_CHAR = /^[A-Za-z0-9]$/;

/**
 * Reads the reference at the head of the stream (`peek(0)` is `&`): a numeric
 * reference ends at its first non-digit (a `;` there is part of it); a named
 * one needs its `;`. Null when the `&` starts none.
 */
export function readCharRef(peek: (offset: number) => string | undefined): CharRef | null {
  if (peek(0) !== '&') return null;
  if (peek(1) === '#') {
    const hex = peek(2) === 'x' || peek(2) === 'X';
    const first = hex ? 3 : 2;
    const digit = hex ? HEX : DECIMAL;
    let end = first;
    let digits = '';
    for (let c = peek(end); c !== undefined && digit.test(c); c = peek(end)) {
      digits += c;
      end += 1;
    }
    if (digits === '') return null;
    const length = peek(end) === ';' ? end + 1 : end;
    return { kind: 'decoded', length, value: codePointText(Number.parseInt(digits, hex ? 16 : 10)) };
  }
  const start = peek(1);
  if (start === undefined || !NAME_START.test(start)) return null;
  let name = start;
  for (let c = peek(name.length + 1); c !== undefined && NAME_CHAR.test(c) && name.length < MAX_REF_NAME; c = peek(name.length + 1)) name += c;
  if (peek(name.length + 1) !== ';') return null;
  const value = NAMED.get(name);
  return value === undefined ? { kind: 'unknown', length: name.length + 2 } : { kind: 'decoded', length: name.length + 2, value };
}

/** The text a numeric reference stands for, as a browser decodes it. */
function codePointText(cp: number): string {
  if (!Number.isFinite(cp) || cp === 0 || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return '\uFFFD';
  if (cp >= 0x80 && cp <= 0x9f) return C1.charAt(cp - 0x80);
  return String.fromCodePoint(cp);
}
