/**
 * `POST /oauth_token.do`: the password, refresh_token and client_credentials
 * grants, form-encoded, as an instance serves them
 * (../shared/reference/servicenow.md, "Authentication"). Every refusal is
 * the same 401 `{"error":"server_error","error_description":"access_denied"}`:
 * the instance does not say which part was wrong.
 */
import type { Credentials } from '../auth/credentials.js';
import type { Directory } from '../auth/directory.js';
import type { Tokens } from '../auth/tokens.js';
import { json, type Reply } from './reply.js';

export interface OAuthContext {
  readonly credentials: Credentials;
  readonly tokens: Tokens;
  readonly directory: Directory;
}

const DENIED: Reply = json(401, { error: 'server_error', error_description: 'access_denied' });

export function handleOAuth(ctx: OAuthContext, method: string, body: string): Reply {
  if (method !== 'POST') return DENIED;
  const form = new URLSearchParams(body);
  const client = ctx.credentials.verifyClient(form.get('client_id') ?? '', form.get('client_secret') ?? '');
  if (!client) return DENIED;
  const signIn = (userName: string | undefined): boolean => {
    const user = userName === undefined ? undefined : ctx.directory.user(userName);
    return user !== undefined && ctx.directory.canSignIn(user);
  };
  const ok = (value: unknown): Reply => json(200, value, { 'Cache-Control': 'no-store', Pragma: 'no-cache' });

  switch (form.get('grant_type')) {
    case 'password': {
      const userName = form.get('username') ?? '';
      if (!ctx.credentials.verifyPassword(userName, form.get('password') ?? '') || !signIn(userName)) return DENIED;
      return ok(ctx.tokens.issue(ctx.directory.user(userName)!.v.user_name!, client.clientId));
    }
    case 'refresh_token': {
      const token = form.get('refresh_token') ?? '';
      const grant = ctx.tokens.refresh(token, client.clientId);
      if (!grant || !signIn(grant.userName)) return DENIED;
      return ok(ctx.tokens.issue(grant.userName, client.clientId, token));
    }
    case 'client_credentials': {
      const userName = client.clientCredentialsUser;
      if (userName === undefined || !signIn(userName)) return DENIED;
      return ok(ctx.tokens.issue(userName, client.clientId));
    }
    default:
      return DENIED;
  }
}
