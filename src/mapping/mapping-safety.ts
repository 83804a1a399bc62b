/**
 * Mappings cannot widen the boundary (issue 10): the AI fields a mapping
 * names are the only ticket fields the integration writes besides the work
 * note (src/connector/write-guard.ts), so a mapping that points them at
 * anything else would let the worker write it. Loading refuses:
 *
 * - `ai.panel` or `ai.status` naming a state, assignment, approval, priority
 *   or journal field, a field the mapping also reads as a ticket field, a
 *   dot-walk, anything outside the app's scope prefix (`<scope>_`), or the
 *   same column for both;
 * - `ai.workNotes` other than `work_notes`, the internal journal (never
 *   `comments`, which the customer sees).
 *
 * Each problem names the file, the key and the fix. `ai.request` and
 * `ai.review` leave the mapping with contract version 2 (docs/contract.md)
 * and get no rules here.
 */
import type { TableMapping } from './mapping-schema.js';

/** The app's scope when the runtime config names none (docs/contract.md, "Names"). */
export const DEFAULT_APP_SCOPE = 'x_acme_aihandoff';

/** The internal work-notes journal: the one journal the integration writes. */
export const WORK_NOTES_FIELD = 'work_notes';

/**
 * Fields that hold a ticket's state, assignment, approval, priority or a
 * journal (../shared/reference/servicenow.md, "Fields that mean state"):
 * never an AI field.
 */
const NEVER_AI_FIELDS: ReadonlySet<string> = new Set([
  'state', 'incident_state', 'request_state', 'substate', 'active', 'stage', 'close_code', 'close_notes',
  'approval', 'approval_history', 'approval_set', 'upon_approval', 'upon_reject',
  'assigned_to', 'assignment_group', 'escalation',
  'priority', 'impact', 'urgency', 'severity',
  'work_notes', 'comments', 'comments_and_work_notes', 'work_notes_list',
]);
const NEVER_AI_PREFIXES = ['resolved_', 'closed_', 'sys_'];

/** Every field the mapping reads as part of the ticket (not its AI fields), by the key that names it. */
function ticketFieldKeys(mapping: TableMapping): Map<string, string> {
  const byField = new Map<string, string>();
  const add = (key: string, field: string | undefined): void => {
    if (field !== undefined && !byField.has(field)) byField.set(field, key);
  };
  for (const [key, field] of Object.entries(mapping.fields)) add(`fields.${key}`, field);
  const sev = mapping.severity;
  if (sev.from === 'priority') add('severity.field', sev.field);
  else {
    add('severity.impact', sev.impact);
    add('severity.urgency', sev.urgency);
  }
  add('dataClass.field', mapping.dataClass.field);
  add('aiTier.field', mapping.aiTier?.field);
  for (const [role, sources] of Object.entries(mapping.approvers)) {
    for (const [i, source] of (sources ?? []).entries()) {
      add(`approvers.${role}[${i}]`, 'user' in source ? source.user : source.group);
      add(`approvers.${role}[${i}].name`, source.name);
    }
  }
  for (const [i, condition] of mapping.active.entries()) add(`active[${i}].field`, condition.field);
  return byField;
}

function aiFieldProblem(field: string, key: 'panel' | 'status', mapping: TableMapping, scope: string, readAs: Map<string, string>): string | null {
  const fix = `name the app's ${key} column, ${scope}_${key}`;
  if (field.includes('.')) return `'${field}' is a dot-walk into another record: the AI fields are columns of the ticket table itself: ${fix}`;
  if (NEVER_AI_FIELDS.has(field) || NEVER_AI_PREFIXES.some((p) => field.startsWith(p))) {
    return `'${field}' is a state, assignment, approval, priority or journal field, which the worker must never write: ${fix}`;
  }
  const other = readAs.get(field);
  if (other !== undefined) return `'${field}' is also the ticket field ${other}, which the worker must never write: ${fix}`;
  if (!field.startsWith(`${scope}_`)) return `'${field}' is outside the app's scope ${scope} (its columns are ${scope}_*): ${fix}`;
  if (key === 'status' && field === mapping.ai.panel) return `'${field}' is also ai.panel: the panel and the status are two columns: ${fix}`;
  return null;
}

/** The problems of one loaded mapping, each `<file>: <key>: <what> : <fix>`; empty when it is safe. */
export function mappingSafetyProblems(mapping: TableMapping, file: string, scope: string = DEFAULT_APP_SCOPE): string[] {
  const problems: string[] = [];
  const readAs = ticketFieldKeys(mapping);
  for (const key of ['panel', 'status'] as const) {
    const problem = aiFieldProblem(mapping.ai[key], key, mapping, scope, readAs);
    if (problem !== null) problems.push(`${file}: ai.${key}: ${problem}`);
  }
  if (mapping.ai.workNotes !== WORK_NOTES_FIELD) {
    const why = mapping.ai.workNotes === 'comments' ? "'comments' is the customer-visible journal" : `'${mapping.ai.workNotes}' is not the internal work-notes journal`;
    problems.push(`${file}: ai.workNotes: ${why}; the AI writes only internal work notes: set it to ${WORK_NOTES_FIELD}`);
  }
  return problems;
}

/** What `mappings check` expects of the written fields' types in sys_dictionary (`internal_type`). */
export interface ExpectedType {
  readonly key: string;
  readonly field: string;
  readonly types: readonly string[];
  readonly what: string;
}

export function expectedTypes(mapping: TableMapping): ExpectedType[] {
  return [
    { key: 'ai.workNotes', field: mapping.ai.workNotes, types: ['journal_input'], what: 'a journal input (work notes)' },
    { key: 'ai.panel', field: mapping.ai.panel, types: ['string'], what: 'a string' },
    { key: 'ai.status', field: mapping.ai.status, types: ['string', 'choice'], what: 'a string or choice' },
  ];
}
