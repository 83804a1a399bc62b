/**
/**
 * Review: an approver's Accept, Reject or Escalate, a row of the app's review
 * table (docs/contract.md). The reviewer is learned from the platform
 * (row-identity.ts) and must hold the reviewer role, or the agent role for an
 * output that needs no approval. Accepted only from the approver resolved for
 * that hand-off (or a member of the approver group), and never from its
 * requester where approval is required; where none is required, from the
 * requester, the assignee or a member of the owning group. Escalate hands the
 * draft to the reviewer's manager, who then decides it, by a review row of
 * their own (src/handoff/escalation.ts). The decision is recorded as a short
 * attributed work note, in the status and the audit, and the row set
 * `recorded`: note, status, panel and row in one call (with the ticket read
 * and the row poll, a review costs three calls). Nothing else changes.
 */
import { maskFreeText } from '../ai/mask-free-text.js';
import { ROLE_LABELS } from '../ai/render/labels.js';
import type { RawRecord } from '../connector/connector.js';
import { ReviewRowRecord, SYS_ID, type ReviewRowRecord as ReviewRow } from '../domain/app-rows.js';
import type { Actor, Handoff } from '../domain/handoff.js';
import type { Ticket } from '../domain/ticket.js';
import { HandoffError, type ErrorCode } from '../errors.js';
import type { MappingSet } from '../mapping/load-mappings.js';
import type { TableMapping } from '../mapping/mapping-schema.js';
import { digestOf } from '../util/canonical-json.js';
import { formatIssues } from '../util/zod-issues.js';
import { handoffEvent } from './audit-helpers.js';
import type { FlowDeps } from './flow-deps.js';
import { escalatedTo, escalationTarget, isDecidable, noTargetWords } from './escalation.js';
import { refuseRow, type RowRefusal } from './refusal.js';
import { holds, rowActor } from './row-identity.js';

export type ReviewOutcome =
  | { readonly kind: 'skipped'; readonly why: string }
  | { readonly kind: 'recorded'; readonly handoff: Handoff }
  | { readonly kind: 'refused'; readonly code: ErrorCode; readonly message: string };

const DECISION_STATUS = { accept: 'accepted', reject: 'rejected', escalate: 'escalated' } as const;

