/**
 * The eligible-AI-actions panel, as the worker writes it into the mapped panel
 * field (`x_acme_aihandoff_panel`) and as the Assign To AI Operation dialog reads it.
 *
 * It carries every operation that fits the ticket's type, blocked ones
 * included (with reason and remedy: the seed wants limits visible, not hidden),
 * the recent hand-offs (so the review buttons know which one awaits review),
 * the ticket's owner (who may review a hand-off that needs no approval), and
 * a notice when the last request was refused.
 *
 * `digest` covers everything else; the worker rewrites the field only when it
 * changes, so a sync never loops on its own writes.
 */
import { z } from 'zod';
import { digestOf } from '../util/canonical-json.js';
import { ApprovalNeed, Classification, Outcome, Reason } from './decision.js';
import { BlockedAction, ExecutionClassId, OutputKind, SourceKind } from './operation.js';
import { SCOPE_DIGEST } from './scope.js';
import { AiStatus } from './status.js';

export const PANEL_SCHEMA_VERSION = 1;

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
});
export type PanelOperation = z.infer<typeof PanelOperation>;

export const PanelHandoff = z.strictObject({
  id: z.string().min(1),
  operation: z.string().min(1),
  status: AiStatus,
  requestedBy: z.string().min(1),
  approval: ApprovalNeed,
  /** ISO 8601 time of the hand-off's last change. */
  updatedAt: z.string().min(1),
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
  }),
  policyVersion: z.string().min(1),
  classification: Classification,
  operations: z.array(PanelOperation),
  /** Actions the AI never takes on this ticket, across all its operations. */
  blockedActions: z.array(BlockedAction),
  handoffs: z.array(PanelHandoff),
  notice: PanelNotice.nullable(),
});
export type PanelBody = z.infer<typeof PanelBody>;

export const Panel = PanelBody.extend({ digest: z.string().min(1) }).strict();
export type Panel = z.infer<typeof Panel>;

/**
 * The digest of a panel body, over its canonical JSON with each operation
 * entering by its id, outcome, reasons and scope digest: the scope digest
 * covers the rest of the operation (approval, sources, output, stop
 * conditions, blocked actions), and the policy version its title and class.
 */
export function panelDigest(body: PanelBody): string {
  return digestOf({ ...body, operations: body.operations.map((o) => ({ id: o.id, outcome: o.outcome, reasons: o.reasons, scopeDigest: o.scopeDigest })) });
}

/** Seals a panel body with its digest. */
export function sealPanel(body: PanelBody): Panel {
  return { ...body, digest: panelDigest(body) };
}
