/**
 * OAuth through the instance's own token endpoint, `POST /oauth_token.do`,
 * form-encoded (../shared/reference/servicenow.md, "Authentication"):
 *
 * - `password` grant: client id and secret plus the integration user's name
 *   and password; the answer carries a refresh token (valid 100 days by
 *   default), used before falling back to the password again.
 * - `client_credentials` grant: client id and secret only (newer releases,
 *   off until an admin enables it; calls run as the client's configured user).
 *
 * Access tokens last 1,800 s by default; one is reused until 60 s before it
 * expires, and concurrent callers share one token request. After a 401 the
 * cached access token is dropped and the next call fetches a new one.
 */
import { z } from 'zod';
import { HandoffError } from '../../../src/errors.js';
import type { Logger } from '../../../src/util/log.js';
import { registerSecret } from '../../../src/util/secrets.js';
import type { Transport } from '../http-transport.js';
import { codeForStatus, errorMessageOf } from '../sn-errors.js';
import type { AuthProvider } from './auth-provider.js';

export type OAuthGrant =
  | { readonly type: 'password'; readonly username: string; readonly password: string }
  | { readonly type: 'client_credentials' };

export interface OAuthOptions {
  readonly transport: Transport;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly grant: OAuthGrant;
  readonly log: Logger;
  readonly now?: () => number;
  /** Seconds before expiry a token is renewed. Default 60. */
  readonly refreshMarginSeconds?: number;
}

/** ServiceNow's default access-token lifetime, in seconds, used when an answer omits `expires_in`. */
const DEFAULT_LIFETIME_SECONDS = 1800;

// The token endpoint's answer is someone else's format: unknown keys are
// allowed (and dropped), unlike our own config, which is strict at every depth.
const TokenAnswer = z.object({
  access_token: z.string().min(1),
  refresh_token: z.string().min(1).optional(),
  expires_in: z.union([z.number(), z.string().regex(/^\d+$/).transform(Number)]).optional(),
  token_type: z.string().optional(),
});

interface Token {
  readonly accessToken: string;
  /** When to fetch the next one: `margin` before expiry, or half-way for short-lived tokens. */
  readonly renewAt: number;
}

export function createOAuthAuth(options: OAuthOptions): AuthProvider {
  const { transport, clientId, clientSecret, grant, log } = options;
  const now = options.now ?? Date.now;
  const marginMs = (options.refreshMarginSeconds ?? 60) * 1000;
  registerSecret(clientSecret);
  if (grant.type === 'password') registerSecret(grant.password);

  let token: Token | null = null;
  let refreshToken: string | null = null;
  let inFlight: Promise<Token> | null = null;

  const request = async (form: Record<string, string>, signal?: AbortSignal): Promise<Token> => {
    const response = await transport.send({
      method: 'POST',
      path: '/oauth_token.do',
      headers: () => Promise.resolve({}),
      body: new URLSearchParams({ ...form, client_id: clientId, client_secret: clientSecret }).toString(),
      contentType: 'application/x-www-form-urlencoded',
      idempotent: true,
      context: { operation: 'token' },
      ...(signal === undefined ? {} : { signal }),
    });
    if (response.status !== 200) {
      const sn = errorMessageOf(response.body);
      const said = sn.message === undefined ? '' : `: ${sn.message}${sn.detail === undefined ? '' : ` (${sn.detail})`}`;
      const code = [400, 401, 403].includes(response.status) ? 'SN_AUTH_FAILED' : codeForStatus(response.status);
      throw new HandoffError(code, `ServiceNow token request (${form.grant_type}) answered ${response.status}${said}`, {
        details: { operation: 'token', grant: form.grant_type, status: response.status, ...(sn.message === undefined ? {} : { snMessage: sn.message }) },
        remedy: 'check SN_CLIENT_ID, SN_CLIENT_SECRET (and SN_USERNAME, SN_PASSWORD for the password grant), and that the grant is enabled for the OAuth client',
      });
    }
    let parsed: z.infer<typeof TokenAnswer>;
    try {
      parsed = TokenAnswer.parse(JSON.parse(response.body));
    } catch {
      throw new HandoffError('SN_BAD_RESPONSE', `ServiceNow token request (${form.grant_type}) answered 200 without an access token`, {
        details: { operation: 'token', grant: form.grant_type },
        remedy: 'check SN_INSTANCE_URL points at the instance and that OAuth is enabled on it',
      });
    }
    registerSecret(parsed.access_token);
    if (parsed.refresh_token !== undefined) {
      registerSecret(parsed.refresh_token);
      refreshToken = parsed.refresh_token;
    }
    const lifetime = parsed.expires_in ?? DEFAULT_LIFETIME_SECONDS;
    log.debug('ServiceNow OAuth token obtained', { grant: form.grant_type, expiresInSeconds: lifetime });
    const lifetimeMs = lifetime * 1000;
    return { accessToken: parsed.access_token, renewAt: now() + Math.max(lifetimeMs - marginMs, lifetimeMs / 2) };
  };

  const primary = (signal?: AbortSignal): Promise<Token> =>
    grant.type === 'password'
      ? request({ grant_type: 'password', username: grant.username, password: grant.password }, signal)
      : request({ grant_type: 'client_credentials' }, signal);

  const obtain = async (signal?: AbortSignal): Promise<Token> => {
    if (refreshToken !== null) {
      try {
        return await request({ grant_type: 'refresh_token', refresh_token: refreshToken }, signal);
      } catch (error) {
        // An expired or revoked refresh token: forget it and use the grant itself.
        if (!(error instanceof HandoffError) || error.code !== 'SN_AUTH_FAILED') throw error;
        refreshToken = null;
        log.info('ServiceNow refresh token refused; requesting a new token', { grant: grant.type });
      }
    }
    return primary(signal);
  };

  const fresh = (t: Token | null): t is Token => t !== null && now() < t.renewAt;

  return {
    kind: grant.type === 'password' ? 'oauth-password' : 'oauth-client-credentials',
    async authorization(signal) {
      if (!fresh(token)) {
        inFlight ??= obtain(signal).finally(() => {
          inFlight = null;
        });
        token = await inFlight;
      }
      return `Bearer ${token.accessToken}`;
    },
    unauthorized() {
      token = null;
      return true;
    },
  };
}
