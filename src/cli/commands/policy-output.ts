/**
 * How `ai-handoff policy explain` prints: the --json object (a stable shape
 * for scripts) and the human text, one block per operation.
 */
import type { Decision, Reason } from '../../domain/decision.js';
import type { BlockedAction } from '../../domain/operation.js';
import type { Ticket } from '../../domain/ticket.js';
import { boundaryText } from '../../policy/boundary.js';
import type { Policy } from '../../policy/policy.js';
import { operationById } from '../../policy/policy.js';
import type { ScopeEntry } from '../../policy/evaluate.js';

export interface Explained {
  readonly ticket: Ticket;
  readonly classification: Decision['outcome'];
  readonly decisions: readonly Decision[];
  readonly scopes: readonly (ScopeEntry | null)[];
  readonly blockedActions: readonly BlockedAction[];
  /** Operations of the catalog not shown because they are for other ticket types. */
  readonly otherTypes: number;
}

export function explainJson(policy: Policy, e: Explained): string {
  return JSON.stringify({
    classification: e.classification,
    policyVersion: policy.version,
    operations: e.decisions.map((d, i) => ({
      id: d.operation,
      decision: d.outcome,
      approval: { required: d.approval.required, role: d.approval.role, approver: d.approval.approver },
      reasons: d.reasons.map((r) => ({ rule: r.rule, message: r.message, remedy: r.remedy })),
      scopeDigest: e.scopes[i]?.digest ?? null,
      boundary: e.scopes[i]?.scope.boundary ?? null,
    })),
    blockedActions: e.blockedActions,
  });
}

const CLASSIFICATION_WORDS: Readonly<Record<Decision['outcome'], string>> = {
  eligible: 'some AI operations may be used without approval',
  'approval-bound': 'AI operations may be used only with a named approval',
  blocked: 'no AI operation may be used',
};

export function explainText(policy: Policy, e: Explained): string {
  const t = e.ticket;
  const group = t.owner.group === null ? 'no owning group' : `group ${t.owner.group.name ?? t.owner.group.id}`;
  const lines = [
    `${t.number} · ${t.type} (${t.ref.table}) · ${t.title || '(no short description)'}`,
    `severity ${t.severity ?? 'unknown'} · data class ${t.dataClass ?? 'unknown'} · ${group} · policy ${policy.version}`,
    `classification: ${e.classification} (${CLASSIFICATION_WORDS[e.classification]})`,
  ];
  for (const issue of t.issues) lines.push(`mapping issue: ${issue.field}: ${issue.message}`);
  for (const [i, d] of e.decisions.entries()) {
    const op = operationById(policy, d.operation);
    lines.push('', `${d.operation}: ${op?.title ?? '(not in the catalog)'}`);
    lines.push(`  decision   ${d.outcome}`);
    if (op !== undefined) lines.push(`  class      ${op.class}`);
    lines.push(`  approval   ${approvalText(d)}`);
    if (op !== undefined) lines.push(`  output     ${op.expectedOutput}`);
    d.reasons.forEach((r, k) => lines.push(...reasonLines(r, k === 0 ? '  reasons    ' : '             ')));
    if (op !== undefined) lines.push(`  never      ${op.blockedActions.join(', ')}`);
    const scope = e.scopes[i];
    const beyond = scope ? boundaryText(scope.scope.sources, scope.scope.boundary) : '';
    if (beyond !== '') lines.push(`  beyond     ${beyond}`);
    if (scope) lines.push(`  scope      ${scope.digest}`);
  }
  lines.push('', `AI never takes these actions on this ticket: ${e.blockedActions.join(', ') || '(none listed)'}`);
  if (e.otherTypes > 0) lines.push(`${e.otherTypes} catalog operations for other ticket types are not shown.`);
  return `${lines.join('\n')}\n`;
}

function approvalText(d: Decision): string {
  if (!d.approval.required) return 'not required';
  const who = d.approval.approver === null ? 'none resolved' : `${d.approval.approver.name ?? d.approval.approver.id} (${d.approval.approver.kind} ${d.approval.approver.id})`;
  return `${d.approval.role ?? 'approver'}: ${who}`;
}

function reasonLines(r: Reason, lead: string): string[] {
  return [`${lead}${r.rule}: ${r.message}`, `${' '.repeat(lead.length)}  fix: ${r.remedy}`];
}
