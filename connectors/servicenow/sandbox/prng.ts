/**
 * A small seeded PRNG (sfc32, seeded through splitmix32) so the seed data and
 * the generator are deterministic: the same seed gives the same tickets, the
 * same sys_ids and the same timestamps on every machine.
 */
import { createHash } from 'node:crypto';

export interface Prng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [0, n). */
  int(n: number): number;
  /** Integer in [min, max], inclusive. */
  between(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  /** True with probability p. */
  chance(p: number): boolean;
  /** Picks by weight: [[value, weight], ...]. */
  weighted<T>(entries: readonly (readonly [T, number])[]): T;
  /** 32 lowercase hex characters, like a sys_id. */
  hex32(): string;
}

function splitmix32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x9e3779b9) >>> 0;
    let z = a;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

export function createPrng(seed: number): Prng {
  const init = splitmix32(seed);
  let a = init();
  let b = init();
  let c = init();
  let d = init();
  const u32 = (): number => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) >>> 0;
    return t;
  };
  for (let i = 0; i < 12; i++) u32();
  const next = (): number => u32() / 4294967296;
  const int = (n: number): number => Math.floor(next() * n);
  return {
    next,
    int,
    between: (min, max) => min + int(max - min + 1),
    pick: <T>(items: readonly T[]): T => {
      if (items.length === 0) throw new Error('pick from an empty list');
      return items[int(items.length)]!;
    },
    chance: (p) => next() < p,
    weighted: <T>(entries: readonly (readonly [T, number])[]): T => {
      const total = entries.reduce((sum, [, w]) => sum + w, 0);
      let roll = next() * total;
      for (const [value, weight] of entries) {
        roll -= weight;
        if (roll < 0) return value;
      }
      return entries[entries.length - 1]![0];
    },
    hex32: () => u32().toString(16).padStart(8, '0') + u32().toString(16).padStart(8, '0') + u32().toString(16).padStart(8, '0') + u32().toString(16).padStart(8, '0'),
  };
}

/**
 * A stable sys_id for a named seed record (`sys_user:alex.rivera`), so the
 * cast and the illustrative tickets keep the same sys_ids in every run and
 * other tests can name them.
 */
export function stableSysId(key: string): string {
  return createHash('sha256').update(`ai-handoff-sandbox:${key}`).digest('hex').slice(0, 32);
}
