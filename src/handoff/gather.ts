/**
 * Gathers, through the connector, only the sources the hand-off's scope
 * allows: the ticket's mapped fields, its work notes (people's, not the AI's
 * own notes), related tickets by configuration item, caller or group, and the
 * configuration item record.
 *
 * Everything beyond the ticket is read by exactly the queries of the panel's
 * read check (the ones the app ran in the requester's session) and passes the
 * containment check (src/boundary/containment.ts) before it can reach the
 * provider, the guard or the note: `BoundedGathered` holds only `InBounds`
 * records there. What is withheld is counted by reason, never kept.
 *
 * A kind the integration user may not read becomes an "unreadable" gap,
 * never a failure: the provider then says the sources are incomplete.
 */
import { displayValueOf, type Connector, type JournalEntry, type RawRecord } from '../connector/connector.js';
import type { Handoff } from '../domain/handoff.js';
import type { SourceKind } from '../domain/operation.js';
import type { ReadCheck, ReadCheckProblem, ReadQuery, WithheldCount, WithheldReason } from '../domain/read-check.js';
import type { Ref, Ticket } from '../domain/ticket.js';
import { isHandoffError } from '../errors.js';
import type { RELATED_SHOWN } from '../mapping/fields.js';
import type { FilterCondition, TableMapping } from '../mapping/mapping-schema.js';
import type { Gathered, GatheredCi, GatheredField, GatheredRecord } from '../ai/index.js';
import { findMarker, findReviewMarkers } from '../ai/index.js';
import { contain, countsInOrder, type BoundaryRules, type Candidate, type InBounds, type UsedSource } from '../boundary/containment.js';
import { readableFor } from '../boundary/readable.js';
import { recordClass } from '../boundary/record-class.js';

/** The CI record's fields shown to the AI (dot-walked through the integration role's cmdb_ci read right). */
export const CI_FIELDS = ['name', 'sys_class_name', 'operational_status', 'short_description', 'owned_by.name', 'managed_by.name', 'support_group.name', 'location.name'] as const;
/** Read besides CI_FIELDS for the containment check (the CI's owning group), never shown. */
const CI_CHECK_FIELDS = ['sys_id', 'support_group'] as const;

/** Labels of the mapped fields shown to the AI; a related ticket is read with these fields and no others (RELATED_SHOWN). */
const FIELD_LABELS: Readonly<Record<(typeof RELATED_SHOWN)[number], string>> = {
  number: 'Number',
  title: 'Short description',
  description: 'Description',
  state: 'State',
  groupName: 'Assignment group',
  assigneeName: 'Assigned to',
  configurationItemName: 'Configuration item',
  callerName: 'Caller',
  resolution: 'Resolution notes',
  updatedAt: 'Updated',
};

/** The gathered sources, with everything beyond the ticket in bounds: the only shape the executor builds a provider's input from. */
export interface BoundedGathered extends Omit<Gathered, 'relatedByCi' | 'relatedByCaller' | 'relatedByGroup' | 'ci'> {
  readonly relatedByCi: readonly InBounds<GatheredRecord>[];
  readonly relatedByCaller: readonly InBounds<GatheredRecord>[];
  readonly relatedByGroup: readonly InBounds<GatheredRecord>[];
  readonly ci: InBounds<GatheredCi> | null;
}

/** What the boundary let through and held back: for the audit (used by table, sys_id and class) and the note (counts by reason). */
export interface BoundaryReport {
  /** Kinds beyond the ticket the scope asked for. */
  readonly requested: readonly SourceKind[];
  readonly readCheck: 'ok' | ReadCheckProblem;
  readonly used: readonly UsedSource[];
  readonly withheld: readonly WithheldCount[];
}

export interface GatherResult {
  readonly gathered: BoundedGathered;
  readonly boundary: BoundaryReport;
}

export interface GatherInput {
  readonly connector: Connector;
  readonly mapping: TableMapping;
  readonly ticket: Ticket;
  readonly record: RawRecord;
  readonly handoff: Pick<Handoff, 'scope' | 'readCheck'>;
  /** Whether a journal entry is the integration user's own. */
  readonly ours: (entry: JournalEntry) => boolean;
  /** The read check of the panel computed for this ticket now (the scope digest was checked against the same panel). */
  readonly readCheck: ReadCheck;
  readonly rules: BoundaryRules;
}

