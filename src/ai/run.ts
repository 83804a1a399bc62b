/**
 * One AI step of a hand-off, end to end inside src/ai: mask, generate,
 * guard. The flow (src/handoff) calls `runOperation` with the gathered
 * sources and gets back the guard's verdict, the usage and everything the
 * note needs; rendering (`renderNote`) and writing stay with the flow.
 *
 * - What leaves the process is masked first (external providers: every kind
 *   the config names; the built-in provider: secrets, so a pasted password is
 *   never quoted into a note). The guard checks the output against the same
 *   masked sources the provider saw; nothing is unmasked.
 * - A fresh canary per call goes into the prompt; the guard rejects an
 *   output that carries it.
 * - With a budget, an external call for a group whose budget is spent is
 *   refused (AI_BUDGET_EXCEEDED) before anything leaves; every call's tokens
 *   and cost are recorded per hand-off and per group.
 * - Provider failures throw HandoffError (AI_PROVIDER_*); a guard rejection
 *   is returned, and `rejectionError` turns it into the error to fail the
 *   job with.
 */
import { HandoffError } from '../errors.js';
import { digestOf } from '../util/canonical-json.js';
import type { Logger } from '../util/log.js';
import type { Budget, BudgetStatus } from './budget.js';
import { newCanary as defaultCanary } from './canary.js';
import type { AiConfig } from './config.js';
import { guardOutput } from './guard/guard.js';
import type { GuardResult, Rejection } from './guard/types.js';
import { createMasker, maskSourceSet, type MaskRecord } from './mask.js';
import type { Provider, ProviderInput, ProviderOperation, TicketSummary, Usage } from './provider.js';
import type { NoteFlags } from './render/note.js';
import type { SourceSet } from './sources.js';
import { addressesTheAi } from './text/instructions.js';
import { sanitise } from './text/unicode.js';
import { memoByText } from '../util/text-memo.js';

/** Whether a source's text addresses the AI, for recent texts (a pure function; the same texts come with each of a ticket's hand-offs). */
const textAddressesTheAi = memoByText(addressesTheAi);

export interface RunDeps {
  readonly provider: Provider;
  readonly config: AiConfig;
  /** Accounting and caps; without it nothing is counted or capped. */
  readonly budget?: Budget;
  readonly log?: Logger;
  /** Canary source; tests pass a fixed one. */
  readonly newCanary?: () => string;
}

export interface RunRequest {
  readonly handoffId: string;
  readonly operation: ProviderOperation;
  readonly ticket: TicketSummary;
  readonly sources: SourceSet;
  /** The operator's note from the request (untrusted). */
  readonly note: string | null;
  readonly approval: ProviderInput['approval'];
  /** The ticket's assignment group, for per-group accounting and caps; null when unknown. */
  readonly group?: string | null;
}

export interface RunOutcome {
  readonly verdict: GuardResult;
  /** Digest of the accepted output: an approval binds to exactly this. Null when rejected. */
  readonly outputDigest: string | null;
  /** The sources as the provider saw them (masked): render the note from these. */
  readonly sources: SourceSet;
  readonly masking: MaskRecord;
  /** For the note's flag line. */
  readonly flags: NoteFlags;
  readonly usage: Usage;
  readonly provider: string;
  readonly model: string;
  /** Cost of this call in the price currency; 0 and `priced: false` when the model has no price. */
  readonly cost: { readonly amount: number; readonly priced: boolean };
  /** The group's budget after this call; null without a budget or a group. */
  readonly budget: BudgetStatus | null;
}

export async function runOperation(deps: RunDeps, request: RunRequest, options: { signal?: AbortSignal } = {}): Promise<RunOutcome> {
  const { provider, config } = deps;
  const masker = createMasker(provider.kind === 'external' ? config.masking.external : config.masking.builtin);
  const sources = maskSourceSet(request.sources, masker);
  const note = request.note === null ? null : masker.mask(sanitise(request.note).text);
  const canary = (deps.newCanary ?? defaultCanary)();
  const maxOutputTokens = config.tokens.perOperation[request.operation.id] ?? config.tokens.maxOutputTokens;
  const group = request.group ?? null;
  // Only calls that spend tokens are capped; the built-in provider costs nothing.
  if (deps.budget !== undefined && group !== null && provider.kind === 'external') await deps.budget.assertAvailable(group);

  const result = await provider.generate(
    { operation: request.operation, ticket: request.ticket, sources, note, canary, maxOutputTokens, approval: request.approval },
    options.signal === undefined ? {} : { signal: options.signal },
  );
  const recorded = deps.budget === undefined ? null : await deps.budget.record({ handoffId: request.handoffId, group, model: result.model in config.prices ? result.model : provider.model, usage: result.usage });
  const verdict = guardOutput(result.output, { kind: request.operation.outputKind, sources, canary, maxRemovedFraction: config.guard.maxRemovedFraction });
  const masking = masker.record();
  // Field by field: sentences never span a line break (text/instructions.ts), so this is the answer for the
  // fields joined by line breaks, without building and hashing that text for every source of every hand-off.
  const instructionSources = sources.sources.filter((s) => s.fields.some((f) => textAddressesTheAi(f.value))).map((s) => s.id);

  deps.log?.info('ai output guarded', {
    handoff: request.handoffId,
    operation: request.operation.id,
    provider: result.provider,
    model: result.model,
    ok: verdict.ok,
    ...(verdict.ok ? {} : { rejected: verdict.rejected.kind }),
    removed: verdict.removed.length,
    masked: masking.occurrences,
    promptTokens: result.usage.promptTokens,
    completionTokens: result.usage.completionTokens,
  });

  return {
    verdict,
    outputDigest: verdict.ok ? digestOf(verdict.output) : null,
    sources,
    masking,
    flags: { masked: masking.counts, instructionSources },
    usage: result.usage,
    provider: result.provider,
    model: result.model,
    cost: { amount: recorded?.cost ?? 0, priced: recorded?.priced ?? false },
    budget: recorded?.status ?? null,
  };
}

const INVALID: ReadonlySet<Rejection['kind']> = new Set(['not_json', 'schema', 'truncated', 'oversize']);

/** The error a rejected output fails its job with: AI_OUTPUT_INVALID for shape, AI_OUTPUT_REJECTED for content. */
export function rejectionError(rejected: Rejection): HandoffError {
  const code = INVALID.has(rejected.kind) ? 'AI_OUTPUT_INVALID' : 'AI_OUTPUT_REJECTED';
  return new HandoffError(code, `the output guard rejected the AI output (${rejected.kind}): ${rejected.reason}`, {
    details: { kind: rejected.kind, ...(rejected.path === undefined ? {} : { path: rejected.path }) },
    remedy: 'nothing was written; run the operation again, or review the sources the rejection names',
  });
}
