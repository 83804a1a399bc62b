/**
 * The flow's NoteRenderer port on src/ai's renderers and markers: the short
 * attributed notes for a review decision or an expiry, and the markers that
 * make every note idempotent (the key the app's API checks).
 */
import { markerFor, renderReviewNote, reviewMarkerFor } from '../ai/index.js';
import type { NoteRenderer } from './ports.js';

export interface NotePortOptions {
  readonly allowedHosts: readonly string[];
  /** The review window, in hours, quoted in expiry notes. */
  readonly reviewWindowHours: number;
  /** Operation titles by id. */
  readonly titles: ReadonlyMap<string, string>;
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
