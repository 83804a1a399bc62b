/**
 * The write guard: the one place that enforces the product's invariant
 * (../shared/DESIGN.md, "The invariant"). Every write a connector sends
 * passes through it first. To a ticket (through the app's API,
 * docs/contract.md) it allows exactly:
 *
 * - an appended work note (the mapping's `ai.workNotes` field, non-empty
 *   text) with its idempotency key;
 * - the AI panel (a sealed panel, as JSON) and the AI status (a known status);
 * - the end state of the request or review row the write finishes: taken
 *   (`queued` with its hand-off), recorded, or refused with a message and a
 *   remedy.
 *
 * Anything else (state, assignment, approval, priority, comments, a
 * dot-walked field, a non-string value, a row state the worker does not set)
 * is refused before a byte is sent, with an error naming the field and what
 * is allowed. The app's API checks the same on the instance's side: the
 * second lock.
 */
import { HandoffError } from '../errors.js';
import { ROW_LIMITS, SYS_ID, type RequestRowUpdate, type ReviewRowUpdate } from '../domain/app-rows.js';
import { HANDOFF_ID } from '../domain/fields.js';
import { Panel, panelText } from '../domain/panel.js';
import { AiStatus } from '../domain/status.js';
import type { TableMapping } from '../mapping/mapping-schema.js';
import type { RowKind, TicketWrite } from './connector.js';

/** Longest work note the guard lets through, in characters (ServiceNow journal entries are large text; keep notes readable). */
export const MAX_WORK_NOTE_LENGTH = 32_000;
/** Longest panel JSON, in characters; the app installs the panel field with this max length. */
export const MAX_PANEL_LENGTH = 65_000;
/** Longest idempotency key (a note's marker is about 45 characters). */
export const MAX_NOTE_KEY_LENGTH = 200;

declare const guarded: unique symbol;
/** A body that passed the guard. Only this module makes one; the HTTP layer sends only these. */
export type GuardedBody = Readonly<Record<string, unknown>> & { readonly [guarded]: true };

/** The ticket fields the integration writes: work notes and the mapped AI panel and status. */
export function writableFields(mapping: TableMapping): readonly string[] {
  const { ai } = mapping;
  return [ai.workNotes, ai.panel, ai.status];
}

/**
 * The app API's body for a ticket write: `{fields, work_note, request,
 * review}` (docs/contract.md), each member checked.
 */
export function guardTicketWrite(mapping: TableMapping, write: TicketWrite): GuardedBody {
  const { ai, table } = mapping;
  const members = Object.keys(write);
  const unknown = members.filter((m) => !['fields', 'note', 'request', 'review'].includes(m));
  if (unknown.length > 0) {
    throw new HandoffError('WRITE_FORBIDDEN_FIELD', `refused a write to ${table} carrying '${unknown[0]}': a ticket write holds only fields, note, request and review`, {
      details: { table, field: unknown[0] },
      remedy: 'this is a defect, not a configuration issue: the product never writes state, assignment, approval, priority or comments',
    });
  }
  const body: Record<string, unknown> = {};
  const fields = write.fields ?? {};
  const allowed = [ai.panel, ai.status];
  for (const [field, value] of Object.entries(fields)) {
    if (!allowed.includes(field)) {
      throw new HandoffError('WRITE_FORBIDDEN_FIELD', `refused to write field '${field}' on ${table}: the integration writes only ${writableFields(mapping).join(', ')}`, {
        details: { table, field },
        remedy: 'this is a defect, not a configuration issue: the product never writes state, assignment, approval, priority or comments',
      });
    }
    if (typeof value !== 'string') throw invalid(table, field, `must be a string, got ${value === null ? 'null' : typeof value}`);
    if (field === ai.status && !AiStatus.safeParse(value).success) throw invalid(table, field, `must be one of ${AiStatus.options.join(', ')}`);
    if (field === ai.panel) {
      if (value.length > MAX_PANEL_LENGTH) throw invalid(table, field, `the panel must be at most ${MAX_PANEL_LENGTH} characters, got ${value.length}`);
      if (!sealedTexts.has(value) && !isPanelJson(value)) throw invalid(table, field, 'must be a sealed panel as JSON');
    }
  }
  if (Object.keys(fields).length > 0) body.fields = { ...fields };
  if (write.note !== undefined) {
    const { text, key } = write.note;
    const field = ai.workNotes;
    if (typeof text !== 'string' || text.trim() === '') throw invalid(table, field, 'a work note must not be empty');
    if (text.length > MAX_WORK_NOTE_LENGTH) throw invalid(table, field, `a work note must be at most ${MAX_WORK_NOTE_LENGTH} characters, got ${text.length}`);
    if (typeof key !== 'string' || key.trim() === '' || key.length > MAX_NOTE_KEY_LENGTH || /[\r\n]/.test(key)) throw invalid(table, field, `the note's key must be one line of 1 to ${MAX_NOTE_KEY_LENGTH} characters`);
    if (!text.includes(key)) throw invalid(table, field, "the note must carry its key (the marker), or a retry could not find it");
    body.work_note = { field, text, key };
  }
  if (write.request !== undefined) body.request = rowBody('request', write.request, table);
  if (write.review !== undefined) body.review = rowBody('review', write.review, table);
  if (Object.keys(body).length === 0) {
    throw new HandoffError('WRITE_INVALID_VALUE', `refused an empty write to ${table}`, { details: { table }, remedy: 'send at least a work note, one AI field or a row state' });
  }
  return Object.freeze(body) as GuardedBody;
}

