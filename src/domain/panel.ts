/**
 * The eligible-AI-actions panel, as the worker writes it into the mapped panel
 * field (`x_acme_aihandoff_panel`) and as the Assign To AI Operation dialog reads it.
 *
 * It carries every operation that fits the ticket's type, blocked ones
 * included (with reason and remedy: the seed wants limits visible, not hidden),
 * the recent hand-offs (so the review buttons know which one awaits review),
 * the ticket's owner (who may review a hand-off that needs no approval), a
 * notice when the last request was refused, the read check the app's request
 * rule runs in the requester's session (docs/contract.md, "The read check"),
 * and the ticket's data class with any recent lowering of it
 * (docs/boundary.md, "Lowering the class").
 *
 * `digest` covers everything else; the worker rewrites the field only when it
 * changes, so a sync never loops on its own writes.
 */
import { z } from 'zod';
import { digestOf } from '../util/canonical-json.js';
import { ApprovalNeed, Classification, Outcome, Reason } from './decision.js';
import { BlockedAction, ExecutionClassId, OutputKind, SourceKind } from './operation.js';
import { ReadCheck } from './read-check.js';
import { SCOPE_DIGEST, ScopeBoundary } from './scope.js';
import { AiStatus } from './status.js';
import { DataClass } from './ticket.js';

/** 2: operations carry their read boundary; the panel carries the read check and the ticket's class. */
export const PANEL_SCHEMA_VERSION = 2;

export const PanelOperation = z.strictObject({
  id: z.string().min(1),
  title: z.string().min(1),
  class: ExecutionClassId,
  outcome: Outcome,
  approval: ApprovalNeed,
  scopeDigest: z.string().regex(SCOPE_DIGEST),
  sources: z.array(SourceKind),
  outputKind: OutputKind,
  expectedOutput: z.string(),
  stopConditions: z.array(z.string()),
  blockedActions: z.array(BlockedAction),
  reasons: z.array(Reason),
  /** The scope's read boundary (covered by the scope digest). */
  boundary: ScopeBoundary,
  /** The boundary in plain words, shown before Confirm; empty when the operation reads nothing beyond the ticket. */
  boundaryText: z.string(),
});
export type PanelOperation = z.infer<typeof PanelOperation>;

/** A lowering of the ticket's data class still within the policy's cool-down (docs/boundary.md). */
export const ClassLowering = z.strictObject({
  from: DataClass,
  to: DataClass,
  /** ISO 8601 time the worker first saw the lower class. */
  at: z.string().min(1),
});
export type ClassLowering = z.infer<typeof ClassLowering>;

/** Bounds of what a hand-off shows its reviewer (issue 12), so five hand-offs stay far under MAX_PANEL_LENGTH. */
export const PANEL_EXCERPT_MAX = 700;
export const PANEL_NOTE_MAX = 300;
export const PANEL_NAME_MAX = 80;

/**
 * Where Escalate hands a draft (policy: the operation's `approval.escalateTo`,
 * src/handoff/escalation.ts): the escalating reviewer's manager as the
 * platform records it, or a group the policy names.
 */
export const PanelEscalation = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('manager') }),
  z.strictObject({ kind: z.literal('group'), name: z.string().min(1).max(PANEL_NAME_MAX) }),
]);
export type PanelEscalation = z.infer<typeof PanelEscalation>;

export const PanelHandoff = z.strictObject({
  id: z.string().min(1),
  operation: z.string().min(1),
  status: AiStatus,
  requestedBy: z.string().min(1),
  approval: ApprovalNeed,
  /** ISO 8601 time of the hand-off's last change. */
  updatedAt: z.string().min(1),
  /** The requester's name as the platform records it, one line (absent when unknown). */
  requesterName: z.string().min(1).max(PANEL_NAME_MAX).optional(),
  /** The requester's note to the AI, masked at pickup and neutralised, one line (absent without one). */
  note: z.string().min(1).max(PANEL_NOTE_MAX).optional(),
  /** The first lines of the draft's body as written to the work notes (so masked and neutralised), once it is written. */
  draft: z.string().min(1).max(PANEL_EXCERPT_MAX).optional(),
  /** Where Escalate sends it, while a review can decide it. */
  escalateTo: PanelEscalation.optional(),
});
export type PanelHandoff = z.infer<typeof PanelHandoff>;

export const PanelNotice = z.strictObject({
  kind: z.enum(['refused', 'info']),
  message: z.string().min(1),
  remedy: z.string(),
  /** ISO 8601 time the notice was raised. */
  at: z.string().min(1),
});
export type PanelNotice = z.infer<typeof PanelNotice>;

export const PanelBody = z.strictObject({
  schema: z.literal(PANEL_SCHEMA_VERSION),
  ticket: z.strictObject({
    number: z.string().min(1),
    table: z.string().min(1),
    sysId: z.string().min(1),
    /**
     * The ticket's owner as the mapping reads it (ids only): who, besides the
     * requester, may review a hand-off that needs no approval
     * (src/handoff/review.ts, mayReview). Null when the ticket has none.
     */
    owner: z.strictObject({
      assignee: z.string().min(1).nullable(),
      group: z.string().min(1).nullable(),
    }),
    /**
     * The data class this panel was computed for: the worker's memory of the
     * class across restarts (it lives on the ticket), so a lowering is seen
     * even when sys_audit is not readable. Null when the class is unknown.
     */
    dataClass: DataClass.nullable(),
    /** A lowering of the class within the cool-down, carried from panel to panel until it ends; null otherwise. */
    classLowered: ClassLowering.nullable(),
  }),
  policyVersion: z.string().min(1),
  classification: Classification,
  operations: z.array(PanelOperation),
  /** Actions the AI never takes on this ticket, across all its operations. */
  blockedActions: z.array(BlockedAction),
  handoffs: z.array(PanelHandoff),
  notice: PanelNotice.nullable(),
  /** What the app's request rule checks the requester may read (docs/contract.md, "The read check"). */
  readCheck: ReadCheck,
});
export type PanelBody = z.infer<typeof PanelBody>;

export const Panel = PanelBody.extend({ digest: z.string().min(1) }).strict();
export type Panel = z.infer<typeof Panel>;

/**
 * The digest of a panel body, over its canonical JSON with each operation
 * entering by its id, outcome, reasons and scope digest: the scope digest
 * covers the rest of the operation (approval, sources, output, stop
 * conditions, blocked actions, the boundary and so its words), and the
 * policy version its title and class.
 */
export function panelDigest(body: PanelBody): string {
  return digestOf({ ...body, operations: body.operations.map((o) => ({ id: o.id, outcome: o.outcome, reasons: o.reasons, scopeDigest: o.scopeDigest })) });
}

/** Seals a panel body with its digest. */
export function sealPanel(body: PanelBody): Panel {
  return { ...body, digest: panelDigest(body) };
}

/**
 * The JSON text of panels whose builder assembled it from parts it had
 * already serialised (buildPanel, src/policy/panel.ts): it parses to the
 * same panel as `JSON.stringify(panel)`. The panel writer sends it as the
 * field's value, so a 9 KB panel is not serialised again for each write
 * (issue 13's profile: 2 % of the worker's CPU).
 */
const panelTexts = new WeakMap<Panel, string>();

/** Records the text a builder made for `panel`; the text must parse to `panel`. */
export function rememberPanelText(panel: Panel, text: string): void {
  panelTexts.set(panel, text);
}

/** The panel as JSON text: the text its builder made, else `JSON.stringify(panel)`. */
export function panelText(panel: Panel): string {
  return panelTexts.get(panel) ?? JSON.stringify(panel);
}
