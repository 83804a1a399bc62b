/**
 * Which data classes each kind of AI provider may receive (policy.yaml
 * `providers`). `builtin` and `external` are always given; a configured kind
 * (`azure-openai`, `openai-compatible`) may have a key of its own, which then
 * decides for it, so an on-premises model can receive what a cloud one may
 * not (issue 5: "Which providers may receive which data class is policy").
 * The evaluator blocks an operation whose ticket's class the configured
 * provider may not receive.
 */
import { DATA_CLASSES, type DataClass } from '../domain/ticket.js';
import type { Policy } from './policy.js';
import type { PolicyFile, ProviderKind } from './policy-schema.js';

/** The classes a provider of this kind may receive: its own key, else `external` for any kind that is not `builtin`. */
export function providerClasses(providers: PolicyFile['providers'], kind: ProviderKind): readonly DataClass[] {
  switch (kind) {
    case 'builtin':
      return providers.builtin;
    case 'external':
      return providers.external;
    case 'azure-openai':
    case 'openai-compatible':
      return providers[kind] ?? providers.external;
  }
}

/** Whether a provider of this kind may receive data of this class. Unknown classes never may. */
export function providerMayReceive(policy: Policy, kind: ProviderKind, dataClass: DataClass | null): boolean {
  if (dataClass === null) return false;
  const index = DATA_CLASSES.indexOf(dataClass);
  return index >= 0 && policy.compiled.providerAllows[kind][index] === true;
}
