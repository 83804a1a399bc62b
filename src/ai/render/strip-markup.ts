/**
 * The first half of `neutralise`: HTML character references decoded and HTML
 * tags removed, each until none is left, in one pass over the text.
 *
 * Both rules join text. Removing a tag joins what stood either side of it
 * (`[co<a>de]` is `[code]`, `&l<b>t;` is `&lt;`); decoding a reference makes
 * a character that may open or close another construct (`&amp;lt;` is `&lt;`
 * is `<`). Applying the rules round after round needs one round per layer, and
 * an input can nest as many layers as it has characters. So this is a single
 * left-to-right machine that reaches the same fixed point:
 *
 * - A tag is `<`, an optional `/`, a letter, `!` or `?`, anything but `<`
 *   and `>`, then `>` (how browsers start a tag). Every `<` and `>` written
 *   out is on a stack; a `>` whose top is a `<` opening a tag deletes the
 *   tag from the output, and the `<` below it is the top again
 *   (`<a<a<a>>>` goes in three pops).
 * - A reference is decoded where it starts (`char-refs.ts`); the decoded
 *   characters go back to the head of the input, so they are read like any
 *   other (a decoded `&` may start the next reference, a decoded `>` may
 *   close a tag).
 * - After a deletion or a decoding, an `&` written in the last
 *   `REJOIN_WINDOW` characters is read again: the join may have completed a
 *   reference that starts there.
 *
 * Each deletion or decoding shortens the text and costs at most
 * `REJOIN_WINDOW` characters of re-reading, so the work is linear in the
 * input. What is left holds no tag and no reference; its remaining `<` and
 * `>` become `‹` and `›`, so nothing later can form a tag.
 */
import { MAX_REF_NAME, readCharRef } from '../text/char-refs.js';
import { sanitise } from '../text/unicode.js';

export interface Stripped {
  readonly text: string;
  /** Tags removed. */
  readonly html: number;
  /** Character references decoded. */
  readonly references: number;
  /** Invisible characters that references decoded to (removed). */
  readonly invisible: number;
}

/** How far back a join can complete a reference: `&`, the longest name, and room. */
const REJOIN_WINDOW = MAX_REF_NAME + 8;
const TAG_START = /^[A-Za-z!?]$/;

export function stripMarkup(input: string): Stripped {
  const out: string[] = [];
  /** Indexes in `out` of every `<` and `>` written, in order. */
  const angles: number[] = [];
  /** Characters to read before the rest of the input, last first. */
  const back: string[] = [];
  let at = 0;
  let html = 0;
  let references = 0;
  let invisible = 0;

  const peek = (offset: number): string | undefined => (offset < back.length ? back[back.length - 1 - offset] : input[at + offset - back.length]);
  const take = (count: number): void => {
    for (let k = 0; k < count; k += 1) {
      if (back.length > 0) back.pop();
      else at += 1;
    }
  };
  const unread = (text: string): void => {
    for (let k = text.length - 1; k >= 0; k -= 1) back.push(text.charAt(k));
  };
  const rejoin = (): void => {
    const floor = Math.max(0, out.length - REJOIN_WINDOW);
    let amp = out.length - 1;
    while (amp >= floor && out[amp] !== '&') amp -= 1;
    if (amp < floor) return;
    for (let k = out.length - 1; k >= amp; k -= 1) back.push(out[k] ?? '');
    out.length = amp;
    while (angles.length > 0 && (angles.at(-1) ?? -1) >= amp) angles.pop();
  };
  const opensTag = (lt: number): boolean => {
    const first = out[lt + 1] === '/' ? out[lt + 2] : out[lt + 1];
    return first !== undefined && TAG_START.test(first);
  };

  for (let c = peek(0); c !== undefined; c = peek(0)) {
    if (c === '&') {
      const ref = readCharRef(peek);
      if (ref === null) {
        take(1);
        out.push('&');
      } else if (ref.kind === 'unknown') {
        // Not decodable here: a space after the `&` keeps every later decoder from reading it as a reference.
        take(1);
        out.push('&', ' ');
      } else {
        take(ref.length);
        const clean = sanitise(ref.value);
        references += 1;
        invisible += clean.invisible;
        unread(clean.text);
        rejoin();
      }
    } else if (c === '>') {
      take(1);
      const top = angles.at(-1);
      if (top !== undefined && out[top] === '<' && opensTag(top)) {
        out.length = top;
        angles.pop();
        html += 1;
        rejoin();
      } else {
        angles.push(out.length);
        out.push('>');
      }
    } else {
      take(1);
      if (c === '<') angles.push(out.length);
      out.push(c);
    }
  }
  return { text: out.join('').replace(/</g, '‹').replace(/>/g, '›'), html, references, invisible };
}