export async function takeReview(deps: FlowDeps, mappings: MappingSet, raw: RawRecord): Promise<ReviewOutcome> {
  const rowId = raw.sys_id ?? '';
  if (!SYS_ID.test(rowId)) return { kind: 'skipped', why: 'the row has no sys_id' };
  const mapping = mappings.byTable.get(raw.ticket_table ?? '');
  const ticketId = SYS_ID.test(raw.ticket ?? '') ? raw.ticket! : null;
  const refuse = async (code: ErrorCode, message: string, remedy: string, extra: Partial<Pick<RowRefusal, 'actor' | 'ticket' | 'handoff'>> = {}): Promise<ReviewOutcome> => {
    const ticket = mapping && ticketId ? { mapping, sysId: ticketId, number: raw.number ?? '' } : null;
    await refuseRow(deps, { kind: 'review', row: rowId, code, message, remedy, actor: raw.sys_created_by || null, handoff: null, ticket, input: raw, ...extra });
    return { kind: 'refused', code, message };
  };

  const parsed = ReviewRowRecord.safeParse(raw);
  if (!parsed.success) {
    return refuse('REVIEW_INVALID', `The review was not recorded: ${formatIssues('the row', parsed.error).join('; ')}.`, 'Use the Accept, Reject or Escalate button again.');
  }
  const row = parsed.data;
  if (row.state !== 'pending') return { kind: 'skipped', why: `the row is ${row.state}` };
  if (!mapping) return refuse('REVIEW_INVALID', `The review was not recorded: the AI worker serves no table '${row.ticket_table}'.`, 'Use the buttons on the ticket the draft was written to.');

  const handoff = await deps.store.get(row.handoff);
  if (!handoff || handoff.ticket.sysId !== row.ticket || handoff.ticket.table !== mapping.table) {
    return refuse('HANDOFF_NOT_FOUND', `The review names hand-off ${row.handoff}, which does not belong to this ticket.`, 'Use the buttons on the ticket the draft was written to.');
  }
  // Taken before (a worker died after recording the decision): finish writing it.
  if (handoff.review?.row === row.sys_id) {
    await recordNote(deps, mapping, handoff, row, null, () => Promise.resolve(handoff));
    return { kind: 'recorded', handoff };
  }

  const role = (p: Parameters<typeof holds>[0]): string | null => {
    if (holds(p, deps.app.roles.reviewer) || (!handoff.approval.required && holds(p, deps.app.roles.agent))) return null;
    // The requester of an approval-bound output is refused for that, whatever their roles (mayReview says so).
    if (handoff.approval.required && p.userName === handoff.requester.userName) return null;
    return handoff.approval.required
      ? `${p.userName} does not hold the ${deps.app.roles.reviewer} role needed to approve an AI draft.`
      : `${p.userName} holds neither the ${deps.app.roles.reviewer} nor the ${deps.app.roles.agent} role needed to review AI output.`;
  };
  const who = await rowActor(deps, 'review', row.sys_created_by, row.reviewed_by, role);
  if (!who.ok) return refuse(who.code, who.message, who.remedy, { handoff });
  const reviewer = who.actor;

  const record = await deps.connector.get(mapping, row.ticket);
  if (!record) return refuse('SN_NOT_FOUND', `The review was not recorded: ${row.number || row.ticket} cannot be read by the AI worker.`, 'Ask an admin to check the integration user can read this ticket.', { actor: reviewer.userName, handoff, ticket: { mapping, sysId: row.ticket, number: row.number, record: null } });
  const refuseOn = (code: ErrorCode, message: string, remedy: string): Promise<ReviewOutcome> =>
    refuse(code, message, remedy, { actor: reviewer.userName, handoff, ticket: { mapping, sysId: row.ticket, number: record[mapping.fields.number] ?? row.number, record } });

  if (!isDecidable(handoff)) {
    return refuseOn('HANDOFF_STATE_CONFLICT', `Hand-off ${handoff.id} is ${handoff.status.replace('_', ' ')}, not awaiting review; the review was not recorded.`, 'Nothing to do unless the panel shows it awaiting review.');
  }
  const ticket = deps.policy.toTicket(mapping, record);
  const allowed = await mayReview(deps, handoff, ticket, reviewer);
  if (!allowed.ok) return refuseOn('REVIEW_FORBIDDEN', allowed.message, allowed.remedy);
  const escalateTo = deps.policy.escalateTo(handoff.operation);
  const target = row.decision === 'escalate' ? await escalationTarget(deps.connector, reviewer, escalateTo) : null;
  if (row.decision === 'escalate' && target === null) {
    const why = noTargetWords(escalateTo, reviewer);
    return refuseOn('REVIEW_FORBIDDEN', `There is no one to escalate hand-off ${handoff.id} to: ${why.message}.`, why.remedy);
  }

  const at = deps.now().toISOString();
  // Secrets in the comment are masked before the record, the audit or the note keep it (as pickup does for the note).
  const { text: comment, masked: commentMasked } = maskFreeText(row.comment);
  let reviewed = handoff;
  // The decision is recorded under the ticket's lease and written in the same breath: no sync pass shows it without its note.
  await recordNote(deps, mapping, handoff, row, record, async () => {
    reviewed = await deps.store.update(handoff.id, (h) => {
      if (h.status !== handoff.status) throw new HandoffError('HANDOFF_STATE_CONFLICT', `hand-off ${h.id} is ${h.status}`);
      const decided: Handoff = { ...h, status: DECISION_STATUS[row.decision], review: { decision: row.decision, by: reviewer, at, row: row.sys_id, ...(comment === undefined ? {} : { comment }) } };
      return target === null ? decided : escalatedTo(decided, target);
    });
    await deps.ledger.append(
      handoffEvent('reviewed', reviewed, [{ role: 'reviewer', userName: reviewer.userName }, { role: 'requester', userName: reviewed.requester.userName }], {
        inputDigest: digestOf({ review: { handoff: row.handoff, decision: row.decision, comment: row.comment } }),
        outputDigest: reviewed.output?.noteDigest ?? null,
        details: {
          decision: row.decision,
          approvalRequired: handoff.approval.required,
          hasComment: comment !== undefined,
          commentMasked,
          row: row.sys_id,
          ...(handoff.status === 'escalated' ? { afterEscalation: true } : {}),
          ...(target === null ? {} : { escalatedTo: target.id }),
        },
      }),
    );
    return reviewed;
  });
  return { kind: 'recorded', handoff: reviewed };
}

type Permission = { readonly ok: true } | { readonly ok: false; readonly message: string; readonly remedy: string };

