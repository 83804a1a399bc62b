import { randomBytes } from 'node:crypto';

const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';

/** RFC 4648 base32, lowercase, no padding. */
export function base32(bytes: Uint8Array): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += BASE32[(value << (5 - bits)) & 31];
  return out;
}

/**
 * A new hand-off id: `ho_` and 128 random bits in base32. Random, never a
 * counter: a counter restarts when a queue is cleared and then falsely matches
 * an old note's marker (../shared/reference/bullmq-redis.md). No `:` and not a
 * plain integer, so it is also a valid BullMQ job id.
 */
export function newHandoffId(): string {
  return `ho_${base32(randomBytes(16))}`;
}
