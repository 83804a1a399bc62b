/**
 * Turns a raw ITSM record (every value a string, dot-walked keys as the Table
 * API returns them) into the canonical Ticket, through the table's mapping.
 *
 * A value the mapping cannot derive becomes null with an issue saying why,
 * never a guess: policy blocks on unknown input. A record that is not an object
 * of strings, or lacks its sys_id or number, is refused with RECORD_INVALID
 * naming the field.
 */
import type { RawRecord } from '../connector/connector.js';
import { HandoffError } from '../errors.js';
import type { ApproverCandidates, DataClass, MappingIssue, Party, Ref, Ticket } from '../domain/ticket.js';
import { AI_TIERS, APPROVER_ROLES, type AiTier } from '../domain/ticket.js';
import type { TableMapping } from './mapping-schema.js';
import { readSeverity } from './severity.js';

export function toTicket(mapping: TableMapping, record: RawRecord): Ticket {
  const raw = checkRecord(mapping, record);
  const value = (field: string | undefined): string => (field === undefined ? '' : (raw[field] ?? ''));
  const issues: MappingIssue[] = [];
  const { fields } = mapping;

  const sysId = value('sys_id').trim();
  const number = value(fields.number).trim();
  if (sysId === '') throw invalidRecord(mapping, 'sys_id', 'is empty or missing: every ServiceNow record has one; pass the record as the Table API returns it');
  if (number === '') throw invalidRecord(mapping, fields.number, 'is empty or missing: the ticket number is needed to show and audit the hand-off');

  const severity = readSeverity(mapping.severity, value);
  if (severity.severity === null) issues.push({ field: severity.field, message: severity.message });

  return {
    ref: { system: 'servicenow', table: mapping.table, sysId, number },
    type: mapping.ticketType,
    number,
    title: value(fields.title),
    description: value(fields.description),
    severity: severity.severity,
    dataClass: readDataClass(mapping, value, issues),
    owner: {
      group: ref(value(fields.group), value(fields.groupName)),
      assignee: ref(value(fields.assignee), value(fields.assigneeName)),
    },
    aiTier: readTier(mapping, value, issues),
    approvers: readApprovers(mapping, value),
    configurationItem: ref(value(fields.configurationItem), value(fields.configurationItemName)),
    caller: ref(value(fields.caller), value(fields.callerName)),
    state: { value: value(fields.state), active: readActive(value(fields.active), fields.active, issues) },
    updatedAt: value(fields.updatedAt),
    issues,
  };
}

function checkRecord(mapping: TableMapping, record: unknown): Readonly<Record<string, string>> {
  if (record === null || typeof record !== 'object' || Array.isArray(record)) {
    throw invalidRecord(mapping, '(record)', `is ${record === null ? 'null' : Array.isArray(record) ? 'an array' : typeof record}, not an object of field values`);
  }
  for (const [field, v] of Object.entries(record)) {
    if (typeof v === 'string') continue;
    const shape = v !== null && typeof v === 'object' && 'value' in v ? ' (a {link, value} or {display_value, value} object)' : '';
    throw invalidRecord(
      mapping,
      field,
      `is ${v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v}${shape}, not a string: request the record with sysparm_exclude_reference_link=true and sysparm_display_value=false, as the connector does`,
    );
  }
  return record as Readonly<Record<string, string>>;
}

function invalidRecord(mapping: TableMapping, field: string, problem: string): HandoffError {
  return new HandoffError('RECORD_INVALID', `${mapping.table} record: ${field}: ${problem}`, {
    details: { table: mapping.table, field },
    remedy: 'pass one record as the Table API returns it (plain string values)',
  });
}

function ref(id: string, name: string): Ref | null {
  const trimmed = id.trim();
  if (trimmed === '') return null;
  return name.trim() === '' ? { id: trimmed } : { id: trimmed, name: name.trim() };
}

function readDataClass(mapping: TableMapping, value: (f: string | undefined) => string, issues: MappingIssue[]): DataClass | null {
  const { field, map, default: fallback } = mapping.dataClass;
  const raw = value(field).trim();
  if (field === undefined || raw === '') return fallback;
  const mapped = lookup(map, raw) ?? lookup(map, raw.toLowerCase());
  if (mapped === undefined) {
    issues.push({ field, message: `value '${raw}' is not in the mapping's data-class map: the data class is unknown` });
    return null;
  }
  return mapped;
}

function readTier(mapping: TableMapping, value: (f: string | undefined) => string, issues: MappingIssue[]): AiTier | null {
  if (mapping.aiTier === undefined) return null;
  const raw = value(mapping.aiTier.field).trim();
  if (raw === '') return null;
  const mapped = lookup(mapping.aiTier.map, raw) ?? lookup(mapping.aiTier.map, raw.toLowerCase());
  if (mapped === undefined || !AI_TIERS.includes(mapped)) {
    // The safe reading of a tier we cannot read is the lowest one, never the group's.
    issues.push({ field: mapping.aiTier.field, message: `value '${raw}' is not in the mapping's tier map: treated as tier none` });
    return 'none';
  }
  return mapped;
}

function readApprovers(mapping: TableMapping, value: (f: string | undefined) => string): ApproverCandidates {
  const out: ApproverCandidates = {};
  for (const role of APPROVER_ROLES) {
    const sources = mapping.approvers[role];
    if (sources === undefined) continue;
    const parties: Party[] = [];
    for (const source of sources) {
      const kind = 'user' in source ? 'user' : 'group';
      const id = value('user' in source ? source.user : source.group).trim();
      if (id === '' || parties.some((p) => p.kind === kind && p.id === id)) continue;
      const name = value(source.name).trim();
      parties.push(name === '' ? { kind, id } : { kind, id, name });
    }
    out[role] = parties;
  }
  return out;
}

function readActive(raw: string, field: string, issues: MappingIssue[]): boolean {
  if (raw === 'true') return true;
  if (raw !== 'false') issues.push({ field, message: `value '${raw}' is not "true" or "false": the ticket is treated as inactive` });
  return false;
}

function lookup<T>(map: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(map, key) ? map[key] : undefined;
}
