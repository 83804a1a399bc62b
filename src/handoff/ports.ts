/**
 * What the hand-off flow needs from the policy and the AI side, as narrow
 * ports. The worker wires the real modules in (src/queue/wiring.ts); the flow
 * never reaches past these.
 */
import type { BoundaryRules } from '../boundary/containment.js';
import type { Reason } from '../domain/decision.js';
import type { Handoff } from '../domain/handoff.js';
import type { Panel, PanelHandoff, PanelNotice } from '../domain/panel.js';
import type { EscalationTarget } from '../domain/operation.js';
import type { ReadCheck } from '../domain/read-check.js';
import type { Ticket } from '../domain/ticket.js';
import type { RawRecord } from '../connector/connector.js';
import type { TableMapping } from '../mapping/mapping-schema.js';

export interface PanelPolicy {
  /** The loaded policy's version (declared version + content digest). */
  readonly version: string;
  /** Digest of everything besides the ticket that decides a panel (policy, switches, groups, budgets). */
  contextDigest(): Promise<string>;
  /** Maps a raw record to the canonical ticket (RECORD_INVALID when it cannot). */
  toTicket(mapping: TableMapping, record: RawRecord): Ticket;
  /**
   * The sealed panel for a ticket, with the hand-offs and notice to show.
   * `previous` is the panel the ticket holds now (its JSON text): a lowering
   * of the class since then is carried in the new panel (docs/boundary.md).
   */
  panel(ticket: Ticket, extras: { readonly handoffs: readonly PanelHandoff[]; readonly notice: PanelNotice | null; readonly previous?: string | null }): Promise<Panel>;
  /** What the read boundary's containment check needs from the policy (src/boundary/containment.ts). */
  boundaryRules(): BoundaryRules;
  /** Why the operator's note asks for something the AI may not do, or null. */
  checkNote(note: string): Reason | null;
  /** Where the policy sends an escalation of this operation's drafts (default: the reviewer's manager). */
  escalateTo(operation: string): EscalationTarget;
  /** Whether the ticket's group runs in shadow mode (flow runs, nothing written to the ticket). */
  shadow(ticket: Ticket): boolean;
  /** The last applied reload of the configuration (src/queue/reloader.ts), for the reason a scope went stale; absent or null when none. */
  lastReload?(): { readonly at: string; readonly policyVersion: string } | null;
}

export interface ExecuteInput {
  readonly handoff: Handoff;
  readonly ticket: Ticket;
  readonly record: RawRecord;
  readonly mapping: TableMapping;
  /** The read boundary: the read check of the panel the scope was checked against now, and the policy's rules. */
  readonly boundary: { readonly readCheck: ReadCheck; readonly rules: BoundaryRules };
}

export type ExecuteResult =
  | {
      readonly ok: true;
      /** The full work-note text, rendered and neutralised, with the hand-off's marker. */
      readonly note: string;
      readonly outputDigest: string;
      readonly inputDigest: string;
      readonly provider: string;
      readonly model: string;
      readonly sourceCount: number;
      readonly removedStatements: number;
      /** Small facts for the audit: masking counts, tokens, flags. */
      readonly audit: Record<string, unknown>;
    }
  | {
      readonly ok: false;
      readonly kind: string;
      readonly reason: string;
      readonly inputDigest: string;
      readonly audit: Record<string, unknown>;
    };

/** Gathers the sources the scope allows, runs the provider and the output guard, renders the note. */
export interface Executor {
  execute(input: ExecuteInput): Promise<ExecuteResult>;
}

export interface ReviewNoteInput {
  readonly handoff: Handoff;
  readonly decision: 'accept' | 'reject' | 'escalate' | 'expired';
  /** Who decided; null for an expiry. */
  readonly by: { readonly userName: string; readonly name: string | null } | null;
  readonly comment: string | null;
}

/**
 * Renders the short attributed notes the flow writes besides the AI's own,
 * and names each note's idempotency key: its marker line, which the app's
 * API looks for among the integration user's own entries before writing.
 */
export interface NoteRenderer {
  reviewNote(input: ReviewNoteInput): string;
  /** The key of the hand-off's AI note (the marker the rendered note carries). */
  noteKey(handoffId: string): string;
  /** The key of a review (or expiry) note of the hand-off. */
  reviewKey(handoffId: string, decision: ReviewNoteInput['decision']): string;
}
