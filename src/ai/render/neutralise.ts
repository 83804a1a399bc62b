/**
 * Makes untrusted text inert for a ServiceNow work note. Everything from a
 * ticket or a model passes through here before it is written:
 *
 * - Unicode normalised (NFKC, so look-alike brackets become plain ones and
 *   are caught below); invisible characters (Tag, zero-width, bidi) removed
 *   and counted for the reviewer's flag.
 * - HTML character references decoded (`&lt;`, `&#91;`; a name it cannot
 *   decode is broken, `& xyz;`), HTML tags removed; a stray `<` or `>`
 *   becomes `‹` `›`, so nothing can form a tag again (`strip-markup.ts`).
 * - Links stay live only to allow-listed hosts; others are defanged
 *   (`hxxps://evil[.]example/`).
 * - `[code]` tags in any case or spacing become `(code)`: ServiceNow renders
 *   `[code]…[/code]` in work notes as HTML by default
 *   (../shared/reference/servicenow.md, "Journal fields").
 * - Script URIs removed; the note marker's prefix is defused, so ticket text
 *   can never forge a marker line (see marker.ts).
 * - Markdown links become `“text” (url)`, images `“alt” (image removed)`
 *   (`defuse-brackets.ts`).
 *
 * To a fixed point: removing one construct can assemble another
 * (`[co<a<a>>de]`, `&amp;lt;`, `[co&#100;e]`), to any depth. The rules run
 * round after round until a round changes nothing, with no limit on rounds;
 * each step reaches its own fixed point in one linear pass and none makes
 * work for an earlier one, so the second round finds nothing (a third only where
 * a join made a sequence NFKC composes). Neutralising twice gives the same text.
 */
import { sanitise } from '../text/unicode.js';
import { defuseBrackets } from './defuse-brackets.js';
import { stripMarkup } from './strip-markup.js';

export interface NeutraliseOptions {
  /** Hosts whose links stay live; `*.example.com` covers subdomains. */
  readonly allowedHosts?: readonly string[];
}

export interface NeutraliseFlags {
  invisible: number;
  codeTags: number;
  html: number;
  images: number;
  links: number;
  scriptUris: number;
}

export interface Neutralised {
  readonly text: string;
  readonly flags: NeutraliseFlags;
  /** Rounds run until one changed nothing (that one included). */
  readonly rounds: number;
}

/**
 * A link up to whitespace, a bracket, a quote or the next scheme (so
 * "…/ahttps://x" is two links, each judged). Trailing dots are the sentence's: a defanged host
 * never ends in `[.]` that a `(` after it could make a markdown link.
 */
const LINK = /(?:https?|ftp):\/\/(?:(?!(?:https?|ftp):\/\/)[^\s<>"'()\][{}‹›“”])*(?:(?!(?:https?|ftp):\/\/)[^\s<>"'()\][{}‹›“”.])/gi;
/** Characters some rule reads; text without any is left as sanitised. */
const ACTIVE = /[[\]<>:&]/;

export function neutraliseWithFlags(input: string, options: NeutraliseOptions = {}): Neutralised {
  const allowed = options.allowedHosts ?? [];
  const flags: NeutraliseFlags = { invisible: 0, codeTags: 0, html: 0, images: 0, links: 0, scriptUris: 0 };
  let text = input;
  let rounds = 0;
  for (;;) {
    rounds += 1;
    const before = text;
    const clean = sanitise(text);
    flags.invisible += clean.invisible;
    text = clean.text;
    if (ACTIVE.test(text)) {
      const stripped = stripMarkup(text);
      flags.invisible += stripped.invisible;
      flags.html += stripped.html;
      // Links before brackets: a defanged host's `[.]` may close a `[code` before it, and the bracket rules then see it.
      const linked = stripped.text.replace(LINK, (url) => {
        if (isAllowed(url, allowed)) return url;
        flags.links += 1;
        return defang(url);
      });
      const defused = defuseBrackets(linked);
      flags.codeTags += defused.codeTags;
      flags.scriptUris += defused.scriptUris;
      flags.images += defused.images;
      text = defused.text;
    }
    if (text === before) break;
  }
  return { text, flags, rounds };
}

export function neutralise(input: string, options: NeutraliseOptions = {}): string {
  return neutraliseWithFlags(input, options).text;
}

/** `https://evil.example/x` → `hxxps://evil[.]example/x`: readable, not clickable, not auto-linked. */
export function defang(url: string): string {
  const match = /^([a-z]+):\/\/([^/?#]*)(.*)$/i.exec(url);
  if (match === null) return url.replace(/\./g, '[.]');
  const [, scheme = '', host = '', rest = ''] = match;
  return `${scheme.replace(/t/gi, 'x')}://${host.replace(/\./g, '[.]')}${rest}`;
}

export function hostOf(url: string): string | null {
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return null;
  }
}

export function isAllowed(url: string, allowedHosts: readonly string[]): boolean {
  const host = hostOf(url);
  if (host === null || !/^https:$/i.test(new URL(url).protocol)) return false;
  if (/@/.test(url.split('/')[2] ?? '')) return false;
  return allowedHosts.some((allowed) => (allowed.startsWith('*.') ? host.endsWith(allowed.slice(1)) : host === allowed));
}
