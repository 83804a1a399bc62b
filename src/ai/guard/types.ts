/**
 * What the output guard decides. A rejection fails the job closed: nothing is
 * written, the kind and reason go to the audit. A removal drops one statement
 * that failed grounding and is recorded (and counted in the note).
 */
import type { AiOutput } from '../output-schema.js';

/** Stable rejection kinds (audit, metrics, docs/ai.md). */
export const REJECTION_KINDS = [
  'not_json',
  'truncated',
  'oversize',
  'schema',
  'unknown_source',
  'ungrounded',
  'action_claim',
  'validated_checklist',
  'canary',
  'markup',
] as const;
export type RejectionKind = (typeof REJECTION_KINDS)[number];

export interface Rejection {
  readonly kind: RejectionKind;
  /** Why, in words; never the offending text itself beyond a short excerpt. */
  readonly reason: string;
  /** Where in the output (`sections[0].statements[2].text`), when known. */
  readonly path?: string;
}

export const REMOVAL_REASONS = ['ungrounded', 'misquoted'] as const;
export type RemovalReason = (typeof REMOVAL_REASONS)[number];

export interface Removal {
  readonly path: string;
  /** The removed text, cut to 200 characters; for the audit, never rendered into the note. */
  readonly statement: string;
  readonly reason: RemovalReason;
  readonly detail: string;
}

export type GuardResult =
  | { readonly ok: true; readonly output: AiOutput; readonly removed: readonly Removal[] }
  | { readonly ok: false; readonly removed: readonly Removal[]; readonly rejected: Rejection };

/** A provider's raw answer: the JSON text and whether the provider cut it short. */
export interface RawOutput {
  readonly text: string;
  /** The provider stopped at its token limit (`finish_reason: "length"`). */
  readonly truncated: boolean;
}
