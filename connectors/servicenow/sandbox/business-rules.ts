/**
 * The instance behaviour a write triggers before it is saved, as an
 * out-of-the-box instance does it (the app's own rules run on its own tables:
 * app/row-rules.ts):
 *
 * - incident priority follows impact and urgency (the priority lookup, see
 *   ../shared/reference/servicenow.md "Tables");
 * - a closing state makes the task inactive and stamps closed_at/closed_by;
 *   incident Resolved stamps resolved_at/resolved_by; incident_state mirrors state;
 * - the app's stamp rule (issue 6): when the request or review field is set
 *   to a new non-empty value, the acting user's sys_id goes into the
 *   requested-by / reviewed-by field, server-side, whatever the body said;
 *   clearing the field leaves the stamp;
 * - the incident data policy: Resolved or Closed needs a resolution code and
 *   resolution notes.
 */
import type { TableDef } from './schema/types.js';
import type { RowValues } from './store.js';

export interface Actor {
  readonly sysId: string;
  readonly userName: string;
  readonly name: string;
}

const PRIORITY_MATRIX: Readonly<Record<string, string>> = {
  '1/1': '1', '1/2': '2', '1/3': '3',
  '2/1': '2', '2/2': '3', '2/3': '4',
  '3/1': '3', '3/2': '4', '3/3': '5',
};

export function priorityFor(impact: string, urgency: string): string | undefined {
  return PRIORITY_MATRIX[`${impact}/${urgency}`];
}

/**
 * Adds the derived changes to `changes` (mutated), given the row's current
 * values (`before`, empty for an insert) and the time as a glide date-time.
 */
export function applyRules(table: TableDef, before: Readonly<RowValues>, changes: RowValues, actor: Actor, now: string, inserting: boolean): void {
  const after = (f: string): string => changes[f] ?? before[f] ?? '';
  const isIncident = table.lineage.includes('incident');
  if (isIncident && (inserting || 'impact' in changes || 'urgency' in changes)) {
    const p = priorityFor(after('impact') || '3', after('urgency') || '3');
    if (p !== undefined) changes.priority = p;
  }
  if ('state' in changes) {
    const state = changes.state ?? '';
    if (isIncident) changes.incident_state = state;
    const wasClosed = !inserting && table.closedStates.has(before.state ?? '');
    if (table.closedStates.has(state) && !wasClosed) {
      changes.active = 'false';
      if (table.field.has('closed_at') && after('closed_at') === '') changes.closed_at = now;
      if (table.field.has('closed_by') && after('closed_by') === '') changes.closed_by = actor.sysId;
    } else if (!table.closedStates.has(state) && (wasClosed || inserting)) {
      changes.active = 'true';
    }
    if (isIncident && state === '6' && after('resolved_at') === '') {
      changes.resolved_at = now;
      changes.resolved_by = actor.sysId;
    }
  }
}

/** The incident data policy; returns the labels of the missing mandatory fields, or []. */
export function dataPolicyViolations(table: TableDef, before: Readonly<RowValues>, changes: Readonly<RowValues>): string[] {
  if (!table.lineage.includes('incident')) return [];
  const after = (f: string): string => changes[f] ?? before[f] ?? '';
  if (after('state') !== '6' && after('state') !== '7') return [];
  const missing: string[] = [];
  for (const f of ['close_code', 'close_notes']) if (after(f).trim() === '') missing.push(table.field.get(f)?.label ?? f);
  return missing;
}
