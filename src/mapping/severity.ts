/**
 * Severity from a record: its priority through the mapping's value map, or its
 * impact and urgency through ServiceNow's priority matrix first
 * (../shared/reference/servicenow.md, "Incident priority is computed from
 * impact and urgency": 1/1→1, 1/2→2, 1/3→3, 2/1→2, 2/2→3, 2/3→4, 3/1→3,
 * 3/2→4, 3/3→5).
 */
import type { Severity } from '../domain/ticket.js';
import type { SeverityMapping } from './mapping-schema.js';

const MATRIX: Readonly<Record<string, string>> = {
  '1/1': '1',
  '1/2': '2',
  '1/3': '3',
  '2/1': '2',
  '2/2': '3',
  '2/3': '4',
  '3/1': '3',
  '3/2': '4',
  '3/3': '5',
};

/** ServiceNow's priority for an impact and urgency (each "1".."3"), or undefined when either is outside the matrix. */
export function priorityFromImpactUrgency(impact: string, urgency: string): string | undefined {
  return MATRIX[`${impact.trim()}/${urgency.trim()}`];
}

export type SeverityResult = { readonly severity: Severity } | { readonly severity: null; readonly field: string; readonly message: string };

export function readSeverity(mapping: SeverityMapping, value: (field: string) => string): SeverityResult {
  let priority: string;
  let field: string;
  if (mapping.from === 'priority') {
    field = mapping.field;
    priority = value(field).trim();
    if (priority === '') return { severity: null, field, message: 'is empty: severity is unknown' };
  } else {
    field = `${mapping.impact}/${mapping.urgency}`;
    const impact = value(mapping.impact);
    const urgency = value(mapping.urgency);
    const computed = priorityFromImpactUrgency(impact, urgency);
    if (computed === undefined) {
      return { severity: null, field, message: `impact '${impact}' and urgency '${urgency}' are not in ServiceNow's 1..3 matrix: severity is unknown` };
    }
    priority = computed;
  }
  const severity = Object.hasOwn(mapping.map, priority) ? mapping.map[priority] : undefined;
  if (severity === undefined) {
    return { severity: null, field, message: `priority '${priority}' is not in the mapping's severity map: severity is unknown` };
  }
  return { severity };
}
