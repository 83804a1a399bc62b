/**
 * Any OpenAI-compatible chat completions endpoint by base URL: OpenAI
 * (`https://api.openai.com/v1`), or a local server such as Ollama
 * (`http://127.0.0.1:11434/v1`) or vLLM. The bearer key is optional (local
 * servers need none). Servers that do not enforce `json_schema` still get
 * the schema; the guard validates whatever comes back.
 */
import type { OpenAiCompatibleConfig } from '../config.js';
import type { Provider } from '../provider-types.js';
import { createChatProvider, type ChatProviderDeps } from './chat-provider.js';
import { readSecret, type Env } from './secret-env.js';

export interface OpenAiCompatibleDeps extends ChatProviderDeps {
  readonly env?: Env;
}

export function createOpenAiCompatibleProvider(config: OpenAiCompatibleConfig, deps: OpenAiCompatibleDeps = {}): Provider {
  const key = config.apiKeyEnv === null ? null : readSecret(deps.env ?? process.env, config.apiKeyEnv);
  return createChatProvider(
    {
      name: 'openai-compatible',
      url: `${config.baseUrl.replace(/\/+$/, '')}/chat/completions`,
      model: config.model,
      bodyModel: config.model,
      tokenLimitParam: config.tokenLimitParam,
      temperature: config.temperature,
      http: config.http,
      headers: () => Promise.resolve(key === null ? {} : { authorization: `Bearer ${key}` }),
    },
    deps,
  );
}
