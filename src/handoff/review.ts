/**
 * Review: an approver's Accept, Reject or Escalate. The review field holds
 * `{"handoff","decision","comment"}`; the reviewer is learned from the
 * platform. Accepted only from the approver resolved for that hand-off (or a
 * member of the approver group), and never from its requester where approval
 * is required; where none is required, from the requester, the assignee or a
 * member of the owning group. The decision is recorded as a short attributed
 * work note, in the status, and in the audit. Nothing else changes.
 * Escalate hands the draft to the reviewer's manager, who then decides it
 * (src/handoff/escalation.ts).
 */
import { maskFreeText } from '../ai/mask-free-text.js';
import { AiReview } from '../domain/fields.js';
import type { Actor, Handoff } from '../domain/handoff.js';
import type { Ticket } from '../domain/ticket.js';
import { HandoffError, type ErrorCode } from '../errors.js';
import type { TableMapping } from '../mapping/mapping-schema.js';
import { withLease } from '../queue/lease.js';
import { digestOf } from '../util/canonical-json.js';
import { handoffEvent } from './audit-helpers.js';
import type { FlowDeps } from './flow-deps.js';
import { escalatedTo, escalationTarget, isDecidable } from './escalation.js';
import { whoSet } from './identity.js';
import { writtenByUs } from './journal-trust.js';
import { refuseField } from './refusal.js';

export type ReviewOutcome =
  | { readonly kind: 'nothing' }
  | { readonly kind: 'recorded'; readonly handoff: Handoff }
  | { readonly kind: 'refused'; readonly code: ErrorCode; readonly message: string };

const DECISION_STATUS = { accept: 'accepted', reject: 'rejected', escalate: 'escalated' } as const;

export async function takeReview(deps: FlowDeps, mapping: TableMapping, sysId: string, options: { readonly finalAttempt: boolean }): Promise<ReviewOutcome> {
  const result = await withLease(deps.redis, `${deps.prefix}:lease:intake:${mapping.table}:${sysId}`, 60_000, () => reviewLocked(deps, mapping, sysId, options));
  if (result === undefined) throw new HandoffError('LEASE_HELD', `another worker is taking in a review on ${mapping.table} ${sysId}`, { details: { table: mapping.table, sysId } });
  return result;
}

async function reviewLocked(deps: FlowDeps, mapping: TableMapping, sysId: string, options: { readonly finalAttempt: boolean }): Promise<ReviewOutcome> {
  const record = await deps.connector.get(mapping, sysId);
  const value = record?.[mapping.ai.review] ?? '';
  if (!record || value.trim() === '') return { kind: 'nothing' };

  const reviewer = await whoSet(deps.connector, mapping, record, 'review');
  const refuse = async (code: ErrorCode, message: string, remedy: string, handoff: Handoff | null): Promise<ReviewOutcome> => {
    await refuseField(deps, mapping, record, { field: 'review', code, message, remedy, actor: reviewer, handoff, value });
    return { kind: 'refused', code, message };
  };
  if (!reviewer) {
    if (!options.finalAttempt) throw new HandoffError('REQUESTER_UNKNOWN', `cannot yet tell who set ${mapping.ai.review} on ${mapping.table} ${sysId}`);
    return refuse('REQUESTER_UNKNOWN', 'The review was not recorded: the platform does not say who made it.', 'Ask an admin to check sys_audit access or the stamp rule.', null);
  }

  let review: AiReview;
  try {
    review = AiReview.parse(JSON.parse(value));
  } catch {
    return refuse('REVIEW_INVALID', `The review in ${mapping.ai.review} was not recorded: it must be {"handoff", "decision": accept|reject|escalate, "comment"}.`, 'Use the Accept, Reject or Escalate button again.', null);
  }
  const handoff = await deps.store.get(review.handoff);
  if (!handoff || handoff.ticket.sysId !== sysId || handoff.ticket.table !== mapping.table) {
    return refuse('HANDOFF_NOT_FOUND', `The review names hand-off ${review.handoff}, which does not belong to this ticket.`, 'Use the buttons on the ticket the draft was written to.', null);
  }
  const status = DECISION_STATUS[review.decision];

  // A repeat after a crash: the decision is already recorded; finish writing it.
  if (handoff.review && handoff.review.by.userName === reviewer.userName && handoff.review.decision === review.decision) {
    await recordNote(deps, mapping, handoff);
    return { kind: 'recorded', handoff };
  }
  if (!isDecidable(handoff)) {
    return refuse('HANDOFF_STATE_CONFLICT', `Hand-off ${handoff.id} is ${handoff.status.replace('_', ' ')}, not awaiting review; the review was not recorded.`, 'Nothing to do unless the panel shows it awaiting review.', handoff);
  }
  const ticket = deps.policy.toTicket(mapping, record);
  const allowed = await mayReview(deps, handoff, ticket, reviewer);
  if (!allowed.ok) return refuse('REVIEW_FORBIDDEN', allowed.message, allowed.remedy, handoff);
  const target = review.decision === 'escalate' ? await escalationTarget(deps.connector, reviewer) : null;
  if (review.decision === 'escalate' && target === null) {
    return refuse('REVIEW_FORBIDDEN', `There is no one to escalate hand-off ${handoff.id} to: ${reviewer.userName}'s user record names no active manager.`, 'Accept or reject it, or ask an admin to set your manager in ServiceNow.', handoff);
  }

  const at = deps.now().toISOString();
  // Secrets in the comment are masked before the record, the audit or the note keep it (as pickup does for the note).
  const { text: comment, masked: commentMasked } = maskFreeText(review.comment);
  const reviewed = await deps.store.update(handoff.id, (h) => {
    if (h.status !== handoff.status) throw new HandoffError('HANDOFF_STATE_CONFLICT', `hand-off ${h.id} is ${h.status}`);
    const decided: Handoff = { ...h, status, review: { decision: review.decision, by: reviewer, at, ...(comment === undefined ? {} : { comment }) } };
    return target === null ? decided : escalatedTo(decided, target);
  });
  await deps.ledger.append(
    handoffEvent('reviewed', reviewed, [{ role: 'reviewer', userName: reviewer.userName }, { role: 'requester', userName: reviewed.requester.userName }], {
      inputDigest: digestOf({ review: value }),
      outputDigest: reviewed.output?.noteDigest ?? null,
      details: {
        decision: review.decision,
        approvalRequired: handoff.approval.required,
        hasComment: comment !== undefined,
        commentMasked,
        ...(handoff.status === 'escalated' ? { afterEscalation: true } : {}),
        ...(target === null ? {} : { escalatedTo: target.id }),
      },
    }),
  );
  await recordNote(deps, mapping, reviewed);
  return { kind: 'recorded', handoff: reviewed };
}

