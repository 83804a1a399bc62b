/**
 * The `ai-handoff policy what-if --json` object, as issue 15 gives it:
 * `{"before": {"eligible", "approvalBound", "blocked"}, "after": {...},
 * "changed": [{"number", "table", "from", "to", "operations": [{"id", "from",
 * "to", "rule"}]}], "policyVersion": {"before", "after"}}`. Strict at every
 * depth, so a key added by mistake fails the test that parses the output.
 *
 * `from` and `to` are a classification (of a ticket) or an outcome (of an
 * operation), or `none`: the ticket is not active work under that side's
 * mapping (or its table is not mapped there), or the operation is not offered
 * for the ticket's type on that side (not in the catalog, or another type).
 */
import { z } from 'zod';
import { OUTCOMES } from '../domain/decision.js';

export const WHAT_IF_SIDES = [...OUTCOMES, 'none'] as const;
export const WhatIfSide = z.enum(WHAT_IF_SIDES);
export type WhatIfSide = z.infer<typeof WhatIfSide>;

const Count = z.number().int().min(0);

/** Active tickets per classification. */
export const Split = z.strictObject({ eligible: Count, approvalBound: Count, blocked: Count });
export type Split = z.infer<typeof Split>;

export const OperationChange = z.strictObject({
  id: z.string().min(1),
  from: WhatIfSide,
  to: WhatIfSide,
  /**
   * The rule that made the difference: a forbid the change added (now
   * blocked) or removed (no longer blocked), else the first deciding rule that
   * differs. Where no rule decides: `catalog.added`, `catalog.removed`,
   * `mapping.active` (the ticket enters or leaves the active set),
   * `mapping.ticket-type` (the mapping gives it another type),
   * `mapping.record-invalid` (the mapping cannot read the record).
   */
  rule: z.string().min(1),
});
export type OperationChange = z.infer<typeof OperationChange>;

export const TicketChange = z.strictObject({
  number: z.string().min(1),
  table: z.string().min(1),
  from: WhatIfSide,
  to: WhatIfSide,
  operations: z.array(OperationChange),
});
export type TicketChange = z.infer<typeof TicketChange>;

export const WhatIfJson = z.strictObject({
  before: Split,
  after: Split,
  changed: z.array(TicketChange),
  policyVersion: z.strictObject({ before: z.string().min(1), after: z.string().min(1) }),
});
export type WhatIfJson = z.infer<typeof WhatIfJson>;
