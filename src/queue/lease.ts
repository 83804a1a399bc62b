/**
 * Short Redis leases (`SET key owner NX PX ms`): one holder at a time, released
 * only by its owner. Used where two live workers could act on one job after a
 * lost BullMQ lock (../shared/reference/bullmq-redis.md, "Delivery is at least
 * once", point 5) and to keep one sync poller per instance and table.
 */
import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import { luaScript } from './lua-script.js';

const RELEASE = luaScript(`if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0`);
const EXTEND = luaScript(`if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end return 0`);

export interface Lease {
  readonly key: string;
  readonly owner: string;
  /** Extends the lease; false if it was lost. */
  extend(ms: number): Promise<boolean>;
  release(): Promise<void>;
}

/** A fresh owner token for a lease. */
export function leaseOwner(): string {
  return randomBytes(12).toString('hex');
}

/**
 * The lease `owner` holds on `key`, taken by the caller itself (`SET key owner
 * NX PX` inside a script that reads under it in the same step: the panel
 * writer's, issue 13).
 */
export function heldLease(redis: Redis, key: string, owner: string): Lease {
  return {
    key,
    owner,
    extend: async (next) => (await EXTEND.run(redis, [key], [owner, String(next)])) === 1,
    release: async () => {
      await RELEASE.run(redis, [key], [owner]);
    },
  };
}

export async function acquireLease(redis: Redis, key: string, ms: number): Promise<Lease | null> {
  const owner = leaseOwner();
  const ok = await redis.set(key, owner, 'PX', ms, 'NX');
  return ok === 'OK' ? heldLease(redis, key, owner) : null;
}

/** Runs `fn` under the lease, or returns `undefined` when someone else holds it. */
export async function withLease<T>(redis: Redis, key: string, ms: number, fn: (lease: Lease) => Promise<T>): Promise<T | undefined> {
  const lease = await acquireLease(redis, key, ms);
  if (!lease) return undefined;
  try {
    return await fn(lease);
  } finally {
    await lease.release();
  }
}