/** A row's end state alone, for the Table API (`finishRow`): only the columns the worker owns. */
export function guardRowFinish(kind: RowKind, update: RequestRowUpdate | ReviewRowUpdate): GuardedBody {
  const { sys_id: _sysId, ...columns } = rowBody(kind, update, `the ${kind} table`);
  return Object.freeze(columns) as GuardedBody;
}

function rowBody(kind: RowKind, update: RequestRowUpdate | ReviewRowUpdate, table: string): Record<string, string> {
  const field = `${kind}.state`;
  if (typeof update.sysId !== 'string' || !SYS_ID.test(update.sysId)) throw invalid(table, `${kind}.sys_id`, 'must be the row\'s sys_id');
  const taken = kind === 'request' ? 'queued' : 'recorded';
  if (update.state === taken) {
    if (kind === 'review') return { sys_id: update.sysId, state: taken };
    const handoff = (update as { handoff?: unknown }).handoff;
    if (typeof handoff !== 'string' || !HANDOFF_ID.test(handoff)) throw invalid(table, `${kind}.handoff`, 'a taken request names its hand-off (ho_...)');
    return { sys_id: update.sysId, state: taken, handoff };
  }
  if (update.state !== 'refused') throw invalid(table, field, `the worker sets only ${taken} or refused, got '${String(update.state)}'`);
  const { message, remedy } = update as { message?: unknown; remedy?: unknown };
  for (const [name, text] of [['message', message], ['remedy', remedy]] as const) {
    if (typeof text !== 'string' || text.trim() === '') throw invalid(table, `${kind}.${name}`, 'a refusal says why and what to do');
    if (text.length > ROW_LIMITS.message) throw invalid(table, `${kind}.${name}`, `must be at most ${ROW_LIMITS.message} characters, got ${text.length}`);
  }
  return { sys_id: update.sysId, state: 'refused', message: message as string, remedy: remedy as string };
}

/**
 * Panel texts serialised here from a panel the policy built (a typed, sealed
 * `Panel`): the guard lets them through without parsing and validating them
 * again, which was a fiftieth of the worker's CPU (issue 13's profile). Any
 * other text is parsed and checked in full. Bounded: when full it starts over.
 */
const sealedTexts = new Set<string>();
const SEALED_MAX = 1024;

/** The panel as the text the ticket's panel field takes, known to the guard as sealed. */
export function sealedPanelText(panel: Panel): string {
  const text = panelText(panel);
  if (sealedTexts.size >= SEALED_MAX) sealedTexts.clear();
  sealedTexts.add(text);
  return text;
}

function isPanelJson(text: string): boolean {
  try {
    return Panel.safeParse(JSON.parse(text)).success;
  } catch {
    return false;
  }
}

function invalid(table: string, field: string, why: string): HandoffError {
  return new HandoffError('WRITE_INVALID_VALUE', `refused to write field '${field}' on ${table}: ${why}`, {
    details: { table, field },
  });
}
