/**
 * Keyset paging over a ServiceNow table, ordered by (time, sys_id): never by
 * offset, since rows shift when records change mid-sync (../shared/reference/
 * servicenow.md, "Parameters"). Pages stream: the one handed over and the
 * next one arriving are all that is held.
 *
 * After the watermark (W, ID) the next rows are
 *   filter AND (t > W OR (t = W AND sys_id > ID)).
 * ServiceNow's `^OR` binds to the one condition before it, so the query is
 * written in the equivalent AND-of-ORs form, which needs no `^NQ` (that would
 * have to repeat the filter in every group):
 *   filter ^ t>=W ^ t>W ^OR sys_id>ID ^ ORDERBY t ^ ORDERBY sys_id
 * (t >= W rules out older rows; of the rows at exactly W, only sys_id > ID
 * passes the OR). A watermark with an empty sys_id means "from W on": t>=W.
 *
 * The watermark a page reports (the position to resume from) is held back
 * behind rows younger than `settledBefore`: ServiceNow stamps sys_updated_on
 * when a transaction starts, so a row can become visible after later ones.
 * Such rows are reported at (settledBefore, SETTLED_SYS_ID) and read again by
 * the next pull; the pull itself carries on from the exact last row.
 *
 * Pages are fetched one ahead (see keysetPages), so the instance works on the
 * next page while the client parses and handles this one.
 */
import type { PullPage, RawRecord, Watermark } from '../../src/connector/connector.js';
import { HandoffError } from '../../src/errors.js';
import { encodedQuery, type Condition, type EncodedQuery } from './encoded-query.js';
import { badResponse } from './sn-errors.js';
import type { ListAnswer, TableClient } from './table-client.js';

export type TimeField = 'sys_updated_on' | 'sys_created_on';

export interface KeysetSpec {
  readonly table: string;
  /** Fields to read; sys_id and the time field are added. */
  readonly fields: readonly string[];
  /** Conditions ANDed into every page (a mapping's active filter). */
  readonly conditions: readonly Condition[];
  /** Fields the conditions may name; sys_id and the time field are added. */
  readonly allowed: Iterable<string>;
  /** The time the pages follow. Default sys_updated_on. */
  readonly timeField?: TimeField;
  readonly pageSize: number;
  readonly signal?: AbortSignal;
  /** One record's rows (a journal): pages may share a Batch API call with other reads (table-client.ts, ListRequest). */
  readonly batchable?: boolean;
  /** UTC `YYYY-MM-DD HH:mm:ss`: reported watermarks never pass rows at or after this time. */
  readonly settledBefore?: string;
}

/**
 * The sys_id of a held-back watermark: sorts before every sys_id the platform
 * generates (32 hex digits, never all zero), so (W, SETTLED_SYS_ID) means
 * "every row from W on", and any store that keeps (date-time, sys_id) pairs
 * can keep it.
 */
export const SETTLED_SYS_ID = '0'.repeat(32);

/** ServiceNow's raw date-time: UTC `YYYY-MM-DD HH:mm:ss`. */
export const DATE_TIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;
const SYS_ID = /^[0-9a-f]{32}$/;

export function keysetQuery(spec: KeysetSpec, since: Watermark | null): EncodedQuery {
  const time = spec.timeField ?? 'sys_updated_on';
  const query = encodedQuery(spec.table, [...spec.allowed, 'sys_id', time]).andAll(spec.conditions);
  if (since !== null) {
    checkWatermark(since, spec.table);
    query.and({ field: time, op: '>=', value: since.updatedOn });
    if (since.sysId !== '') query.and({ field: time, op: '>', value: since.updatedOn }).or({ field: 'sys_id', op: '>', value: since.sysId });
  }
  return query.orderBy(time).orderBy('sys_id').build();
}

/**
 * Every page after `since`, in order; the last page is the first with fewer
 * rows than the page size. While a full page is parsed and handed over, the
 * next one is already being fetched from the position `peekFullPage` reads in
 * its text; the guess is checked against the parsed rows, and a wrong one is
 * aborted and replaced by the right query. A consumer that stops early (or
 * fails) aborts the fetch in flight.
 */
