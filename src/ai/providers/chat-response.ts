/**
 * Reads a chat completions answer (OpenAI and Azure OpenAI share the shape:
 * `choices[0].message.content`, `finish_reason`, `usage`). Shapes from the
 * OpenAI API reference ("The chat completion object") and Azure OpenAI's
 * content filtering documentation:
 *
 * - `finish_reason`: `stop` (done), `length` (cut at the token limit: the
 *   guard rejects it as truncated), `content_filter` (Azure withheld the
 *   completion), `tool_calls`/`function_call` (we offer no tools).
 * - `message.refusal`: the model declined under structured outputs.
 * - Azure adds `prompt_filter_results[]` and per-choice
 *   `content_filter_results` with `{ filtered, severity }` per category.
 * - A filtered prompt is not a 200: Azure answers 400 with
 *   `error.code: "content_filter"` and `innererror.code:
 *   "ResponsibleAIPolicyViolation"` and `innererror.content_filter_result`.
 *
 * Only codes and category names are carried into errors, never message text
 * or content: a provider's message can echo the prompt.
 */
import { HandoffError } from '../../errors.js';
import type { RawOutput } from '../guard/types.js';
import type { Usage } from '../provider-types.js';

export interface ParsedAnswer {
  readonly output: RawOutput;
  readonly usage: Usage;
  readonly model: string | null;
}

type Json = Record<string, unknown>;
const obj = (v: unknown): Json | null => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : null);

export function parseAnswer(provider: string, body: unknown): ParsedAnswer {
  const root = obj(body);
  const choices = root?.choices;
  const choice = Array.isArray(choices) ? obj(choices[0]) : null;
  if (root === null || choice === null) {
    throw new HandoffError('AI_PROVIDER_FAILED', `${provider} answered 200 without a chat completion (no choices)`, { retryable: false });
  }
  const finish = typeof choice.finish_reason === 'string' ? choice.finish_reason : null;
  const message = obj(choice.message);
  const promptResults = Array.isArray(root.prompt_filter_results) ? (root.prompt_filter_results as unknown[]) : [];
  const filtered = [...filteredCategories(choice.content_filter_results), ...promptResults.flatMap((r) => filteredCategories(obj(r)?.content_filter_results))];
  if (finish === 'content_filter' || filtered.length > 0) {
    throw refused(provider, 'the content filter withheld the completion (finish_reason "content_filter")', { finishReason: finish, categories: filtered });
  }
  if (message !== null && typeof message.refusal === 'string' && message.refusal !== '') {
    throw refused(provider, 'the model refused to answer (message.refusal)', { finishReason: finish });
  }
  if (finish === 'tool_calls' || finish === 'function_call') {
    throw new HandoffError('AI_OUTPUT_INVALID', `${provider} answered with a tool call; no tools are offered`, { details: { finishReason: finish } });
  }
  const content = message !== null && typeof message.content === 'string' ? message.content : '';
  const usage = obj(root.usage);
  return {
    output: { text: content, truncated: finish === 'length' },
    usage: { promptTokens: count(usage?.prompt_tokens), completionTokens: count(usage?.completion_tokens) },
    model: typeof root.model === 'string' && root.model !== '' ? root.model : null,
  };
}

/** The error an HTTP error body means; content-filter refusals are never retried. */
export function errorFromBody(provider: string, status: number, body: unknown): HandoffError {
  const error = obj(obj(body)?.error) ?? obj(body);
  const code = typeof error?.code === 'string' ? error.code : typeof error?.code === 'number' ? String(error.code) : null;
  const type = typeof error?.type === 'string' ? error.type : null;
  const inner = obj(error?.innererror);
  const innerCode = typeof inner?.code === 'string' ? inner.code : null;
  const details = { status, ...(code === null ? {} : { code }), ...(type === null ? {} : { type }), ...(innerCode === null ? {} : { innerCode }) };
  if (code === 'content_filter' || innerCode === 'ResponsibleAIPolicyViolation' || code === 'content_policy_violation') {
    return refused(provider, 'the content filter refused the prompt', { ...details, categories: filteredCategories(inner?.content_filter_result) });
  }
  const what = [code, type].filter((v) => v !== null).join(', ');
  return refused(provider, `${provider} refused the request with ${status}${what === '' ? '' : ` (${what})`}`, details);
}

/** Names of the categories an Azure content filter result marks filtered or detected-and-filtered. */
export function filteredCategories(result: unknown): string[] {
  const categories = obj(result);
  if (categories === null) return [];
  return Object.entries(categories)
    .filter(([, value]) => obj(value)?.filtered === true)
    .map(([name]) => name)
    .sort();
}

function refused(provider: string, message: string, details: Record<string, unknown>): HandoffError {
  return new HandoffError('AI_PROVIDER_REFUSED', message.startsWith(provider) ? message : `${provider}: ${message}`, {
    details,
    remedy: 'nothing was written; the request is not retried. Check the ticket content or the deployment content filter configuration',
  });
}

function count(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? Math.round(value) : 0;
}
