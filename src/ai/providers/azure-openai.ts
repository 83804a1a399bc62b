/**
 * Azure OpenAI chat completions: `POST {endpoint}/openai/deployments/{deployment}/chat/completions?api-version={version}`,
 * authenticated by an Entra ID bearer token (client credentials) or the
 * resource's `api-key` header (Microsoft, "Azure OpenAI in Azure AI Foundry
 * Models REST API reference").
 */
import type { AzureOpenAiConfig } from '../config.js';
import type { Provider } from '../provider-types.js';
import { createChatProvider, type ChatProviderDeps } from './chat-provider.js';
import { createEntraTokenSource, type TokenSource } from './entra-token.js';
import { readSecret, type Env } from './secret-env.js';

export interface AzureDeps extends ChatProviderDeps {
  readonly env?: Env;
  /** Overrides the Entra token source (tests of the HTTP layer alone). */
  readonly tokens?: TokenSource;
}

export function azureChatUrl(config: AzureOpenAiConfig): string {
  const base = config.endpoint.replace(/\/+$/, '');
  return `${base}/openai/deployments/${encodeURIComponent(config.deployment)}/chat/completions?api-version=${encodeURIComponent(config.apiVersion)}`;
}

export function createAzureOpenAiProvider(config: AzureOpenAiConfig, deps: AzureDeps = {}): Provider {
  const env = deps.env ?? process.env;
  const auth = config.auth;
  let headers: () => Promise<Record<string, string>>;
  let onUnauthorized: (() => boolean) | undefined;
  if (auth.type === 'api-key') {
    const key = readSecret(env, auth.apiKeyEnv);
    headers = () => Promise.resolve({ 'api-key': key });
  } else {
    const tokens =
      deps.tokens ??
      createEntraTokenSource({ tenantId: auth.tenantId, clientId: auth.clientId, clientSecret: readSecret(env, auth.clientSecretEnv), authorityHost: auth.authorityHost, scope: auth.scope });
    headers = async () => ({ authorization: `Bearer ${await tokens.token()}` });
    onUnauthorized = () => {
      tokens.invalidate();
      return true;
    };
  }
  return createChatProvider(
    {
      name: 'azure-openai',
      url: azureChatUrl(config),
      model: config.model ?? config.deployment,
      bodyModel: null,
      tokenLimitParam: config.tokenLimitParam,
      temperature: config.temperature,
      http: config.http,
      headers,
      ...(onUnauthorized === undefined ? {} : { onUnauthorized }),
    },
    deps,
  );
}
