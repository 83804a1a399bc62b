/**
 * The types a provider and its callers share: what a provider is given and
 * what it returns. Kept apart from `createProvider` (provider.ts), which
 * imports every provider: the providers import these types from here, so no
 * provider module imports the module that imports it.
 */
import type { BlockedAction, OutputKind } from '../domain/operation.js';
import type { ApproverRole, TicketType } from '../domain/ticket.js';
import type { RawOutput } from './guard/types.js';
import type { SourceSet } from './sources.js';

export type ProviderKind = 'builtin' | 'external';

export interface ProviderOperation {
  readonly id: string;
  readonly title: string;
  readonly outputKind: OutputKind;
  /** The catalog's words for what the operation produces. */
  readonly expectedOutput: string;
  readonly stopConditions: readonly string[];
  readonly blockedActions: readonly BlockedAction[];
}

/** What is known for certain about the ticket (from the mapping, not from its text). */
export interface TicketSummary {
  readonly number: string;
  readonly type: TicketType;
  readonly table: string;
}

export interface ProviderInput {
  readonly operation: ProviderOperation;
  readonly ticket: TicketSummary;
  readonly sources: SourceSet;
  /** The operator's note from the request: untrusted, like ticket text. */
  readonly note: string | null;
  /** This hand-off's canary (canary.ts). */
  readonly canary: string;
  /** Output token cap for this call. */
  readonly maxOutputTokens: number;
  /** Whether the output needs approval before use, and by which role (policy's decision). */
  readonly approval: { readonly required: boolean; readonly role: ApproverRole | null };
}

export interface Usage {
  readonly promptTokens: number;
  readonly completionTokens: number;
}

export interface GenerateResult {
  readonly output: RawOutput;
  readonly usage: Usage;
  /** Provider name for attribution: `builtin`, `azure-openai`, `openai-compatible`. */
  readonly provider: string;
  /** The model that answered, as the provider reports it. */
  readonly model: string;
}

export interface GenerateOptions {
  readonly signal?: AbortSignal;
}

export interface Provider {
  readonly name: string;
  readonly kind: ProviderKind;
  /** The configured model (what attribution and prices use before an answer names one). */
  readonly model: string;
  generate(input: ProviderInput, options?: GenerateOptions): Promise<GenerateResult>;
}

