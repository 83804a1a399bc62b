/**
 * The usage store on Redis: one hash per group and period, one per
 * hand-off, incremented atomically in a MULTI so parallel workers never lose
 * an update (a group's listing and its increment in one MULTI: one round
 * trip, issue 13). Group names are URI-encoded in keys (they hold spaces). A set
 * per period lists the groups with usage, so the panel can show the budget
 * state of every group that spent anything, capped by name or by default.
 */
import type { ChainableCommander, Redis } from 'ioredis';
import { ZERO, type UsageStore, type UsageTotals } from './budget.js';

const FIELDS = ['promptTokens', 'completionTokens', 'costMicros', 'calls'] as const;
/** How long a hand-off's usage is kept, in seconds (for the audit and reports). */
const HANDOFF_TTL_SECONDS = 400 * 24 * 3600;

export function createRedisUsageStore(redis: Redis, options: { readonly prefix: string }): UsageStore {
  const groupKey = (group: string, period: string) => `${options.prefix}:ai:usage:group:${encodeURIComponent(group)}:${period}`;
  const handoffKey = (id: string) => `${options.prefix}:ai:usage:handoff:${id}`;
  const groupsKey = (period: string) => `${options.prefix}:ai:usage:groups:${period}`;

  /** Increments `key` by `delta` in a MULTI, after any commands `first` queued in it (their results are skipped). */
  const add = async (key: string, delta: UsageTotals, ttl: number, first?: (multi: ChainableCommander) => number): Promise<UsageTotals> => {
    const multi = redis.multi();
    const skip = first?.(multi) ?? 0;
    for (const field of FIELDS) multi.hincrby(key, field, delta[field]);
    multi.expire(key, ttl);
    const results = await multi.exec();
    if (results === null) throw new Error(`usage update of ${key} was aborted`);
    for (const [error] of results.slice(0, skip)) if (error !== null) throw error;
    const values = results.slice(skip, skip + FIELDS.length).map(([error, value]) => {
      if (error !== null) throw error;
      return Number(value);
    });
    return totalsFrom(values);
  };
  const read = async (key: string): Promise<UsageTotals> => {
    const values = await redis.hmget(key, ...FIELDS);
    return values.every((v) => v === null) ? ZERO : totalsFrom(values.map((v) => Number(v ?? 0)));
  };

  return {
    addGroup(group, period, delta, ttl) {
      // Listed in the same MULTI as the increment (one Redis, no Cluster: docs/deploy.md), so a group with usage is always listed.
      return add(groupKey(group, period), delta, ttl, (multi) => {
        multi.sadd(groupsKey(period), group).expire(groupsKey(period), ttl);
        return 2;
      });
    },
    group: (group, period) => read(groupKey(group, period)),
    addHandoff: (id, delta) => add(handoffKey(id), delta, HANDOFF_TTL_SECONDS),
    handoff: (id) => read(handoffKey(id)),
    groups: (period) => redis.smembers(groupsKey(period)),
  };
}

function totalsFrom(values: readonly number[]): UsageTotals {
  const [promptTokens = 0, completionTokens = 0, costMicros = 0, calls = 0] = values;
  return { promptTokens, completionTokens, costMicros, calls };
}
