/**
 * `mappings init`: a first mapping for a table, inferred from the instance's
 * own description of it (src/admin/table-description.ts). Each canonical
 * field is matched by the platform's standard column name first, then by
 * label and type; the severity map and the data-class map come from the
 * columns' choice lists; the approver sources follow the roles the policy's
 * operations for the ticket type need. Anything not matched by its standard
 * name carries a note (`confirm:` for a guess, `NOT FOUND` for a gap a person
 * must fill), which the YAML writer turns into a comment. Pure: the
 * descriptions are read by the caller.
 *
 * The shape is the worker-instance contract's version 2 (docs/contract.md):
 * the `ai:` block names only the panel, the status and the work notes; there
 * is no request, review or identity key.
 */
import { APPROVER_ROLES, DATA_CLASSES, type ApproverRole, type DataClass, type TicketType } from '../domain/ticket.js';
import type { ColumnInfo, TableDescription } from './table-description.js';

/** A value and, when a person should look at it, why. */
export interface Noted<T> {
  readonly value: T;
  readonly note: string | null;
}

export interface SourceDraft {
  readonly user: string;
  readonly name: string | null;
}

export interface MappingDraft {
  readonly table: string;
  readonly ticketType: TicketType;
  readonly lineage: readonly string[];
  /** null: no `active` column found. */
  readonly active: Noted<boolean>;
  /** In the mapping's key order; value null: not found (required keys) or left out (optional ones). */
  readonly fields: readonly (readonly [key: string, entry: Noted<string | null>])[];
  readonly severity: Noted<{ readonly from: 'priority'; readonly field: string; readonly map: Readonly<Record<string, number>> } | { readonly from: 'impact_urgency'; readonly impact: string; readonly urgency: string; readonly map: Readonly<Record<string, number>> } | null>;
  readonly dataClass: { readonly field: Noted<string | null>; readonly map: Noted<Readonly<Record<string, DataClass>>>; readonly default: Noted<DataClass> };
  /** Reference columns to users or groups, and their managers: where an admin may look for approvers. */
  readonly approverCandidates: readonly string[];
  readonly approvers: readonly (readonly [role: ApproverRole, entry: Noted<readonly SourceDraft[]>])[];
  readonly ai: { readonly panel: string; readonly status: string; readonly workNotes: string; readonly note: string | null };
}

export interface DraftInput {
  readonly table: TableDescription;
  /** The descriptions of the tables the table's columns reference (sys_user, sys_user_group, cmdb_ci...), by name. */
  readonly referenced: ReadonlyMap<string, TableDescription>;
  readonly ticketType: TicketType;
  /** The approver roles the policy's operations for this ticket type need. */
  readonly roles: readonly ApproverRole[];
  /** The app's scope (docs/contract.md, "Names"): the AI fields are `<scope>_panel` and `<scope>_status`. */
  readonly scope: string;
}

interface FieldRule {
  readonly key: string;
  readonly required: boolean;
  /** Standard column names, in order of preference. */
  readonly names: readonly string[];
  readonly label?: RegExp;
  /** The column's type, or for references the referenced table (a prefix: cmdb_ci matches cmdb_ci_service). */
  readonly type?: string;
  readonly reference?: string;
  /** A last resort after the label, always noted (opened_by for the person a ticket is for). */
  readonly fallback?: string;
}

const FIELD_RULES: readonly FieldRule[] = [
  { key: 'number', required: true, names: ['number'], label: /^number$/i },
  { key: 'title', required: true, names: ['short_description'], label: /short description|title|summary/i },
  { key: 'description', required: true, names: ['description'], label: /^description$/i },
  { key: 'state', required: true, names: ['state'], label: /^state$/i },
  { key: 'active', required: true, names: ['active'], label: /^active$/i, type: 'boolean' },
  { key: 'updatedAt', required: true, names: ['sys_updated_on'], label: /^updated$/i },
  { key: 'group', required: true, names: ['assignment_group'], label: /group/i, reference: 'sys_user_group' },
  { key: 'assignee', required: true, names: ['assigned_to'], label: /assigned to|assignee/i, reference: 'sys_user' },
  { key: 'configurationItem', required: false, names: ['cmdb_ci'], label: /configuration item|\bci\b/i, reference: 'cmdb_ci' },
  // The person the ticket is for: the caller of an incident, the requested-for of a request, the affected user of a security incident.
  { key: 'caller', required: false, names: ['caller_id', 'requested_for', 'affected_user'], label: /caller|requested for|affected user|requester/i, reference: 'sys_user', fallback: 'opened_by' },
  // How a closed ticket was resolved: a related ticket's known-good baseline for the comparison (docs/ai.md).
  { key: 'resolution', required: false, names: ['close_notes'], label: /^(resolution|close) notes$/i },
];

