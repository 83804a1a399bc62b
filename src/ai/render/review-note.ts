/**
 * The short note recording an approver's decision on a hand-off (or its
 * expiry). Attribution is ours: the platform credits every journal entry to
 * the integration user, so who decided goes in the text
 * (../shared/reference/servicenow.md, "An entry is credited to the
 * authenticated API user").
 */
import type { ApproverRole } from '../../domain/ticket.js';
import { ROLE_LABELS } from '../builtin/drafts.js';
import { reviewMarkerFor, type ReviewOutcome } from './marker.js';
import { neutralise } from './neutralise.js';
import type { Person } from './note.js';

export interface ReviewNoteInput {
  readonly handoffId: string;
  readonly operation: { readonly id: string; readonly title: string };
  readonly outcome: ReviewOutcome;
  /** Who decided; null for an expiry. */
  readonly reviewer: Person | null;
  /** The role they decided in, when approval was required. */
  readonly role: ApproverRole | null;
  /** Whether the output needed approval before use: an expiry says different things for the two. */
  readonly approvalRequired: boolean;
  readonly comment?: string | null;
  /** For an escalation: whom it went to, in words ("Victor Alvarez, the reviewer's manager"). */
  readonly escalatedTo?: string;
  readonly policyVersion: string;
  /** Digest of the output that was reviewed: the decision binds to exactly that output. */
  readonly outputDigest: string;
  /** For an expiry: how long the approval window was, in hours. */
  readonly expiredAfterHours?: number;
  readonly allowedHosts?: readonly string[];
}

const OUTCOME_WORDS: Readonly<Record<ReviewOutcome, string>> = {
  accept: 'accepted',
  reject: 'rejected',
  escalate: 'escalated',
  expired: 'expired without a decision',
};

function within(input: ReviewNoteInput): string {
  return input.expiredAfterHours === undefined ? '' : ` within ${input.expiredAfterHours} hours`;
}

export function renderReviewNote(input: ReviewNoteInput): string {
  const inert = (text: string): string => neutralise(text, { allowedHosts: input.allowedHosts ?? [] });
  // An output that needed no approval was not refused by the expiry: it went unreviewed (and is never approved by default either).
  const unreviewed = input.outcome === 'expired' && !input.approvalRequired;
  const heading = unreviewed ? 'expired without a review' : OUTCOME_WORDS[input.outcome];
  const lines = [`=== AI hand-off review: ${heading} ===`, `Hand-off: ${input.handoffId} (${inert(input.operation.title)}, ${inert(input.operation.id)})`];
  if (unreviewed) {
    lines.push(`Review: none came${within(input)}. This output needed no approval, but nobody reviewed it in time: check it against its sources before relying on it.`);
  } else if (input.outcome === 'expired') {
    lines.push(`Decision: none came${within(input)}; the output was not approved and must not be used.`);
  } else {
    const who = input.reviewer === null ? 'an unknown reviewer' : input.reviewer.name === null || input.reviewer.name === '' ? inert(input.reviewer.userName) : `${inert(input.reviewer.name)} (${inert(input.reviewer.userName)})`;
    const role = input.role === null ? '' : `, as ${ROLE_LABELS[input.role]}`;
    lines.push(`Decision: ${input.outcome}, by ${who}${role}`);
    if (input.outcome === 'escalate' && input.escalatedTo !== undefined) lines.push(`Escalated to: ${inert(input.escalatedTo).replace(/\s+/g, ' ')}, who now accepts, rejects or escalates it further`);
    if (input.outcome === 'accept') lines.push('This records a decision on the AI output only; the product itself changes nothing on this ticket.');
  }
  const comment = input.comment?.trim() ?? '';
  if (comment !== '') lines.push(`Comment: “${inert(comment).replace(/\s*\n\s*/g, ' / ')}”`);
  lines.push(`Policy version: ${inert(input.policyVersion)} | output digest: ${inert(input.outputDigest)}`, '', reviewMarkerFor(input.handoffId, input.outcome));
  return lines.join('\n');
}
