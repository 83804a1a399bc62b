/**
 * The evaluator: pure, no I/O, never throws on any ticket, however malformed.
 *
 * An operation is offered only when some permit rule matches and no forbid rule
 * does (forbid overrides permit; nothing permitted by default). Unknown input
 * matches no permit condition and trips an `input.*` forbid, so it is blocked,
 * never allowed. A permitted operation that needs approval is approval-bound;
 * otherwise eligible. Every decision carries the deciding rule ids, the reasons
 * in plain words and a remedy for each.
 */
import type { ApprovalNeed, Classification, Decision, Reason } from '../domain/decision.js';
import type { Operation } from '../domain/operation.js';
import type { Scope } from '../domain/scope.js';
import type { Ticket } from '../domain/ticket.js';
import type { CompiledOperation, CompiledRule } from './compile.js';
import type { PolicyContext } from './context.js';
import { readFacts, type Facts } from './facts.js';
import { reasonFor, renderReason } from './reason-cache.js';
import { approvalJson, buildScope, fastScopeDigest } from './scope-digest.js';
import type { Values } from './template.js';
import { valuesFor } from './values.js';

export interface ScopeEntry {
  readonly operation: string;
  readonly scope: Scope;
  readonly digest: string;
}

export interface TicketDecisions {
  readonly classification: Classification;
  readonly policyVersion: string;
  /** One per operation for the ticket's type (every operation when the type is unknown), in catalog order. */
  readonly decisions: readonly Decision[];
  /** Aligned with `decisions`. */
  readonly scopes: readonly ScopeEntry[];
}

/** One operation decided, with what the panel builder reuses. */
export interface Evaluated {
  readonly op: CompiledOperation;
  readonly decision: Decision;
  /** The scope's digest; `scopeEntry` builds the scope itself, which a panel does not need. */
  readonly scopeDigest: string;
  /** The rules behind `decision.reasons`, index for index. */
  readonly shown: readonly CompiledRule[];
  /** Canonical JSON of each of `decision.reasons`, index for index. */
  readonly reasonJsons: readonly string[];
  readonly approvalJson: string;
}

/** Decides one operation (a catalog entry or its id) on one ticket. */
export function decide(ticket: Ticket, operation: Operation | string, ctx: PolicyContext): Decision {
  const id = typeof operation === 'string' ? operation : operation.id;
  const cop = ctx.policy.compiled.opById.get(id);
  if (cop === undefined) return unknownOperation(id, ctx);
  return evaluate(readFacts(ticket, ctx), cop).decision;
}

/** Decides every operation for the ticket's type, with scopes and the seed's classification. */
export function decideTicket(ticket: Ticket, ctx: PolicyContext): TicketDecisions {
  const facts = readFacts(ticket, ctx);
  const all = evaluateTicket(facts);
  return {
    classification: classify(all.map((e) => e.decision)),
    policyVersion: ctx.policy.version,
    decisions: all.map((e) => e.decision),
    scopes: all.map((e) => scopeEntry(facts, e)),
  };
}

/** Every operation for the ticket's type (all of them when the type is unknown), decided. */
export function evaluateTicket(facts: Facts): Evaluated[] {
  const { compiled } = facts.ctx.policy;
  const ops = facts.typeIndex >= 0 ? (compiled.byType[facts.typeIndex] ?? []) : compiled.operations;
  const out: Evaluated[] = [];
  for (const cop of ops) out.push(evaluate(facts, cop));
  return out;
}

/**
 * The seed's dashboard: eligible when some operation may be used without
 * approval, approval-bound when only with approval, blocked when none may.
 */
export function classify(decisions: readonly Decision[]): Classification {
  let approvalBound = false;
  for (const d of decisions) {
    if (d.outcome === 'eligible') return 'eligible';
    if (d.outcome === 'approval-bound') approvalBound = true;
  }
  return approvalBound ? 'approval-bound' : 'blocked';
}

/** The core: one compiled operation against one ticket's facts. */
export function evaluate(facts: Facts, cop: CompiledOperation): Evaluated {
  const forbids: CompiledRule[] = [];
  const others: CompiledRule[] = [];
  let permitted = false;
  for (const { rule, test } of cop.rules) {
    if (!test(facts, cop)) continue;
    if (rule.effect === 'forbid') forbids.push(rule);
    else {
      if (rule.effect === 'permit') permitted = true;
      others.push(rule);
    }
  }
  if (!permitted) forbids.push(facts.ctx.policy.compiled.checkRule['no-permit']);

  const approver = cop.roleIndex >= 0 ? (facts.approvers[cop.roleIndex] ?? null) : null;
  const approval: ApprovalNeed = { required: cop.roleIndex >= 0, role: cop.role, approver };
  const blocked = forbids.length > 0;
  const shown = blocked ? forbids : others;
  let values: Values | null = null;
  const reasons: Reason[] = [];
  const reasonJsons: string[] = [];
  for (const rule of shown) {
    const rendered = rule.fixed ?? reasonFor(rule, (values ??= valuesFor(facts, cop, approver)));
    reasons.push(rendered.reason);
    reasonJsons.push(rendered.json);
  }
  const rules: string[] = [];
  for (const rule of shown) if (blocked || rule.decisive) rules.push(rule.id);

  const policyVersion = facts.ctx.policy.version;
  const decision: Decision = {
    operation: cop.op.id,
    outcome: blocked ? 'blocked' : approval.required ? 'approval-bound' : 'eligible',
    approval,
    reasons,
    rules,
    policyVersion,
  };
  // With an approver, the approval is fixed by the role, so its JSON is shared by the ticket's operations of that role.
  const json = approver === null ? cop.noApproverJson : (facts.approvalJsons[cop.roleIndex] ??= approvalJson(approval));
  return { op: cop, decision, scopeDigest: fastScopeDigest(facts, cop, json), shown, reasonJsons, approvalJson: json };
}

/** The operation's scope on the ticket, with its digest; `facts` are those `e` was decided on. */
export function scopeEntry(facts: Facts, e: Evaluated): ScopeEntry {
  return { operation: e.op.op.id, scope: buildScope(facts, e.op, e.decision.approval, e.decision.policyVersion), digest: e.scopeDigest };
}

/** The rule's reason rendered afresh (no cache): for the rare decisions outside `evaluate`. */
export function explain(rule: CompiledRule, values: Values): Reason {
  return renderReason(rule, values);
}

/** A decision for an operation id the catalog does not have. */
export function unknownOperation(id: string, ctx: PolicyContext, extra: readonly CompiledRule[] = [], values: Values = () => ''): Decision {
  const rule = ctx.policy.compiled.checkRule['operation.unknown'];
  const withId: Values = (name) => (name === 'operation' ? id : values(name));
  const all = [rule, ...extra];
  return {
    operation: id === '' ? '(none)' : id,
    outcome: 'blocked',
    approval: { required: false, role: null, approver: null },
    reasons: all.map((r) => explain(r, withId)),
    rules: all.map((r) => r.id),
    policyVersion: ctx.policy.version,
  };
}
