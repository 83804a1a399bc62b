/**
 * An in-memory `WatermarkStore`: for tests, benchmarks and one-shot commands.
 * A worker uses the Redis one (redis-watermark-store.ts), which survives restarts.
 */
import type { Watermark, WatermarkStore } from '../../src/connector/connector.js';
import { compareWatermarks } from './keyset-cursor.js';

export function createMemoryWatermarkStore(): WatermarkStore {
  const marks = new Map<string, Watermark>();
  const key = (instanceId: string, table: string): string => `${instanceId}\u0000${table}`;
  return {
    get: (instanceId, table) => Promise.resolve(marks.get(key(instanceId, table)) ?? null),
    advance(instanceId, table, mark) {
      const current = marks.get(key(instanceId, table));
      if (current === undefined || compareWatermarks(mark, current) > 0) marks.set(key(instanceId, table), { updatedOn: mark.updatedOn, sysId: mark.sysId });
      return Promise.resolve();
    },
    reset(instanceId, table) {
      marks.delete(key(instanceId, table));
      return Promise.resolve();
    },
  };
}
