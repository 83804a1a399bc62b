/**
 * Escalate, then decide. An approver who escalates a draft hands it up: it
 * stays open (status `escalated`) for the person it was handed to, who then
 * accepts or rejects it (or escalates it further up). Each outcome is its own
 * short note, so an escalation and the later acceptance are two notes
 * (docs/ai.md, "The marker"). What an approver expects: escalating is not
 * deciding, and nobody but the escalation target decides afterwards (never
 * the requester, never by default: the review window still expires it).
 *
 * The escalation target is the policy's (the operation's
 * `approval.escalateTo`, docs/policy.md): by default the escalating
 * reviewer's manager as the platform records it (`sys_user.manager`), or an
 * active group the policy names, never a name anyone typed in a review.
 * Where there is none (no active manager, no such active group), there is no
 * one to hand the draft to, and the escalation is refused with that reason.
 */
import type { Connector } from '../connector/connector.js';
import { DECIDABLE_STATUSES, type Actor, type Handoff } from '../domain/handoff.js';
import { DEFAULT_ESCALATION, type EscalationTarget } from '../domain/operation.js';
import type { Party } from '../domain/ticket.js';

export function isDecidable(handoff: Handoff): boolean {
  return DECIDABLE_STATUSES.includes(handoff.status);
}

/** Where the policy sends an escalation, resolved on the platform; null when there is no one there. */
export async function escalationTarget(connector: Connector, reviewer: Actor, to: EscalationTarget = DEFAULT_ESCALATION): Promise<Party | null> {
  if (to !== 'reviewer-manager') {
    const group = await connector.groupByName(to.group);
    return group === null ? null : { kind: 'group', id: group.sysId, name: group.name };
  }
  return reviewerManager(connector, reviewer);
}

/** Why there is no one to escalate to, in words for the refusal. */
export function noTargetWords(to: EscalationTarget, reviewer: Actor): { message: string; remedy: string } {
  return to === 'reviewer-manager'
    ? { message: `${reviewer.userName}'s user record names no active manager`, remedy: 'Accept or reject it, or ask an admin to set your manager in ServiceNow.' }
    : { message: `the policy escalates to the group "${to.group}", which is not an active group on the instance`, remedy: 'Accept or reject it, or ask an admin to fix the escalation group in the policy (approval.escalateTo).' };
}

/** The escalating reviewer's active manager, from the platform; null when there is none. */
async function reviewerManager(connector: Connector, reviewer: Actor): Promise<Party | null> {
  const sysId = reviewer.sysId ?? (await connector.user({ userName: reviewer.userName }))?.sysId;
  if (!sysId) return null;
  const row = await connector.getRecord('sys_user', sysId, ['manager', 'manager.name', 'manager.active']);
  const manager = row?.manager ?? '';
  if (manager === '' || manager === sysId || row?.['manager.active'] !== 'true') return null;
  return { kind: 'user', id: manager, ...(row?.['manager.name'] ? { name: row['manager.name'] } : {}) };
}

/**
 * The hand-off once escalated to `target`: approval now required from the
 * target alone (the requester still may not decide), keeping the role the
 * policy named, so the approver rules in review.ts apply unchanged.
 */
export function escalatedTo(handoff: Handoff, target: Party): Handoff {
  return { ...handoff, status: 'escalated', approval: { required: true, role: handoff.approval.role, approver: target } };
}
