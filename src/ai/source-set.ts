/**
 * Builds the source set from what the flow gathered through the connector.
 * Only the kinds the scope requested are kept (anything else passed in is
 * dropped: the scope, not the caller, decides what the AI may read). Every
 * value is sanitised (NFKC, invisible characters removed and counted) and cut
 * to the limits; what is missing or cut becomes a gap.
 */
import { SOURCE_KINDS, type SourceKind } from '../domain/operation.js';
import { sanitise } from './text/unicode.js';
import { SOURCE_KIND_LABELS, type Source, type SourceField, type SourceGap, type SourceSet } from './sources.js';

/** A field as the flow read it: name, optional human label, raw value and the instance's label of the value. */
export interface GatheredField {
  readonly name: string;
  readonly label?: string;
  readonly value: string;
  /** The value as people see it on the form ("In Progress" for state 2), when it differs from the raw value. */
  readonly display?: string;
}

export interface GatheredRecord {
  readonly number: string;
  readonly table: string;
  readonly sysId: string;
  readonly fields: readonly GatheredField[];
  /** ITSM time of the record's last update. */
  readonly updatedAt?: string;
}

/** Compatible with the connector's JournalEntry. */
export interface GatheredNote {
  readonly sysId: string;
  readonly value: string;
  readonly createdBy: string;
  readonly createdOn: string;
}

export interface GatheredCi {
  readonly name: string;
  readonly table: string;
  readonly sysId: string;
  readonly fields: readonly GatheredField[];
}

export interface Gathered {
  /** The kinds the scope allows; the only ones kept. */
  readonly requested: readonly SourceKind[];
  readonly ticket: GatheredRecord;
  readonly workNotes?: readonly GatheredNote[];
  readonly relatedByCi?: readonly GatheredRecord[];
  readonly relatedByCaller?: readonly GatheredRecord[];
  readonly relatedByGroup?: readonly GatheredRecord[];
  readonly ci?: GatheredCi | null;
  /** Kinds the flow could not read (an ACL, a missing right), with why. */
  readonly unreadable?: readonly { readonly kind: SourceKind; readonly detail: string }[];
}

export interface SourceLimits {
  /** Longest field value kept, in characters; default 2,000. */
  readonly maxFieldChars: number;
  /** Most fields kept per record; default 24. */
  readonly maxFields: number;
  /** Longest work note kept, in characters; default 4,000. */
  readonly maxNoteChars: number;
  /** Most recent work notes kept; default 20. */
  readonly maxNotes: number;
  /** Related tickets kept per kind; default 5. */
  readonly maxRelated: number;
}

export const DEFAULT_SOURCE_LIMITS: SourceLimits = {
  maxFieldChars: 2000,
  maxFields: 24,
  maxNoteChars: 4000,
  maxNotes: 20,
  maxRelated: 5,
};

const RELATED: readonly { kind: SourceKind; key: 'relatedByCi' | 'relatedByCaller' | 'relatedByGroup'; why: string }[] = [
  { kind: 'related_by_ci', key: 'relatedByCi', why: 'same configuration item' },
  { kind: 'related_by_caller', key: 'relatedByCaller', why: 'same caller' },
  { kind: 'related_by_group', key: 'relatedByGroup', why: 'same group' },
];

export function buildSourceSet(gathered: Gathered, limits: Partial<SourceLimits> = {}): SourceSet {
  const lim = { ...DEFAULT_SOURCE_LIMITS, ...limits };
  const requested = SOURCE_KINDS.filter((kind) => gathered.requested.includes(kind));
  const wants = (kind: SourceKind): boolean => requested.includes(kind);
  const sources: Source[] = [];
  const gaps: SourceGap[] = [];
  const unreadable = new Map((gathered.unreadable ?? []).map((u) => [u.kind, u.detail]));
  const add = (draft: Omit<Source, 'id'>): void => {
    sources.push({ id: `S${sources.length + 1}`, ...draft });
  };
  const gap = (kind: SourceKind, reason: SourceGap['reason'], detail: string): void => {
    gaps.push({ kind, reason, detail: clean(detail).text });
  };

  if (wants('ticket_fields')) {
    if (unreadable.has('ticket_fields')) gap('ticket_fields', 'unreadable', unreadable.get('ticket_fields') ?? '');
    else {
      const record = recordSource('ticket_fields', gathered.ticket, `${gathered.ticket.number} ticket fields`, lim);
      if (record.fields.length === 0) gap('ticket_fields', 'empty', `every mapped field of ${gathered.ticket.number} is empty`);
      else add(record);
      if (record.truncated) gap('ticket_fields', 'truncated', `some fields of ${gathered.ticket.number} were cut to the size limit`);
    }
  }

  if (wants('work_notes')) {
    const notes = [...(gathered.workNotes ?? [])].filter((n) => n.value.trim() !== '').sort((a, b) => a.createdOn.localeCompare(b.createdOn));
    if (unreadable.has('work_notes')) gap('work_notes', 'unreadable', unreadable.get('work_notes') ?? '');
    else if (notes.length === 0) gap('work_notes', 'none_found', `${gathered.ticket.number} has no work notes`);
    else {
      const kept = notes.slice(-lim.maxNotes);
      if (kept.length < notes.length) gap('work_notes', 'truncated', `only the ${kept.length} most recent of ${notes.length} work notes were read`);
      for (const note of kept) add(noteSource(note, gathered.ticket, lim));
    }
  }

  for (const { kind, key, why } of RELATED) {
    if (!wants(kind)) continue;
    const records = gathered[key] ?? [];
    if (unreadable.has(kind)) gap(kind, 'unreadable', unreadable.get(kind) ?? '');
    else if (records.length === 0) gap(kind, 'none_found', `no ${SOURCE_KIND_LABELS[kind]} were found`);
    else {
      const kept = records.slice(0, lim.maxRelated);
      if (kept.length < records.length) gap(kind, 'truncated', `only ${kept.length} of ${records.length} ${SOURCE_KIND_LABELS[kind]} were read`);
      for (const record of kept) add(recordSource(kind, record, `Related ticket ${record.number} (${why})`, lim));
    }
  }

  if (wants('ci_record')) {
    const ci = gathered.ci ?? null;
    if (unreadable.has('ci_record')) gap('ci_record', 'unreadable', unreadable.get('ci_record') ?? '');
    else if (ci === null) gap('ci_record', 'none_found', `${gathered.ticket.number} names no configuration item`);
    else {
      const record = recordSource('ci_record', { number: ci.name, table: ci.table, sysId: ci.sysId, fields: ci.fields }, `Configuration item ${ci.name}`, lim);
      add({ ...record, ref: { ...record.ref, number: null, ci: clean(ci.name).text } });
    }
  }

  return { ticket: { number: gathered.ticket.number, table: gathered.ticket.table }, requested, sources, gaps };
}

