/**
 * Sync: one pass over one table. Pulls the active tickets changed since the
 * watermark (keyset, page by page) and keeps each one's panel and status
 * current. Requests and reviews are rows of the app's tables, which the
 * intake notices (intake.ts), so sync can run seldom (worker.syncIntervalMs,
 * 10 s by default). The watermark advances after each page, so a crash
 * repeats at most one page. An incremental pass pulls keys and versions, and
 * reads whole only the tickets at a version it has not brought up to date
 * (the connector's settle window reads young changes again every pass).
 *
 * When anything besides the tickets that decides panels changes (policy
 * version, switches, group settings, budgets: `contextDigest`), the watermark
 * is reset and every active ticket is pulled once more.
 */
import type { Redis } from 'ioredis';
import { GET_MANY_MAX, type Connector, type RawRecord, type Watermark } from '../connector/connector.js';
import { isHandoffError } from '../errors.js';
import type { TableMapping } from '../mapping/mapping-schema.js';
import type { Logger } from '../util/log.js';
import type { PanelWriter } from './panel-writer.js';
import type { PanelPolicy } from './ports.js';
import { versionOf, type SeenVersions } from './seen-versions.js';

export { createSeenVersions, type SeenVersions } from './seen-versions.js';

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

/**
 * Panels refreshed at once within a page by default: each is a few Redis
 * reads and at most one PATCH (itself capped by the connector's concurrency),
 * so a pass over a page of young changes is not one round trip after another.
 */
const PANEL_CONCURRENCY = 8;

/** Runs `task` over `items`, at most `limit` at a time. */
async function eachLimited<T>(items: readonly T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < items.length) await task(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
}

export interface SyncDeps {
  readonly connector: Connector;
  readonly policy: PanelPolicy;
  readonly panels: PanelWriter;
  readonly watermarks: WatermarkStore;
  readonly log: Logger;
  readonly pageSize?: number;
  /** Panels refreshed at once within a page; default 8. */
  readonly panelConcurrency?: number;
  /** Versions already brought up to date; default none (every pulled ticket is refreshed). */
  readonly seen?: SeenVersions;
  /** Called after each page with the pass's figures so far (the first sync's progress line). */
  readonly onPage?: (stats: SyncStats) => void;
}

export interface SyncStats {
  readonly table: string;
  readonly pulled: number;
  readonly pages: number;
  /** Of an incremental pass (which pulls keys and versions): the records read whole, those whose version it had not seen. */
  readonly readWhole?: number;
  readonly panelsWritten: number;
  /** Tickets left to the flow because a hand-off of theirs is queued or running. */
  readonly inFlight: number;
  readonly unreadable: number;
  /** Tickets read again at a version whose panel was already brought up to date (not recomputed). */
  readonly alreadyCurrent: number;
  readonly fullResync: boolean;
}

export async function syncTable(deps: SyncDeps, mapping: TableMapping, signal?: AbortSignal): Promise<SyncStats> {
  const { connector, policy, panels, watermarks, log } = deps;
  const context = await policy.contextDigest();
  const saved = await watermarks.get(connector.instanceId, mapping.table);
  const fullResync = saved.context !== context;
  let since = fullResync ? null : saved.watermark;
  const stats = { table: mapping.table, pulled: 0, pages: 0, readWhole: 0, panelsWritten: 0, inFlight: 0, unreadable: 0, alreadyCurrent: 0, fullResync };
  const { seen } = deps;
  if (fullResync) seen?.clear();

  // An incremental pass reads keys and versions first, then the whole record only of versions it has not
  // seen: the settle window brings every young change back each pass, mostly the worker's own writes
  // (issue 13). A full resync reads whole records at once (nearly all of them are new to it).
  const getMany = connector.getMany?.bind(connector);
  const keysOnly = since !== null && seen !== undefined && getMany !== undefined;
  for await (const page of connector.pull(mapping, since, { ...(deps.pageSize === undefined ? {} : { pageSize: deps.pageSize }), ...(signal ? { signal } : {}), ...(keysOnly ? { keysOnly } : {}) })) {
    stats.pages++;
    stats.pulled += page.records.length;
    const quiet: RawRecord[] = [];
    const unseen: string[] = [];
    for (const record of page.records) {
      const version = versionOf(mapping.table, record);
      if (version !== null && seen?.has(version)) stats.alreadyCurrent++;
      else if (keysOnly && record.sys_id) unseen.push(record.sys_id);
      else if (!keysOnly) quiet.push(record);
    }
    for (let i = 0; getMany !== undefined && i < unseen.length; i += GET_MANY_MAX) {
      const whole = await getMany(mapping, unseen.slice(i, i + GET_MANY_MAX));
      stats.readWhole += whole.length;
      quiet.push(...whole);
    }
    const failed: { error?: Error } = {};
    await eachLimited(quiet, deps.panelConcurrency ?? PANEL_CONCURRENCY, async (record) => {
      if (failed.error) return;
      try {
        const result = await panels.refresh(mapping, record, { skipIfBusy: true, skipIfInFlight: true });
        if (result.written) stats.panelsWritten++;
        if (result.inFlight === true) stats.inFlight++;
        const version = versionOf(mapping.table, record);
        if (!result.skipped && version !== null) seen?.add(version);
      } catch (error) {
        // A busy or rate-limited instance fails the pass (the job retries it);
        // one unreadable ticket must not stop the table: it is logged and
        // retried when it changes.
        if (isHandoffError(error) && error.retryable) {
          failed.error ??= error;
          return;
        }
        stats.unreadable++;
        log.warn('panel not refreshed', { table: mapping.table, sysId: record.sys_id, error });
      }
    });
    if (failed.error) throw failed.error;
    since = page.watermark ?? since;
    await watermarks.set(connector.instanceId, mapping.table, since, context);
    deps.onPage?.({ ...stats });
    if (signal?.aborted) break;
  }
  if (stats.pages === 0) await watermarks.set(connector.instanceId, mapping.table, since, context);
  return stats;
}