/** Display-name companions: `<key>Name` read through the reference's `name` column. */
const NAME_OF: Readonly<Record<string, string>> = { group: 'groupName', assignee: 'assigneeName', configurationItem: 'configurationItemName', caller: 'callerName' };

/** Priority labels to severity (ServiceNow's defaults: 1 - Critical .. 5 - Planning; a renumbered list keeps its words). */
const SEVERITY_WORDS: readonly [RegExp, number][] = [
  [/critical/i, 1],
  [/high/i, 2],
  [/moderate|medium/i, 3],
  [/low|planning/i, 4],
];

export function draftMapping(input: DraftInput): MappingDraft {
  const { table, ticketType, scope } = input;
  const found = new Map<string, ColumnInfo>();
  const fields: [string, Noted<string | null>][] = [];
  for (const rule of FIELD_RULES) {
    const match = matchColumn(table, rule);
    if (match.column !== null) found.set(rule.key, match.column);
    fields.push([rule.key, { value: match.column?.name ?? null, note: match.note }]);
    const nameKey = NAME_OF[rule.key];
    if (nameKey !== undefined && match.column !== null) {
      const target = input.referenced.get(match.column.reference ?? '');
      const hasName = target?.columns.has('name') ?? false;
      fields.push([nameKey, { value: hasName ? `${match.column.name}.name` : null, note: hasName ? null : `left out: ${match.column.reference ?? '?'} has no name column to show` }]);
    }
  }
  return {
    table: table.table,
    ticketType,
    lineage: table.lineage,
    active: table.columns.get('active')?.type === 'boolean' ? { value: true, note: null } : { value: false, note: `NOT FOUND: ${table.table} has no boolean active column: write the filter that selects open work` },
    fields,
    severity: draftSeverity(table),
    dataClass: draftDataClass(table, ticketType, scope),
    approverCandidates: approverCandidates(table, input.referenced, scope),
    approvers: input.roles.filter((r) => APPROVER_ROLES.includes(r)).map((role) => [role, draftApprovers(role, found, input.referenced)] as const),
    ai: draftAi(table, scope),
  };
}

function matchColumn(table: TableDescription, rule: FieldRule): { column: ColumnInfo | null; note: string | null } {
  const fits = (c: ColumnInfo): boolean =>
    (rule.type === undefined || c.type === rule.type) && (rule.reference === undefined || (c.type === 'reference' && (c.reference ?? '').startsWith(rule.reference)));
  for (const name of rule.names) {
    const column = table.columns.get(name);
    if (column !== undefined && fits(column)) {
      const chosen = rule.names.length > 1 ? `confirm: the first of ${rule.names.join(', ')} on ${table.table}` : null;
      return { column, note: chosen };
    }
  }
  const byLabel = [...table.columns.values()].filter((c) => rule.label?.test(c.label) === true && fits(c)).sort((a, b) => (a.name < b.name ? -1 : 1));
  if (byLabel[0] !== undefined) {
    const others = byLabel.length > 1 ? ` (also labelled so: ${byLabel.slice(1).map((c) => c.name).join(', ')})` : '';
    return { column: byLabel[0], note: `confirm: no column ${rule.names.join(' or ')}; matched by its label '${byLabel[0].label}'${others}` };
  }
  const fallback = rule.fallback === undefined ? undefined : table.columns.get(rule.fallback);
  if (fallback !== undefined && fits(fallback)) {
    return { column: fallback, note: `confirm: none of ${rule.names.join(', ')} or a column labelled like them; ${fallback.name} (${fallback.label}) is the closest` };
  }
  const wanted = `no column ${rule.names.join(' or ')}${rule.label ? ' and none labelled like it' : ''}${rule.reference ? ` referencing ${rule.reference}` : ''}`;
  return { column: null, note: rule.required ? `NOT FOUND: ${wanted}: name the column` : `left out: ${wanted} (optional)` };
}

