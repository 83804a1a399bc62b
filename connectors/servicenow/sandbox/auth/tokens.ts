/**
 * OAuth tokens as `/oauth_token.do` issues them: access tokens live 1,800 s
 * (the answer says `expires_in: 1799`), refresh tokens 100 days
 * (../shared/reference/servicenow.md, "Authentication"). A refresh returns a
 * new access token and the same refresh token.
 */
import { randomBytes } from 'node:crypto';
import type { Clock } from '../time.js';

export const ACCESS_TOKEN_SECONDS = 1800;
export const REFRESH_TOKEN_SECONDS = 100 * 24 * 3600;

interface Grant {
  readonly userName: string;
  readonly clientId: string;
  readonly expiresAt: number;
}

export interface IssuedTokens {
  readonly access_token: string;
  readonly refresh_token: string;
  readonly scope: string;
  readonly token_type: 'Bearer';
  readonly expires_in: number;
}

export interface Tokens {
  issue(userName: string, clientId: string, refreshToken?: string): IssuedTokens;
  /** The user an access token acts for, if valid now. */
  userFor(accessToken: string): string | undefined;
  /** The grant behind a refresh token, if valid now and issued to `clientId`. */
  refresh(refreshToken: string, clientId: string): Grant | undefined;
  /** Invalidates every access token (a "401 mid-run"); refresh tokens still work. */
  revokeAccess(): void;
  /** Invalidates every token, access and refresh. */
  revokeAll(): void;
}

export function createTokens(clock: Clock): Tokens {
  const access = new Map<string, Grant>();
  const refresh = new Map<string, Grant>();
  const fresh = (): string => randomBytes(48).toString('base64url');
  const live = (map: Map<string, Grant>, token: string): Grant | undefined => {
    const grant = map.get(token);
    if (grant === undefined) return undefined;
    if (grant.expiresAt <= clock()) {
      map.delete(token);
      return undefined;
    }
    return grant;
  };
  return {
    issue(userName, clientId, refreshToken) {
      const now = clock();
      const token = fresh();
      access.set(token, { userName, clientId, expiresAt: now + ACCESS_TOKEN_SECONDS * 1000 });
      let rt = refreshToken;
      if (rt === undefined) {
        rt = fresh();
        refresh.set(rt, { userName, clientId, expiresAt: now + REFRESH_TOKEN_SECONDS * 1000 });
      }
      return { access_token: token, refresh_token: rt, scope: 'useraccount', token_type: 'Bearer', expires_in: ACCESS_TOKEN_SECONDS - 1 };
    },
    userFor: (token) => live(access, token)?.userName,
    refresh(token, clientId) {
      const grant = live(refresh, token);
      return grant?.clientId === clientId ? grant : undefined;
    },
    revokeAccess: () => access.clear(),
    revokeAll() {
      access.clear();
      refresh.clear();
    },
  };
}
