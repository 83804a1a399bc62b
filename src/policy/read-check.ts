/**
 * The panel's read check (docs/contract.md, "The read check"): the queries
 * whose results a hand-off on this ticket may use beyond the ticket, built
 * from the table's mapping and the ticket. The app's request rule runs them in
 * the requester's session and lists what the requester may read; the worker
 * reads exactly the same queries (src/handoff/gather.ts) and uses only what
 * that list names.
 *
 * Queries come in a fixed order (by CI, caller, group, then the CI record),
 * one per kind that some operation for the ticket's type reads, that the
 * mapping can express with a plain field, and that the ticket has a sys_id
 * for. Which operations are blocked does not matter, so the id stays the same
 * while only decisions change.
 */
import type { SourceKind } from '../domain/operation.js';
import { READ_CHECK_LIMIT, SYS_ID, type ReadCheck, type ReadQuery, type RelatedSource } from '../domain/read-check.js';
import { DIGEST_HEX_LENGTH, sha256Hex } from '../util/canonical-json.js';
import { readRef } from './facts.js';

/**
 * The fields a related query compares on, as a table's mapping names them
 * (structurally a `TableMapping`: the policy imports no mapping module).
 */
export interface RelatedFields {
  readonly table: string;
  readonly fields: { readonly configurationItem?: string | undefined; readonly caller?: string | undefined; readonly group: string };
}

const PLAIN_FIELD = /^[a-z][a-z0-9_]*$/;

const RELATED: readonly { readonly source: RelatedSource; readonly field: (f: RelatedFields['fields']) => string | undefined; readonly id: (t: Record<string, unknown>) => unknown }[] = [
  { source: 'related_by_ci', field: (f) => f.configurationItem, id: (t) => t.configurationItem },
  { source: 'related_by_caller', field: (f) => f.caller, id: (t) => t.caller },
  { source: 'related_by_group', field: (f) => f.group, id: (t) => (t.owner !== null && typeof t.owner === 'object' ? (t.owner as { group?: unknown }).group : undefined) },
];

/** A read check with its canonical JSON, which the panel digest reuses (panel.ts). */
export interface ReadCheckEntry {
  readonly readCheck: ReadCheck;
  readonly json: string;
}

/**
 * The canonical JSON of a query (keys sorted), assembled directly: a panel
 * pays one short hash for its read check's id rather than a sort of every key.
 * A test checks it equals `canonicalJson`, and the id `readCheckId`.
 */
function queryJson(q: ReadQuery): string {
  const j = JSON.stringify;
  return q.source === 'ci_record'
    ? `{"source":"ci_record","sysId":${j(q.sysId)},"table":"cmdb_ci"}`
    : `{"exclude":${j(q.exclude)},"field":${j(q.field)},"limit":${q.limit},"source":"${q.source}","table":${j(q.table)},"value":${j(q.value)}}`;
}

/**
 * The read check of a ticket (read as the policy reads tickets: never
 * trusted, never throwing) for the source kinds its operations read.
 * Without `related` (no mapping at hand) only the CI record can be checked.
 */
export function readCheckFor(ticket: unknown, sources: ReadonlySet<SourceKind>, related: RelatedFields | null): ReadCheckEntry {
  const t = ticket !== null && typeof ticket === 'object' ? (ticket as Record<string, unknown>) : {};
  const ref = t.ref !== null && typeof t.ref === 'object' ? (t.ref as { sysId?: unknown }) : {};
  const self = typeof ref.sysId === 'string' && SYS_ID.test(ref.sysId) ? ref.sysId : null;
  const queries: ReadQuery[] = [];
  if (related !== null && self !== null) {
    for (const r of RELATED) {
      const field = r.field(related.fields);
      const value = readRef(r.id(t))?.id;
      if (!sources.has(r.source) || field === undefined || !PLAIN_FIELD.test(field) || value === undefined || !SYS_ID.test(value)) continue;
      queries.push({ source: r.source, table: related.table, field, value, exclude: self, limit: READ_CHECK_LIMIT });
    }
  }
  const ci = readRef(t.configurationItem)?.id;
  if (sources.has('ci_record') && ci !== undefined && SYS_ID.test(ci)) queries.push({ source: 'ci_record', table: 'cmdb_ci', sysId: ci });
  const list = `[${queries.map(queryJson).join(',')}]`;
  const id = sha256Hex(list).slice(0, DIGEST_HEX_LENGTH);
  return { readCheck: { id, queries }, json: `{"id":"${id}","queries":${list}}` };
}
