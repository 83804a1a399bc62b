/**
 * What policy decides for one ticket, kept small: the classification and,
 * per operation, the outcome, the deciding rules and the approver. The
 * what-if compares two of these; the preview shows one. Pure: no I/O.
 */
import type { RawRecord } from '../connector/connector.js';
import type { Classification, Outcome } from '../domain/decision.js';
import type { ApproverRole, Party, Ticket, TicketType } from '../domain/ticket.js';
import { describeCause } from '../errors.js';
import type { TableMapping } from '../mapping/mapping-schema.js';
import { toTicket } from '../mapping/to-ticket.js';
import type { PolicyContext } from '../policy/context.js';
import { classify, evaluateTicket } from '../policy/evaluate.js';
import { readFacts } from '../policy/facts.js';

export interface OperationOutcome {
  readonly id: string;
  readonly outcome: Outcome;
  /** The ids of the rules that decided it (every forbid for a blocked one). */
  readonly rules: readonly string[];
  /** The approver role the operation needs, if any. */
  readonly role: ApproverRole | null;
  /** The resolved approver; null when none is needed or none could be resolved. */
  readonly approver: Party | null;
}

export interface TicketOutcome {
  readonly number: string;
  /** The ticket type the mapping gives; null when the record could not be mapped. */
  readonly type: TicketType | null;
  readonly classification: Classification;
  readonly operations: readonly OperationOutcome[];
  /** Why the record could not be mapped (then blocked, with no operations: the worker offers nothing on it). */
  readonly unmappable: string | null;
}

/** The decisions for a ticket already mapped. */
export function outcomeOfTicket(ticket: Ticket, ctx: PolicyContext): TicketOutcome {
  const evaluated = evaluateTicket(readFacts(ticket, ctx));
  const decisions = evaluated.map((e) => e.decision);
  return {
    number: ticket.number,
    type: ticket.type,
    classification: classify(decisions),
    operations: decisions.map((d) => ({ id: d.operation, outcome: d.outcome, rules: d.rules, role: d.approval.role, approver: d.approval.approver })),
    unmappable: null,
  };
}

/** Maps the record and decides it; a record the mapping refuses (RECORD_INVALID) is blocked with the reason. */
export function outcomeOfRecord(mapping: TableMapping, record: RawRecord, ctx: PolicyContext): TicketOutcome {
  let ticket: Ticket;
  try {
    ticket = toTicket(mapping, record);
  } catch (error) {
    return unmappableOutcome(record, error);
  }
  return outcomeOfTicket(ticket, ctx);
}

export function unmappableOutcome(record: RawRecord, error: unknown): TicketOutcome {
  const number = typeof record.number === 'string' && record.number !== '' ? record.number : `(sys_id ${String(record.sys_id ?? '?')})`;
  return { number, type: null, classification: 'blocked', operations: [], unmappable: describeCause(error) };
}
