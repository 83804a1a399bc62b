/**
 * Masks secrets and personal data before text leaves for an external
 * provider (and secrets before the built-in provider quotes them into a
 * note): passwords, API keys, tokens, private keys, connection strings,
 * e-mail addresses, phone numbers (../shared/reference/llm-security.md,
 * "Mask secrets and personal data … keep a record of what was masked").
 *
 * Each distinct value gets a stable placeholder for the hand-off
 * (`[masked-email-1]`), so the model can still tell two addresses apart and
 * the guard can ground a statement that cites one. Nothing is unmasked: the
 * placeholders stay in the note. The record holds counts by kind, never the
 * values.
 */
import type { MaskKind } from './config.js';
import type { Source, SourceSet } from './sources.js';

export interface MaskRecord {
  /** Distinct values masked, by kind. */
  readonly counts: Readonly<Partial<Record<MaskKind, number>>>;
  /** Occurrences replaced in all. */
  readonly occurrences: number;
}

interface Rule {
  readonly kind: MaskKind;
  readonly pattern: RegExp;
  /** Which capture group is the secret (0: the whole match). */
  readonly group: number;
  readonly accept?: (value: string) => boolean;
  /** A keyword rule: group 2 is the separator, group 3 the value. */
  readonly keyword?: boolean;
  /** A cheap test the text must pass before the rule's pattern runs. */
  readonly hint?: RegExp;
}

/**
 * `keyword: value`, `keyword=value`, `keyword is value`; without a separator
 * ("pwd Winter2025") only a value that looks like a secret (letters and
 * digits) counts, so "token expired" stays readable.
 */
const KEYWORD_VALUE = (words: string) =>
  new RegExp(`((?<![\\p{L}\\p{N}])(?:${words})(?![\\p{L}\\p{N}])\\s*((?:[:=]|\\bis\\b|\\bwas\\b)?)\\s*["'\`]?)([^\\s"'\`,;]{4,})`, 'giu');
const keywordSecret = (value: string, separator: string | undefined): boolean => (separator ?? '') !== '' || (/\d/.test(value) && /\p{L}/u.test(value));

