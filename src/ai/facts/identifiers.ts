/**
 * Identifiers in ticket text: ticket numbers (INC0001987), references with a
 * prefix and digits (PAN-EU-44817, TC-FRA-0092231, AST-77120), role names
 * (Z_FI_DISPLAY_ONLY), numbers a kind word names ("case 02841177"),
 * versions after a version word ("firmware 10.2.7"), links and host names.
 * Each keeps the words that say what it is, as written ("support contract",
 * "circuit", "their ticket" → "ticket"), or the kind its number prefix
 * implies.
 */

export type IdentifierKind = 'ticket' | 'reference' | 'role' | 'version' | 'link' | 'host';

export interface Identifier {
  readonly kind: IdentifierKind;
  /** As written. */
  readonly text: string;
  readonly start: number;
  readonly end: number;
  /** What it is, in the source's words or the prefix's ("support contract", "incident"); null when unknown. */
  readonly label: string | null;
}

/** ServiceNow number prefixes (../shared/reference/servicenow.md, "Tables") and a few common ones. */
const PREFIXES: Readonly<Record<string, string>> = {
  INC: 'incident', RITM: 'requested item', REQ: 'request', SCTASK: 'catalog task', CHG: 'change', PRB: 'problem', SIR: 'security incident',
  ENHC: 'enhancement', TASK: 'task', CTASK: 'change task', KB: 'article', PRJ: 'project', STRY: 'story',
};
const KIND_WORDS = 'contract|circuit|ticket|case|asset|exception|change|problem|incident|request|order|licen[cs]e|serial|role|policy|article|account|profile|node|interface|tracking|reference|invoice|po';
const VERSION_WORDS = /\b(?:firmware|version|release|build|patch|driver|agent|client|os|upgrade|upgraded|upgrading|update|updated)\b/i;

const TICKET = /(?<![\p{L}\p{N}_-])([A-Z]{2,6})(\d{7})(?![\p{L}\p{N}_])/gu;
const DASHED = /(?<![\p{L}\p{N}_-])[A-Z][A-Z0-9]{1,9}(?:-[A-Z0-9]{1,12}){1,4}(?![\p{L}\p{N}_-])/gu;
const ROLE = /(?<![\p{L}\p{N}_])[A-Z][A-Z0-9]*(?:_[A-Z0-9]+){2,}(?![\p{L}\p{N}_])/gu;
const NUMBERED = new RegExp(String.raw`\b(?:${KIND_WORDS})\s+(?:no\.?\s*|#\s*)?(\d{5,12})(?![\p{L}\p{N}])`, 'giu');
const VERSION = /(?<![\p{L}\p{N}.])v?(\d+\.\d+(?:\.\d+){0,2}(?:-[a-z0-9]+)?)(?![\p{N}]|\.\d)/giu;
const URL = /\b(?:https?|hxxps?):\/\/[^\s"'<>()[\]{}]+/gi;
const HOST = /(?<![\p{L}\p{N}@./-])(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.){2,}[a-z]{2,24}(?![\p{L}\p{N}@-]|\.[a-z])/gu;
const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/;

export function identifiersIn(text: string): Identifier[] {
  // Every kind needs a digit, an underscore, a scheme or a dotted name.
  if (!/[\d_]|:\/\/|\.[a-z]/i.test(text)) return [];
  const out: Identifier[] = [];
  const taken: [number, number][] = [];
  const free = (start: number, end: number): boolean => taken.every(([a, b]) => end <= a || start >= b);
  const add = (kind: IdentifierKind, value: string, start: number, label: string | null): void => {
    const end = start + value.length;
    if (!free(start, end)) return;
    taken.push([start, end]);
    out.push({ kind, text: value, start, end, label });
  };

  // Each pattern runs only where the characters it needs are (most sentences have few of them).
  if (text.includes('://')) for (const m of text.matchAll(URL)) add('link', m[0].replace(/[.,;:!?]+$/, ''), m.index, null);
  const capitals = /[A-Z]{2}/.test(text);
  if (capitals && /[A-Z]\d{7}/.test(text)) {
    for (const m of text.matchAll(TICKET)) {
      const prefix = PREFIXES[m[1] ?? ''];
      if (prefix !== undefined) add('ticket', m[0], m.index, kindBefore(text, m.index) ?? prefix);
    }
  }
  if (text.includes('-') && /[A-Z0-9]-[A-Z0-9]/.test(text)) for (const m of text.matchAll(DASHED)) if (/\d/.test(m[0])) add('reference', m[0], m.index, kindBefore(text, m.index));
  if (text.includes('_')) for (const m of text.matchAll(ROLE)) add('role', m[0], m.index, kindBefore(text, m.index) ?? 'role');
  if (/\d{5}/.test(text)) {
    for (const m of text.matchAll(NUMBERED)) {
      const digits = m[1] ?? '';
      const at = m.index + m[0].length - digits.length;
      add('reference', digits, at, kindBefore(text, at));
    }
  }
  if (/\d\.\d/.test(text)) for (const m of text.matchAll(VERSION)) {
    if (IPV4.test(m[1] ?? '')) continue;
    const before = text.slice(Math.max(0, m.index - 40), m.index);
    const words = before.split(/\s+/).slice(-4).join(' ');
    const keyword = VERSION_WORDS.exec(words)?.[0];
    if (keyword === undefined && !m[0].toLowerCase().startsWith('v')) continue;
    add('version', m[0], m.index, keyword === undefined || /^(?:upgrade|upgraded|upgrading|update|updated)$/i.test(keyword) ? 'version' : keyword.toLowerCase());
  }
  if (/[a-z0-9]\.[a-z]/.test(text)) for (const m of text.matchAll(HOST)) add('host', m[0], m.index, null);
  return out.sort((a, b) => a.start - b.start);
}

/** The kind words just before an identifier, as written: "support contract", "circuit", "MFA exception". */
function kindBefore(text: string, at: number): string | null {
  const before = text.slice(Math.max(0, at - 40), at);
  const m = new RegExp(String.raw`(?:^|[\s(])((?:[\p{L}][\p{L}-]{0,15}\s+)?(?:${KIND_WORDS}))\s*(?:no\.?\s*|#\s*)?$`, 'iu').exec(before);
  if (m === null) return null;
  const words = (m[1] ?? '').split(/\s+/);
  // A possessive or article before the kind word says nothing: "their ticket" is a ticket.
  if (words.length === 2 && /^(?:the|a|an|their|his|her|its|our|your|my|this|that|of|on|in|at|for|to|and|or|with|from|by)$/i.test(words[0] ?? '')) words.shift();
  return words.join(' ');
}
