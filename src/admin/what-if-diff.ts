/**
 * One ticket decided twice (running and candidate): what changed. A ticket
 * changes when its classification does or any operation's outcome does;
 * separately, who approves an operation may change while its outcome stays.
 * Pure: no I/O.
 */
import type { ApproverRole, Party } from '../domain/ticket.js';
import type { OperationOutcome, TicketOutcome } from './ticket-outcome.js';
import type { OperationChange, TicketChange, WhatIfSide } from './what-if-schema.js';

export interface ApproverChange {
  readonly number: string;
  readonly table: string;
  readonly operation: string;
  readonly role: ApproverRole | null;
  readonly from: Party | null;
  readonly to: Party | null;
}

export interface TicketDiff {
  readonly change: TicketChange | null;
  readonly approvers: readonly ApproverChange[];
}

const NO_DIFF: TicketDiff = { change: null, approvers: [] };

/** `before` or `after` null: the ticket is not active work on that side. */
export function diffTicket(table: string, before: TicketOutcome | null, after: TicketOutcome | null): TicketDiff {
  if (before === null && after === null) return NO_DIFF;
  const number = (after ?? before)!.number;
  const from: WhatIfSide = before?.classification ?? 'none';
  const to: WhatIfSide = after?.classification ?? 'none';
  const beforeOps = new Map((before?.operations ?? []).map((o) => [o.id, o]));
  const afterOps = new Map((after?.operations ?? []).map((o) => [o.id, o]));
  const operations: OperationChange[] = [];
  const approvers: ApproverChange[] = [];
  for (const id of new Set([...beforeOps.keys(), ...afterOps.keys()])) {
    const b = beforeOps.get(id) ?? null;
    const a = afterOps.get(id) ?? null;
    const opFrom: WhatIfSide = b?.outcome ?? 'none';
    const opTo: WhatIfSide = a?.outcome ?? 'none';
    if (opFrom !== opTo) operations.push({ id, from: opFrom, to: opTo, rule: ruleOf(b, a, before, after) });
    if (b !== null && a !== null && (b.role !== null || a.role !== null) && !sameParty(b.approver, a.approver)) {
      approvers.push({ number, table, operation: id, role: a.role ?? b.role, from: b.approver, to: a.approver });
    }
  }
  const change = from !== to || operations.length > 0 ? { number, table, from, to, operations } : null;
  return { change, approvers };
}

/**
 * The rule that made the difference. Now blocked: the first forbid the change
 * added. No longer blocked: the first forbid it removed. Otherwise (eligible
 * and approval-bound trading places) the first rule that differs, an
 * `advise` or `forbid` before a `permit`.
 */
function ruleOf(b: OperationOutcome | null, a: OperationOutcome | null, before: TicketOutcome | null, after: TicketOutcome | null): string {
  if (b === null || a === null) {
    const missingSide = b === null ? before : after;
    if (missingSide === null) return 'mapping.active';
    if (missingSide.unmappable !== null) return 'mapping.record-invalid';
    if (before?.type !== after?.type) return 'mapping.ticket-type';
    return b === null ? 'catalog.added' : 'catalog.removed';
  }
  const added = a.rules.filter((r) => !b.rules.includes(r));
  const removed = b.rules.filter((r) => !a.rules.includes(r));
  if (a.outcome === 'blocked') return added[0] ?? a.rules[0] ?? 'unknown';
  if (b.outcome === 'blocked') return removed[0] ?? b.rules[0] ?? 'unknown';
  return added.find((r) => !r.startsWith('permit.')) ?? removed.find((r) => !r.startsWith('permit.')) ?? added[0] ?? removed[0] ?? a.rules[0] ?? 'unknown';
}

function sameParty(x: Party | null, y: Party | null): boolean {
  return x === y || (x !== null && y !== null && x.kind === y.kind && x.id === y.id);
}
