/**
 * The built-in grounded provider, the default: offline, deterministic, no
 * model. It composes each output kind from the gathered sources by fixed
 * templates, quoting the sources as data and citing them; it says when
 * sources are missing or contradict each other and infers nothing. Instructions
 * found in ticket text are quoted like any other text, never obeyed or
 * restated as its own words.
 *
 * Its answer goes through the same output guard as any model's.
 */
import type { AiOutput } from '../output-schema.js';
import type { GenerateResult, Provider, ProviderInput } from '../provider-types.js';
import { checklist, approvalReminder } from './checklists.js';
import { baselineComparison } from './comparison.js';
import { contextOf } from './context.js';
import { draft } from './drafts.js';
import { evidencePack, historyNote, summary } from './evidence.js';

export const BUILTIN_MODEL = 'grounded-templates-2';

export function composeOutput(input: ProviderInput): AiOutput {
  const ctx = contextOf(input);
  switch (input.operation.outputKind) {
    case 'evidence_pack':
      return evidencePack(ctx);
    case 'baseline_comparison':
      return baselineComparison(ctx);
    case 'draft':
      return draft(ctx);
    case 'approval_reminder':
      return approvalReminder(ctx);
    case 'checklist':
      return checklist(ctx);
    case 'summary':
      return summary(ctx);
    case 'history_note':
      return historyNote(ctx);
  }
}

export function createBuiltinProvider(): Provider {
  return {
    name: 'builtin',
    kind: 'builtin',
    model: BUILTIN_MODEL,
    generate(input: ProviderInput, options = {}): Promise<GenerateResult> {
      if (options.signal?.aborted === true) return Promise.reject(options.signal.reason as Error);
      const text = JSON.stringify(composeOutput(input));
      return Promise.resolve({ output: { text, truncated: false }, usage: { promptTokens: 0, completionTokens: 0 }, provider: 'builtin', model: BUILTIN_MODEL });
    },
  };
}
