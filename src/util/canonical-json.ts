import { hash } from 'node:crypto';

/**
 * JSON with object keys sorted at every depth and no whitespace, so that equal
 * values always serialise to equal bytes. `undefined` members are dropped, as
 * JSON.stringify drops them.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const member = (value as Record<string, unknown>)[key];
      if (member !== undefined) out[key] = sortKeys(member);
    }
    return out;
  }
  return value;
}

/**
 * Hex SHA-256 of a string (UTF-8). The one-shot `crypto.hash` (Node 20.12+)
 * skips the Hash object: about twice as fast for the short texts digested per
 * scope and panel, same bytes out.
 */
export function sha256Hex(text: string): string {
  return hash('sha256', text, 'hex');
}

/** Length of the digests the product shows and binds to: 128 bits of SHA-256. */
export const DIGEST_HEX_LENGTH = 32;

/** The product's digest of a value: SHA-256 of its canonical JSON, first 128 bits in hex. */
export function digestOf(value: unknown): string {
  return sha256Hex(canonicalJson(value)).slice(0, DIGEST_HEX_LENGTH);
}
