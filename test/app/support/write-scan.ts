/**
 * A static scan of the app's scripts for writes the product must never make:
 * state, assignment, approval or priority fields (the list in
 * ../shared/reference/servicenow.md), approval records, record deletion,
 * and record creation other than the app's own rows. Text-level, so it is deliberately strict: a setValue
 * whose field it cannot resolve is a finding unless listed as checked.
 */
export const FORBIDDEN_FIELDS = [
  'state', 'incident_state', 'request_state', 'substate', 'active', 'approval', 'stage', 'close_code', 'close_notes',
  'assigned_to', 'assignment_group', 'priority', 'impact', 'urgency',
] as const;

/**
 * Non-literal field arguments of setValue in the app's scripts, each checked
 * by hand and exercised on the fake platform: `field` is one of the ticket
 * API's writable fields (the panel and status), `columns[i]` the columns of
 * the app's own request and review rows (the dialog's, or the worker's),
 * `whoColumn` requested_by / reviewed_by on those rows.
 */
export const CHECKED_FIELD_EXPRESSIONS = ['field', 'columns[i]', 'whoColumn'];

/** Receivers of insert() in the app's scripts: a new row of the app's request or review table, created as the person. */
export const CHECKED_INSERTS = ['made.row'];

/**
 * Receivers that, in the app's scripts, only ever name a row of the app's own
 * request or review table, whose `state` column is the contract's (pending,
 * queued, refused), not a ticket's: checked by hand; the ticket is `ticket`.
 */
export const APP_ROW_RECEIVERS = ['row'];

export interface Finding {
  line: number;
  why: string;
}

function isForbidden(field: string): boolean {
  return (FORBIDDEN_FIELDS as readonly string[]).includes(field) || /^(resolved|closed)_/.test(field);
}

function lineOf(script: string, index: number): number {
  return script.slice(0, index).split('\n').length;
}

export function scanForForbiddenWrites(script: string): Finding[] {
  const findings: Finding[] = [];
  const add = (index: number, why: string) => findings.push({ line: lineOf(script, index), why });

  for (const m of script.matchAll(/([\w.]*)\.set(?:Display)?Value\s*\(\s*([^,)]+)/g)) {
    const argument = m[2]!.trim();
    const literal = /^(['"])([\w.]+)\1$/.exec(argument);
    if (literal) {
      if (isForbidden(literal[2]!) && !(literal[2] === 'state' && APP_ROW_RECEIVERS.includes(m[1]!))) add(m.index, `setValue of ${literal[2]}`);
    } else if (!CHECKED_FIELD_EXPRESSIONS.includes(argument)) {
      add(m.index, `setValue of a field the scan cannot resolve: ${argument}`);
    }
  }
  for (const m of script.matchAll(/\.(\w+)\s*\.\s*set(?:Display|Journal)?(?:Value|Entry)\s*\(/g)) {
    if (isForbidden(m[1]!)) add(m.index, `element write to ${m[1]}`);
  }
  for (const m of script.matchAll(/(?:\.\s*(\w+)|\[\s*(['"])(\w+)\2\s*\])\s*(?:=(?!=)|\+=|-=)/g)) {
    const field = m[1] ?? m[3]!;
    if (isForbidden(field)) add(m.index, `assignment to ${field}`);
  }
  for (const m of script.matchAll(/sysapproval_approver/g)) add(m.index, 'touches approval records (sysapproval_approver)');
  for (const m of script.matchAll(/([\w.[\]]+)\.\s*insert\s*\(/g)) {
    if (!CHECKED_INSERTS.includes(m[1]!)) add(m.index, `${m[1]}.insert(): the app creates only rows of its own request and review tables`);
  }
  for (const m of script.matchAll(/\.\s*(deleteRecord|deleteMultiple|updateMultiple|applyEncodedQuery)\s*\(/g)) add(m.index, `${m[1]}(): the app never deletes or bulk-changes records`);
  return findings;
}
