/**
 * The app's Scripted REST API (docs/contract.md, "The Scripted REST API"):
 * `POST /api/S/v1/tickets/{table}/{sys_id}`, resource ACL `S.integration`,
 * the only way the worker writes a ticket. It appends a work note and sets
 * the AI panel and status, nothing else, with a server-side GlideRecord (so
 * no ticket ACL grants the integration user write), and in the same call
 * sets the state of the request or review row the write finishes. It refuses
 * (400, nothing written) a table outside the app's ticket tables, a field
 * other than the panel and status, a note field other than work_notes, and a
 * row that is not of this ticket. With `work_note.key`, a note whose key is
 * already in a work_notes entry the calling user wrote is not written again.
 */
import { z } from 'zod';
import type { AppNames } from '../../../../src/domain/app-names.js';
import { ROW_LIMITS, SYS_ID } from '../../../../src/domain/app-rows.js';
import { HANDOFF_ID } from '../../../../src/domain/fields.js';
import { AI_STATUSES } from '../../../../src/domain/status.js';
import type { Identity } from '../auth/identify.js';
import { ERRORS, failure, json, type Reply } from '../http/reply.js';
import type { Records } from '../records.js';
import type { Store, StoredRow } from '../store.js';

/** What happened to one record the call touched, for the write log. */
export interface AppWrite {
  readonly table: string;
  readonly sysId: string | null;
  /** The values sent for this record (the ticket: its fields and the note text under the note's field). */
  readonly body: Readonly<Record<string, unknown>> | null;
  readonly fields: readonly string[];
  readonly applied: boolean;
  readonly reason: string | null;
  readonly changed: readonly string[];
  readonly ignored: readonly string[];
}

export interface AppApiAnswer {
  readonly reply: Reply;
  readonly writes: readonly AppWrite[];
}

export interface AppApiDeps {
  readonly store: Store;
  readonly records: Records;
  readonly names: AppNames;
  readonly ticketTables: readonly string[];
}

/** Longest note the API accepts, in characters (a journal entry is large text; the worker's guard allows 32,000). */
const MAX_NOTE = 32_000;
/** Longest idempotency key. */
const MAX_KEY = 200;

const SysId = z.string().regex(SYS_ID, 'must be a sys_id (32 lower-case hex characters)');
const Text = z.string().max(ROW_LIMITS.message);
const Body = z.strictObject({
  fields: z.record(z.string(), z.string()).optional(),
  work_note: z.strictObject({ field: z.string(), text: z.string().min(1).max(MAX_NOTE), key: z.string().min(1).max(MAX_KEY).optional() }).optional(),
  request: z
    .strictObject({ sys_id: SysId, state: z.enum(['queued', 'refused']), handoff: z.string().regex(HANDOFF_ID, 'must be a hand-off id (ho_...)').optional(), message: Text.optional(), remedy: Text.optional() })
    .optional(),
  review: z.strictObject({ sys_id: SysId, state: z.enum(['recorded', 'refused']), message: Text.optional(), remedy: Text.optional() }).optional(),
});
type Body = z.infer<typeof Body>;

