/**
 * Microsoft Entra ID tokens for Azure OpenAI, by the client credentials flow
 * of @azure/msal-node: `ConfidentialClientApplication` and
 * `acquireTokenByClientCredential({ scopes: ["https://cognitiveservices.azure.com/.default"] })`
 * (Microsoft, "Authenticate with Microsoft Entra ID" for Azure OpenAI).
 * msal caches the token and renews it before it expires; after a 401 the
 * provider asks for a fresh one once (`skipCache`).
 *
 * The authority host is configurable (sovereign clouds, tests). A host that
 * is not one of Microsoft's is given to msal as a known authority, so msal
 * reads its OpenID configuration from it instead of validating it against
 * the public cloud's instance discovery.
 */
import { ConfidentialClientApplication, LogLevel } from '@azure/msal-node';
import { HandoffError } from '../../errors.js';

export interface EntraOptions {
  readonly tenantId: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly authorityHost: string;
  readonly scope: string;
}

export interface TokenSource {
  token(): Promise<string>;
  /** The next `token()` skips the cache. */
  invalidate(): void;
}

const MICROSOFT_HOSTS = /^login\.(?:microsoftonline\.(?:com|us)|chinacloudapi\.cn|partner\.microsoftonline\.cn|microsoft\.com)$/;

export function createEntraTokenSource(options: EntraOptions): TokenSource {
  const host = new URL(options.authorityHost).host;
  const app = new ConfidentialClientApplication({
    auth: {
      clientId: options.clientId,
      clientSecret: options.clientSecret,
      authority: `${options.authorityHost.replace(/\/+$/, '')}/${encodeURIComponent(options.tenantId)}`,
      ...(MICROSOFT_HOSTS.test(host) ? {} : { knownAuthorities: [host] }),
    },
    // msal logs nothing of ours: no PII, errors only, and no callback that could reach a sink.
    system: { loggerOptions: { piiLoggingEnabled: false, logLevel: LogLevel.Error, loggerCallback: () => undefined } },
  });
  let skipCache = false;
  return {
    async token(): Promise<string> {
      const fresh = skipCache;
      skipCache = false;
      let result;
      try {
        result = await app.acquireTokenByClientCredential({ scopes: [options.scope], skipCache: fresh });
      } catch (error) {
        throw tokenError(error);
      }
      if (result === null || result.accessToken === '') {
        throw new HandoffError('AI_PROVIDER_REFUSED', 'Entra ID returned no access token for the Azure OpenAI scope', { remedy: 'check the app registration and its role on the Azure OpenAI resource' });
      }
      return result.accessToken;
    },
    invalidate(): void {
      skipCache = true;
    },
  };
}

/** msal errors carry an `errorCode` (`invalid_client`, `unauthorized_client`, network codes); only that is kept. */
function tokenError(error: unknown): HandoffError {
  const code = typeof (error as { errorCode?: unknown }).errorCode === 'string' ? (error as { errorCode: string }).errorCode : 'unknown';
  const network = /network|timeout|endpoints_resolution|ECONN|ENOTFOUND/i.test(code) || /network|ECONN|ENOTFOUND|timed out/i.test(error instanceof Error ? error.message : '');
  if (network) {
    return new HandoffError('AI_PROVIDER_FAILED', `Entra ID could not be reached for a token (${code})`, { details: { errorCode: code } });
  }
  return new HandoffError('AI_PROVIDER_REFUSED', `Entra ID refused the client credentials (${code})`, {
    details: { errorCode: code },
    remedy: 'check the tenant id, client id and client secret of the Azure OpenAI app registration',
  });
}
