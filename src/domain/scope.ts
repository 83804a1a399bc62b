/**
 * The scope of one operation on one ticket: exactly what the operator sees
 * before confirming. Its digest binds the confirmation: a request carrying a
 * digest that no longer matches the current scope is refused as stale.
 */
import { z } from 'zod';
import { digestOf } from '../util/canonical-json.js';
import { ApprovalNeed } from './decision.js';
import { BlockedAction, ExecutionClassId, OutputKind, SourceKind } from './operation.js';
import { DataClass, TicketRef } from './ticket.js';

export const SCOPE_DIGEST = /^[0-9a-f]{32}$/;

/**
 * The read boundary of a scope (docs/boundary.md): which records beyond the
 * ticket a hand-off may use. It is per ticket (its class and the provider
 * kind decide it) and enters the scope digest, so a changed boundary (the
 * ticket reclassified, another provider, the other-group rule switched)
 * makes a request confirmed under the old one stale.
 */
export const ScopeBoundary = z.strictObject({
  /**
   * The classes a record beyond the ticket may have: not above the ticket's,
   * never restricted, and only those the provider kind may receive. Empty:
   * nothing beyond the ticket is used.
   */
  classes: z.array(DataClass),
  /** The provider kind the classes were decided for (policy `providers`); null when none is configured (policy explain). */
  provider: z.string().min(1).nullable(),
  /** Whether tickets of groups that have not opted in to AI may be used read-only as evidence (policy `boundary.otherGroupsAsEvidence`). */
  otherGroups: z.boolean(),
  /** Every record beyond the ticket must be one the requester may open on the instance (the read check): always. */
  requesterMustRead: z.literal(true),
});
export type ScopeBoundary = z.infer<typeof ScopeBoundary>;

export const Scope = z.strictObject({
  policyVersion: z.string().min(1),
  ticket: TicketRef,
  operation: z.string().min(1),
  class: ExecutionClassId,
  sources: z.array(SourceKind).min(1),
  outputKind: OutputKind,
  expectedOutput: z.string().min(1),
  stopConditions: z.array(z.string().min(1)).min(1),
  blockedActions: z.array(BlockedAction).min(1),
  approval: ApprovalNeed,
  boundary: ScopeBoundary,
});
export type Scope = z.infer<typeof Scope>;

/**
 * Stable digest of a scope: canonical JSON, so key order and formatting never
 * change it. The members the operation fixes (what it reads, produces, stops
 * on and never does) enter through their own digest, which the policy
 * computes once per operation at load; the ticket, the approval, the
 * boundary and the policy version are bound to it per decision. Every member
 * counts.
 */
export function scopeDigest(scope: Scope): string {
  const { ticket, approval, policyVersion, boundary, ...fixed } = scope;
  return digestOf({ approval, boundary, operation: operationPartDigest(fixed), policyVersion, ticket });
}

/** The members of a scope an operation fixes, as a catalog operation or a panel's operation carries them, and the ticket's boundary. */
export type ScopeOperation = { readonly id: string } & Pick<Scope, 'class' | 'sources' | 'outputKind' | 'expectedOutput' | 'stopConditions' | 'blockedActions' | 'boundary'>;

/** The scope of `op` on a ticket: the one place that lists a scope's members, for the policy and the flow alike. */
export function scopeOf(op: ScopeOperation, ticket: Scope['ticket'], approval: Scope['approval'], policyVersion: string): Scope {
  return {
    policyVersion,
    ticket,
    operation: op.id,
    class: op.class,
    sources: op.sources,
    outputKind: op.outputKind,
    expectedOutput: op.expectedOutput,
    stopConditions: op.stopConditions,
    blockedActions: op.blockedActions,
    approval,
    boundary: op.boundary,
  };
}

/** The digest of a scope's members fixed by the operation. */
export function operationPartDigest(fixed: Omit<Scope, 'ticket' | 'approval' | 'policyVersion' | 'boundary'>): string {
  return digestOf(fixed);
}
