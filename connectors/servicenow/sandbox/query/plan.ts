/**
 * Runs a compiled query over a table's partitions and returns one page.
 *
 * Three ways to find the candidate rows, cheapest first:
 * - an equality index, when every ^NQ group pins an indexed field with `=` or
 *   `IN` (a ticket's journal by element_id, its audit by documentkey);
 * - the (sys_updated_on, sys_id) order, when the query orders by it (a keyset
 *   sync): binary search to the lower bound, walk in order, and with
 *   sysparm_no_count stop as soon as the page is full;
 * - a scan in insertion order, then a sort.
 */
import { lowerBound, type Partition, type StoredRow } from '../store.js';
import type { CompiledCondition, CompiledGroup, CompiledQuery } from './compile.js';

export interface PageRequest {
  readonly offset: number;
  readonly limit: number;
  /** Whether the caller needs the total (X-Total-Count); without it the walk can stop early. */
  readonly count: boolean;
}

export interface PageResult {
  readonly rows: readonly StoredRow[];
  /** Rows matching the query; undefined when not counted. */
  readonly total: number | undefined;
  /** Whether rows exist after this page. */
  readonly more: boolean;
}

export function runQuery(partitions: readonly Partition[], query: CompiledQuery, page: PageRequest): PageResult {
  const only = partitions.length === 1 ? partitions[0] : undefined;
  const indexed = candidatesFromIndex(partitions, query.groups);
  if (indexed !== undefined) return finish(indexed.filter(query.matches), query, page, true);
  if (only?.byUpdated !== undefined && ordersByUpdated(query)) return walkUpdated(only.byUpdated, query, page);
  const all: StoredRow[] = [];
  for (const p of partitions) for (const row of p.rows.values()) if (query.matches(row)) all.push(row);
  return finish(all, query, page, partitions.length > 1 || query.orderBy.length > 0);
}

function finish(matches: StoredRow[], query: CompiledQuery, page: PageRequest, sort: boolean): PageResult {
  if (sort) matches.sort(query.compare);
  const end = page.offset + page.limit;
  return { rows: matches.slice(page.offset, end), total: page.count ? matches.length : undefined, more: matches.length > end };
}

/** The direct (not dot-walked) single condition of a chain, if the chain is just that. */
function single(chain: readonly CompiledCondition[]): CompiledCondition | undefined {
  const c = chain.length === 1 ? chain[0] : undefined;
  return c !== undefined && c.path.hops.length === 0 ? c : undefined;
}

function candidatesFromIndex(partitions: readonly Partition[], groups: readonly CompiledGroup[]): StoredRow[] | undefined {
  if (groups.length === 0) return undefined;
  const found = new Set<StoredRow>();
  for (const group of groups) {
    let pinned: CompiledCondition | undefined;
    for (const chain of group) {
      const c = single(chain);
      if (c && (c.op === '=' || c.op === 'IN') && partitions.every((p) => p.indexes.has(c.path.field.name))) {
        pinned = c;
        break;
      }
    }
    if (!pinned) return undefined;
    const values = (pinned.op === 'IN' ? pinned.value.split(',').map((s) => s.trim()) : [pinned.value]).map((s) => s.toLowerCase());
    for (const p of partitions) {
      const index = p.indexes.get(pinned.path.field.name)!;
      for (const value of values) for (const row of index.get(value) ?? []) found.add(row);
    }
  }
  return [...found].sort((a, b) => a.seq - b.seq);
}

function ordersByUpdated(query: CompiledQuery): boolean {
  const [first, second, ...rest] = query.orderBy;
  if (first === undefined || rest.length > 0) return false;
  if (first.path.hops.length > 0 || first.path.field.name !== 'sys_updated_on') return false;
  if (second === undefined) return true;
  return second.path.hops.length === 0 && second.path.field.name === 'sys_id' && second.desc === first.desc;
}

/** The tightest bounds on sys_updated_on that every group implies, or undefined. */
function updatedBounds(groups: readonly CompiledGroup[]): { low: string | undefined; high: string | undefined } {
  if (groups.length === 0) return { low: undefined, high: undefined };
  let low: string | undefined = '\uffff';
  let high: string | undefined = '';
  for (const group of groups) {
    let gLow: string | undefined;
    let gHigh: string | undefined;
    for (const chain of group) {
      const c = single(chain);
      if (c?.path.field.name !== 'sys_updated_on') continue;
      if (c.op === '>' || c.op === '>=' || c.op === '=') gLow = gLow === undefined || c.value > gLow ? c.value : gLow;
      if (c.op === '<' || c.op === '<=' || c.op === '=') gHigh = gHigh === undefined || c.value < gHigh ? c.value : gHigh;
    }
    low = low === undefined || gLow === undefined ? undefined : gLow < low ? gLow : low;
    high = high === undefined || gHigh === undefined ? undefined : gHigh > high ? gHigh : high;
  }
  return { low, high };
}

function walkUpdated(sorted: readonly StoredRow[], query: CompiledQuery, page: PageRequest): PageResult {
  const desc = query.orderBy[0]!.desc;
  const { low, high } = updatedBounds(query.groups);
  const want = page.offset + page.limit;
  const rows: StoredRow[] = [];
  let matched = 0;
  let more = false;
  const visit = (row: StoredRow): boolean => {
    if (!query.matches(row)) return true;
    if (matched >= page.offset && matched < want) rows.push(row);
    matched++;
    if (matched > want) {
      more = true;
      if (!page.count) return false;
    }
    return true;
  };
  if (!desc) {
    const start = low === undefined ? 0 : lowerBound(sorted, low, '');
    for (let i = start; i < sorted.length; i++) {
      const row = sorted[i]!;
      if (high !== undefined && row.v.sys_updated_on! > high) break;
      if (!visit(row)) break;
    }
  } else {
    const end = high === undefined ? sorted.length : lowerBound(sorted, `${high}\u0000`, '');
    for (let i = end - 1; i >= 0; i--) {
      const row = sorted[i]!;
      if (low !== undefined && row.v.sys_updated_on! < low) break;
      if (!visit(row)) break;
    }
  }
  return { rows, total: page.count ? matched : undefined, more };
}
