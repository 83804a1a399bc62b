/**
 * Normalises free text before it is matched, so a request cannot be hidden
 * from the check by how it is encoded (../shared/reference/llm-security.md,
 * "What to do with input"): compatibility forms folded (NFKC: fullwidth and
 * styled letters become plain ones), invisible characters removed (zero-width,
 * bidi controls, Unicode Tag characters U+E0000..E007F, variation selectors,
 * soft hyphen), case folded, diacritics removed (so "schließen", "clôturer"
 * match their plain spellings) and common Cyrillic and Greek look-alikes of
 * Latin letters mapped to them.
 */

/** Zero-width, joiner, bidi and other format characters people do not see; Tag characters; variation selectors. */
// The class lists combining characters (U+034F, variation selectors) on purpose: they are what it removes.
// eslint-disable-next-line no-misleading-character-class
const INVISIBLE = /[\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180B-\u180F\u200B-\u200F\u202A-\u202E\u2060-\u206F\u3164\uFE00-\uFE0F\uFEFF\uFFA0\u{E0000}-\u{E007F}\u{E0100}-\u{E01EF}]/gu;
const TAG = /[\u{E0020}-\u{E007E}]/gu;
const MARKS = /\p{M}+/gu;

/** Cyrillic and Greek letters that render like Latin ones (lower case, after folding). */
const LOOKALIKES: Readonly<Record<string, string>> = {
  а: 'a', в: 'b', е: 'e', ё: 'e', к: 'k', м: 'm', н: 'h', о: 'o', р: 'p', с: 'c', т: 't', у: 'y', х: 'x',
  і: 'i', ї: 'i', ј: 'j', ѕ: 's', ԁ: 'd', ԛ: 'q', ԝ: 'w', һ: 'h', ӏ: 'l', ɡ: 'g', ı: 'i',
  α: 'a', β: 'b', ε: 'e', ι: 'i', κ: 'k', ν: 'v', ο: 'o', ρ: 'p', τ: 't', υ: 'u', χ: 'x', ς: 's',
};
const LOOKALIKE = new RegExp(`[${Object.keys(LOOKALIKES).join('')}]`, 'gu');

/** The text a person sees, in one canonical spelling for matching. */
export function normalizeForMatching(text: string): string {
  return text
    .normalize('NFKC')
    .replace(INVISIBLE, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .normalize('NFD')
    .replace(MARKS, '')
    .replace(LOOKALIKE, (ch) => LOOKALIKES[ch] ?? ch)
    .normalize('NFC');
}

/**
 * Text smuggled in Unicode Tag characters (each mirrors an ASCII character and
 * renders as nothing); empty when there is none. A model reads it, so it is
 * checked as well.
 */
export function hiddenTagText(text: string): string {
  let out = '';
  for (const match of text.matchAll(TAG)) out += String.fromCodePoint((match[0].codePointAt(0) ?? 0xe0020) - 0xe0000);
  return out;
}

/** How many invisible characters the text carries (shown to reviewers as a flag). */
export function countInvisible(text: string): number {
  return [...text.normalize('NFKC').matchAll(INVISIBLE)].length;
}
