/**
 * The read check (docs/contract.md, "The read check"): how the instance tells
 * the worker which records beyond the ticket the requester may open.
 *
 * - `ReadCheck` is what the worker puts in the panel (`panel.readCheck`): the
 *   queries whose results a hand-off on this ticket may use as sources, and
 *   the digest of that list as its id.
 * - `Readable` is what the app's before-insert rule on the request table
 *   stores in the row's `readable` column, in the requester's session: for
 *   the read check with that id, the sys_ids the requester may read
 *   (`GlideRecordSecure`), at a time.
 *
 * The worker uses a record beyond the ticket only if it is listed in the
 * request's own `Readable` (src/boundary/readable.ts decides that).
 */
import { z } from 'zod';
import { digestOf } from '../util/canonical-json.js';

/** A ServiceNow sys_id: 32 lowercase hex characters. */
export const SYS_ID = /^[0-9a-f]{32}$/;
const SysId = z.string().regex(SYS_ID, 'a sys_id is 32 lowercase hex characters');
/** A plain table or field name (no dot-walk): what the app's rule accepts in a query. */
const PlainName = z.string().regex(/^[a-z][a-z0-9_]*$/, 'a plain table or field name, no dot-walk');

/** Candidates listed per related query: the app checks this many, newest first; the worker reads the same. */
export const READ_CHECK_LIMIT = 20;
/** The most the app's rule accepts per query (contract). */
export const MAX_READ_CHECK_LIMIT = 50;

export const RELATED_SOURCES = ['related_by_ci', 'related_by_caller', 'related_by_group'] as const;
export type RelatedSource = (typeof RELATED_SOURCES)[number];

/** Records of the ticket's own table with `field` equal to `value`, the ticket itself excluded, newest first (`sys_updated_on`). */
export const RelatedQuery = z.strictObject({
  source: z.enum(RELATED_SOURCES),
  table: PlainName,
  field: PlainName,
  value: SysId,
  exclude: SysId,
  limit: z.number().int().min(1).max(MAX_READ_CHECK_LIMIT),
});
export type RelatedQuery = z.infer<typeof RelatedQuery>;

/** The configuration item record. */
export const CiQuery = z.strictObject({
  source: z.literal('ci_record'),
  table: z.literal('cmdb_ci'),
  sysId: SysId,
});
export type CiQuery = z.infer<typeof CiQuery>;

export const ReadQuery = z.discriminatedUnion('source', [RelatedQuery, CiQuery]);
export type ReadQuery = z.infer<typeof ReadQuery>;

export const ReadCheck = z
  .strictObject({
    /** The digest of `queries` (readCheckId): what a `Readable` must name. */
    id: z.string().regex(/^[0-9a-f]{32}$/),
    queries: z.array(ReadQuery),
  })
  .refine((c) => c.id === readCheckId(c.queries), { message: 'id must be the digest of the queries', path: ['id'] });
export type ReadCheck = z.infer<typeof ReadCheck>;

export function readCheckId(queries: readonly ReadQuery[]): string {
  return digestOf(queries);
}

/** The read check for a list of queries, with its id. */
export function readCheckOf(queries: readonly ReadQuery[]): ReadCheck {
  return { id: readCheckId(queries), queries: [...queries] };
}

/** UTC `YYYY-MM-DD HH:mm:ss`, as ServiceNow stamps times. */
export const GLIDE_DATE_TIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;

/** The request row's `readable` column (the app's before-insert rule writes it; nobody else can). */
export const Readable = z.strictObject({
  /** The `ReadCheck.id` the rule ran. */
  check: z.string().min(1),
  /** When the rule ran (UTC glide date-time). */
  at: z.string().regex(GLIDE_DATE_TIME, 'a UTC date-time YYYY-MM-DD HH:mm:ss'),
  /** By table, the sys_ids the requester may read among the queries' results. */
  readable: z.record(PlainName, z.array(SysId).max(MAX_READ_CHECK_LIMIT * RELATED_SOURCES.length + 1)),
});
export type Readable = z.infer<typeof Readable>;

/** Why a request's read check cannot be used: then no record beyond the ticket is (docs/boundary.md). */
export const READ_CHECK_PROBLEMS = ['missing', 'unparseable', 'mismatched', 'stale'] as const;
export type ReadCheckProblem = (typeof READ_CHECK_PROBLEMS)[number];

/**
 * Why a record beyond the ticket was withheld, in the order the containment
 * check tries them (the first that applies is the one counted).
 */
export const WITHHELD_REASONS = ['restricted', 'above_ticket_class', 'provider_not_allowed', 'group_not_opted_in', 'read_check_unavailable', 'requester_cannot_open'] as const;
export type WithheldReason = (typeof WITHHELD_REASONS)[number];

/** Records withheld for one reason: a count, never which ones. */
export interface WithheldCount {
  readonly reason: WithheldReason;
  readonly count: number;
}
