/**
 * The idempotency marker: one line in every note the worker writes,
 * `[ai-handoff:ho_…]` (review notes: `[ai-handoff-review:ho_…:accept]`). Before
 * writing, the flow looks for it in the ticket's work notes; a worker killed
 * after the write and before its acknowledgement then finds its note and does
 * not write a second one.
 *
 * Plain ASCII that ServiceNow's journal keeps as is. `neutralise` rewrites
 * `[ai-handoff` in any text it handles to `(ai-handoff`, so ticket or model
 * text can never produce a marker inside our note; only our template writes
 * one, on a line of its own. A person can still type a marker into a work
 * note by hand: the flow must only trust markers in entries written by the
 * integration user.
 */
import { HANDOFF_ID } from '../../domain/fields.js';

export const MARKER_PREFIXES = ['ai-handoff-review', 'ai-handoff'] as const;

const ID = HANDOFF_ID.source.replace(/^\^|\$$/g, '');
const NOTE_LINE = new RegExp(`^\\[ai-handoff:(${ID})\\]$`, 'gm');
const REVIEW_LINE = new RegExp(`^\\[ai-handoff-review:(${ID}):([a-z]+)\\]$`, 'gm');

/** What a review note records; `expired` is written by the worker when no decision came in time. */
export type ReviewOutcome = 'accept' | 'reject' | 'escalate' | 'expired';

export function markerFor(handoffId: string): string {
  assertId(handoffId);
  return `[ai-handoff:${handoffId}]`;
}

/** One review marker per hand-off and outcome: an escalation followed by an acceptance writes two notes. */
export function reviewMarkerFor(handoffId: string, outcome: ReviewOutcome): string {
  assertId(handoffId);
  return `[ai-handoff-review:${handoffId}:${outcome}]`;
}

/** The hand-off id of the first note marker line in the text, or null. */
export function findMarker(text: string): string | null {
  return findMarkers(text)[0] ?? null;
}

/** Every note marker's hand-off id, in order. */
export function findMarkers(text: string): string[] {
  return [...text.replace(/\r\n?/g, '\n').matchAll(NOTE_LINE)].map((m) => m[1] ?? '').filter((id) => id !== '');
}

/** Every review marker line: hand-off id and outcome. */
export function findReviewMarkers(text: string): { handoffId: string; outcome: string }[] {
  return [...text.replace(/\r\n?/g, '\n').matchAll(REVIEW_LINE)].map((m) => ({ handoffId: m[1] ?? '', outcome: m[2] ?? '' }));
}

function assertId(id: string): void {
  if (!HANDOFF_ID.test(id)) throw new TypeError(`not a hand-off id: ${JSON.stringify(id.slice(0, 40))}`);
}
