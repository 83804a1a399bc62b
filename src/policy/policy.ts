/**
 * A loaded policy: the validated files, the version stamped on every decision,
 * and the rules compiled once into closures and lookup tables (compile.ts).
 * Produced only by load-policy.ts; frozen.
 */
import type { ExecutionClass, Operation } from '../domain/operation.js';
import type { AiTier } from '../domain/ticket.js';
import type { CompiledPolicy } from './compile.js';
import type { BoundaryPolicy, PolicyFile, Rule, TierDefinition } from './policy-schema.js';

export interface PolicyRule extends Rule {
  readonly id: string;
}

export interface Policy {
  /** Declared version plus the first 8 hex of the files' digest: `2026.11.1+3fa2b9c0`. */
  readonly version: string;
  /** The `version:` of policy.yaml. */
  readonly declaredVersion: string;
  /** The folder the files came from. */
  readonly dir: string;
  readonly classes: readonly ExecutionClass[];
  /** The catalog, in file order. */
  readonly operations: readonly Operation[];
  readonly tiers: Readonly<Record<AiTier, TierDefinition>>;
  /** As the file gives them; `compiled.providerAllows` has each kind resolved (providers.ts). */
  readonly providers: PolicyFile['providers'];
  /** The read boundary's settings (docs/boundary.md). */
  readonly boundary: BoundaryPolicy;
  /** Every rule, in file order. */
  readonly rules: readonly PolicyRule[];
  readonly compiled: CompiledPolicy;
}

/** The catalog operation with this id, if any. */
export function operationById(policy: Policy, id: string): Operation | undefined {
  return policy.compiled.opById.get(id)?.op;
}
