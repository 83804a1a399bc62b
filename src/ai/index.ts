/**
 * What the hand-off flow uses from src/ai, in one import:
 *
 *   const set = buildSourceSet({ requested: scope.sources, ticket, workNotes, relatedByCi, ci });
 *   const outcome = await runOperation({ provider, config, budget, log }, { handoffId, operation, ticket, sources: set, note, approval, group });
 *   if (!outcome.verdict.ok) throw rejectionError(outcome.verdict.rejected);
 *   const text = renderNote({ ..., sources: outcome.sources, output: outcome.verdict.output, removed: outcome.verdict.removed, flags: outcome.flags });
 *   if (!journal.some((e) => e.createdBy === integrationUser && findMarker(e.value) === handoffId)) await connector.write(...)
 */
export { parseAiConfig, AiConfig, MASK_KINDS, type MaskKind } from './config.js';
export { buildSourceSet, type Gathered, type GatheredField, type GatheredNote, type GatheredRecord, type GatheredCi } from './source-set.js';
export type { Source, SourceSet, SourceGap } from './sources.js';
export { AiOutput, OUTPUT_SCHEMAS, outputSchemaFor, type OutputOf } from './output-schema.js';
export { createProvider, type Provider, type ProviderKind, type ProviderInput, type ProviderOperation, type TicketSummary, type Usage } from './provider.js';
export { createBuiltinProvider } from './builtin/provider.js';
export { createObedientProvider } from './obedient/obedient-provider.js';
export { guardOutput } from './guard/guard.js';
export { REJECTION_KINDS, type GuardResult, type Rejection, type RejectionKind, type Removal } from './guard/types.js';
export { runOperation, rejectionError, type RunOutcome, type RunRequest } from './run.js';
export { renderNote, type NoteInput, type NoteFlags, type Person } from './render/note.js';
export type { NoteWithheld } from './render/withheld.js';
export { renderReviewNote, type ReviewNoteInput } from './render/review-note.js';
export { findMarker, findMarkers, findReviewMarkers, markerFor, reviewMarkerFor, type ReviewOutcome } from './render/marker.js';
export { neutralise } from './render/neutralise.js';
export { budgetGroupKey, createBudget, createMemoryUsageStore, type Budget, type BudgetState, type BudgetStatus } from './budget.js';
export { createRedisUsageStore } from './budget-redis.js';
export { newCanary } from './canary.js';
