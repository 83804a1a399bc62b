/**
 * The read check of the request table's before-insert rule
 * (docs/contract.md, "The read check"): at Assign the rule runs in the
 * agent's session, so it can ask the platform which records the agent may
 * read. The panel lists the queries whose results a hand-off may use as
 * sources (`panel.readCheck`); the rule validates them, runs each as the
 * agent (GlideRecordSecure: the table ACL and the record rules), newest
 * first, and stores what the agent may read as the row's `readable` JSON.
 * A missing or invalid list stores "" (then the worker uses nothing beyond
 * the ticket).
 */
import { z } from 'zod';
import { SYS_ID, ROW_LIMITS } from '../../../../src/domain/app-rows.js';
import type { Acl } from '../acl.js';
import type { Identity } from '../auth/identify.js';
import type { RecordRules } from '../record-rules.js';
import type { Store, StoredRow } from '../store.js';

/** Most queries one check runs, and most records one query lists (the contract's limit). */
const MAX_QUERIES = 20;
export const MAX_QUERY_LIMIT = 50;

const SysId = z.string().regex(SYS_ID);
const Field = z.string().regex(/^[a-z_][a-z0-9_]*$/, 'a plain field name (no dot-walk)');

const RelatedQuery = z.strictObject({
  source: z.string().min(1).max(40),
  table: z.string(),
  field: Field,
  value: SysId,
  exclude: SysId.optional(),
  limit: z.number().int().min(1).max(MAX_QUERY_LIMIT),
});
const RecordQuery = z.strictObject({ source: z.string().min(1).max(40), table: z.string(), sysId: SysId });
export const ReadCheck = z.strictObject({ id: z.string().min(1).max(64), queries: z.array(z.union([RelatedQuery, RecordQuery])).max(MAX_QUERIES) });
export type ReadCheck = z.infer<typeof ReadCheck>;

export interface ReadCheckContext {
  readonly store: Store;
  readonly acl: Acl;
  readonly rules: RecordRules;
  /** Tables a query may name: the app's ticket tables and cmdb_ci. */
  readonly tables: ReadonlySet<string>;
}

/** The `readable` JSON for a panel's read check, run as `identity`; "" when there is none or it is invalid. */
export function runReadCheck(ctx: ReadCheckContext, input: unknown, identity: Identity, at: string): string {
  if (input === undefined || input === null) return '';
  const parsed = ReadCheck.safeParse(input);
  if (!parsed.success || parsed.data.queries.some((q) => !ctx.tables.has(q.table))) return '';
  const may = ctx.rules.readerFor(identity);
  const readable: Record<string, string[]> = {};
  const add = (table: string, ids: readonly string[]): void => {
    const list = (readable[table] ??= []);
    for (const id of ids) if (!list.includes(id)) list.push(id);
  };
  for (const query of parsed.data.queries) {
    if (!ctx.acl.allows(query.table, 'read', identity.roles)) {
      add(query.table, []);
      continue;
    }
    if ('sysId' in query) {
      const row = ctx.store.get(query.table, query.sysId);
      add(query.table, row && may(row) ? [query.sysId] : []);
      continue;
    }
    const rows: StoredRow[] = [];
    for (const p of ctx.store.partitions(query.table)) {
      if (!p.def.field.has(query.field)) continue;
      const index = p.indexes.get(query.field);
      const candidates = index ? (index.get(query.value) ?? []) : p.rows.values();
      for (const row of candidates) if (row.v[query.field] === query.value && row.v.sys_id !== query.exclude && may(row)) rows.push(row);
    }
    rows.sort((a, b) => ((b.v.sys_updated_on ?? '') < (a.v.sys_updated_on ?? '') ? -1 : (b.v.sys_updated_on ?? '') > (a.v.sys_updated_on ?? '') ? 1 : 0));
    add(query.table, rows.slice(0, query.limit).map((r) => r.v.sys_id!));
  }
  const text = JSON.stringify({ check: parsed.data.id, at, readable });
  // Longer than the column holds: store nothing rather than a cut list the worker could not parse.
  return text.length <= ROW_LIMITS.readable ? text : '';
}
