/**
 * A static scan of the app's scripts for writes the product must never make:
 * state, assignment, approval or priority fields (the list in
 * ../shared/reference/servicenow.md), approval records, and record
 * creation or deletion. Text-level, so it is deliberately strict: a setValue
 * whose field it cannot resolve is a finding unless listed as checked.
 */
export const FORBIDDEN_FIELDS = [
  'state', 'incident_state', 'request_state', 'substate', 'active', 'approval', 'stage', 'close_code', 'close_notes',
  'assigned_to', 'assignment_group', 'priority', 'impact', 'urgency',
] as const;

/** Non-literal field arguments of setValue in the app's scripts, each checked by hand and exercised on the fake platform. */
export const CHECKED_FIELD_EXPRESSIONS = ['AiHandoffServer.FIELDS.request', 'AiHandoffServer.FIELDS.review', 'stampField'];

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

  for (const m of script.matchAll(/\.set(?:Display)?Value\s*\(\s*([^,)]+)/g)) {
    const argument = m[1]!.trim();
    const literal = /^(['"])([\w.]+)\1$/.exec(argument);
    if (literal) {
      if (isForbidden(literal[2]!)) add(m.index, `setValue of ${literal[2]}`);
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
  for (const m of script.matchAll(/\.\s*(insert|deleteRecord|deleteMultiple|updateMultiple|applyEncodedQuery)\s*\(/g)) add(m.index, `${m[1]}(): the app never creates, deletes or bulk-changes records`);
  return findings;
}
