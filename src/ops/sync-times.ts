/**
 * When each table's sync pass last completed, in Redis, so that every worker
 * process reports the same lag whichever of them ran the pass (a lease lets
 * one process at a time sync a table). Written from the runtime's `onSync`
 * hook; read by readiness and /metrics.
 */
import type { Redis } from 'ioredis';

export interface SyncTimes {
  /** Records a completed pass of `table` now. */
  completed(table: string): Promise<void>;
  /** Seconds since each table's last completed pass; null for a table never synced. */
  lags(tables: readonly string[]): Promise<Record<string, number | null>>;
}

export function createSyncTimes(redis: Redis, prefix: string, instanceId: string, now: () => number = Date.now): SyncTimes {
  const key = (table: string): string => `${prefix}:ops:synced:${instanceId}:${table}`;
  return {
    async completed(table) {
      await redis.set(key(table), String(now()));
    },
    async lags(tables) {
      const out: Record<string, number | null> = {};
      if (tables.length === 0) return out;
      const values = await redis.mget(...tables.map(key));
      tables.forEach((table, i) => {
        const at = Number(values[i]);
        out[table] = values[i] === null || !Number.isFinite(at) ? null : Math.max(0, (now() - at) / 1000);
      });
      return out;
    },
  };
}
