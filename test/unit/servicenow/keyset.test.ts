import fc from 'fast-check';
import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { PullPage } from '../../../src/connector/connector.js';
import { SETTLED_SYS_ID } from '../../../connectors/servicenow/keyset-cursor.js';
import { createMemoryWatermarkStore } from '../../../connectors/servicenow/watermark-store.js';
import { evaluate, serveTable, type Row } from './fake-table.js';
import { harness, instance, mapping, SYS } from './helpers.js';

beforeAll(() => nock.disableNetConnect());
afterEach(() => {
  nock.cleanAll();
});
afterAll(() => nock.enableNetConnect());

const incident = mapping('incident');

function row(n: number, updatedOn: string, active = true): Row {
  return { sys_id: SYS(n), sys_updated_on: updatedOn, active: String(active), number: `INC${String(n).padStart(7, '0')}` };
}

async function pullAll(pages: AsyncIterable<PullPage>): Promise<PullPage[]> {
  const out: PullPage[] = [];
  for await (const page of pages) out.push(page);
  return out;
}

const T1 = '2025-01-01 08:00:00';
const T2 = '2025-01-01 08:00:01';
const T3 = '2025-01-01 09:30:00';

describe('keyset pull', () => {
  it('sends the watermark as t>=W ^ (t>W ^OR sys_id>ID), never an offset', async () => {
    const rows = [row(5, T1), row(3, T1), row(9, T1), row(1, T2), row(7, T2, false)];
    const table = serveTable('incident', () => rows);
    const { connector } = harness({ pageSize: 2 });
    const pages = await pullAll(connector.pull(incident, null));
    // Two full pages, then an empty one that ends the pull and keeps the watermark.
    expect(pages.map((p) => p.records.map((r) => r.sys_id))).toEqual([[SYS(3), SYS(5)], [SYS(9), SYS(1)], []]);
    expect(pages.map((p) => p.watermark)).toEqual([{ updatedOn: T1, sysId: SYS(5) }, { updatedOn: T2, sysId: SYS(1) }, { updatedOn: T2, sysId: SYS(1) }]);
    expect(table.queries).toEqual([
      'active=true^ORDERBYsys_updated_on^ORDERBYsys_id',
      `active=true^sys_updated_on>=${T1}^sys_updated_on>${T1}^ORsys_id>${SYS(5)}^ORDERBYsys_updated_on^ORDERBYsys_id`,
      `active=true^sys_updated_on>=${T2}^sys_updated_on>${T2}^ORsys_id>${SYS(1)}^ORDERBYsys_updated_on^ORDERBYsys_id`,
    ]);
  });

  it('loses no row and repeats none across pages of equal timestamps (any data, any page size)', async () => {
    const { connector } = harness();
    const rowsArb = fc
      .uniqueArray(fc.integer({ min: 1, max: 5000 }), { maxLength: 60 })
      .chain((ids) => fc.tuple(fc.constant(ids), fc.array(fc.tuple(fc.constantFrom(T1, T2, T3), fc.boolean()), { minLength: ids.length, maxLength: ids.length })))
      .map(([ids, attrs]) => ids.map((id, i) => row(id, attrs[i]![0], attrs[i]![1])));
    await fc.assert(
      fc.asyncProperty(rowsArb, fc.integer({ min: 1, max: 9 }), async (rows, pageSize) => {
        nock.cleanAll();
        const table = serveTable('incident', () => rows);
        const pages = await pullAll(connector.pull(incident, null, { pageSize }));
        const seen = pages.flatMap((p) => p.records.map((r) => r.sys_id));
        const expected = evaluate('active=true^ORDERBYsys_updated_on^ORDERBYsys_id', rows).map((r) => r.sys_id);
        expect(seen).toEqual(expected);
        expect(new Set(seen).size).toBe(seen.length);
        expect(table.queries).toHaveLength(Math.floor(expected.length / pageSize) + 1);
        expect(table.queries.every((q) => !q.includes('sysparm_offset'))).toBe(true);
      }),
      { numRuns: 40 },
    );
  });

  it('would lose rows with the naive ^OR form, which the builder never writes', () => {
    // (t>W ^OR t=W) ^ sys_id>ID: ServiceNow binds ^OR to the condition before it, so the
    // sys_id condition applies to every row, later ones included.
    const rows = [row(2, T1), row(8, T1), row(1, T2), row(3, T3)];
    const naive = evaluate(`sys_updated_on>${T1}^ORsys_updated_on=${T1}^sys_id>${SYS(2)}^ORDERBYsys_updated_on^ORDERBYsys_id`, rows);
    const keyset = evaluate(`sys_updated_on>=${T1}^sys_updated_on>${T1}^ORsys_id>${SYS(2)}^ORDERBYsys_updated_on^ORDERBYsys_id`, rows);
    expect(naive.map((r) => r.sys_id)).toEqual([SYS(8), SYS(3)]);
    expect(keyset.map((r) => r.sys_id)).toEqual([SYS(8), SYS(1), SYS(3)]);
  });

  it('stops with SN_BAD_RESPONSE when the instance ignores the keyset instead of looping', async () => {
    const page = [row(1, T1), row(2, T1)];
    instance().persist().get((uri) => uri.startsWith('/api/now/table/incident?')).reply(200, { result: page });
    const { connector } = harness({ pageSize: 2 });
    await expect(pullAll(connector.pull(incident, null))).rejects.toMatchObject({ code: 'SN_BAD_RESPONSE' });
  });

  it('refuses a watermark that is not a (date-time, sys_id) pair', async () => {
    const { connector } = harness();
    await expect(pullAll(connector.pull(incident, { updatedOn: '2025-01-01T00:00:00Z', sysId: SYS(1) }))).rejects.toMatchObject({ code: 'INPUT_INVALID' });
    await expect(pullAll(connector.pull(incident, { updatedOn: T1, sysId: 'x^ORactive=false' }))).rejects.toMatchObject({ code: 'INPUT_INVALID' });
  });
});

