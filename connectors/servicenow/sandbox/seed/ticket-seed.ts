/**
 * The shape of a seeded ticket and the one function that writes it: common
 * task fields, table-specific ones, its work notes by the people who wrote
 * them, and for closed tickets the close stamps (and, for incidents, the
 * resolution code and notes the data policy requires).
 */
import { priorityFor } from '../business-rules.js';
import type { StoredRow } from '../store.js';
import { DAY, HOUR, type Seeder } from './seeder.js';

export interface NoteSeed {
  readonly by: string;
  /** How long before "now" it was written, in ms. */
  readonly ago: number;
  readonly text: string;
}

export interface TicketSeed {
  readonly table: 'incident' | 'sc_request' | 'sc_req_item' | 'sn_si_incident' | 'rm_enhancement' | 'u_vendor_access_request';
  readonly number: string;
  readonly title: string;
  readonly description: string;
  readonly state: string;
  readonly impact: string;
  readonly urgency: string;
  /** Set for non-incident tables; incidents derive it from impact and urgency. */
  readonly priority?: string;
  readonly group?: string;
  readonly assignee?: string;
  readonly ci?: string;
  readonly openedBy: string;
  readonly openedAgo: number;
  readonly dataClass: 'public' | 'internal' | 'confidential' | 'restricted';
  readonly contactType?: string;
  /** Table-specific fields; `@user:x`, `@group:x`, `@ci:x`, `@task:<table>:<number>`, `@item:x` resolve to sys_ids. */
  readonly extra?: Readonly<Record<string, string>>;
  readonly notes?: readonly NoteSeed[];
  /** For closed tickets: when and by whom; incidents also carry the resolution code and notes. */
  readonly closed?: { readonly ago: number; readonly by: string; readonly code?: string; readonly notes?: string };
  /**
   * The UTC time of day ("13:25") the story's `ago` values count back from,
   * for a ticket whose text names clock times ("since about 08:10 UTC"):
   * they are counted back from the latest such moment at or before now, so
   * the notes always come after the times they report (a note written at
   * 07:28 could not give "gateway health at 09:05 UTC"), whatever the hour
   * the sandbox starts. Without it, from now.
   */
  readonly storyClock?: string;
}

/** How long ago the latest `clock` (UTC "HH:MM") at or before `now` was, in ms. */
export function sinceClock(now: number, clock: string): number {
  const m = /^(\d{2}):(\d{2})$/.exec(clock);
  if (m === null) throw new Error(`storyClock must be "HH:MM" (UTC), got '${clock}'`);
  const day = new Date(now);
  let at = Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), Number(m[1]), Number(m[2]));
  if (at > now) at -= DAY;
  return now - at;
}

function resolveRef(seed: Seeder, value: string): string {
  const [kind, ...rest] = value.split(':');
  const key = rest.join(':');
  switch (kind) {
    case '@user':
      return seed.user(key);
    case '@group':
      return seed.group(key);
    case '@ci':
      return seed.ci(key);
    case '@item':
      return seed.id('sc_cat_item', key);
    case '@task': {
      const [table = '', number = ''] = key.split(':');
      return seed.id(table, number);
    }
    default:
      return value;
  }
}

export function seedTicket(seed: Seeder, story: TicketSeed): StoredRow {
  const t = story.storyClock === undefined ? story : shifted(story, sinceClock(seed.now, story.storyClock));
  const opened = seed.ago(t.openedAgo);
  const values: Record<string, string> = {
    number: t.number,
    short_description: t.title,
    description: t.description,
    state: t.state,
    impact: t.impact,
    urgency: t.urgency,
    priority: t.table === 'incident' ? (priorityFor(t.impact, t.urgency) ?? '4') : (t.priority ?? '4'),
    assignment_group: t.group === undefined ? '' : seed.group(t.group),
    assigned_to: t.assignee === undefined ? '' : seed.user(t.assignee),
    cmdb_ci: t.ci === undefined ? '' : seed.ci(t.ci),
    opened_by: seed.user(t.openedBy),
    opened_at: opened,
    [seed.app.fields.dataClass]: t.dataClass,
    contact_type: t.contactType ?? 'self-service',
    active: t.closed === undefined ? 'true' : 'false',
  };
  if (t.table === 'incident') values.incident_state = t.state;
  for (const [field, value] of Object.entries(t.extra ?? {})) values[field] = value.startsWith('@') ? resolveRef(seed, value) : value;
  if (t.closed) {
    values.closed_at = seed.ago(t.closed.ago);
    values.closed_by = seed.user(t.closed.by);
    if (t.table === 'incident') {
      values.close_code = t.closed.code ?? 'Solved (Permanently)';
      values.close_notes = t.closed.notes ?? '';
      values.resolved_at = seed.ago(t.closed.ago + 2 * HOUR);
      values.resolved_by = seed.user(t.closed.by);
    }
  }
  const lastTouch = Math.min(t.openedAgo, t.closed?.ago ?? Number.POSITIVE_INFINITY);
  const row = seed.put(t.table, t.number, values, { createdAgo: t.openedAgo, updatedAgo: lastTouch, by: t.openedBy });
  for (const note of [...(t.notes ?? [])].sort((a, b) => b.ago - a.ago)) seed.note(row, note.by, note.ago, note.text);
  return row;
}

/** The ticket with every time moved `by` ms further back. */
function shifted(t: TicketSeed, by: number): TicketSeed {
  return {
    ...t,
    openedAgo: t.openedAgo + by,
    ...(t.notes === undefined ? {} : { notes: t.notes.map((n) => ({ ...n, ago: n.ago + by })) }),
    ...(t.closed === undefined ? {} : { closed: { ...t.closed, ago: t.closed.ago + by } }),
  };
}

export { DAY, HOUR };