/** Order matters: whole blocks and URLs first, so their parts are not masked twice. */
const RULES: readonly Rule[] = [
  { kind: 'private_key', hint: /PRIVATE KEY/, pattern: /-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?(?:-----END [A-Z ]*PRIVATE KEY-----|$)/g, group: 0 },
  { kind: 'connection_string', hint: /:\/\/[^\s/]*@/, pattern: /\b[a-z][a-z0-9+.-]*:\/\/[^\s:/@]+:[^\s@/]+@[^\s"'<>]+/gi, group: 0 },
  { kind: 'connection_string', hint: /pwd|password/i, pattern: /\b(?:server|data source|host)=[^;\n]+;[^\n]*?(?:password|pwd)=[^;\n]+;?/gi, group: 0 },
  { kind: 'token', hint: /eyJ/, pattern: /\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\b/g, group: 0 },
  { kind: 'token', hint: /bearer/i, pattern: /\b(bearer\s+)([A-Za-z0-9._~+/=-]{12,})/gi, group: 2 },
  { kind: 'api_key', hint: /sk-|AKIA|gh[pousr]_|xox|AIza|glpat-/, pattern: /\b(?:sk-(?:proj-)?[A-Za-z0-9_-]{16,}|AKIA[0-9A-Z]{16}|gh[pousr]_[A-Za-z0-9]{30,}|xox[abprs]-[A-Za-z0-9-]{10,}|AIza[0-9A-Za-z_-]{30,}|glpat-[A-Za-z0-9_-]{16,})\b/g, group: 0 },
  { kind: 'api_key', hint: /key|secret/i, pattern: KEYWORD_VALUE('api[ _-]?key|apikey|x-api-key|subscription[ _-]?key|client[ _-]?secret|secret[ _-]?key|access[ _-]?key'), group: 3, keyword: true },
  { kind: 'token', hint: /token|session|sas/i, pattern: KEYWORD_VALUE('token|access[ _-]?token|refresh[ _-]?token|session[ _-]?id|sas'), group: 3, keyword: true },
  { kind: 'password', hint: /pass|pwd|kennwort|mot de passe|contrase|senha|parola/i, pattern: KEYWORD_VALUE('password|passwd|pwd|passcode|kennwort|passwort|mot de passe|contraseña|senha|parola d[ei] accesso'), group: 3, keyword: true },
  { kind: 'email', hint: /@/, pattern: /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu, group: 0 },
  {
    kind: 'phone',
    hint: /\d[\d\s().-]{6,}\d/,
    pattern: /(?<![\p{L}\p{N}.:/-])(?:\+|00|\()?\d[\d\s().-]{6,}\d(?![\p{L}\p{N}]|[.:/-]\d)/gu,
    group: 0,
    accept: isPhone,
  },
];

/** Digits 8–15, not a date, time, IP address, version or plain long number without separators or a plus. */
function isPhone(value: string): boolean {
  const digits = value.replace(/\D/g, '');
  if (digits.length < 8 || digits.length > 15) return false;
  if (/^\d{4}-\d{2}-\d{2}/.test(value) || /\d{1,2}:\d{2}/.test(value) || /^\d+(?:\.\d+){2,}$/.test(value)) return false;
  return value.startsWith('+') || value.startsWith('00') || value.startsWith('(') || /[\s().-]/.test(value.trim());
}

export interface Masker {
  mask(text: string): string;
  record(): MaskRecord;
}

/** A masker for one hand-off: the same value always gets the same placeholder. */
export function createMasker(kinds: readonly MaskKind[]): Masker {
  const wanted = new Set(kinds);
  const placeholders = new Map<string, string>();
  const counts: Partial<Record<MaskKind, number>> = {};
  let occurrences = 0;
  const placeholderFor = (kind: MaskKind, value: string): string => {
    const key = `${kind}\u0000${value}`;
    let found = placeholders.get(key);
    if (found === undefined) {
      counts[kind] = (counts[kind] ?? 0) + 1;
      found = `[masked-${kind.replace('_', '-')}-${counts[kind]}]`;
      placeholders.set(key, found);
    }
    occurrences += 1;
    return found;
  };
  return {
    mask(text: string): string {
      let out = text;
      for (const rule of RULES) {
        if (!wanted.has(rule.kind) || (rule.hint !== undefined && !rule.hint.test(out))) continue;
        out = out.replace(rule.pattern, (...args: unknown[]) => {
          const match = args[0] as string;
          const groups = args.slice(1, -2) as (string | undefined)[];
          const secret = rule.group === 0 ? match : groups[rule.group - 1];
          if (secret === undefined || secret.startsWith('[masked-') || (rule.accept !== undefined && !rule.accept(secret))) return match;
          if (rule.keyword === true && !keywordSecret(secret, groups[1])) return match;
          const placeholder = placeholderFor(rule.kind, secret);
          return rule.group === 0 ? placeholder : match.replace(secret, placeholder);
        });
      }
      return out;
    },
    record: () => ({ counts: { ...counts }, occurrences }),
  };
}

/** The source set with every field value, label and reference masked. */
export function maskSourceSet(set: SourceSet, masker: Masker): SourceSet {
  const maskSource = (s: Source): Source => ({
    ...s,
    label: masker.mask(s.label),
    author: s.author === null ? null : masker.mask(s.author),
    ref: { ...s.ref, number: s.ref.number === null ? null : masker.mask(s.ref.number), ci: s.ref.ci === null ? null : masker.mask(s.ref.ci) },
    fields: s.fields.map((f) => ({ ...f, label: masker.mask(f.label), value: masker.mask(f.value) })),
  });
  return { ...set, sources: set.sources.map(maskSource), gaps: set.gaps.map((g) => ({ ...g, detail: masker.mask(g.detail) })) };
}
