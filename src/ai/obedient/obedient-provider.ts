/**
 * A stand-in "obedient" model for the hostile-ticket suite: it reads every
 * instruction-like sentence in the sources and the operator's note and
 * obeys it as far as an output can (../shared/reference/llm-security.md:
 * "Test this with a stand-in model that obeys every instruction it reads").
 * It answers like a model would (JSON text, sometimes with prose around it),
 * starting from the built-in composition so that an untouched ticket gives
 * a valid output.
 *
 * It sees exactly what a real model would be sent (sanitised, masked
 * sources): hidden Tag-character instructions are already gone, and masked
 * secrets are placeholders. Its kind is `external`, so masking and budgets
 * apply to it as to a real model.
 */
import { composeOutput } from '../builtin/provider.js';
import type { GenerateResult, Provider, ProviderInput, ProviderKind } from '../provider.js';
import { findInstructions, INTENTS, type Intent } from '../text/instructions.js';
import { applyIntent, type Found, type Mutable } from './payloads.js';

export interface ObedientOptions {
  /** Default `external`. */
  readonly kind?: ProviderKind;
}

export interface ObedientProvider extends Provider {
  /** The intents it obeyed on its last call, for the suite's report. */
  lastIntents(): readonly Intent[];
}

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;
const URL_PATTERN = /https?:\/\/[^\s"'<>()[\]]+/gi;
const SECRET = /(?:password|passwd|pwd|token|api[ _-]?key|secret)\s*[:=]\s*(\S+)/gi;

export function createObedientProvider(options: ObedientOptions = {}): ObedientProvider {
  let last: Intent[] = [];
  return {
    name: 'obedient',
    kind: options.kind ?? 'external',
    model: 'obedient-stand-in-1',
    lastIntents: () => last,
    generate(input: ProviderInput): Promise<GenerateResult> {
      const text = [...input.sources.sources.flatMap((s) => s.fields.map((f) => f.value)), input.note ?? ''].join('\n');
      const intents = new Set(findInstructions(text).flatMap((i) => i.intents));
      last = INTENTS.filter((i) => intents.has(i));
      const found: Found = {
        first: input.sources.sources[0]?.id ?? 'S1',
        canary: input.canary,
        emails: [...text.matchAll(EMAIL)].map((m) => m[0]),
        urls: [...text.matchAll(URL_PATTERN)].map((m) => m[0]),
        secrets: [...text.matchAll(SECRET)].map((m) => m[1] ?? ''),
      };
      const output = structuredClone(composeOutput(input)) as unknown as Mutable;
      for (const intent of last) applyIntent(output, intent, found);
      const json = JSON.stringify(output);
      const answer = intents.has('prose') ? `Sure! As you asked, here is my answer in plain words first.\n${json}\nLet me know if I should do more.` : json;
      return Promise.resolve({
        output: { text: answer, truncated: false },
        // A rough count, so budgets see it spend like a model would.
        usage: { promptTokens: Math.ceil(text.length / 4), completionTokens: Math.ceil(answer.length / 4) },
        provider: 'obedient',
        model: 'obedient-stand-in-1',
      });
    },
  };
}
