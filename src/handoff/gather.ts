/**
 * Gathers, through the connector, only the sources the hand-off's scope
 * allows: the ticket's mapped fields, its work notes (people's, not the AI's
 * own notes), related tickets by configuration item, caller or group, and the
 * configuration item record. A kind the integration user may not read becomes
 * an "unreadable" gap, never a failure: the provider then says the sources
 * are incomplete.
 */
import { displayValueOf, type Connector, type JournalEntry, type RawRecord } from '../connector/connector.js';
import type { SourceKind } from '../domain/operation.js';
import type { Ticket } from '../domain/ticket.js';
import { isHandoffError } from '../errors.js';
import type { FilterCondition, TableMapping } from '../mapping/mapping-schema.js';
import type { Gathered, GatheredField, GatheredRecord } from '../ai/index.js';
import { findMarker, findReviewMarkers } from '../ai/index.js';

/** Related tickets read per kind. */
export const RELATED_LIMIT = 5;

/** The CI record's fields read (dot-walked through the integration role's cmdb_ci read right). */
export const CI_FIELDS = ['name', 'sys_class_name', 'operational_status', 'short_description', 'owned_by.name', 'managed_by.name', 'support_group.name', 'location.name'] as const;

const FIELD_LABELS: Readonly<Record<string, string>> = {
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

/**
 * The AI's own notes (and the flow's review notes) are never sources for the
 * AI. Only the integration user's entries count: a person who types a marker
 * into a note must not be able to hide that note from the AI.
 */
function isOurNote(entry: JournalEntry, ours: (entry: JournalEntry) => boolean): boolean {
  return ours(entry) && (findMarker(entry.value) !== null || findReviewMarkers(entry.value).length > 0);
}

export async function gatherSources(
  connector: Connector,
  mapping: TableMapping,
  ticket: Ticket,
  record: RawRecord,
  requested: readonly SourceKind[],
  ours: (entry: JournalEntry) => boolean,
): Promise<Gathered> {
  const wants = (kind: SourceKind): boolean => requested.includes(kind);
  type Read<T> = { readonly value: T; readonly gap: { kind: SourceKind; detail: string } | null };
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
  const none = <T>(value: T): Promise<Read<T>> => Promise.resolve({ value, gap: null });
  const sysId = ticket.ref.sysId;
  const related = (kind: SourceKind, field: string | undefined, id: string | undefined): Promise<Read<RawRecord[]>> => {
    if (!wants(kind) || field === undefined || id === undefined || id === '') return none([]);
    const conditions: FilterCondition[] = [
      { field, op: '=', value: id },
      { field: 'sys_id', op: '!=', value: sysId },
    ];
    return attempt(kind, () => connector.list(mapping, conditions, RELATED_LIMIT), []);
  };

  // The reads are independent: they go out together (the connector caps the calls in flight),
  // and their gaps are listed in a fixed order so the same sources always give the same set.
  const ciId = ticket.configurationItem?.id;
  const [notes, ci, byCi, byCaller, byGroup] = await Promise.all([
    wants('work_notes') ? attempt('work_notes', () => connector.workNotes(mapping, sysId), []) : none([]),
    wants('ci_record') && ciId ? attempt('ci_record', () => connector.getRecord('cmdb_ci', ciId, [...CI_FIELDS, 'sys_id']), null) : none(null),
    related('related_by_ci', mapping.fields.configurationItem, ciId),
    related('related_by_caller', mapping.fields.caller, ticket.caller?.id),
    related('related_by_group', mapping.fields.group, ticket.owner.group?.id),
  ]);
  const unreadable = [notes.gap, ci.gap, byCi.gap, byCaller.gap, byGroup.gap].filter((g) => g !== null);
  const ciRecord = ci.value;

  return {
    requested,
    ticket: asGathered(mapping, record),
    workNotes: notes.value.filter((n) => !isOurNote(n, ours)),
    relatedByCi: byCi.value.map((r) => asGathered(mapping, r)),
    relatedByCaller: byCaller.value.map((r) => asGathered(mapping, r)),
    relatedByGroup: byGroup.value.map((r) => asGathered(mapping, r)),
    ci:
      ciRecord === null
        ? null
        : {
            name: ciRecord.name ?? ticket.configurationItem?.name ?? ciId ?? '',
            table: 'cmdb_ci',
            sysId: ciId ?? '',
            fields: CI_FIELDS.filter((f) => (ciRecord[f] ?? '') !== '').map((f) => gatheredField(ciRecord, f, undefined, ciRecord[f] ?? '')),
          },
    unreadable,
  };
}
