/**
 * Makes untrusted text inert for a ServiceNow work note. Everything from a
 * ticket or a model passes through here before it is written:
 *
 * - Unicode normalised (NFKC, so look-alike brackets become plain ones and
 *   are caught below); invisible characters (Tag, zero-width, bidi) removed
 *   and counted for the reviewer's flag.
 * - `[code]` tags in any case or spacing become `(code)`: ServiceNow renders
 *   `[code]…[/code]` in work notes as HTML by default
 *   (../shared/reference/servicenow.md, "Journal fields").
 * - HTML tags removed; a stray `<` or `>` becomes `‹` `›`, so nothing can
 *   form a tag again.
 * - Markdown images dropped; markdown links become "text (url)".
 * - Links stay live only to allow-listed hosts; others are defanged
 *   (`hxxps://evil[.]example/`), script URIs removed.
 * - The note marker's prefix is defused, so ticket text can never forge a
 *   marker line (see marker.ts).
 *
 * Idempotent: neutralising twice gives the same text.
 */
import { sanitise } from '../text/unicode.js';
import { MARKER_PREFIXES } from './marker.js';

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
}

const CODE_TAG = /\[\s*(\/?)\s*code\b([^\]\n]*)\]/gi;
/** A tag as browsers parse one: `<` directly followed by a letter, `/`, `!` or `?`. */
const HTML_TAG = /<\/?[a-z!?][^<>]*>/gi;
const MD_IMAGE = /!\[([^\]\n]*)\]\(([^)\n]*)\)/g;
const MD_LINK = /\[([^\]\n]+)\]\(\s*([^)\s]+)[^)\n]*\)/g;
/** Script URIs; `data:` only in its URI form (`data:text/html,…`), so a label "Data:" stays. */
const SCRIPT_URI = /(?:javascript|vbscript)\s*:[^\s)\]]*|\bdata:[a-z]+\/[a-z0-9.+-]+[;,][^\s)\]]*/gi;
/** A link up to whitespace, a bracket or the next scheme (so "…/ahttps://x" is two links, each judged). */
const LINK = /(?:https?|ftp):\/\/(?:(?!(?:https?|ftp):\/\/)[^\s<>"'()\][{}‹›])+/gi;

export function neutraliseWithFlags(input: string, options: NeutraliseOptions = {}): Neutralised {
  const allowed = options.allowedHosts ?? [];
  const flags: NeutraliseFlags = { invisible: 0, codeTags: 0, html: 0, images: 0, links: 0, scriptUris: 0 };
  const clean = sanitise(input);
  flags.invisible = clean.invisible;
  let text = clean.text;
  // Nothing that could be markup, a link or a marker: the common case, returned as is.
  if (!/[[\]<>:&]/.test(text)) return { text, flags };

  // Repeat until stable: removing one construct can assemble another ("[co[code]de]").
  for (let round = 0; round < 8; round += 1) {
    const before = text;
    text = text.replace(CODE_TAG, (_m, slash: string, rest: string) => {
      flags.codeTags += 1;
      return `(${slash}code${rest.replace(/[[\]]/g, '')})`;
    });
    text = text.replace(MD_IMAGE, () => {
      flags.images += 1;
      return '(image removed)';
    });
    text = text.replace(MD_LINK, (_m, label: string, url: string) => `${label} (${url})`);
    text = text.replace(HTML_TAG, () => {
      flags.html += 1;
      return '';
    });
    text = text.replace(SCRIPT_URI, () => {
      flags.scriptUris += 1;
      return '(link removed)';
    });
    for (const prefix of MARKER_PREFIXES) {
      text = text.replace(new RegExp(`\\[\\s*${prefix}`, 'gi'), `(${prefix}`);
    }
    if (text === before) break;
  }
  text = text.replace(/</g, '‹').replace(/>/g, '›');
  text = text.replace(LINK, (url) => {
    if (isAllowed(url, allowed)) return url;
    flags.links += 1;
    return defang(url);
  });
  return { text, flags };
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