export async function* keysetPages(client: TableClient, spec: KeysetSpec, since: Watermark | null): AsyncGenerator<PullPage, void, undefined> {
  const time = spec.timeField ?? 'sys_updated_on';
  const fields = [...new Set([...spec.fields, 'sys_id', time])];
  const fetchAfter = (position: Watermark | null): Prefetch => {
    const controller = new AbortController();
    const signal = spec.signal === undefined ? controller.signal : AbortSignal.any([spec.signal, controller.signal]);
    const answer = client.listAnswer(spec.table, { query: keysetQuery(spec, position), fields, limit: spec.pageSize, signal, ...(spec.batchable === true ? { batchable: true } : {}) });
    // An aborted guess is never awaited: keep its rejection from going unhandled.
    answer.catch(() => undefined);
    return { position, answer, abort: () => controller.abort() };
  };
  let cursor = since;
  let current = fetchAfter(cursor);
  let ahead: Prefetch | null = null;
  try {
    for (;;) {
      const answer = await current.answer;
      const guess = peekFullPage(answer.text, spec.pageSize, time);
      if (guess !== null) {
        ahead = fetchAfter(guess);
        // Let the request reach the socket before the parse below holds the thread.
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
      const records = answer.records();
      for (const record of records) {
        const position = positionOf(record, time, spec.table);
        // Each row must come strictly after the one before: a server that ignored
        // the keyset condition or the ordering would otherwise loop or lose rows.
        if (cursor !== null && compareWatermarks(position, cursor) <= 0) {
          throw badResponse({ operation: 'list', table: spec.table }, `rows are not in (${time}, sys_id) order after the watermark: the instance ignored the query or the ordering`);
        }
        cursor = position;
      }
      const more = records.length >= spec.pageSize;
      if (ahead !== null && (!more || cursor === null || ahead.position === null || compareWatermarks(ahead.position, cursor) !== 0)) {
        ahead.abort();
        ahead = null;
      }
      yield { records, watermark: settle(cursor, spec.settledBefore) };
      if (!more) return;
      current = ahead ?? fetchAfter(cursor);
      ahead = null;
    }
  } finally {
    ahead?.abort();
  }
}

interface Prefetch {
  readonly position: Watermark | null;
  readonly answer: Promise<ListAnswer>;
  abort(): void;
}

const SYS_ID_KEY = '"sys_id":"';

/**
 * The (time, sys_id) of the last row when the body holds exactly `pageSize`
 * rows, read from the text before it is parsed; otherwise null. It relies on
 * JSON alone: inside a string every `"` is escaped, so the unescaped
 * `"sys_id":"` occurs only as a key, once per row (a dot-walked key reads
 * `"a.sys_id":"`). Any other shape (spaces, a missing key, an error) gives
 * null: no guess, nothing lost. A wrong guess costs one aborted request,
 * never a wrong page (the caller checks it against the parsed rows).
 */
export function peekFullPage(text: string, pageSize: number, time: TimeField): Watermark | null {
  let rows = 0;
  for (let at = text.indexOf(SYS_ID_KEY); at !== -1; at = text.indexOf(SYS_ID_KEY, at + SYS_ID_KEY.length)) {
    rows += 1;
    if (rows > pageSize) return null;
  }
  if (rows !== pageSize) return null;
  const sysId = valueAfter(text, SYS_ID_KEY, 32);
  const updatedOn = valueAfter(text, `"${time}":"`, 19);
  if (sysId === null || updatedOn === null || !SYS_ID.test(sysId) || !DATE_TIME.test(updatedOn)) return null;
  return { updatedOn, sysId };
}

/** The `length` characters after the last `key`, when a closing quote follows them. */
function valueAfter(text: string, key: string, length: number): string | null {
  const at = text.lastIndexOf(key);
  if (at === -1) return null;
  const start = at + key.length;
  return text.charAt(start + length) === '"' ? text.slice(start, start + length) : null;
}

/** The position to report for `cursor`: itself, or a point before `settledBefore` when the cursor is younger. */
export function settle(cursor: Watermark | null, settledBefore: string | undefined): Watermark | null {
  if (cursor === null || settledBefore === undefined || cursor.updatedOn < settledBefore) return cursor;
  return { updatedOn: settledBefore, sysId: SETTLED_SYS_ID };
}

/** Orders watermarks: by time, then sys_id; an empty sys_id sorts before every row at that time. */
export function compareWatermarks(a: Watermark, b: Watermark): number {
  if (a.updatedOn !== b.updatedOn) return a.updatedOn < b.updatedOn ? -1 : 1;
  if (a.sysId === b.sysId) return 0;
  return a.sysId < b.sysId ? -1 : 1;
}

export function checkWatermark(mark: Watermark, table: string): void {
  if (!DATE_TIME.test(mark.updatedOn) || (mark.sysId !== '' && !SYS_ID.test(mark.sysId))) {
    throw new HandoffError('INPUT_INVALID', `the watermark for ${table} is not a (YYYY-MM-DD HH:mm:ss, sys_id) pair`, {
      details: { table },
      remedy: 'reset the stored watermark for this table so the next pull starts from the beginning',
    });
  }
}

function positionOf(record: RawRecord, time: TimeField, table: string): Watermark {
  const updatedOn = record[time];
  const sysId = record.sys_id;
  if (updatedOn === undefined || !DATE_TIME.test(updatedOn) || sysId === undefined || !SYS_ID.test(sysId)) {
    throw badResponse({ operation: 'list', table }, `a row lacks a raw ${time} (YYYY-MM-DD HH:mm:ss) or a sys_id`, { field: updatedOn === undefined ? time : 'sys_id' });
  }
  return { updatedOn, sysId };
}

/**
 * Every row matching `conditions`, read in pages keyed on sys_id alone: for
 * small system tables (group members, dictionary rows) where no time order
 * is needed. Returns the rows collected (these sets are small).
 */
export async function allBySysId(client: TableClient, spec: Omit<KeysetSpec, 'timeField'>): Promise<RawRecord[]> {
  const fields = [...new Set([...spec.fields, 'sys_id'])];
  const rows: RawRecord[] = [];
  let after = '';
  for (;;) {
    const query = encodedQuery(spec.table, [...spec.allowed, 'sys_id']).andAll(spec.conditions);
    if (after !== '') query.and({ field: 'sys_id', op: '>', value: after });
    const page = await client.list(spec.table, {
      query: query.orderBy('sys_id').build(),
      fields,
      limit: spec.pageSize,
      ...(spec.signal === undefined ? {} : { signal: spec.signal }),
    });
    for (const record of page) {
      const sysId = record.sys_id;
      if (sysId === undefined || sysId <= after) {
        throw badResponse({ operation: 'list', table: spec.table }, 'rows are not in sys_id order: the instance ignored the query or the ordering');
      }
      after = sysId;
      rows.push(record);
    }
    if (page.length < spec.pageSize) return rows;
  }
}
