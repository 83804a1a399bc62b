/**
 * Checks policy against the field mappings: an operation that needs an
 * approver role that no mapping of its ticket type can resolve would be
 * blocked on every ticket ("owner, approver, or review path is not defined");
 * that is a configuration mistake, reported by `ai-handoff policy check`.
 */
import type { TableMapping } from '../mapping/mapping-schema.js';
import type { Policy } from './policy.js';

export function approverCoverageProblems(policy: Policy, mappings: Iterable<TableMapping>): string[] {
  const list = [...mappings];
  const problems: string[] = [];
  for (const op of policy.operations) {
    const role = op.approval.required ? op.approval.role : undefined;
    if (role === undefined) continue;
    for (const mapping of list) {
      if (!op.ticketTypes.includes(mapping.ticketType)) continue;
      if (mapping.approvers[role] === undefined) {
        problems.push(
          `${mapping.table}.yaml: approvers.${role}: missing, so operation ${op.id} (needs ${role} approval) would be blocked on every ${mapping.table} ticket: map the field that names the ${role}`,
        );
      }
    }
  }
  return problems;
}
