/**
 * Sync: one pass over one table. Pulls the active tickets changed since the
 * watermark (keyset, page by page), keeps each one's panel and status current,
 * and hands any request or review it finds to the intake queue. The watermark
 * advances after each page, so a crash repeats at most one page.
 *
 * When anything besides the tickets that decides panels changes (policy
 * version, switches, group settings, budgets: `contextDigest`), the watermark
 * is reset and every active ticket is pulled once more.
 */
import type { Redis } from 'ioredis';
import type { Connector, RawRecord, Watermark } from '../connector/connector.js';
import { isHandoffError } from '../errors.js';
import type { TableMapping } from '../mapping/mapping-schema.js';
import type { Logger } from '../util/log.js';
import type { PanelWriter } from './panel-writer.js';
import type { PanelPolicy } from './ports.js';

export interface WatermarkStore {
  get(instance: string, table: string): Promise<{ readonly watermark: Watermark | null; readonly context: string | null }>;
  set(instance: string, table: string, watermark: Watermark | null, context: string): Promise<void>;
}

/** Watermarks in Redis, per instance and table, with the context digest they were taken under. */
export function createRedisWatermarks(redis: Redis, prefix: string): WatermarkStore {
  const key = (instance: string, table: string): string => `${prefix}:watermark:${instance}:${table}`;
  return {
    async get(instance, table) {
      const [updatedOn, sysId, context] = await redis.hmget(key(instance, table), 'updatedOn', 'sysId', 'context');
      return { watermark: updatedOn && sysId ? { updatedOn, sysId } : null, context: context ?? null };
    },
    async set(instance, table, watermark, context) {
      if (watermark) await redis.hset(key(instance, table), 'updatedOn', watermark.updatedOn, 'sysId', watermark.sysId, 'context', context);
      else await redis.hset(key(instance, table), 'context', context);
    },
  };
}

export interface SyncDeps {
  readonly connector: Connector;
  readonly policy: PanelPolicy;
  readonly panels: PanelWriter;
  readonly watermarks: WatermarkStore;
  readonly intake: { pickup(table: string, record: RawRecord): Promise<void>; review(table: string, record: RawRecord): Promise<void> };
  readonly log: Logger;
  readonly pageSize?: number;
}

export interface SyncStats {
  readonly table: string;
  readonly pulled: number;
  readonly pages: number;
  readonly panelsWritten: number;
  readonly requests: number;
  readonly reviews: number;
  readonly unreadable: number;
  readonly fullResync: boolean;
}

export async function syncTable(deps: SyncDeps, mapping: TableMapping, signal?: AbortSignal): Promise<SyncStats> {
  const { connector, policy, panels, watermarks, intake, log } = deps;
  const context = await policy.contextDigest();
  const saved = await watermarks.get(connector.instanceId, mapping.table);
  const fullResync = saved.context !== context;
  let since = fullResync ? null : saved.watermark;
  const stats = { table: mapping.table, pulled: 0, pages: 0, panelsWritten: 0, requests: 0, reviews: 0, unreadable: 0, fullResync };

  for await (const page of connector.pull(mapping, since, { ...(deps.pageSize === undefined ? {} : { pageSize: deps.pageSize }), ...(signal ? { signal } : {}) })) {
    stats.pages++;
    for (const record of page.records) {
      stats.pulled++;
      if ((record[mapping.ai.request] ?? '').trim() !== '') {
        stats.requests++;
        await intake.pickup(mapping.table, record);
      }
      if ((record[mapping.ai.review] ?? '').trim() !== '') {
        stats.reviews++;
        await intake.review(mapping.table, record);
      }
      try {
        const result = await panels.refresh(mapping, record, { skipIfBusy: true });
        if (result.written) stats.panelsWritten++;
      } catch (error) {
        // A busy or rate-limited instance fails the pass (the job retries it);
        // one unreadable ticket must not stop the table: it is logged and
        // retried when it changes.
        if (isHandoffError(error) && error.retryable) throw error;
        stats.unreadable++;
        log.warn('panel not refreshed', { table: mapping.table, sysId: record.sys_id, error });
      }
    }
    since = page.watermark ?? since;
    await watermarks.set(connector.instanceId, mapping.table, since, context);
    if (signal?.aborted) break;
  }
  if (stats.pages === 0) await watermarks.set(connector.instanceId, mapping.table, since, context);
  return stats;
}
