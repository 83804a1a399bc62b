/**
 * What an audit event says for metrics and the dashboard: the flow's own
 * record of each step (src/handoff/audit-event.ts), read once here so that
 * /metrics (events as this process appends them) and the dashboard (the
 * whole ledger) count the same things the same way, and the flow's files
 * need no counters of their own. Pure.
 */
import type { AuditEvent } from '../handoff/audit-event.js';

/** The step a hand-off took, as `ai_handoff_handoffs_total{status}` counts it. */
export const HANDOFF_STEPS = ['requested', 'queued', 'executed', 'written', 'shadowed', 'accepted', 'rejected', 'escalated', 'expired', 'failed'] as const;
export type HandoffStep = (typeof HANDOFF_STEPS)[number];

/** Review decisions and the step each is. */
export const DECISION_STEPS = { accept: 'accepted', reject: 'rejected', escalate: 'escalated' } as const satisfies Record<string, HandoffStep>;
export type Decision = keyof typeof DECISION_STEPS;

export interface EventFacts {
  readonly handoff: string | null;
  readonly at: number;
  /** The hand-off's operation id, when the event names one. */
  readonly operation: string | null;
  readonly step: HandoffStep | null;
  readonly decision: Decision | null;
  /** The refusal's code, for a refused request or review. */
  readonly refusal: string | null;
  /** The output guard's rejection kind. */
  readonly guardRejection: string | null;
  readonly tokens: { readonly prompt: number; readonly completion: number } | null;
  /** Provider cost in the configured currency (ai.prices). */
  readonly cost: number | null;
  /** The owning group as budgets key it (name, else sys_id), when the event carries it. */
  readonly group: string | null;
}

export function factsOf(event: AuditEvent): EventFacts {
  const d = event.details;
  const decision = event.type === 'reviewed' ? decisionOf(d.decision) : null;
  const rejected = event.type === 'guarded' && d.outcome === 'rejected';
  const spent = event.type === 'executed' || rejected;
  return {
    handoff: event.handoff,
    at: Date.parse(event.at),
    operation: text(d.operation),
    step: stepOf(event.type, decision),
    decision,
    refusal: event.type === 'refused' || event.type === 'review_refused' ? (text(d.code) ?? 'UNKNOWN') : null,
    guardRejection: rejected ? (text(d.kind) ?? 'unknown') : null,
    tokens: spent && (number(d.promptTokens) !== null || number(d.completionTokens) !== null) ? { prompt: number(d.promptTokens) ?? 0, completion: number(d.completionTokens) ?? 0 } : null,
    cost: spent ? number(d.cost) : null,
    group: text(d.group),
  };
}

function stepOf(type: AuditEvent['type'], decision: Decision | null): HandoffStep | null {
  switch (type) {
    case 'requested':
    case 'queued':
    case 'executed':
    case 'written':
    case 'shadowed':
    case 'expired':
    case 'failed':
      return type;
    case 'reviewed':
      return decision === null ? null : DECISION_STEPS[decision];
    default:
      return null;
  }
}

function decisionOf(value: unknown): Decision | null {
  return value === 'accept' || value === 'reject' || value === 'escalate' ? value : null;
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

function number(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}
