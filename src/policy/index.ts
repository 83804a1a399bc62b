/** The policy engine's public surface. Pure: nothing here does I/O except load-policy.ts. */
export { loadPolicy, parsePolicy, DEFAULT_POLICY_DIR } from './load-policy.js';
export type { Policy, PolicyRule } from './policy.js';
export { operationById } from './policy.js';
export { createPolicyContext, BUDGET_STATES, type BudgetState, type PolicyContext, type PolicyContextInput } from './context.js';
export { decide, decideTicket, classify, type ScopeEntry, type TicketDecisions } from './evaluate.js';
export { decideRequest, type RequestInput, type RequestOutcome } from './request.js';
export { buildPanel, type PanelExtras } from './panel.js';
export { providerClasses, providerMayReceive } from './providers.js';
export { checkIntent, describeFinding, type IntentCheck, type IntentFinding } from './intent.js';
export { PROVIDER_KINDS, SPECIFIC_PROVIDER_KINDS, type ProviderKind } from './policy-schema.js';
