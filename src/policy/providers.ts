/**
 * Which data classes each kind of AI provider may receive (policy.yaml
 * `providers`). The evaluator blocks an operation whose ticket's class the
 * configured provider may not receive; the AI worker calls this again before
 * anything leaves for a provider.
 */
import { DATA_CLASSES, type DataClass } from '../domain/ticket.js';
import type { Policy } from './policy.js';
import type { ProviderKind } from './policy-schema.js';

/** Whether a provider of this kind may receive data of this class. Unknown classes never may. */
export function providerMayReceive(policy: Policy, kind: ProviderKind, dataClass: DataClass | null): boolean {
  if (dataClass === null) return false;
  const index = DATA_CLASSES.indexOf(dataClass);
  return index >= 0 && policy.compiled.providerAllows[kind][index] === true;
}
