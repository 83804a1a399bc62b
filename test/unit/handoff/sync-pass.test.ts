/**
 * One sync pass over fakes: every changed ticket's panel is refreshed (those
 * with a hand-off in flight are left to the flow), a retryable failure fails
 * the pass before the watermark moves, and one unreadable ticket does not.
 * Requests and reviews are no business of sync: they are rows the intake
 * polls.
 */
import { describe, expect, it } from 'vitest';
import type { Connector, PullPage, RawRecord, Watermark } from '../../../src/connector/connector.js';
import { HandoffError } from '../../../src/errors.js';
import type { PanelWriter } from '../../../src/handoff/panel-writer.js';
import type { PanelPolicy } from '../../../src/handoff/ports.js';
import { createSeenVersions, syncTable, type SeenVersions, type SyncStats, type WatermarkStore } from '../../../src/handoff/sync.js';
import { loadMappings } from '../../../src/mapping/load-mappings.js';
import { silentLogger } from '../../../src/util/log.js';

const mapping = loadMappings().byTable.get('incident')!;

function rec(n: number, extra: Record<string, string> = {}): RawRecord {
  return { sys_id: n.toString(16).padStart(32, '0'), sys_mod_count: '1', sys_updated_on: `2026-11-25 10:00:${String(n).padStart(2, '0')}`, ...extra };
}

function fakes(pages: RawRecord[][], refresh: (r: RawRecord) => Promise<boolean | 'busy' | 'in-flight'>, seen?: SeenVersions) {
  const refreshed: string[] = [];
  const options: unknown[] = [];
  let stored: Watermark | null = null;
  const connector = {
    instanceId: 'test',
    async *pull(): AsyncGenerator<PullPage> {
      for (const records of pages) {
        await Promise.resolve();
        const last = records[records.length - 1];
        yield { records, watermark: last ? { updatedOn: last.sys_updated_on!, sysId: last.sys_id! } : null };
      }
    },
  } as unknown as Connector;
  const panels: PanelWriter = {
    async refresh(_m, record, update) {
      refreshed.push(record.sys_id!);
      options.push(update);
      const outcome = await refresh(record);
      return { written: outcome === true, skipped: outcome === 'busy' || outcome === 'in-flight', inFlight: outcome === 'in-flight', panel: null, ticket: null, result: null };
    },
    refreshById: () => Promise.reject(new Error('not used')),
  };
  let context = 'ctx';
  const watermarks: WatermarkStore = {
    get: () => Promise.resolve({ watermark: stored, context }),
    set: (_i, _t, w, c) => {
      stored = w;
      context = c;
      return Promise.resolve();
    },
  };
  let policyContext = 'ctx';
  const policy = { contextDigest: () => Promise.resolve(policyContext) } as unknown as PanelPolicy;
  const deps = {
    connector,
    policy,
    panels,
    watermarks,
    log: silentLogger,
    panelConcurrency: 3,
    ...(seen ? { seen } : {}),
  };
  return {
    deps,
    refreshed,
    options,
    stored: () => stored,
    changePolicy: (next: string) => {
      policyContext = next;
    },
  };
}

