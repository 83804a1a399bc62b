/**
 * The write guard: the one place that enforces the product's invariant
 * (../shared/DESIGN.md, "The invariant"). Every write a connector sends to a
 * ticket passes through `guardWrite` first. It allows exactly:
 *
 * - an appended work note (the mapping's `ai.workNotes` field, non-empty text);
 * - the AI panel (a sealed panel, as JSON) and the AI status (a known status);
 * - clearing the request and review fields (only to "": the worker never
 *   writes a request or a review, it only consumes them).
 *
 * Anything else (state, assignment, approval, priority, comments, the stamp
 * fields, a dot-walked field, a non-string value) is refused before a byte is
 * sent, with an error naming the field and what is allowed.
 */
import { HandoffError } from '../errors.js';
import { Panel } from '../domain/panel.js';
import { AiStatus } from '../domain/status.js';
import type { TableMapping } from '../mapping/mapping-schema.js';

/** Longest work note the guard lets through, in characters (ServiceNow journal entries are large text; keep notes readable). */
export const MAX_WORK_NOTE_LENGTH = 32_000;
/** Longest panel JSON, in characters; the app installs the panel field with this max length. */
export const MAX_PANEL_LENGTH = 65_000;

declare const guarded: unique symbol;
/** A body that passed the guard. Only `guardWrite` makes one; the HTTP layer sends only these. */
export type GuardedBody = Readonly<Record<string, string>> & { readonly [guarded]: true };

export function writableFields(mapping: TableMapping): readonly string[] {
  const { ai } = mapping;
  return [ai.workNotes, ai.panel, ai.status, ai.request, ai.review];
}

export function guardWrite(mapping: TableMapping, body: Readonly<Record<string, unknown>>): GuardedBody {
  const { ai, table } = mapping;
  const allowed = writableFields(mapping);
  const keys = Object.keys(body);
  if (keys.length === 0) {
    throw new HandoffError('WRITE_INVALID_VALUE', `refused an empty write to ${table}`, {
      details: { table },
      remedy: 'send at least a work note or one AI field',
    });
  }
  const out: Record<string, string> = {};
  for (const field of keys) {
    const value = body[field];
    if (!allowed.includes(field)) {
      throw new HandoffError('WRITE_FORBIDDEN_FIELD', `refused to write field '${field}' on ${table}: the integration writes only ${allowed.join(', ')}`, {
        details: { table, field },
        remedy: 'this is a defect, not a configuration issue: the product never writes state, assignment, approval, priority or comments',
      });
    }
    if (typeof value !== 'string') {
      throw invalid(table, field, `must be a string, got ${value === null ? 'null' : typeof value}`);
    }
    if (field === ai.workNotes) {
      if (value.trim() === '') throw invalid(table, field, 'a work note must not be empty');
      if (value.length > MAX_WORK_NOTE_LENGTH) throw invalid(table, field, `a work note must be at most ${MAX_WORK_NOTE_LENGTH} characters, got ${value.length}`);
    } else if (field === ai.request || field === ai.review) {
      if (value !== '') throw invalid(table, field, 'the worker may only clear this field (""); requests and reviews come from people');
    } else if (field === ai.status) {
      if (!AiStatus.safeParse(value).success) throw invalid(table, field, `must be one of ${AiStatus.options.join(', ')}`);
    } else if (field === ai.panel) {
      if (value.length > MAX_PANEL_LENGTH) throw invalid(table, field, `the panel must be at most ${MAX_PANEL_LENGTH} characters, got ${value.length}`);
      if (!isPanelJson(value)) throw invalid(table, field, 'must be a sealed panel as JSON');
    }
    out[field] = value;
  }
  return Object.freeze(out) as GuardedBody;
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