export function createAppApi(deps: AppApiDeps): (method: string, table: string, sysId: string, identity: Identity, body: Record<string, unknown> | null) => AppApiAnswer {
  const { store, records, names, ticketTables } = deps;
  const allowedFields = [names.fields.panel, names.fields.status];

  const refused = (reply: Reply, table: string, sysId: string | null, body: Record<string, unknown> | null, reason: string): AppApiAnswer => ({
    reply,
    writes: [{ table, sysId, body: flattenAppBody(body), fields: Object.keys(flattenAppBody(body) ?? {}), applied: false, reason, changed: [], ignored: [] }],
  });
  const bad = (table: string, sysId: string, body: Record<string, unknown> | null, message: string): AppApiAnswer =>
    refused(failure(400, message, 'Nothing was written.'), table, sysId, body, message);

  const journalHasKey = (sysId: string, userName: string, key: string): boolean =>
    (store.partitions('sys_journal_field')[0]!.indexes.get('element_id')?.get(sysId) ?? []).some(
      (entry) => entry.v.element === 'work_notes' && entry.v.sys_created_by === userName && (entry.v.value ?? '').includes(key),
    );

  const rowOf = (rowTable: string, rowSysId: string, table: string, sysId: string): StoredRow | string => {
    const row = store.get(rowTable, rowSysId);
    if (!row || row.v.ticket !== sysId || row.v.ticket_table !== table) return `${rowTable} ${rowSysId} is not a row of ${table} ${sysId}`;
    return row;
  };

  return (method, table, sysId, identity, body) => {
    if (method !== 'POST') return { reply: ERRORS.methodNotAllowed(), writes: [] };
    if (!identity.roles.has(names.roles.integration) && !identity.roles.has('admin')) {
      return refused(failure(403, 'User Not Authorized', `This resource requires the role ${names.roles.integration}`), table, sysId, body, 'ACL: resource role');
    }
    if (!ticketTables.includes(table)) return bad(table, sysId, body, `Invalid table ${table}: the API writes only ${ticketTables.join(', ')}`);
    if (body === null) return bad(table, sysId, body, 'The payload is not a JSON object');
    const parsed = Body.safeParse(body);
    if (!parsed.success) return bad(table, sysId, body, `Invalid body: ${z.prettifyError(parsed.error).replace(/\n/g, ' ')}`);
    const input: Body = parsed.data;
    if (input.fields === undefined && input.work_note === undefined && input.request === undefined && input.review === undefined) {
      return bad(table, sysId, body, 'Invalid body: send at least one of fields, work_note, request, review');
    }
    const foreign = Object.keys(input.fields ?? {}).filter((f) => !allowedFields.includes(f));
    if (foreign.length > 0) return bad(table, sysId, body, `Invalid body: fields may set only ${allowedFields.join(' and ')}, not ${foreign.join(', ')}`);
    const status = input.fields?.[names.fields.status];
    if (status !== undefined && !(AI_STATUSES as readonly string[]).includes(status)) return bad(table, sysId, body, `Invalid body: ${names.fields.status} must be one of ${AI_STATUSES.join(', ')}`);
    if (input.work_note && input.work_note.field !== 'work_notes') return bad(table, sysId, body, `Invalid body: work_note.field must be work_notes, not ${input.work_note.field}`);
    if (input.work_note && input.work_note.text.trim() === '') return bad(table, sysId, body, 'Invalid body: work_note.text is empty');
    const ticket = store.get(table, sysId);
    if (!ticket) return refused(ERRORS.notFound(), table, sysId, body, 'no such record');
    const requestRow = input.request ? rowOf(names.tables.request, input.request.sys_id, table, sysId) : undefined;
    if (typeof requestRow === 'string') return bad(table, sysId, body, `Invalid body: request: ${requestRow}`);
    const reviewRow = input.review ? rowOf(names.tables.review, input.review.sys_id, table, sysId) : undefined;
    if (typeof reviewRow === 'string') return bad(table, sysId, body, `Invalid body: review: ${reviewRow}`);

    // Server-side: the note only if its key is not already in an entry the caller wrote.
    const actor = identity.actor;
    let note: 'written' | 'already_written' | 'none' = 'none';
    const ticketValues: Record<string, string> = { ...input.fields };
    if (input.work_note) {
      const key = input.work_note.key;
      if (key !== undefined && journalHasKey(sysId, actor.userName, key)) note = 'already_written';
      else {
        ticketValues.work_notes = input.work_note.text;
        note = 'written';
      }
    }
    const writes: AppWrite[] = [];
    const result = records.update(ticket, ticketValues, actor);
    const ticketBody = { ...input.fields, ...(input.work_note ? { work_notes: input.work_note.text } : {}) };
    writes.push({ table, sysId, body: ticketBody, fields: Object.keys(ticketBody), applied: result.ok, reason: result.ok ? (note === 'already_written' ? 'note already written (key found)' : null) : result.detail, changed: result.ok ? result.changed : [], ignored: result.ignored });
    if (!result.ok) return { reply: failure(result.status, result.message, result.detail), writes };
    const rowWrite = (row: StoredRow | undefined, values: Readonly<Record<string, string | undefined>> | undefined): void => {
      if (!row || !values) return;
      const { sys_id: _id, ...rest } = values;
      const clean = Object.fromEntries(Object.entries(rest).filter((e): e is [string, string] => e[1] !== undefined));
      const done = records.update(row, clean, actor);
      writes.push({ table: row.table.name, sysId: row.v.sys_id!, body: clean, fields: Object.keys(clean), applied: done.ok, reason: done.ok ? null : done.detail, changed: done.ok ? done.changed : [], ignored: done.ignored });
    };
    rowWrite(requestRow, input.request);
    rowWrite(reviewRow, input.review);
    return { reply: json(200, { result: { sys_id: sysId, sys_mod_count: ticket.v.sys_mod_count ?? '0', sys_updated_on: ticket.v.sys_updated_on ?? '', note } }), writes };
  };
}

/** The ticket-level view of a body, for the write log of a refused call. */
export function flattenAppBody(body: Record<string, unknown> | null): Record<string, unknown> | null {
  if (body === null) return null;
  const out: Record<string, unknown> = {};
  const fields = body.fields;
  if (typeof fields === 'object' && fields !== null && !Array.isArray(fields)) Object.assign(out, fields);
  const note = body.work_note;
  if (typeof note === 'object' && note !== null && !Array.isArray(note)) {
    const field = (note as { field?: unknown }).field;
    out[typeof field === 'string' ? field : 'work_note'] = (note as { text?: unknown }).text;
  }
  for (const key of Object.keys(body)) if (!['fields', 'work_note', 'request', 'review'].includes(key)) out[key] = body[key];
  return out;
}
