/**
 * The usage store on Redis: one hash per group and period, one per
 * hand-off, incremented atomically in one script so parallel workers never lose
 * an update (a group's listing and its increment together: one round
 * trip, issue 13). Group names are URI-encoded in keys (they hold spaces). A set
 * per period lists the groups with usage, so the panel can show the budget
 * state of every group that spent anything, capped by name or by default.
 */
import type { Redis } from 'ioredis';
import { luaScript } from '../queue/lua-script.js';
import { ZERO, type UsageStore, type UsageTotals } from './budget.js';

const FIELDS = ['promptTokens', 'completionTokens', 'costMicros', 'calls'] as const;
/** How long a hand-off's usage is kept, in seconds (for the audit and reports). */
const HANDOFF_TTL_SECONDS = 400 * 24 * 3600;

/**
 * KEYS: the totals' hash, then (optional) the period's group set. ARGV: the
 * TTL, the four deltas in FIELDS order, then (with the set) the group. Adds
 * the non-zero deltas, lists the group, sets the TTLs and answers the new
 * totals: one round trip and one command per usage update (issue 13: the
 * built-in provider's usage is a call and zero tokens).
 */
const ADD = luaScript(`
local fields = {'promptTokens', 'completionTokens', 'costMicros', 'calls'}
for i = 1, 4 do
  local delta = tonumber(ARGV[i + 1])
  if delta ~= 0 then redis.call('HINCRBY', KEYS[1], fields[i], delta) end
end
redis.call('EXPIRE', KEYS[1], ARGV[1])
if KEYS[2] then
  redis.call('SADD', KEYS[2], ARGV[6])
  redis.call('EXPIRE', KEYS[2], ARGV[1])
end
return redis.call('HMGET', KEYS[1], fields[1], fields[2], fields[3], fields[4])
`);

export function createRedisUsageStore(redis: Redis, options: { readonly prefix: string }): UsageStore {
  const groupKey = (group: string, period: string) => `${options.prefix}:ai:usage:group:${encodeURIComponent(group)}:${period}`;
  const handoffKey = (id: string) => `${options.prefix}:ai:usage:handoff:${id}`;
  const groupsKey = (period: string) => `${options.prefix}:ai:usage:groups:${period}`;

  /** Adds `delta` to the totals at `key` (and lists `group` in `set`), atomically, answering the new totals. */
  const add = async (key: string, delta: UsageTotals, ttl: number, listed?: { set: string; group: string }): Promise<UsageTotals> => {
    for (const field of FIELDS) {
      if (!Number.isSafeInteger(delta[field])) throw new Error(`usage ${field} must be a whole number, got ${delta[field]}`);
    }
    const values = (await ADD.run(
      redis,
      listed === undefined ? [key] : [key, listed.set],
      [String(ttl), ...FIELDS.map((f) => String(delta[f])), ...(listed === undefined ? [] : [listed.group])],
    )) as (string | null)[];
    return totalsFrom(values.map((v) => Number(v ?? 0)));
  };
  const read = async (key: string): Promise<UsageTotals> => {
    const values = await redis.hmget(key, ...FIELDS);
    return values.every((v) => v === null) ? ZERO : totalsFrom(values.map((v) => Number(v ?? 0)));
  };

  return {
    addGroup(group, period, delta, ttl) {
      // Listed in the same script as the increment (one Redis, no Cluster: docs/deploy.md), so a group with usage is always listed.
      return add(groupKey(group, period), delta, ttl, { set: groupsKey(period), group });
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
