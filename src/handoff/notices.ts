/**
 * The latest notice per ticket (a refused request, a refused review), kept in
 * Redis so every panel computed for the ticket shows it until it expires or a
 * new request replaces it. Keeping it out of the ticket means a sync never
 * recomputes a panel without it and rewrites the field in a loop.
 */
import type { Redis } from 'ioredis';
import { PanelNotice } from '../domain/panel.js';

/** How long a notice stays on the panel, in seconds: one working day. */
export const NOTICE_TTL_SECONDS = 24 * 60 * 60;

export interface NoticeStore {
  get(table: string, sysId: string): Promise<PanelNotice | null>;
  /** The Redis key of a ticket's notice (the panel writer reads it in its own script). */
  keyOf(table: string, sysId: string): string;
  /** A notice as stored, read: null when absent or not a valid notice. */
  fromText(raw: string | null): PanelNotice | null;
  set(table: string, sysId: string, notice: PanelNotice): Promise<void>;
  clear(table: string, sysId: string): Promise<void>;
}

export function createNoticeStore(redis: Redis, prefix: string): NoticeStore {
  const key = (table: string, sysId: string): string => `${prefix}:notice:${table}:${sysId}`;
  const fromText = (raw: string | null): PanelNotice | null => {
    if (raw === null) return null;
    const parsed = PanelNotice.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  };
  return {
    async get(table, sysId) {
      return fromText(await redis.get(key(table, sysId)));
    },
    keyOf: key,
    fromText,
    async set(table, sysId, notice) {
      await redis.set(key(table, sysId), JSON.stringify(PanelNotice.parse(notice)), 'EX', NOTICE_TTL_SECONDS);
    },
    async clear(table, sysId) {
      await redis.del(key(table, sysId));
    },
  };
}