describe('a sync pass', () => {
  it('refreshes every changed panel, leaving tickets with a hand-off in flight to the flow, and moves the watermark', async () => {
    const records = [rec(1), rec(2), rec(3), rec(4), rec(5)];
    const f = fakes([records.slice(0, 3), records.slice(3)], (r) => Promise.resolve(r.sys_id!.endsWith('3') ? true : r.sys_id!.endsWith('4') ? 'in-flight' : false));
    const stats = await syncTable(f.deps, mapping);
    expect(stats).toMatchObject({ pulled: 5, pages: 2, panelsWritten: 1, inFlight: 1, unreadable: 0 });
    expect(f.refreshed.sort()).toEqual(records.map((r) => r.sys_id!));
    expect(f.options.every((o) => JSON.stringify(o) === JSON.stringify({ skipIfBusy: true, skipIfInFlight: true }))).toBe(true);
    expect(f.stored()).toEqual({ updatedOn: rec(5).sys_updated_on, sysId: rec(5).sys_id });
  });

  it("tells its figures after each page (the full sync's progress line), as a copy", async () => {
    const f = fakes([[rec(1), rec(2)], [rec(3)]], () => Promise.resolve(true));
    const pages: SyncStats[] = [];
    const stats = await syncTable({ ...f.deps, onPage: (s) => pages.push(s) }, mapping);
    expect(pages.map((p) => [p.pages, p.pulled, p.panelsWritten])).toEqual([[1, 2, 2], [2, 3, 3]]);
    expect(pages[1]).toEqual(stats);
    expect(pages[0]).not.toBe(pages[1]);
  });

  it('fails the pass on a retryable error, leaving the watermark before that page', async () => {
    const f = fakes([[rec(1)], [rec(2), rec(3), rec(4)]], (r) => (r.sys_id!.endsWith('3') ? Promise.reject(new HandoffError('SN_RATE_LIMITED', 'slow down')) : Promise.resolve(false)));
    await expect(syncTable(f.deps, mapping)).rejects.toThrow('slow down');
    expect(f.stored()).toEqual({ updatedOn: rec(1).sys_updated_on, sysId: rec(1).sys_id });
  });

  it('counts an unreadable ticket and carries on', async () => {
    const f = fakes([[rec(1), rec(2)]], (r) => (r.sys_id!.endsWith('1') ? Promise.reject(new HandoffError('RECORD_INVALID', 'bad record')) : Promise.resolve(true)));
    const stats = await syncTable(f.deps, mapping);
    expect(stats).toMatchObject({ pulled: 2, panelsWritten: 1, unreadable: 1 });
    expect(f.stored()).toEqual({ updatedOn: rec(2).sys_updated_on, sysId: rec(2).sys_id });
  });

  it('does not recompute a panel for a version it already brought up to date, until the version or the policy changes', async () => {
    const seen = createSeenVersions();
    const records = [rec(1), rec(2), rec(3)];
    const pages = [records];
    const f = fakes(pages, (r) => Promise.resolve(r.sys_id!.endsWith('2') ? 'busy' : false), seen);
    expect(await syncTable(f.deps, mapping)).toMatchObject({ pulled: 3, alreadyCurrent: 0 });
    expect(f.refreshed).toHaveLength(3);

    // Read again (a young change): 1 and 3 are current; 2 was skipped as busy, so it is tried again.
    f.refreshed.length = 0;
    expect(await syncTable(f.deps, mapping)).toMatchObject({ pulled: 3, alreadyCurrent: 2 });
    expect(f.refreshed).toEqual([rec(2).sys_id]);

    // A new version of 3 is refreshed; a new policy context refreshes everything.
    pages[0] = [rec(1), rec(2), rec(3, { sys_mod_count: '2' })];
    f.refreshed.length = 0;
    expect(await syncTable(f.deps, mapping)).toMatchObject({ alreadyCurrent: 1 });
    expect(f.refreshed.sort()).toEqual([rec(2).sys_id, rec(3).sys_id]);
    f.changePolicy('ctx-2');
    f.refreshed.length = 0;
    expect(await syncTable(f.deps, mapping)).toMatchObject({ fullResync: true, alreadyCurrent: 0 });
    expect(f.refreshed).toHaveLength(3);
  });

  it('on an incremental pass pulls keys and versions, and reads whole only the versions it has not seen', async () => {
    const seen = createSeenVersions();
    const full = new Map([rec(1, { short_description: 'one' }), rec(2, { short_description: 'two' }), rec(3, { short_description: 'three' })].map((r) => [r.sys_id!, r]));
    const pulls: unknown[] = [];
    const asked: string[][] = [];
    const f = fakes([], () => Promise.resolve(false), seen);
    const keys = (r: RawRecord): RawRecord => ({ sys_id: r.sys_id!, sys_updated_on: r.sys_updated_on!, sys_mod_count: r.sys_mod_count! });
    Object.assign(f.deps.connector, {
      async *pull(_m: unknown, _since: unknown, options: { keysOnly?: boolean }): AsyncGenerator<PullPage> {
        pulls.push(options.keysOnly === true);
        await Promise.resolve();
        const records = [...full.values()].map((r) => (options.keysOnly === true ? keys(r) : r));
        yield { records, watermark: { updatedOn: records[2]!.sys_updated_on!, sysId: records[2]!.sys_id! } };
      },
      getMany: (_m: unknown, ids: readonly string[]) => {
        asked.push([...ids]);
        return Promise.resolve(ids.flatMap((id) => (full.has(id) ? [full.get(id)!] : [])));
      },
    });
    // The first pass has no watermark: whole records, nothing asked by id.
    expect(await syncTable(f.deps, mapping)).toMatchObject({ pulled: 3, readWhole: 0, alreadyCurrent: 0 });
    expect(pulls).toEqual([false]);
    expect(asked).toEqual([]);

    // Read again: keys only, every version seen, nothing read whole.
    f.refreshed.length = 0;
    expect(await syncTable(f.deps, mapping)).toMatchObject({ pulled: 3, readWhole: 0, alreadyCurrent: 3 });
    expect(pulls).toEqual([false, true]);
    expect(asked).toEqual([]);
    expect(f.refreshed).toEqual([]);

    // Someone changes 2: only 2 is read whole, and its panel refreshed from the whole record.
    full.set(rec(2).sys_id!, rec(2, { sys_mod_count: '2', short_description: 'two, changed' }));
    expect(await syncTable(f.deps, mapping)).toMatchObject({ pulled: 3, readWhole: 1, alreadyCurrent: 2 });
    expect(asked).toEqual([[rec(2).sys_id]]);
    expect(f.refreshed).toEqual([rec(2).sys_id]);
  });

  it('forgets the oldest versions beyond its size', () => {
    const seen = createSeenVersions(2);
    seen.add('a');
    seen.add('b');
    seen.add('c');
    expect([seen.has('a'), seen.has('b'), seen.has('c')]).toEqual([false, true, true]);
  });
});
