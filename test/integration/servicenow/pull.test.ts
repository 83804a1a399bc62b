/**
 * Pulling tickets through the real connector from the sandbox over loopback
 * HTTP: keyset pages across long runs of equal sys_updated_on (made by
 * changing many tickets within one second of the sandbox clock), nothing lost
 * or repeated; incremental syncs that survive a restart (Redis watermarks)
 * and read exactly what changed; and the settle hold-back re-reading changes
 * too young to pass.
 */
import { Redis } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import { createRedisWatermarkStore } from '../../../connectors/servicenow/redis-watermark-store.js';
import type { RawRecord } from '../../../src/connector/connector.js';
import { redisUrl, testPrefix } from '../../support/redis.js';
import { activeSysIds, countRequests, createAs, duplicates, mapping, pullAll, rowsOf, startWorld, TABLES, updateAs, type World } from './sandbox-world.js';

let world: World | undefined;
const redis: Redis[] = [];
afterEach(async () => {
  await world?.close();
  world = undefined;
  await Promise.all(redis.splice(0).map((r) => r.quit()));
});

/** Changes `share` of the active tickets of every table within the current second: long runs of equal sys_updated_on. */
function makeTies(w: World, share: number): Map<string, string[]> {
  const tied = new Map<string, string[]>();
  for (const table of TABLES) {
    const active = rowsOf(w.sandbox, table, (r) => r.v.active === 'true');
    const chosen = active.filter((_, i) => i % Math.round(1 / share) === 0);
    for (const row of chosen) updateAs(w.sandbox, 'alex.rivera', row, { short_description: `${row.v.short_description ?? ''} (checked)` });
    tied.set(table, chosen.map((r) => r.v.sys_id!));
  }
  return tied;
}

const keyOf = (r: RawRecord): string => `${r.sys_updated_on ?? ''} ${r.sys_id ?? ''}`;