/** Separation of duties (../shared/reference/llm-security.md, "Separation of duties"). */
export async function mayReview(deps: Pick<FlowDeps, 'people' | 'settings'>, handoff: Handoff, ticket: Ticket, reviewer: Actor): Promise<Permission> {
  const sameAs = (a: Actor, b: Actor): boolean => a.userName === b.userName || (a.sysId !== undefined && a.sysId === b.sysId);
  if (reviewer.userName === deps.settings.integrationUser) {
    return { ok: false, message: 'The integration user cannot review a hand-off.', remedy: 'A person must review it.' };
  }
  const { approval } = handoff;
  if (approval.required) {
    if (sameAs(reviewer, handoff.requester)) {
      return { ok: false, message: `${reviewer.userName} requested this hand-off and cannot approve it.`, remedy: `${whoMustReview(approval)} must review it.` };
    }
    const approver = approval.approver;
    if (approver === null) return { ok: false, message: 'No approver was resolved for this hand-off.', remedy: 'Ask an admin to define the approver for this ticket.' };
    if (approver.kind === 'user' && reviewer.sysId === approver.id) return { ok: true };
    // Escalating hands the decision up: the escalator does not decide it afterwards, even as a member of the group it went to.
    if (approver.kind === 'group' && handoff.status === 'escalated' && handoff.review !== null && sameAs(reviewer, handoff.review.by)) {
      return { ok: false, message: `${reviewer.userName} escalated this hand-off and cannot decide it now.`, remedy: `Ask ${approver.name ?? 'the escalation target'} to review it.` };
    }
    if (approver.kind === 'group' && reviewer.sysId !== undefined && (await deps.people.groupMembers(approver.id)).includes(reviewer.sysId)) return { ok: true };
    return {
      ok: false,
      message: `${reviewer.userName} is not the ${roleWords(approval.role)} resolved for this hand-off (${approver.name ?? approver.id}).`,
      remedy: `Ask ${approver.name ?? `the ${roleWords(approval.role)}`} to review it.`,
    };
  }
  if (sameAs(reviewer, handoff.requester)) return { ok: true };
  if (reviewer.sysId !== undefined && reviewer.sysId === ticket.owner.assignee?.id) return { ok: true };
  const group = ticket.owner.group;
  if (group && reviewer.sysId !== undefined && (await deps.people.groupMembers(group.id)).includes(reviewer.sysId)) return { ok: true };
  return { ok: false, message: `${reviewer.userName} is not the requester, the assignee or in the owning group of this ticket.`, remedy: 'Ask the ticket owner to review it.' };
}

/** The approver by name where one is resolved ("Morgan Lee (requester's manager)", "a member of Access Management (requester's manager)"), else by role (issue 12). */
function whoMustReview(approval: Handoff['approval']): string {
  const role = approval.role === null ? 'approver' : ROLE_LABELS[approval.role];
  const approver = approval.approver;
  if (approver === null || approver.name === undefined || approver.name === '') return `The ${role}`;
  return `${approver.kind === 'group' ? `A member of ${approver.name}` : approver.name} (${role})`;
}

function roleWords(role: string | null): string {
  return role === null ? 'approver' : role.replace(/_/g, ' ');
}

/**
 * The decision note (idempotent by its marker), the status and panel, and the
 * row recorded: one call. `record` runs first, under the ticket's lease, and
 * answers the hand-off with its review.
 */
async function recordNote(deps: FlowDeps, mapping: TableMapping, handoff: Handoff, row: ReviewRow, ticketRecord: RawRecord | null, record: () => Promise<Handoff>): Promise<void> {
  await deps.notices.clear(mapping.table, handoff.ticket.sysId);
  const update = {
    before: async () => {
      const reviewed = await record();
      const review = reviewed.review;
      if (!review) throw new HandoffError('HANDOFF_STATE_CONFLICT', `hand-off ${reviewed.id} has no review to record`);
      await deps.fault('review-before-write');
      // Shadow mode writes nothing to the ticket but the AI fields: the decision is in the audit and the status (as expiry.ts does).
      if (reviewed.shadow) return undefined;
      const text = deps.notes.reviewNote({ handoff: reviewed, decision: review.decision, by: { userName: review.by.userName, name: review.by.name ?? null }, comment: review.comment ?? null });
      return { note: { text, key: deps.notes.reviewKey(reviewed.id, review.decision) } };
    },
    review: { sysId: row.sys_id, state: 'recorded' as const },
    then: async () => {
      await deps.fault('review-after-write');
    },
  };
  if (ticketRecord) await deps.panels.refresh(mapping, ticketRecord, update);
  else await deps.panels.refreshById(mapping, handoff.ticket.sysId, update);
}
