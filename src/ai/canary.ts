/**
 * Canaries: a random string per hand-off, placed in the untrusted data block
 * and in the instructions. If it appears in an output, the model followed an
 * instruction in the data or leaked its prompt; the guard rejects the output
 * (../shared/reference/llm-security.md, "What to do with input"). A fresh
 * canary per ticket also catches content leaking across tickets.
 */
import { randomBytes } from 'node:crypto';
import { base32 } from '../domain/ids.js';
import { sanitise } from './text/unicode.js';
import { memoByText } from '../util/text-memo.js';

const PREFIX = 'cnry';

/** `cnry` and 100 random bits in lowercase base32. */
export function newCanary(): string {
  return `${PREFIX}${base32(randomBytes(13)).slice(0, 20)}`;
}

/**
 * Whether the canary's random part appears in the text, also when spaced,
 * cased, split by punctuation or hidden with invisible characters.
 */
/** The canary's random part, lowercase: what must never appear. */
export function canaryCore(canary: string): string {
  const core = canary.toLowerCase().replace(/[^a-z0-9]/g, '');
  return core.startsWith(PREFIX) ? core.slice(PREFIX.length) : core;
}

export function canaryIn(text: string, canary: string): boolean {
  const random = canaryCore(canary);
  if (random.length < 8) return false;
  if (text.toLowerCase().includes(random)) return true;
  return squashed(text).includes(random);
}

/** The text as letters and digits only, after sanitising: a pure function of the text, remembered for recent texts (an output's strings repeat across a ticket's hand-offs). */
const squashed = memoByText((text) => sanitise(text).text.toLowerCase().replace(/[^a-z0-9]/g, ''), 256);