type Permission = { readonly ok: true } | { readonly ok: false; readonly message: string; readonly remedy: string };

/** Separation of duties (../shared/reference/llm-security.md, "Separation of duties"). */
export async function mayReview(deps: FlowDeps, handoff: Handoff, ticket: Ticket, reviewer: Actor): Promise<Permission> {
  const sameAs = (a: Actor, b: Actor): boolean => a.userName === b.userName || (a.sysId !== undefined && a.sysId === b.sysId);
  if (reviewer.userName === deps.settings.integrationUser) {
    return { ok: false, message: 'The integration user cannot review a hand-off.', remedy: 'A person must review it.' };
  }
  const { approval } = handoff;
  if (approval.required) {
    if (sameAs(reviewer, handoff.requester)) {
      return { ok: false, message: `${reviewer.userName} requested this hand-off and cannot approve it.`, remedy: `The ${roleWords(approval.role)} must review it.` };
    }
    const approver = approval.approver;
    if (approver === null) return { ok: false, message: 'No approver was resolved for this hand-off.', remedy: 'Ask an admin to define the approver for this ticket.' };
    if (approver.kind === 'user' && reviewer.sysId === approver.id) return { ok: true };
    if (approver.kind === 'group' && reviewer.sysId !== undefined && (await deps.connector.groupMembers(approver.id)).includes(reviewer.sysId)) return { ok: true };
    return {
      ok: false,
      message: `${reviewer.userName} is not the ${roleWords(approval.role)} resolved for this hand-off (${approver.name ?? approver.id}).`,
      remedy: `Ask ${approver.name ?? `the ${roleWords(approval.role)}`} to review it.`,
    };
  }
  if (sameAs(reviewer, handoff.requester)) return { ok: true };
  if (reviewer.sysId !== undefined && reviewer.sysId === ticket.owner.assignee?.id) return { ok: true };
  const group = ticket.owner.group;
  if (group && reviewer.sysId !== undefined && (await deps.connector.groupMembers(group.id)).includes(reviewer.sysId)) return { ok: true };
  return { ok: false, message: `${reviewer.userName} is not the requester, the assignee or in the owning group of this ticket.`, remedy: 'Ask the ticket owner to review it.' };
}

function roleWords(role: string | null): string {
  return role === null ? 'approver' : role.replace(/_/g, ' ');
}

/** Writes the short decision note once (marker), clears the review field, refreshes panel and status. */
async function recordNote(deps: FlowDeps, mapping: TableMapping, handoff: Handoff): Promise<void> {
  const review = handoff.review;
  if (!review) return;
  const journal = await deps.connector.workNotes(mapping, handoff.ticket.sysId);
  const alsoWrite: Record<string, string> = { [mapping.ai.review]: '' };
  // Shadow mode writes nothing to the ticket but the AI fields: the decision is in the audit and the status (as expiry.ts does).
  if (!handoff.shadow && !journal.some((e) => writtenByUs(deps, e) && deps.notes.hasReviewMarker(e.value, handoff.id, review.decision))) {
    alsoWrite[mapping.ai.workNotes] = deps.notes.reviewNote({ handoff, decision: review.decision, by: { userName: review.by.userName, name: review.by.name ?? null }, comment: review.comment ?? null });
  }
  await deps.notices.clear(mapping.table, handoff.ticket.sysId);
  await deps.panels.refreshById(mapping, handoff.ticket.sysId, { alsoWrite });
}
