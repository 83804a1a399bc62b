/**
 * The second half of `neutralise`, on text that holds no tag, no `<` or `>`
 * and no character reference any more (`strip-markup.ts`): `[code]` tags,
 * script URIs, marker prefixes and markdown links and images.
 *
 * These rules only ever replace a bracket by another character, insert a
 * space or swap a URI for a fixed word; they delete no structure, so they
 * cannot join text into a tag or a reference. Each pass below is closed (what
 * it leaves holds nothing it would change), and the passes run in an order in
 * which none creates work for an earlier one: a `(` written for a code tag, a
 * script URI or a marker can make `[x](…)` a markdown link, and the markdown
 * pass runs last; what it writes (`“label” (url)`) is nothing any pass reads.
 * So the four passes in this order reach the fixed point at once, each in
 * time linear in the text (`neutralise` still checks, and goes round again if
 * anything changed).
 */
import { MARKER_PREFIXES } from './marker.js';

export interface Defused {
  readonly text: string;
  readonly codeTags: number;
  readonly scriptUris: number;
  readonly images: number;
}

/** Script URIs; `data:` only in its URI form (`data:text/html,…`), so a label "Data:" stays. */
const SCRIPT_URI = /(?:javascript|vbscript)\s*:[^\s)\]]*|\bdata:[a-z]+\/[a-z0-9.+-]+[;,][^\s)\]]*/gi;
/** The opening of a `[code]` tag as ServiceNow reads one: any case and spacing, `[/code]` too. */
const CODE_OPEN = /\[\s*(\/?)\s*code\b/iy;
const MARKER_OPEN = new RegExp(`\\[\\s*(${MARKER_PREFIXES.join('|')})`, 'gi');

export function defuseBrackets(input: string): Defused {
  const code = codeTags(input);
  let scriptUris = 0;
  const scripts = code.text.replace(SCRIPT_URI, () => {
    scriptUris += 1;
    return '(link removed)';
  });
  const markers = scripts.replace(MARKER_OPEN, '($1');
  const md = markdown(markers);
  return { text: md.text, codeTags: code.count, scriptUris, images: md.images };
}

/**
 * A finder for the first of `stops` at or after an index, for indexes that
 * only grow: every character is looked at once, whatever the number of
 * questions (a regex from each `[` would rescan the line each time).
 */
function nextOf(text: string, stops: string): (from: number) => number {
  let found = -1;
  return (from: number): number => {
    if (found < from) {
      found = from;
      while (found < text.length && !stops.includes(text.charAt(found))) found += 1;
    }
    return found;
  };
}

/** `[code …]` → `(code …)`, with every `[` inside made `(`, so the tag holds no other. */
function codeTags(text: string): { text: string; count: number } {
  const closeAfter = nextOf(text, ']\n');
  let out = '';
  let count = 0;
  let i = 0;
  for (let open = text.indexOf('[', i); open >= 0; open = text.indexOf('[', i)) {
    CODE_OPEN.lastIndex = open;
    const m = CODE_OPEN.exec(text);
    const close = m === null ? -1 : closeAfter(open + m[0].length);
    if (m === null || text.charAt(close) !== ']') {
      out += text.slice(i, open + 1);
      i = open + 1;
      continue;
    }
    out += `${text.slice(i, open)}(${m[1] ?? ''}code${text.slice(open + m[0].length, close).replace(/\[/g, '(')})`;
    count += 1;
    i = close + 1;
  }
  return { text: out + text.slice(i), count };
}

/**
 * `[label](url)` → `“label” (url)`; `![alt](src)` → `“alt” (image removed)`.
 * Brackets become quotes rather than vanish, so the label never joins what
 * stood before it; brackets inside become parentheses, so nothing inside is
 * left to form a link with what follows.
 */
function markdown(text: string): { text: string; images: number } {
  const labelEnd = nextOf(text, ']\n');
  const targetEnd = nextOf(text, ')\n');
  const plain = (s: string): string => s.replace(/\[/g, '(').replace(/\]/g, ')');
  let out = '';
  let images = 0;
  let i = 0;
  for (let open = text.indexOf('[', i); open >= 0; open = text.indexOf('[', i)) {
    const close = labelEnd(open + 1);
    const end = text.charAt(close) === ']' && text.charAt(close + 1) === '(' ? targetEnd(close + 2) : -1;
    if (end < 0 || text.charAt(end) !== ')') {
      out += text.slice(i, open + 1);
      i = open + 1;
      continue;
    }
    const image = open > i && text.charAt(open - 1) === '!';
    const label = plain(text.slice(open + 1, close));
    out += text.slice(i, image ? open - 1 : open);
    if (image) images += 1;
    out += image ? `“${label}” (image removed)` : `“${label}” (${plain(text.slice(close + 2, end))})`;
    i = end + 1;
  }
  return { text: out + text.slice(i), images };
}
