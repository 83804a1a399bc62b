/**
 * The AI part of the runtime configuration: which provider, its settings,
 * the link allow-list for notes, what is masked before text leaves, guard
 * thresholds, token limits, prices and budgets. The lead wires this schema
 * into the runtime config; `parseAiConfig` validates and freezes it.
 *
 * Secrets are never in the file: the config names environment variables
 * (`apiKeyEnv`, `clientSecretEnv`), read at start-up, also from `<NAME>_FILE`
 * (../shared/reference/llm-security.md, "Secrets in our own sinks").
 */
import { z } from 'zod';
import { HandoffError } from '../errors.js';
import { formatIssues } from '../util/zod-issues.js';

/** Kinds of secret and personal data the masker knows. */
export const MASK_KINDS = ['password', 'api_key', 'token', 'private_key', 'connection_string', 'email', 'phone'] as const;
export const MaskKind = z.enum(MASK_KINDS);
export type MaskKind = z.infer<typeof MaskKind>;
/** Secrets: masked even for the built-in provider, so a pasted password is never copied into a note. */
export const SECRET_MASK_KINDS: readonly MaskKind[] = ['password', 'api_key', 'token', 'private_key', 'connection_string'];

const EnvName = z.string().regex(/^[A-Z_][A-Z0-9_]*$/, 'use an environment variable name such as AZURE_OPENAI_API_KEY');
const HttpUrl = z.url({ protocol: /^https?$/, error: 'use an http(s) URL' });
const Hostname = z.string().regex(/^(?:\*\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*$/, 'use a lowercase host name such as kb.example.com or *.example.com');

export const HttpOptions = z.strictObject({
  /** Per-attempt timeout, in milliseconds; default 60,000. */
  timeoutMs: z.number().int().min(100).max(600_000).default(60_000),
  /** Attempts per generate call, including the first; default 3. */
  maxAttempts: z.number().int().min(1).max(6).default(3),
  /** Longest wait for a 429 hint inside one call, in ms; longer hints go back to the queue as a delay. Default 20,000. */
  maxRetryWaitMs: z.number().int().min(0).max(300_000).default(20_000),
  /** First back-off for 5xx and network errors, in ms, doubled per attempt; default 500. */
  backoffMs: z.number().int().min(0).max(60_000).default(500),
});
export type HttpOptions = z.infer<typeof HttpOptions>;

/** Which request field caps output tokens: newer models take `max_completion_tokens`, older servers only `max_tokens`. */
const TokenLimitParam = z.enum(['max_completion_tokens', 'max_tokens']);

export const BuiltinProviderConfig = z.strictObject({ kind: z.literal('builtin') });

export const AzureApiKeyAuth = z.strictObject({
  type: z.literal('api-key'),
  /** Variable holding the key; sent as the `api-key` header. */
  apiKeyEnv: EnvName.default('AZURE_OPENAI_API_KEY'),
});
export const AzureEntraAuth = z.strictObject({
  type: z.literal('entra'),
  tenantId: z.string().min(1),
  clientId: z.string().min(1),
  /** Variable holding the app registration's client secret. */
  clientSecretEnv: EnvName.default('AZURE_OPENAI_CLIENT_SECRET'),
  /** Entra authority host; default the public cloud. Override for sovereign clouds and tests. */
  authorityHost: HttpUrl.default('https://login.microsoftonline.com'),
  /** The Azure OpenAI resource scope (Microsoft: "Authenticate with Microsoft Entra ID"). */
  scope: z.string().min(1).default('https://cognitiveservices.azure.com/.default'),
});

export const AzureOpenAiConfig = z.strictObject({
  kind: z.literal('azure-openai'),
  /** https://<resource>.openai.azure.com */
  endpoint: HttpUrl,
  deployment: z.string().regex(/^[A-Za-z0-9._-]+$/, 'a deployment name: letters, digits, . _ -'),
  apiVersion: z.string().regex(/^\d{4}-\d{2}-\d{2}(?:-preview)?$/, 'an API version such as 2024-10-21').default('2024-10-21'),
  /** The model behind the deployment, for attribution and prices; default the deployment name. */
  model: z.string().min(1).optional(),
  auth: z.discriminatedUnion('type', [AzureApiKeyAuth, AzureEntraAuth]),
  tokenLimitParam: TokenLimitParam.default('max_completion_tokens'),
  /** Sampling temperature; null leaves it to the deployment (reasoning models refuse it). Default 0. */
  temperature: z.number().min(0).max(2).nullable().default(0),
  http: HttpOptions.prefault({}),
});
export type AzureOpenAiConfig = z.infer<typeof AzureOpenAiConfig>;

export const OpenAiCompatibleConfig = z.strictObject({
  kind: z.literal('openai-compatible'),
  /** Base URL up to /v1: https://api.openai.com/v1, http://127.0.0.1:11434/v1 (Ollama), a vLLM server. */
  baseUrl: HttpUrl,
  model: z.string().min(1),
  /** Variable holding a bearer key; null for servers that need none. */
  apiKeyEnv: EnvName.nullable().default(null),
  tokenLimitParam: TokenLimitParam.default('max_tokens'),
  temperature: z.number().min(0).max(2).nullable().default(0),
  http: HttpOptions.prefault({}),
});
export type OpenAiCompatibleConfig = z.infer<typeof OpenAiCompatibleConfig>;

export const ProviderConfig = z.discriminatedUnion('kind', [BuiltinProviderConfig, AzureOpenAiConfig, OpenAiCompatibleConfig]);
export type ProviderConfig = z.infer<typeof ProviderConfig>;

export const BudgetCap = z.strictObject({
  /** Tokens (prompt + completion) per period; null for no token cap. */
  tokens: z.number().int().positive().nullable().default(null),
  /** Cost per period in the prices' currency; null for no cost cap. */
  cost: z.number().positive().nullable().default(null),
});
export type BudgetCap = z.infer<typeof BudgetCap>;

export const AiConfig = z.strictObject({
  provider: ProviderConfig.default({ kind: 'builtin' }),
  links: z
    .strictObject({
      /** Hosts whose links stay live in notes (`*.example.com` covers subdomains); all others are defanged. */
      allowedHosts: z.array(Hostname).default([]),
    })
    .prefault({}),
  masking: z
    .strictObject({
      /** Masked before text leaves for an external provider. */
      external: z.array(MaskKind).default([...MASK_KINDS]),
      /** Masked for the built-in provider too, so the note never copies them. */
      builtin: z.array(MaskKind).default([...SECRET_MASK_KINDS]),
    })
    .prefault({}),
  guard: z
    .strictObject({
      /** Share of statements the guard may remove before it rejects the whole output; default 0.25. */
      maxRemovedFraction: z.number().min(0).max(1).default(0.25),
    })
    .prefault({}),
  tokens: z
    .strictObject({
      /** Output token cap per generate call; default 2,000. */
      maxOutputTokens: z.number().int().min(64).max(32_000).default(2000),
      /** Caps per operation id, overriding the default. */
      perOperation: z.record(z.string(), z.number().int().min(64).max(32_000)).default({}),
    })
    .prefault({}),
  /** Prices per 1,000 tokens by model name; a model without a price costs 0 (and the accounting says so). */
  prices: z.record(z.string(), z.strictObject({ promptPer1k: z.number().min(0), completionPer1k: z.number().min(0) })).default({}),
  budgets: z
    .strictObject({
      period: z.enum(['day', 'month']).default('month'),
      /** Share of a cap at which the state turns `warning`; default 0.8. */
      warnAt: z.number().gt(0).max(1).default(0.8),
      /** Cap for groups not listed; null for none. */
      default: BudgetCap.nullable().default(null),
      /** Caps by assignment group name. */
      groups: z.record(z.string(), BudgetCap).default({}),
    })
    .prefault({}),
});
export type AiConfig = z.infer<typeof AiConfig>;
export type AiConfigInput = z.input<typeof AiConfig>;

/** Validates and freezes the AI config; a bad key or value is CONFIG_INVALID naming it. */
export function parseAiConfig(input: unknown, file = 'ai config'): AiConfig {
  const result = AiConfig.safeParse(input ?? {});
  if (!result.success) {
    const lines = formatIssues(file, result.error);
    throw new HandoffError('CONFIG_INVALID', `invalid AI configuration:\n${lines.join('\n')}`, { details: { file, issues: lines } });
  }
  return deepFreeze(result.data);
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    for (const member of Object.values(value)) deepFreeze(member);
    Object.freeze(value);
  }
  return value;
}