/** The mapped fields shown to the AI, with their labels and the instance's label of each value; reference ids are left out (names stand for them). */
export function ticketFields(mapping: TableMapping, record: RawRecord): GatheredField[] {
  const out: GatheredField[] = [];
  for (const [key, label] of Object.entries(FIELD_LABELS)) {
    const field = mapping.fields[key as keyof TableMapping['fields']];
    if (field === undefined) continue;
    const value = record[field] ?? '';
    if (value !== '') out.push(gatheredField(record, field, label, value));
  }
  const severityField = mapping.severity.from === 'priority' ? mapping.severity.field : mapping.severity.impact;
  const priority = record[severityField] ?? '';
  if (priority !== '') out.push(gatheredField(record, severityField, mapping.severity.from === 'priority' ? 'Priority' : 'Impact', priority));
  return out;
}

/** A field with the instance's label of its value ("In Progress" for state 2), when the record carries one. */
function gatheredField(record: RawRecord, name: string, label: string | undefined, value: string): GatheredField {
  const display = displayValueOf(record, name);
  return { name, ...(label === undefined ? {} : { label }), value, ...(display === undefined ? {} : { display }) };
}

function asGathered(mapping: TableMapping, record: RawRecord): GatheredRecord {
  return {
    number: record[mapping.fields.number] ?? '',
    table: mapping.table,
    sysId: record.sys_id ?? '',
    fields: ticketFields(mapping, record),
    ...(record.sys_updated_on ? { updatedAt: record.sys_updated_on } : {}),
  };
}

function refOf(id: string | undefined, name: string | undefined): Ref | null {
  const trimmed = (id ?? '').trim();
  if (trimmed === '') return null;
  const label = (name ?? '').trim();
  return label === '' ? { id: trimmed } : { id: trimmed, name: label };
}

/**
 * The AI's own notes (and the flow's review notes) are never sources for the
 * AI. Only the integration user's entries count: a person who types a marker
 * into a note must not be able to hide that note from the AI.
 */
function isOurNote(entry: JournalEntry, ours: (entry: JournalEntry) => boolean): boolean {
  return ours(entry) && (findMarker(entry.value) !== null || findReviewMarkers(entry.value).length > 0);
}

type Gap = { kind: SourceKind; detail: string };
type Read<T> = { readonly value: T; readonly gap: Gap | null };

