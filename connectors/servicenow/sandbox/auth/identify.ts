/**
 * Authenticates a Table API call: basic auth, an OAuth bearer token, or a
 * page session (cookie plus X-UserToken). Every path ends in the same
 * identity: the user's actor record and roles, which ACLs, the journal and
 * the audit trail use.
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { Actor } from '../business-rules.js';
import type { Credentials } from './credentials.js';
import type { Directory } from './directory.js';
import { readCookie, SESSION_COOKIE, type Sessions } from './sessions.js';
import type { Tokens } from './tokens.js';

export interface Identity {
  readonly actor: Actor;
  readonly roles: ReadonlySet<string>;
  readonly via: 'basic' | 'bearer' | 'session';
}

/** `missing`: no credentials sent; `invalid`: credentials sent and refused. */
export type Identified = { readonly ok: true; readonly identity: Identity } | { readonly ok: false; readonly reason: 'missing' | 'invalid' };

export interface IdentifyDeps {
  readonly directory: Directory;
  readonly credentials: Credentials;
  readonly tokens: Tokens;
  readonly sessions: Sessions;
}

export function createIdentify(deps: IdentifyDeps): (headers: IncomingHttpHeaders) => Identified {
  const { directory, credentials, tokens, sessions } = deps;
  const asUser = (userName: string | undefined, via: Identity['via']): Identified => {
    const user = userName === undefined ? undefined : directory.user(userName);
    if (!user || !directory.canSignIn(user)) return { ok: false, reason: 'invalid' };
    return { ok: true, identity: { actor: directory.actor(user), roles: directory.roles(user.v.sys_id!), via } };
  };

  return (headers) => {
    const authorization = headers.authorization;
    if (authorization !== undefined) {
      const [scheme = '', value = ''] = authorization.trim().split(/\s+/, 2);
      if (scheme.toLowerCase() === 'basic') {
        const decoded = Buffer.from(value, 'base64').toString('utf8');
        const colon = decoded.indexOf(':');
        if (colon < 0) return { ok: false, reason: 'invalid' };
        const userName = decoded.slice(0, colon);
        if (!credentials.verifyPassword(userName, decoded.slice(colon + 1))) return { ok: false, reason: 'invalid' };
        return asUser(userName, 'basic');
      }
      if (scheme.toLowerCase() === 'bearer') return asUser(tokens.userFor(value), 'bearer');
      return { ok: false, reason: 'invalid' };
    }
    const sessionId = readCookie(headers.cookie, SESSION_COOKIE);
    if (sessionId !== undefined) {
      const session = sessions.find(sessionId);
      const token = headers['x-usertoken'];
      if (!session || typeof token !== 'string' || !sessions.tokenMatches(session, token)) return { ok: false, reason: 'invalid' };
      return asUser(session.userName, 'session');
    }
    return { ok: false, reason: 'missing' };
  };
}
