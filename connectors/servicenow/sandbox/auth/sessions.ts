/**
 * Browser sessions for the ticket page, like an instance's: a sign-in sets a
 * `JSESSIONID` cookie, and the Table API accepts it only together with the
 * session's `X-UserToken` header (ServiceNow's g_ck), so another site cannot
 * drive the API through a visitor's cookie.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { Clock } from '../time.js';

export const SESSION_COOKIE = 'JSESSIONID';
/** Idle timeout, in milliseconds (an instance's default is 30 minutes). */
export const SESSION_IDLE_MS = 30 * 60 * 1000;

export interface Session {
  readonly id: string;
  readonly userName: string;
  /** The X-UserToken value the page must send with every API call. */
  readonly userToken: string;
}

export interface Sessions {
  open(userName: string): Session;
  /** The live session for a cookie value, refreshing its idle timer. */
  find(id: string): Session | undefined;
  close(id: string): void;
  /** Whether `token` is the session's user token (constant time). */
  tokenMatches(session: Session, token: string): boolean;
}

export function createSessions(clock: Clock): Sessions {
  const live = new Map<string, { session: Session; lastSeen: number }>();
  return {
    open(userName) {
      const session = { id: randomBytes(24).toString('hex'), userName, userToken: randomBytes(24).toString('hex') };
      live.set(session.id, { session, lastSeen: clock() });
      return session;
    },
    find(id) {
      const entry = live.get(id);
      if (!entry) return undefined;
      if (clock() - entry.lastSeen > SESSION_IDLE_MS) {
        live.delete(id);
        return undefined;
      }
      entry.lastSeen = clock();
      return entry.session;
    },
    close: (id) => void live.delete(id),
    tokenMatches: (session, token) => token.length === session.userToken.length && timingSafeEqual(Buffer.from(token), Buffer.from(session.userToken)),
  };
}

/** The value of one cookie from a Cookie header. */
export function readCookie(header: string | undefined, name: string): string | undefined {
  if (header === undefined) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}
