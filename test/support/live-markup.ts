/**
 * What must never be live in text a note quotes, checked by patterns that
 * know nothing of how `neutralise` works: a `[code]` tag (after NFKC, as an
 * instance or browser may fold look-alikes), an HTML tag or a bare `<`/`>`,
 * a character reference any decoder would read, a markdown link or image, a
 * script URI, a marker prefix, an invisible character. Linear in the text
 * (line by line, no pattern that rescans from every `[`), so it can judge
 * adversarial inputs of any length.
 */
/**
 * Characters that render as nothing or reorder what renders (the families
 * src/ai/text/unicode.ts strips). Built from a string: the lint rules against
 * control characters and combining marks in a class are for hand-written
 * patterns, not for this list.
 */
export const INVISIBLE = new RegExp(
  ['\\p{Cf}', '\\u034F', '\\u115F\\u1160\\u17B4\\u17B5\\u3164\\uFFA0', '\\u180B-\\u180F', '\\uFE00-\\uFE0F\\u{E0100}-\\u{E01EF}', '\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F']
    .map((part) => `[${part}]`)
    .join('|'),
  'u',
);

/** A character reference any HTML decoder reads (numeric ones need no `;`). */
export const CHARACTER_REFERENCE = /&(?:#[0-9]|#x[0-9a-f]|[a-z][a-z0-9]*;)/i;

const CHECKS: readonly [string, (line: string) => boolean][] = [
  ['code tag', (line) => {
    const open = line.search(/\[\s*\/?\s*code\b/i);
    return open >= 0 && line.indexOf(']', open + 1) >= 0;
  }],
  ['angle bracket', (line) => /[<>]/.test(line)],
  ['character reference', (line) => CHARACTER_REFERENCE.test(line)],
  ['markdown link or image', hasMarkdownLink],
  ['script URI', (line) => /(?:javascript|vbscript)\s*:|\bdata:[a-z]+\/[a-z0-9.+-]+[;,]/i.test(line)],
  ['marker prefix', (line) => /\[\s*ai-handoff/i.test(line)],
  ['invisible character', (line) => INVISIBLE.test(line)],
];

/** `[label](target)` anywhere on the line: a `](` with a `[` before it (no `]` between) and a `)` after it. */
function hasMarkdownLink(line: string): boolean {
  let lastOpen = -1;
  let lastClose = -1;
  for (let i = 0; i < line.length; i += 1) {
    const c = line.charAt(i);
    if (c === '[') lastOpen = i;
    else if (c === ']') {
      if (lastOpen > lastClose && line.charAt(i + 1) === '(' && line.indexOf(')', i + 2) >= 0) return true;
      lastClose = i;
    }
  }
  return false;
}

/** The names of the live constructs in `text` (empty: none). */
export function liveMarkup(text: string): string[] {
  const lines = text.normalize('NFKC').split('\n');
  return CHECKS.filter(([, live]) => lines.some(live)).map(([name]) => name);
}
