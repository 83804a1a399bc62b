/**
 * Fetching the next keyset page while the current one is parsed: the guess
 * read from a page's text (`peekFullPage`), and what `keysetPages` does with
 * a right guess, a wrong one and a consumer that stops early. The table
 * client here is a fake in memory: the module under test is the cursor.
 */
import { describe, expect, it } from 'vitest';
import { keysetPages, peekFullPage, type KeysetSpec } from '../../../connectors/servicenow/keyset-cursor.js';
import type { ListAnswer, ListRequest, TableClient } from '../../../connectors/servicenow/table-client.js';
import type { RawRecord } from '../../../src/connector/connector.js';
import { SYS } from './helpers.js';

const T1 = '2025-01-01 08:00:00';
const T2 = '2025-01-01 08:00:01';
const row = (n: number, at: string, extra: Record<string, string> = {}): RawRecord => ({ number: `INC${n}`, sys_updated_on: at, sys_id: SYS(n), ...extra });
const body = (rows: readonly RawRecord[]): string => JSON.stringify({ result: rows });

describe('peekFullPage', () => {
  it('reads the last row of a full page from compact JSON', () => {
    expect(peekFullPage(body([row(1, T1), row(2, T2)]), 2, 'sys_updated_on')).toEqual({ updatedOn: T2, sysId: SYS(2) });
    expect(peekFullPage(body([row(1, T1), row(2, T2)]), 2, 'sys_created_on')).toBeNull();
  });

  it('gives no guess for a short or an over-full page, pretty-printed JSON, or an error', () => {
    expect(peekFullPage(body([row(1, T1)]), 2, 'sys_updated_on')).toBeNull();
    expect(peekFullPage(body([row(1, T1), row(2, T1), row(3, T2)]), 2, 'sys_updated_on')).toBeNull();
    expect(peekFullPage(JSON.stringify({ result: [row(1, T1), row(2, T2)] }, null, 1), 2, 'sys_updated_on')).toBeNull();
    expect(peekFullPage(JSON.stringify({ error: { message: 'sys_id', detail: null }, status: 'failure' }), 1, 'sys_updated_on')).toBeNull();
    expect(peekFullPage(body([row(1, T1), { ...row(2, T2), sys_id: 'not-a-sys-id-but-32-characters!!' }]), 2, 'sys_updated_on')).toBeNull();
  });

  it('is not fooled by keys inside values or by dot-walked keys', () => {
    const tricky = row(2, T2, { description: `copied: "sys_id":"${SYS(9)}" and "sys_updated_on":"2030-01-01 00:00:00"`, 'caller_id.sys_id': SYS(7) });
    const text = body([row(1, T1), tricky]);
    expect(text).toContain('\\"sys_id\\":\\"');
    expect(peekFullPage(text, 2, 'sys_updated_on')).toEqual({ updatedOn: T2, sysId: SYS(2) });
  });
});

/** A table client over fixed pages, recording each request's query and whether its signal was aborted. */
function fakeClient(pages: ReadonlyArray<{ text: string; rows: readonly RawRecord[] }>) {
  const calls: Array<{ query: string; signal: AbortSignal | undefined }> = [];
  const client: TableClient = {
    listAnswer(_table: string, request: ListRequest): Promise<ListAnswer> {
      const page = pages[calls.length] ?? { text: body([]), rows: [] };
      calls.push({ query: request.query, signal: request.signal });
      return Promise.resolve({ text: page.text, records: () => [...page.rows] });
    },
    list: () => Promise.reject(new Error('not used')),
    get: () => Promise.reject(new Error('not used')),
    patch: () => Promise.reject(new Error('not used')),
    insert: () => Promise.reject(new Error('not used')),
  };
  return { client, calls };
}

const spec: KeysetSpec = { table: 'incident', fields: ['number'], conditions: [], allowed: [], pageSize: 2 };

describe('keysetPages fetching ahead', () => {
  it('asks for the next page before handing this one over when the guess is right', async () => {
    const first = [row(1, T1), row(2, T1)];
    const { client, calls } = fakeClient([{ text: body(first), rows: first }, { text: body([row(3, T2)]), rows: [row(3, T2)] }]);
    const pages = keysetPages(client, spec, null);
    const page = await pages.next();
    expect(page.value?.records).toEqual(first);
    expect(calls.map((c) => c.query)).toEqual(['ORDERBYsys_updated_on^ORDERBYsys_id', `sys_updated_on>=${T1}^sys_updated_on>${T1}^ORsys_id>${SYS(2)}^ORDERBYsys_updated_on^ORDERBYsys_id`]);
    expect((await pages.next()).value?.records).toEqual([row(3, T2)]);
    expect((await pages.next()).done).toBe(true);
    expect(calls).toHaveLength(2);
    expect(calls.some((c) => c.signal?.aborted)).toBe(false);
  });

  it('aborts a wrong guess and asks again from the parsed last row', async () => {
    const first = [row(1, T1), row(2, T1)];
    // The text says the page ends at row 5; the parsed rows end at row 2.
    const { client, calls } = fakeClient([{ text: body([row(4, T1), row(5, T2)]), rows: first }, { text: body([]), rows: [] }, { text: body([]), rows: [] }]);
    const seen: string[] = [];
    for await (const page of keysetPages(client, spec, null)) seen.push(...page.records.map((r) => r.sys_id ?? ''));
    expect(seen).toEqual([SYS(1), SYS(2)]);
    expect(calls).toHaveLength(3);
    expect(calls[1]!.query).toContain(`sys_id>${SYS(5)}`);
    expect(calls[1]!.signal?.aborted).toBe(true);
    expect(calls[2]!.query).toContain(`sys_id>${SYS(2)}`);
    expect(calls[2]!.signal?.aborted).toBe(false);
  });

  it('aborts the page fetched ahead when the consumer stops early', async () => {
    const first = [row(1, T1), row(2, T1)];
    const { client, calls } = fakeClient([{ text: body(first), rows: first }]);
    for await (const page of keysetPages(client, spec, null)) {
      expect(page.records).toHaveLength(2);
      break;
    }
    expect(calls).toHaveLength(2);
    expect(calls[1]!.signal?.aborted).toBe(true);
  });
});
