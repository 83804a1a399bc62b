/**
 * Whether the value after a label ("password:", "secret=", "token is") is a
 * secret or the sentence going on. "password: see the runbook" is prose;
 * "password: xK9#mQ2v" is not; "Temp password: welcome" is a password too.
 *
 * A value is a secret unless it is a placeholder word (below) and when any
 * of these holds:
 * - it mixes kinds of character: a digit with a letter, a symbol, or upper
 *   and lower case inside the word (more than an initial capital);
 * - its Shannon entropy is at least 3.5 bits per character, the threshold
 *   gitleaks uses for its generic-key rule (long random strings of one kind);
 * - nothing but punctuation follows it on its line: a lone word after a
 *   label is what the label names.
 * A word of one kind with low entropy followed by more words ("reset by the
 * user", "managed in the vault") is prose.
 */

/** Words a label is often followed by that never are the secret. */
const PLACEHOLDERS = new Set([
  'none', 'null', 'nil', 'n/a', 'na', 'unknown', 'blank', 'empty', 'expired', 'expires', 'expiring', 'reset', 'changed', 'unchanged',
  'same', 'redacted', 'hidden', 'masked', 'removed', 'required', 'provided', 'attached', 'below', 'above', 'sent', 'pending',
  'locked', 'unlocked', 'tbd', 'tba', 'invalid', 'incorrect', 'wrong', 'correct', 'ok', 'okay', 'yes', 'no', 'true', 'false',
  'default', 'temporary', 'rotated', 'updated', 'set', 'unset', 'see', 'ask', 'check', 'missing', 'not', 'never', 'policy',
  'complexity', 'length', 'history', 'age', 'manager', 'vault', 'enabled', 'disabled', 'valid', 'issued', 'revoked', 'requested',
  'working', 'accepted', 'rejected', 'needed', 'standard', 'xxxx', 'xxxxx', 'xxxxxx', 'xxxxxxxx',
]);

/** Shannon entropy in bits per character (per code point). */
export function shannonEntropy(value: string): number {
  const chars = [...value];
  if (chars.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const c of chars) counts.set(c, (counts.get(c) ?? 0) + 1);
  let bits = 0;
  for (const n of counts.values()) {
    const p = n / chars.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}

/** Bits per character from which a value of one kind of character reads as random. */
export const ENTROPY_THRESHOLD = 3.5;

/** A digit with a letter, a symbol (a hyphen or apostrophe inside a word is not one), or a capital after the first letter with lower case. */
export function mixesCharacterKinds(value: string): boolean {
  if (/\d/.test(value) && /\p{L}/u.test(value)) return true;
  if (/[^\p{L}\p{N}\p{M}]/u.test(value.replace(/(?<=\p{L})[-'’](?=\p{L})/gu, ''))) return true;
  return /\p{Lu}/u.test(value.slice(1)) && /\p{Ll}/u.test(value);
}

/**
 * Whether `value`, written after a label and a separator, is a secret.
 * `alone`: nothing but punctuation follows it on its line.
 */
export function labelledValueIsSecret(value: string, alone: boolean): boolean {
  if (value.length < 4 || PLACEHOLDERS.has(value.toLowerCase())) return false;
  return mixesCharacterKinds(value) || shannonEntropy(value) >= ENTROPY_THRESHOLD || alone;
}