function severityMap(choices: readonly { value: string; label: string }[]): { map: Record<string, number>; lines: string[] } {
  const map: Record<string, number> = {};
  const lines: string[] = [];
  for (const { value, label } of choices) {
    const word = SEVERITY_WORDS.find(([re]) => re.test(label));
    const numeric = /^\d+$/.test(value) ? Math.min(Math.max(Number(value), 1), 4) : null;
    const severity = word?.[1] ?? numeric;
    if (severity === null) lines.push(`'${value}' (${label}) not mapped: a ticket with it has an unknown severity and is blocked`);
    else {
      map[value] = severity;
      lines.push(`${value} '${label}' -> ${severity}${word === undefined ? ' (by its number)' : ''}`);
    }
  }
  return { map, lines };
}

const DEFAULT_PRIORITY_MAP: Readonly<Record<string, number>> = { '1': 1, '2': 2, '3': 3, '4': 4, '5': 4 };

function draftSeverity(table: TableDescription): MappingDraft['severity'] {
  const priority = table.columns.get('priority');
  if (priority !== undefined) {
    const list = table.choices.get('priority');
    if (list === undefined || list.choices.length === 0) {
      return { value: { from: 'priority', field: 'priority', map: DEFAULT_PRIORITY_MAP }, note: `confirm: ${table.table}.priority has no choice list; the platform's default 1 Critical .. 5 Planning assumed` };
    }
    const { map, lines } = severityMap(list.choices);
    return { value: { from: 'priority', field: 'priority', map }, note: `confirm: from the choices of ${list.definedOn}.priority: ${lines.join('; ')}` };
  }
  if (table.columns.has('impact') && table.columns.has('urgency')) {
    return { value: { from: 'impact_urgency', impact: 'impact', urgency: 'urgency', map: DEFAULT_PRIORITY_MAP }, note: `confirm: no priority column; priority from impact and urgency through the platform's matrix, then 1..5 to severity` };
  }
  return { value: null, note: `NOT FOUND: no priority, and no impact and urgency, on ${table.table}: name the column severity comes from` };
}

function draftDataClass(table: TableDescription, ticketType: TicketType, scope: string): MappingDraft['dataClass'] {
  const own = `${scope}_data_classification`;
  const byLabel = [...table.columns.values()].filter((c) => c.name !== own && /classification/i.test(c.label)).sort((a, b) => (a.name < b.name ? -1 : 1));
  const column = table.columns.get(own) ?? byLabel[0] ?? null;
  const fieldNote =
    column === null
      ? `left out: no ${own} (the app's field) and no column labelled classification: every ticket gets the default; install the app on ${table.table} or name the field`
      : column.name === own
        ? null
        : `confirm: not the app's ${own}; matched by its label '${column.label}'`;
  const map: Record<string, DataClass> = {};
  const unmapped: string[] = [];
  for (const { value, label } of column === null ? [] : (table.choices.get(column.name)?.choices ?? [])) {
    const cls = DATA_CLASSES.find((c) => value.toLowerCase() === c || new RegExp(`\\b${c}\\b`, 'i').test(label));
    if (cls === undefined) unmapped.push(`'${value}' (${label})`);
    else map[value] = cls;
  }
  const mapNote =
    column === null
      ? null
      : Object.keys(map).length === 0
        ? `NOT FOUND: ${column.name} has no choices named public, internal, confidential or restricted: map its values by hand`
        : unmapped.length > 0
          ? `confirm: not mapped: ${unmapped.join(', ')}: a ticket with one has an unknown data class and is blocked`
          : null;
  const fallback: DataClass = ticketType === 'security' ? 'confidential' : 'internal';
  return {
    field: { value: column?.name ?? null, note: fieldNote },
    map: { value: map, note: mapNote },
    default: { value: fallback, note: `confirm: the class of a ticket whose field is empty${ticketType === 'security' ? ' (security work is confidential unless classified otherwise)' : ''}` },
  };
}