function recordSource(kind: SourceKind, record: GatheredRecord, label: string, lim: SourceLimits): Omit<Source, 'id'> {
  let truncated = false;
  let invisible = 0;
  let hidden = false;
  const fields: SourceField[] = [];
  for (const field of record.fields) {
    // People read the label; the raw value stays beside it for the guard's grounding.
    const shown = field.display === undefined || field.display.trim() === '' ? field.value : field.display;
    const value = clean(shown);
    invisible += value.invisible;
    hidden ||= value.hidden;
    if (value.text.trim() === '') continue;
    if (fields.length >= lim.maxFields) {
      truncated = true;
      continue;
    }
    const cut = cutTo(value.text, lim.maxFieldChars);
    truncated ||= cut.length < value.text.length;
    const raw = shown === field.value ? null : cutTo(clean(field.value).text, lim.maxFieldChars);
    fields.push({ name: field.name, label: clean(field.label ?? labelOf(field.name)).text, value: cut, ...(raw === null || raw === cut ? {} : { raw }) });
  }
  return {
    kind,
    ref: { table: record.table, sysId: record.sysId, number: clean(record.number).text, noteId: null, ci: null },
    label: clean(label).text,
    at: record.updatedAt ?? null,
    author: null,
    fields,
    truncated,
    invisible,
    hiddenText: hidden,
  };
}

function noteSource(note: GatheredNote, ticket: GatheredRecord, lim: SourceLimits): Omit<Source, 'id'> {
  const value = clean(note.value);
  const cut = cutTo(value.text, lim.maxNoteChars);
  const author = clean(note.createdBy).text;
  return {
    kind: 'work_notes',
    ref: { table: ticket.table, sysId: ticket.sysId, number: clean(ticket.number).text, noteId: note.sysId, ci: null },
    label: `Work note by ${author}, ${note.createdOn}`,
    at: note.createdOn,
    author,
    fields: [{ name: 'value', label: 'Work note', value: cut }],
    truncated: cut.length < value.text.length,
    invisible: value.invisible,
    hiddenText: value.hidden,
  };
}

function clean(text: string): { text: string; invisible: number; hidden: boolean } {
  const s = sanitise(text);
  return { text: s.text, invisible: s.invisible, hidden: s.hidden !== '' };
}

/** Cuts at a word boundary when one is near, never inside a surrogate pair. */
function cutTo(text: string, max: number): string {
  if (text.length <= max) return text;
  const code = text.charCodeAt(max - 1);
  const slice = text.slice(0, code >= 0xd800 && code <= 0xdbff ? max - 1 : max);
  const space = slice.lastIndexOf(' ');
  return space > max * 0.8 ? slice.slice(0, space) : slice;
}

/** Labels ServiceNow shows for fields whose names do not say it (sys_dictionary's column labels). */
const KNOWN_LABELS: Readonly<Record<string, string>> = {
  sys_class_name: 'Class',
  cmdb_ci: 'Configuration item',
  caller_id: 'Caller',
  opened_by: 'Opened by',
  assigned_to: 'Assigned to',
  assignment_group: 'Assignment group',
  cat_item: 'Item',
  ip_address: 'IP address',
  fqdn: 'Fully qualified domain name',
};

/**
 * `short_description` → `Short description`; a dot-walk to a name reads as its
 * reference (`owned_by.name` → `Owned by`, `cmdb_ci.name` → `Configuration item`).
 */
export function labelOf(name: string): string {
  const base = name.replace(/\.name$/, '');
  const known = KNOWN_LABELS[base];
  if (known !== undefined) return known;
  const words = base.replace(/^u_/, '').replace(/[._]+/g, ' ').trim();
  return words.length === 0 ? name : words.charAt(0).toUpperCase() + words.slice(1);
}