describe('keyset pull against the sandbox', () => {
  it('returns every active ticket of each mapped table once, in order, across pages inside runs of equal timestamps', async () => {
    world = await startWorld({ sandbox: { seed: { tickets: 1500, generator: { seed: 11 } } } });
    const tied = makeTies(world, 0.3);
    const PAGE = 23;
    for (const table of TABLES) {
      const expected = activeSysIds(world.sandbox, table);
      const requests = countRequests(world.sandbox, { table, method: 'GET' });
      const rows = await pullAll(world.connector, table, PAGE);
      const ids = rows.map((r) => r.sys_id ?? '');
      expect(duplicates(ids), `${table}: rows repeated`).toEqual([]);
      expect(new Set(ids), `${table}: rows lost or extra`).toEqual(new Set(expected));
      const keys = rows.map(keyOf);
      expect(keys, `${table}: strictly ordered by (sys_updated_on, sys_id)`).toEqual([...keys].sort());
      // The ties are real and span several pages.
      const stamp = rows.find((r) => r.sys_id === tied.get(table)![0])!.sys_updated_on;
      const run = rows.filter((r) => r.sys_updated_on === stamp).length;
      expect(run, `${table}: one second holds many rows`).toBe(tied.get(table)!.length);
      if (table === 'incident' || table === 'sc_request') expect(run).toBeGreaterThan(2 * PAGE);
      // Keyset, not offset: one request per page and one more only when the last page is full.
      expect(requests()).toBe(Math.floor(expected.length / PAGE) + 1);
      // Every row carries the mapping's fields, dot-walks included, as strings.
      expect(Object.keys(rows[0]!).sort()).toEqual(expect.arrayContaining(['sys_id', 'sys_updated_on', 'number', world.sandbox.appFields.panel]));
    }
  });

  it('syncs incrementally after a restart: exactly the changed active tickets, then one query per table and nothing', async () => {
    world = await startWorld({ sandbox: { seed: { tickets: 600, generator: { seed: 5 } } }, config: { settleSeconds: 0, pageSize: 40 } });
    const w = world;
    const prefix = testPrefix('sn-sync');
    const store = () => {
      const r = new Redis(redisUrl(), { maxRetriesPerRequest: 1 });
      redis.push(r);
      return createRedisWatermarkStore({ redis: r, prefix });
    };
    const first = w.connect({ connector: { watermarks: store() } });
    makeTies(w, 0.25);
    // Even with settleSeconds 0 the current second is held back (more rows may still land in it).
    w.clock.advance(1000);
    for (const table of TABLES) {
      const result = await first.sync(mapping(table), () => Promise.resolve());
      expect(result.records).toBe(activeSysIds(w.sandbox, table).length);
    }

    // Changes one second later: ties among the updates, a closed incident, a new one, a new request item.
    w.clock.advance(1000);
    const incidents = rowsOf(w.sandbox, 'incident', (r) => r.v.active === 'true');
    const touched = incidents.slice(0, 45);
    for (const row of touched) updateAs(w.sandbox, 'raj.patel', row, { description: `${row.v.description ?? ''}\nUpdate: still seen.` });
    const closed = incidents[50]!;
    updateAs(w.sandbox, 'alex.rivera', closed, { state: '8' });
    expect(closed.v.active).toBe('false');
    const created = createAs(w.sandbox, 'alex.rivera', 'incident', { short_description: 'VPN drops every hour', impact: '2', urgency: '2' });
    const item = createAs(w.sandbox, 'alex.rivera', 'sc_req_item', { short_description: 'Access to the finance share' });
    w.clock.advance(1000);

    // A new connector on the same Redis store: a restarted worker.
    const restarted = w.connect({ connector: { watermarks: store() } });
    const requests = countRequests(w.sandbox, { method: 'GET' });
    const seen = new Map<string, string[]>();
    for (const table of TABLES) {
      const ids: string[] = [];
      await restarted.sync(mapping(table), (page) => {
        ids.push(...page.records.map((r) => r.sys_id ?? ''));
        return Promise.resolve();
      });
      seen.set(table, ids);
    }
    expect(new Set(seen.get('incident'))).toEqual(new Set([...touched.map((r) => r.v.sys_id!), created.v.sys_id!]));
    expect(seen.get('incident')).toHaveLength(touched.length + 1);
    expect(seen.get('sc_req_item')).toEqual([item.v.sys_id!]);
    for (const table of ['sc_request', 'sn_si_incident', 'rm_enhancement']) expect(seen.get(table), table).toEqual([]);
    expect(requests(), 'two 40-row pages of incidents, one page each elsewhere').toBe(TABLES.length + 1);

    // Nothing changed: one query per table, no rows, no writes.
    const quiet = countRequests(w.sandbox, {});
    const writesBefore = w.sandbox.writeLog.lastSeq;
    for (const table of TABLES) expect((await restarted.sync(mapping(table), () => Promise.resolve())).records).toBe(0);
    expect(quiet()).toBe(TABLES.length);
    expect(w.sandbox.writeLog.lastSeq).toBe(writesBefore);
  });

  it('holds the stored watermark behind changes younger than settleSeconds, reading them again until they settle', async () => {
    world = await startWorld({ sandbox: { seed: { tickets: 200, generator: { seed: 3 } } }, config: { settleSeconds: 60 } });
    const w = world;
    const incident = mapping('incident');
    await w.connector.sync(incident, () => Promise.resolve());
    const stamped = rowsOf(w.sandbox, 'incident', (r) => r.v.active === 'true').slice(0, 7);
    for (const row of stamped) updateAs(w.sandbox, 'alex.rivera', row, { short_description: `${row.v.short_description ?? ''}.` });
    const young = new Set(stamped.map((r) => r.v.sys_id!));

    const again = async (): Promise<Set<string>> => {
      const ids = new Set<string>();
      await w.connector.sync(incident, (page) => {
        for (const r of page.records) ids.add(r.sys_id ?? '');
        return Promise.resolve();
      });
      return ids;
    };
    w.clock.advance(30_000);
    expect(await again(), 'younger than 60 s: read').toEqual(young);
    expect((await w.connector.watermarks.get(w.connector.instanceId, 'incident'))?.sysId).toBe('0'.repeat(32));
    expect(await again(), 'still young: read again').toEqual(young);
    w.clock.advance(31_000);
    expect(await again(), 'settled: read a last time').toEqual(young);
    expect(await again(), 'then nothing').toEqual(new Set());
  });

  it('pulls keys and versions only when asked, and reads the records it names whole in one call (getMany)', async () => {
    world = await startWorld({ sandbox: { seed: { tickets: 300, generator: { seed: 7 } } } });
    const w = world;
    const m = mapping('incident');
    const keys: RawRecord[] = [];
    for await (const page of w.connector.pull(m, null, { pageSize: 50, keysOnly: true })) keys.push(...page.records);
    const active = activeSysIds(w.sandbox, 'incident');
    expect(new Set(keys.map((r) => r.sys_id))).toEqual(new Set(active));
    for (const r of keys) expect(Object.keys(r).sort()).toEqual(['sys_id', 'sys_mod_count', 'sys_updated_on']);

    // Three active tickets and one that is not: the inactive one is left out; each comes with the pull's fields.
    const inactive = rowsOf(w.sandbox, 'incident', (r) => r.v.active !== 'true')[0]!.v.sys_id!;
    const wanted = [...active.slice(0, 3), inactive];
    const requests = countRequests(w.sandbox, { table: 'incident', method: 'GET' });
    const whole = await w.connector.getMany!(m, wanted);
    expect(requests()).toBe(1);
    expect(new Set(whole.map((r) => r.sys_id))).toEqual(new Set(active.slice(0, 3)));
    const full: RawRecord[] = [];
    for await (const page of w.connector.pull(m, null, { pageSize: 500 })) full.push(...page.records);
    for (const r of whole) expect(r).toEqual(full.find((f) => f.sys_id === r.sys_id));
    await expect(w.connector.getMany!(m, Array.from({ length: 101 }, () => active[0]!))).rejects.toThrow('at most 100');
    expect(await w.connector.getMany!(m, [])).toEqual([]);
  });
});
