/**
 * Escalate, then decide. An approver who escalates a draft hands it up: it
 * stays open (status `escalated`) for the person it was handed to, who then
 * accepts or rejects it (or escalates it further up). Each outcome is its own
 * short note, so an escalation and the later acceptance are two notes
 * (docs/ai.md, "The marker"). What an approver expects: escalating is not
 * deciding, and nobody but the escalation target decides afterwards (never
 * the requester, never by default: the review window still expires it).
 *
 * The escalation target is the escalating reviewer's manager as the platform
 * records it (`sys_user.manager`), never a name anyone typed. Where the
 * platform names no active manager, there is no one to hand the draft to,
 * and the escalation is refused with that reason.
 */
import type { Connector } from '../connector/connector.js';
import { DECIDABLE_STATUSES, type Actor, type Handoff } from '../domain/handoff.js';
import type { Party } from '../domain/ticket.js';

export function isDecidable(handoff: Handoff): boolean {
  return DECIDABLE_STATUSES.includes(handoff.status);
}

/** The escalating reviewer's active manager, from the platform; null when there is none. */
export async function escalationTarget(connector: Connector, reviewer: Actor): Promise<Party | null> {
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
