/**
 * The ticket as pickup read it, for the steps after it (issue 13: one GET
 * per hand-off): the execute and write-back jobs reuse it for at most
 * `worker.ticketFreshMs`, so the scope digest, eligibility and kill switches
 * are checked against the ticket as read at most that long ago; after it, or
 * in another worker process, the ticket is read again.
 *
 * Kept in this process's memory, never in Redis: a ticket's text may hold
 * anything (a pasted password), and Redis keeps what it is given in clear.
 */
import type { RawRecord } from '../connector/connector.js';

export interface TicketCache {
  /** The record read at most `freshMs` ago, or null. */
  get(table: string, sysId: string): Promise<RawRecord | null>;
  put(table: string, sysId: string, record: RawRecord): Promise<void>;
}

/** Most tickets kept at once; the oldest go first (a burst of pickups beyond it only costs reads). */
const MAX_TICKETS = 5_000;

export function createTicketCache(freshMs: number, now: () => number = Date.now): TicketCache {
  const entries = new Map<string, { readonly at: number; readonly record: RawRecord }>();
  const key = (table: string, sysId: string): string => `${table}:${sysId}`;
  return {
    get(table, sysId) {
      const hit = entries.get(key(table, sysId));
      if (!hit || now() - hit.at > freshMs) return Promise.resolve(null);
      return Promise.resolve(hit.record);
    },
    put(table, sysId, record) {
      if (freshMs <= 0) return Promise.resolve();
      const k = key(table, sysId);
      entries.delete(k);
      entries.set(k, { at: now(), record });
      for (const [old, entry] of entries) {
        if (entries.size <= MAX_TICKETS && now() - entry.at <= freshMs) break;
        entries.delete(old);
      }
      return Promise.resolve();
    },
  };
}