describe('sync with a watermark store', () => {
  const now = Date.parse('2025-01-01T10:00:00Z');

  it('stores the watermark after each page is handled; a resync with no changes is one query', async () => {
    const rows = [row(1, T1), row(2, T1), row(3, T2), row(4, T3)];
    const table = serveTable('incident', () => rows);
    const watermarks = createMemoryWatermarkStore();
    const { connector } = harness({ pageSize: 3, settleSeconds: 60 }, { watermarks, now: () => now });
    const handled: string[][] = [];
    const first = await connector.sync(incident, (page) => {
      handled.push(page.records.map((r) => r.sys_id!));
      return Promise.resolve();
    });
    expect(handled).toEqual([[SYS(1), SYS(2), SYS(3)], [SYS(4)]]);
    expect(first).toEqual({ pages: 2, records: 4, stored: { updatedOn: T3, sysId: SYS(4) } });
    expect(await watermarks.get(connector.instanceId, 'incident')).toEqual({ updatedOn: T3, sysId: SYS(4) });

    table.queries.length = 0;
    const again = await connector.sync(incident, () => Promise.resolve());
    expect(again).toEqual({ pages: 1, records: 0, stored: { updatedOn: T3, sysId: SYS(4) } });
    expect(table.queries).toEqual([`active=true^sys_updated_on>=${T3}^sys_updated_on>${T3}^ORsys_id>${SYS(4)}^ORDERBYsys_updated_on^ORDERBYsys_id`]);
  });

  it('does not move the watermark past a page whose handler failed', async () => {
    serveTable('incident', () => [row(1, T1), row(2, T2), row(3, T3)]);
    const watermarks = createMemoryWatermarkStore();
    const { connector } = harness({ pageSize: 1 }, { watermarks, now: () => now });
    let calls = 0;
    await expect(
      connector.sync(incident, () => {
        calls += 1;
        return calls === 2 ? Promise.reject(new Error('handler crashed')) : Promise.resolve();
      }),
    ).rejects.toThrow('handler crashed');
    expect(await watermarks.get(connector.instanceId, 'incident')).toEqual({ updatedOn: T1, sysId: SYS(1) });
  });

  it('keeps the stored watermark behind changes younger than settleSeconds, and reads them again', async () => {
    const recent = '2025-01-01 09:59:30';
    const rows = [row(1, T1), row(2, recent)];
    const table = serveTable('incident', () => rows);
    const { connector } = harness({ settleSeconds: 60 }, { now: () => now });
    const first = await connector.sync(incident, () => Promise.resolve());
    expect(first.stored).toEqual({ updatedOn: '2025-01-01 09:59:00', sysId: SETTLED_SYS_ID });
    table.queries.length = 0;
    const seen: string[] = [];
    await connector.sync(incident, (page) => {
      seen.push(...page.records.map((r) => r.sys_id!));
      return Promise.resolve();
    });
    expect(table.queries).toEqual([`active=true^sys_updated_on>=2025-01-01 09:59:00^sys_updated_on>2025-01-01 09:59:00^ORsys_id>${SETTLED_SYS_ID}^ORDERBYsys_updated_on^ORDERBYsys_id`]);
    expect(seen).toEqual([SYS(2)]);
  });
});

describe('pull page watermarks', () => {
  it('report the exact last row for settled rows and hold back for young ones, while the pull itself moves on', async () => {
    const now = Date.parse('2025-01-01T10:00:00Z');
    const rows = [row(1, T1), row(2, T3), row(3, '2025-01-01 09:59:10'), row(4, '2025-01-01 09:59:50')];
    const table = serveTable('incident', () => rows);
    const { connector } = harness({ settleSeconds: 30, pageSize: 2 }, { now: () => now });
    const pages = await pullAll(connector.pull(incident, null));
    expect(pages.map((p) => p.watermark)).toEqual([
      { updatedOn: T3, sysId: SYS(2) },
      { updatedOn: '2025-01-01 09:59:30', sysId: SETTLED_SYS_ID },
      { updatedOn: '2025-01-01 09:59:30', sysId: SETTLED_SYS_ID },
    ]);
    expect(table.queries[2]).toContain(`sys_id>${SYS(4)}`);
  });
});

describe('memory watermark store', () => {
  it('only moves forward, per instance and table, and resets', async () => {
    const store = createMemoryWatermarkStore();
    await store.advance('a', 'incident', { updatedOn: T2, sysId: SYS(5) });
    await store.advance('a', 'incident', { updatedOn: T1, sysId: SYS(9) });
    await store.advance('a', 'incident', { updatedOn: T2, sysId: SYS(4) });
    expect(await store.get('a', 'incident')).toEqual({ updatedOn: T2, sysId: SYS(5) });
    expect(await store.get('b', 'incident')).toBeNull();
    await store.reset('a', 'incident');
    expect(await store.get('a', 'incident')).toBeNull();
  });
});
