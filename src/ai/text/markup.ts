/**
 * Markup that must never come live out of a provider's own words: ServiceNow
 * renders `[code]...[/code]` in work notes as HTML where
 * `glide.ui.security.allow_codetag` is true, the default
 * (../shared/reference/servicenow.md, "Journal fields"); HTML, markdown
 * images and links, script URIs, HTML entities and invisible characters have
 * no place in a provider's sentences either. Quotes of sources may hold
 * markup (it is data); the note renders everything through `neutralise`.
 */
import { hasInvisible } from './unicode.js';

export type MarkupKind = 'code_tag' | 'html' | 'image' | 'link' | 'script_uri' | 'entity' | 'invisible';

/** `[code]`, `[/code]`, `[ CODE ]`, `[code lang=js]`: any case and spacing. */
export const CODE_TAG = /\[\s*\/?\s*code\b[^\]]*\]/gi;
export const HTML_TAG = /<\/?[a-z!?][^<>]*>/gi;
export const MD_IMAGE = /!\[[^\]]*\]\([^)]*\)/g;
export const MD_LINK = /\[[^\]]+\]\(\s*[^)\s]+[^)]*\)/g;
export const SCRIPT_URI = /(?:javascript|vbscript)\s*:|\bdata:[a-z]+\/[a-z0-9.+-]+[;,]/gi;
const ENTITY = /&(?:#\d{1,7}|#x[0-9a-f]{1,6}|[a-z]{2,10});/i;

export function findMarkup(text: string): MarkupKind | null {
  const checks: readonly [MarkupKind, RegExp][] = [
    ['code_tag', CODE_TAG],
    ['html', HTML_TAG],
    ['image', MD_IMAGE],
    ['link', MD_LINK],
    ['script_uri', SCRIPT_URI],
    ['entity', ENTITY],
  ];
  for (const [kind, pattern] of checks) {
    pattern.lastIndex = 0;
    const found = pattern.test(text);
    pattern.lastIndex = 0;
    if (found) return kind;
  }
  return hasInvisible(text) ? 'invisible' : null;
}