export async function gatherSources(input: GatherInput): Promise<GatherResult> {
  const { connector, mapping, ticket, record, handoff } = input;
  const requested = handoff.scope.sources;
  const wants = (kind: SourceKind): boolean => requested.includes(kind);
  const attempt = async <T>(kind: SourceKind, read: () => Promise<T>, empty: T): Promise<Read<T>> => {
    try {
      return { value: await read(), gap: null };
    } catch (error) {
      if (isHandoffError(error) && (error.code === 'SN_FORBIDDEN' || error.code === 'SN_NOT_FOUND' || error.code === 'INPUT_INVALID')) {
        return { value: empty, gap: { kind, detail: `${error.code}: the integration user could not read these` } };
      }
      throw error;
    }
  };
  const sysId = ticket.ref.sysId;

  // Every read beyond the ticket is one of the read check's queries, so what the app checked is what is read.
  const candidatesOf = (query: ReadQuery): Promise<Read<Candidate<GatheredRecord | GatheredCi>[]>> => {
    if (query.source === 'ci_record') {
      return attempt(query.source, async () => {
        const ci = await connector.getRecord('cmdb_ci', query.sysId, [...CI_FIELDS, ...CI_CHECK_FIELDS]);
        return ci === null ? [] : [ciCandidate(ci, query.sysId, ticket, input.rules)];
      }, []);
    }
    const conditions: FilterCondition[] = [
      { field: query.field, op: '=', value: query.value },
      { field: 'sys_id', op: '!=', value: query.exclude },
    ];
    return attempt(query.source, async () => (await connector.list(mapping, conditions, query.limit)).map((r) => ticketCandidate(query.source, mapping, r)), []);
  };
  const queries = input.readCheck.queries.filter((q) => wants(q.source) && (q.source === 'ci_record' || (q.table === mapping.table && q.exclude === sysId)));

  // The reads are independent: they go out together (the connector caps the calls in flight),
  // and their gaps are listed in a fixed order so the same sources always give the same set.
  const [notes, ...reads] = await Promise.all([
    wants('work_notes') ? attempt('work_notes', () => connector.workNotes(mapping, sysId), []) : Promise.resolve<Read<JournalEntry[]>>({ value: [], gap: null }),
    ...queries.map(candidatesOf),
  ]);

  const readable = readableFor(handoff.readCheck, input.readCheck);
  const containment = { ticketClass: ticket.dataClass, boundary: handoff.scope.boundary, rules: input.rules, readable };
  const unreadable: Gap[] = notes.gap === null ? [] : [notes.gap];
  const kept = new Map<SourceKind, readonly InBounds<GatheredRecord | GatheredCi>[]>();
  const used: UsedSource[] = [];
  const withheld = new Map<WithheldReason, number>();
  const counted = new Set<string>();
  queries.forEach((query, i) => {
    const read = reads[i]!;
    if (read.gap !== null) {
      unreadable.push(read.gap);
      return;
    }
    const result = contain(containment, read.value, counted);
    kept.set(query.source, result.inBounds);
    used.push(...result.used);
    for (const w of result.withheld) withheld.set(w.reason, (withheld.get(w.reason) ?? 0) + w.count);
    // "None found" would be untrue when records were found and withheld: say they were withheld, by count only.
    if (read.value.length > 0 && result.inBounds.length === 0) {
      unreadable.push({ kind: query.source, detail: `withheld: none of the ${read.value.length} found is within this hand-off's boundary` });
    }
  });
  const related = (kind: SourceKind): readonly InBounds<GatheredRecord>[] => (kind === 'ci_record' ? [] : ((kept.get(kind) ?? []) as readonly InBounds<GatheredRecord>[]));
  const ci = (kept.get('ci_record') ?? [])[0] as InBounds<GatheredCi> | undefined;

  return {
    gathered: {
      requested,
      ticket: asGathered(mapping, record),
      workNotes: notes.value.filter((n) => !isOurNote(n, input.ours)),
      relatedByCi: related('related_by_ci'),
      relatedByCaller: related('related_by_caller'),
      relatedByGroup: related('related_by_group'),
      ci: ci ?? null,
      unreadable: order(unreadable),
    },
    boundary: {
      requested: requested.filter((k) => k !== 'ticket_fields' && k !== 'work_notes'),
      readCheck: readable.ok ? 'ok' : readable.problem,
      used,
      withheld: countsInOrder(withheld),
    },
  };
}

const GAP_ORDER: readonly SourceKind[] = ['work_notes', 'ci_record', 'related_by_ci', 'related_by_caller', 'related_by_group'];

function order(gaps: readonly Gap[]): Gap[] {
  return [...gaps].sort((a, b) => GAP_ORDER.indexOf(a.kind) - GAP_ORDER.indexOf(b.kind));
}

function ticketCandidate(kind: SourceKind, mapping: TableMapping, raw: RawRecord): Candidate<GatheredRecord> {
  return {
    kind,
    table: mapping.table,
    sysId: raw.sys_id ?? '',
    dataClass: recordClass(mapping.dataClass, raw),
    group: refOf(raw[mapping.fields.group], mapping.fields.groupName === undefined ? undefined : raw[mapping.fields.groupName]),
    value: asGathered(mapping, raw),
  };
}

function ciCandidate(raw: RawRecord, sysId: string, ticket: Ticket, rules: BoundaryRules): Candidate<GatheredCi> {
  return {
    kind: 'ci_record',
    table: 'cmdb_ci',
    sysId,
    dataClass: rules.ciRecordClass,
    group: refOf(raw.support_group, raw['support_group.name']),
    value: {
      name: raw.name ?? ticket.configurationItem?.name ?? sysId,
      table: 'cmdb_ci',
      sysId,
      fields: CI_FIELDS.filter((f) => (raw[f] ?? '') !== '').map((f) => gatheredField(raw, f, undefined, raw[f] ?? '')),
    },
  };
}
