/**
 * Microsoft Entra ID tokens for ServiceNow, through msal-node's
 * `ConfidentialClientApplication.acquireTokenByClientCredential` (client
 * secret, app-only). ServiceNow validates the bearer JWT when an OIDC provider
 * is configured; the token's `aud` must equal the Client ID configured there
 * (../shared/reference/servicenow.md, "Authentication"), so the scope comes
 * from config: `api://<app>/.default`.
 *
 * The authority is `https://<host>/<tenant>`; the host defaults to
 * login.microsoftonline.com, whose metadata msal carries built in. Another
 * host (a sovereign cloud, a test authority) is listed in `knownAuthorities`,
 * which makes msal skip Microsoft's instance discovery and read the host's own
 * `/<tenant>/v2.0/.well-known/openid-configuration`. msal requires https.
 *
 * A token is reused until 60 s before it expires. After a 401 the next call
 * skips msal's cache: a token may be single-use when the instance checks JTIs.
 */
import { ConfidentialClientApplication, LogLevel } from '@azure/msal-node';
import { HandoffError } from '../../../src/errors.js';
import type { Logger } from '../../../src/util/log.js';
import { registerSecret } from '../../../src/util/secrets.js';
import type { AuthProvider } from './auth-provider.js';

export const DEFAULT_AUTHORITY_HOST = 'login.microsoftonline.com';

export interface EntraOptions {
  readonly tenantId: string;
  readonly clientId: string;
  readonly clientSecret: string;
  /** e.g. `api://<app id>/.default`. */
  readonly scope: string;
  /** Host (and port) of the authority. Default login.microsoftonline.com. */
  readonly authorityHost?: string;
  /** Deadline of one token request, in ms. */
  readonly timeoutMs: number;
  readonly log: Logger;
  readonly now?: () => number;
  /** Seconds before expiry a token is renewed. Default 60. */
  readonly refreshMarginSeconds?: number;
}

/** msal error codes that mean the authority could not be reached (retryable), not a refusal. */
const NETWORK_ERROR_CODES: readonly string[] = ['network_error', 'endpoints_resolution_error', 'openid_config_error', 'no_network_connectivity'];

export function createEntraAuth(options: EntraOptions): AuthProvider {
  const { tenantId, clientId, clientSecret, scope, timeoutMs, log } = options;
  const now = options.now ?? Date.now;
  const marginMs = (options.refreshMarginSeconds ?? 60) * 1000;
  const host = options.authorityHost ?? DEFAULT_AUTHORITY_HOST;
  registerSecret(clientSecret);

  const app = new ConfidentialClientApplication({
    auth: {
      clientId,
      clientSecret,
      authority: `https://${host}/${tenantId}`,
      ...(host === DEFAULT_AUTHORITY_HOST ? {} : { knownAuthorities: [host] }),
    },
    system: {
      loggerOptions: {
        piiLoggingEnabled: false,
        logLevel: LogLevel.Warning,
        // msal's own lines go through our logger, which scrubs secrets.
        loggerCallback: (_level, message) => log.debug('msal', { message }),
      },
    },
  });

  let token: { readonly header: string; readonly renewAt: number } | null = null;
  let skipCache = false;
  let inFlight: Promise<{ header: string; renewAt: number }> | null = null;

  const acquire = async (): Promise<{ header: string; renewAt: number }> => {
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        reject(new HandoffError('SN_TIMEOUT', `Entra ID token request to ${host} did not answer within ${timeoutMs} ms`, { details: { operation: 'token', authorityHost: host } }));
      }, timeoutMs);
    });
    try {
      const result = await Promise.race([app.acquireTokenByClientCredential({ scopes: [scope], skipCache }), deadline]);
      if (result === null || result.accessToken === '') {
        throw new HandoffError('SN_AUTH_FAILED', `Entra ID returned no token for scope ${scope}`, { details: { operation: 'token', authorityHost: host } });
      }
      registerSecret(result.accessToken);
      skipCache = false;
      const expiresAt = result.expiresOn?.getTime() ?? now() + 300_000;
      const lifetimeMs = Math.max(0, expiresAt - now());
      log.debug('Entra ID token obtained', { authorityHost: host, expiresInSeconds: Math.round(lifetimeMs / 1000) });
      return { header: `Bearer ${result.accessToken}`, renewAt: now() + Math.max(lifetimeMs - marginMs, lifetimeMs / 2) };
    } catch (error) {
      if (error instanceof HandoffError) throw error;
      throw entraError(error, host, scope);
    } finally {
      clearTimeout(timer);
    }
  };

  return {
    kind: 'entra',
    async authorization() {
      if (token === null || now() >= token.renewAt) {
        inFlight ??= acquire().finally(() => {
          inFlight = null;
        });
        token = await inFlight;
      }
      return token.header;
    },
    unauthorized() {
      token = null;
      skipCache = true;
      return true;
    },
  };
}

function entraError(error: unknown, host: string, scope: string): HandoffError {
  const code = typeof (error as { errorCode?: unknown } | null)?.errorCode === 'string' ? (error as { errorCode: string }).errorCode : 'unknown';
  const network = NETWORK_ERROR_CODES.includes(code);
  return new HandoffError(network ? 'SN_NETWORK' : 'SN_AUTH_FAILED', `Entra ID token request to ${host} failed (${code})`, {
    details: { operation: 'token', authorityHost: host, msalCode: code },
    cause: error,
    remedy: network
      ? 'check SN_ENTRA_AUTHORITY_HOST and the network path to it'
      : `check SN_ENTRA_TENANT_ID, SN_ENTRA_CLIENT_ID, SN_ENTRA_CLIENT_SECRET and that the app may request ${scope}`,
  });
}