/** Reference columns to users and groups, and the manager of each: where approvers can come from (not the app's own columns). */
function approverCandidates(table: TableDescription, referenced: ReadonlyMap<string, TableDescription>, scope: string): string[] {
  const out: string[] = [];
  for (const c of [...table.columns.values()].sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (c.type !== 'reference' || (c.reference !== 'sys_user' && c.reference !== 'sys_user_group') || c.name.startsWith(`${scope}_`)) continue;
    out.push(`${c.name} (${c.reference === 'sys_user' ? 'user' : 'group'})`);
    if (referenced.get(c.reference)?.columns.get('manager')?.reference === 'sys_user') out.push(`${c.name}.manager (user)`);
  }
  return out;
}

/** The usual sources of each role, as the shipped mappings name them (docs/admin.md, "Approvers"). */
const ROLE_SOURCES: Readonly<Record<ApproverRole, readonly (readonly [field: string, walk: string])[]>> = {
  incident_commander: [['group', 'manager']],
  requester_manager: [['caller', 'manager']],
  security_owner: [
    ['configurationItem', 'owned_by'],
    ['group', 'manager'],
  ],
  sponsor: [
    ['caller', 'manager'],
    ['group', 'manager'],
  ],
};

const ROLE_WORDS: Readonly<Record<ApproverRole, string>> = {
  incident_commander: 'the incident commander: the owning group\'s manager',
  requester_manager: "the manager of the person the ticket is for",
  security_owner: "the owner of the affected system, else the owning group's manager",
  sponsor: "the requester's manager, else the owning group's manager",
};

function draftApprovers(role: ApproverRole, found: ReadonlyMap<string, ColumnInfo>, referenced: ReadonlyMap<string, TableDescription>): Noted<readonly SourceDraft[]> {
  const sources: SourceDraft[] = [];
  const missing: string[] = [];
  for (const [key, walk] of ROLE_SOURCES[role]) {
    const column = found.get(key);
    const target = column === undefined ? undefined : referenced.get(column.reference ?? '');
    const step = target?.columns.get(walk);
    if (column === undefined || step?.reference !== 'sys_user') {
      missing.push(column === undefined ? `no ${key} column` : `${column.reference ?? '?'}.${walk} is not a user reference`);
      continue;
    }
    const named = referenced.get('sys_user')?.columns.has('name') ?? false;
    sources.push({ user: `${column.name}.${walk}`, name: named ? `${column.name}.${walk}.name` : null });
  }
  if (sources.length === 0) return { value: [], note: `NOT FOUND: ${ROLE_WORDS[role]} (${missing.join('; ')}): name a user or group reference from the candidates above` };
  return { value: sources, note: `confirm: ${ROLE_WORDS[role]}${missing.length > 0 ? ` (${missing.join('; ')})` : ''}` };
}

function draftAi(table: TableDescription, scope: string): MappingDraft['ai'] {
  const panel = `${scope}_panel`;
  const status = `${scope}_status`;
  const absent = [panel, status].filter((c) => !table.columns.has(c));
  const notes: string[] = [];
  if (absent.length > 0) notes.push(`NOT ON ${table.table}: ${absent.join(', ')}: install the app on this table (docs/servicenow-app.md) before the worker can show a panel`);
  if (table.columns.get('work_notes')?.type !== 'journal_input') notes.push(`${table.table} has no work_notes journal field: the worker writes its drafts there`);
  return { panel, status, workNotes: 'work_notes', note: notes.length === 0 ? null : notes.join('; ') };
}

/** Every table a draft reads columns of beyond the table itself (to describe them first). */
export function referencedTables(table: TableDescription): string[] {
  const out = new Set<string>(['sys_user', 'sys_user_group']);
  for (const rule of FIELD_RULES) {
    for (const name of [...rule.names, ...(rule.fallback === undefined ? [] : [rule.fallback])]) {
      const ref = table.columns.get(name)?.reference;
      if (ref) out.add(ref);
    }
  }
  for (const c of table.columns.values()) if (c.type === 'reference' && c.reference !== null && /^(sys_user|sys_user_group|cmdb_ci)/.test(c.reference)) out.add(c.reference);
  return [...out].sort();
}
