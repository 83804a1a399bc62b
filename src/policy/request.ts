/**
 * Decides an operator's request (the request field's operation and optional
 * note) on a ticket: the operation must be in the catalog and eligible, and a
 * note that asks the AI to approve, execute, publish, send, close, grant,
 * route, fail over or change state blocks the request with that reason.
 */
import type { Ticket } from '../domain/ticket.js';
import type { PolicyContext } from './context.js';
import { evaluate, scopeEntry, unknownOperation, type ScopeEntry } from './evaluate.js';
import { readFacts } from './facts.js';
import { checkIntent, describeFinding, type IntentCheck } from './intent.js';
import type { Decision } from '../domain/decision.js';

export interface RequestInput {
  readonly operation: string;
  readonly note?: string;
}

export interface RequestOutcome {
  readonly decision: Decision;
  /** The scope as decided now; null when the operation is unknown. Compare its digest with the request's. */
  readonly scope: ScopeEntry | null;
  /** What the note check found, for the audit record. */
  readonly intent: IntentCheck | null;
}

export function decideRequest(ticket: Ticket, request: RequestInput, ctx: PolicyContext): RequestOutcome {
  const intent = typeof request.note === 'string' && request.note.trim() !== '' ? checkIntent(request.note) : null;
  const asked = intent?.findings[0];
  const intentText = asked === undefined ? null : describeFinding(asked);
  const cop = ctx.policy.compiled.opById.get(request.operation);
  if (cop === undefined) {
    const noteRule = ctx.policy.compiled.checkRule['note.action-request'];
    const decision = unknownOperation(request.operation, ctx, intentText === null ? [] : [noteRule], (name) => (name === 'intent' ? (intentText ?? '') : ''));
    return { decision, scope: null, intent };
  }
  const facts = readFacts(ticket, ctx, intentText);
  const outcome = evaluate(facts, cop);
  return { decision: outcome.decision, scope: scopeEntry(facts, outcome), intent };
}
