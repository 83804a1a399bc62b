/**
 * The flow's NoteRenderer port on src/ai's renderers and markers: the short
 * attributed notes for a review decision or an expiry, and the markers that
 * make every note idempotent (the key the app's API checks).
 */
import { markerFor, renderReviewNote, reviewMarkerFor } from '../ai/index.js';
import type { Party } from '../domain/ticket.js';
import type { NoteRenderer } from './ports.js';

export interface NotePortOptions {
  readonly allowedHosts: readonly string[];
  /** The review window, in hours, quoted in expiry notes. */
  readonly reviewWindowHours: number;
  /** Operation titles by id. */
  readonly titles: ReadonlyMap<string, string>;
}

/** The escalation target the hand-off now waits for (escalation.ts made it the approver), in words. */
function escalationWords(target: Party | null): string {
  if (target === null) return 'no one (none could be resolved)';
  const name = target.name ?? target.id;
  return target.kind === 'group' ? `a member of the group ${name}` : `${name}, the reviewer's manager`;
}

export function createNotePort(options: NotePortOptions): NoteRenderer {
  return {
    reviewNote({ handoff, decision, by, comment }) {
      return renderReviewNote({
        handoffId: handoff.id,
        operation: { id: handoff.operation, title: options.titles.get(handoff.operation) ?? handoff.operation },
        outcome: decision,
        reviewer: by === null ? null : { name: by.name, userName: by.userName },
        role: handoff.approval.required ? handoff.approval.role : null,
        approvalRequired: handoff.approval.required,
        comment,
        ...(decision === 'escalate' ? { escalatedTo: escalationWords(handoff.approval.approver) } : {}),
        policyVersion: handoff.policyVersion,
        outputDigest: handoff.output?.outputDigest ?? 'none',
        ...(decision === 'expired' ? { expiredAfterHours: options.reviewWindowHours } : {}),
        allowedHosts: options.allowedHosts,
      });
    },
    noteKey: (handoffId) => markerFor(handoffId),
    reviewKey: (handoffId, decision) => reviewMarkerFor(handoffId, decision),
  };
}
