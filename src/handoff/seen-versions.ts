/**
 * Ticket versions (table, sys_id, sys_mod_count) whose panel is already up
 * to date, in this process: brought up to date by a sync pass, or written by
 * the flow itself (panel-writer.ts). The connector reads young changes again
 * on every pass for `settleSeconds` (60 by default): with a 500 ms interval
 * each change would otherwise have its panel recomputed about a hundred
 * times. A version seen again is skipped; the flow refreshes the panel itself
 * after every change it makes to a hand-off or a notice, and a change of
 * policy context (a full resync) forgets everything.
 */
import type { RawRecord } from '../connector/connector.js';

export interface SeenVersions {
  has(key: string): boolean;
  add(key: string): void;
  clear(): void;
}

/** A record's version key, or null when it carries no sys_mod_count. */
export function versionOf(table: string, record: RawRecord): string | null {
  return record.sys_mod_count === undefined || record.sys_mod_count === '' ? null : versionKey(table, record.sys_id ?? '', record.sys_mod_count);
}

export function versionKey(table: string, sysId: string, modCount: string): string {
  return `${table}:${sysId}:${modCount}`;
}

/**
 * The version a write made, when it was the only change since `record` was
 * read: the count went up by exactly one. A person's change in between makes
 * it two or more, and then the version is not the one the panel was computed
 * from, so nothing is marked. `reached`: the count this record's ticket
 * reached through the flow's own earlier writes computed from this same
 * record (pickup's write, then the note's), each of them the only change.
 */
export function ownWriteVersion(table: string, record: RawRecord, modCountAfter: string, reached?: string): string | null {
  const before = Number(reached ?? record.sys_mod_count ?? Number.NaN);
  const after = Number(modCountAfter);
  return Number.isInteger(before) && after === before + 1 ? versionKey(table, record.sys_id ?? '', modCountAfter) : null;
}

/** Remembers up to `max` versions, forgetting the oldest first. */
export function createSeenVersions(max = 100_000): SeenVersions {
  const keys = new Set<string>();
  return {
    has: (key) => keys.has(key),
    add(key) {
      keys.add(key);
      if (keys.size > max) keys.delete(keys.values().next().value!);
    },
    clear: () => keys.clear(),
  };
}
