/**
 * Masks secrets and personal data before text leaves for an external
 * provider (and secrets before the built-in provider quotes them into a
 * note): passwords, API keys, tokens, private keys, connection strings,
 * e-mail addresses, phone numbers (../shared/reference/llm-security.md,
 * "Mask secrets and personal data … keep a record of what was masked").
 * What counts as each kind is in mask-rules.ts.
 *
 * Each distinct value gets a stable placeholder for the hand-off
 * (`[masked-email-1]`), so the model can still tell two addresses apart and
 * the guard can ground a statement that cites one. Nothing is unmasked: the
 * placeholders stay in the note. The record holds counts by kind, never the
 * values.
 */
import type { MaskKind } from './config.js';
import { MASK_RULES, type Match } from './mask-rules.js';
import type { Source, SourceSet } from './sources.js';

export interface MaskRecord {
  /** Distinct values masked, by kind. */
  readonly counts: Readonly<Partial<Record<MaskKind, number>>>;
  /** Occurrences replaced in all. */
  readonly occurrences: number;
}

export interface Masker {
  mask(text: string): string;
  record(): MaskRecord;
}

/**
 * Texts in which no rule of a set of kinds found anything, by kinds and text:
 * masking them again changes nothing and counts nothing, and a ticket's texts
 * are masked again for each of its hand-offs (docs/performance.md). Bounded.
 */
const clean = new Map<string, Set<string>>();
const CLEAN_MAX = 4096;

/**
 * The clean texts of one set of kinds. Keyed by the text itself, not by a
 * key joined with it: a joined key is a new string to copy and hash on every
 * call, for each of a hand-off's hundreds of field values (issue 13's profile).
 */
function cleanFor(kindsKey: string): Set<string> {
  let texts = clean.get(kindsKey);
  if (texts === undefined) {
    texts = new Set();
    clean.set(kindsKey, texts);
  }
  return texts;
}

function rememberClean(texts: Set<string>, text: string): void {
  if (texts.size >= CLEAN_MAX) texts.clear();
  texts.add(text);
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
  const cleanTexts = cleanFor([...wanted].sort().join(','));
  return {
    mask(text: string): string {
      if (cleanTexts.has(text)) return text;
      const before = occurrences;
      let out = text;
      for (const rule of MASK_RULES) {
        if (!wanted.has(rule.kind) || (rule.hint !== undefined && !rule.hint.test(out))) continue;
        out = out.replace(rule.pattern, (...args: unknown[]) => {
          const offset = args.findIndex((a) => typeof a === 'number');
          const match = args.slice(0, offset) as Match;
          const whole = match[0] ?? '';
          const after = (args[offset + 1] as string).slice((args[offset] as number) + whole.length);
          return replaceWithin(whole, rule.secrets(match, after), (secret) => placeholderFor(rule.kind, secret));
        });
      }
      if (out === text && occurrences === before) rememberClean(cleanTexts, text);
      return out;
    },
    record: () => ({ counts: { ...counts }, occurrences }),
  };
}

/** `text` with each secret (in order, each after the last) replaced; placeholders are never masked again. */
function replaceWithin(text: string, secrets: readonly string[], placeholder: (secret: string) => string): string {
  let out = '';
  let from = 0;
  for (const secret of secrets) {
    const at = text.indexOf(secret, from);
    if (secret === '' || at < 0 || secret.includes('[masked-')) continue;
    out += text.slice(from, at) + placeholder(secret);
    from = at + secret.length;
  }
  return out + text.slice(from);
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
