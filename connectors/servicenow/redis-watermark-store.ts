/**
 * A `WatermarkStore` on Redis (ioredis), so a worker restarted or replaced
 * carries on from where the last one stopped. One string key per instance and
 * table, `<prefix>:keyset:<instance>:<table>`, holding
 * `YYYY-MM-DD HH:mm:ss|<sys_id>`. Raw date-times are fixed-width and sys_ids
 * lower-case hex, so byte order is watermark order, and a Lua script moves the
 * value forward only (Redis compares strings byte-wise), atomically, whoever
 * else writes.
 */
import type { Redis } from 'ioredis';
import type { Watermark, WatermarkStore } from '../../src/connector/connector.js';
import { HandoffError } from '../../src/errors.js';
import { checkWatermark } from './keyset-cursor.js';

export interface RedisWatermarkStoreOptions {
  readonly redis: Redis;
  /** Key prefix, e.g. the deployment's queue prefix. Default `ai-handoff`. */
  readonly prefix?: string;
}

const ADVANCE = `
local current = redis.call('GET', KEYS[1])
if (not current) or ARGV[1] > current then
  redis.call('SET', KEYS[1], ARGV[1])
  return 1
end
return 0
`;

export function createRedisWatermarkStore({ redis, prefix = 'ai-handoff' }: RedisWatermarkStoreOptions): WatermarkStore {
  const key = (instanceId: string, table: string): string => `${prefix}:keyset:${instanceId}:${table}`;
  const fail = (cause: unknown, what: string): HandoffError =>
    new HandoffError('REDIS_UNAVAILABLE', `cannot ${what} the ServiceNow watermark in Redis`, { cause, remedy: 'check that Redis is reachable' });

  return {
    async get(instanceId, table) {
      let value: string | null;
      try {
        value = await redis.get(key(instanceId, table));
      } catch (cause) {
        throw fail(cause, 'read');
      }
      if (value === null) return null;
      const at = value.indexOf('|');
      const mark: Watermark = { updatedOn: value.slice(0, at), sysId: value.slice(at + 1) };
      checkWatermark(mark, table);
      return mark;
    },
    async advance(instanceId, table, mark) {
      checkWatermark(mark, table);
      try {
        await redis.eval(ADVANCE, 1, key(instanceId, table), `${mark.updatedOn}|${mark.sysId}`);
      } catch (cause) {
        throw fail(cause, 'store');
      }
    },
    async reset(instanceId, table) {
      try {
        await redis.del(key(instanceId, table));
      } catch (cause) {
        throw fail(cause, 'reset');
      }
    },
  };
}
