/**
 * Every write the sandbox received: what was sent, by whom, and whether it
 * was applied. Tests read it to prove the invariant (the integration user
 * wrote nothing but work notes and the mapped AI fields), in process or
 * through the control endpoint.
 */

export interface WriteLogEntry {
  /** Order of arrival, from 1. */
  readonly seq: number;
  /**
   * Which API took the write: `table` (the Table API) or `app` (the app's
   * Scripted REST API, which writes one entry per record it touches: the
   * ticket, with its fields and the note under `work_notes`, and the request
   * or review row it finishes).
   */
  readonly api: 'table' | 'app';
  /** ISO 8601 time of arrival (wall clock of the sandbox's clock). */
  readonly at: string;
  readonly method: string;
  readonly table: string;
  /** The record written; for a create, the new record's sys_id once applied. */
  readonly sysId: string | null;
  /** The authenticated user_name; null when authentication failed. */
  readonly user: string | null;
  /** The body as received (parsed JSON object), or null when it was not a JSON object. */
  readonly body: Readonly<Record<string, unknown>> | null;
  /** Keys of the body: every field the caller tried to write, ignored ones included. */
  readonly fields: readonly string[];
  /** Whether the write reached the record (a write applied before a dropped connection counts). */
  readonly applied: boolean;
  /** The HTTP status answered (0 when the connection was dropped). */
  readonly status: number;
  /** Why it was refused, or a note (dropped after applying). */
  readonly reason: string | null;
  /** Fields whose values changed, and journal fields appended to. */
  readonly changed: readonly string[];
  /** Keys the instance silently ignored (unknown, read-only, server-stamped). */
  readonly ignored: readonly string[];
}

export interface WriteFilter {
  readonly api?: WriteLogEntry['api'];
  readonly user?: string;
  readonly table?: string;
  readonly sysId?: string;
  readonly applied?: boolean;
  /** Entries with seq greater than this. */
  readonly after?: number;
}

export interface WriteLog {
  record(entry: Omit<WriteLogEntry, 'seq'>): WriteLogEntry;
  entries(filter?: WriteFilter): WriteLogEntry[];
  /** Every field name the user tried to write, across all their writes. */
  fieldsWrittenBy(user: string): Set<string>;
  clear(): void;
  readonly size: number;
  /** Entries dropped because the log reached its cap: a proof over the log is incomplete when this is not 0. */
  readonly dropped: number;
  /** The seq of the latest entry (0 when none). */
  readonly lastSeq: number;
}

/** Default cap on kept entries; the oldest go first and are counted in `dropped`. */
export const WRITE_LOG_CAP = 100_000;

export function createWriteLog(cap = WRITE_LOG_CAP): WriteLog {
  let list: WriteLogEntry[] = [];
  let seq = 0;
  let dropped = 0;
  const keep = (e: WriteLogEntry, f: WriteFilter): boolean =>
    (f.api === undefined || e.api === f.api) &&
    (f.user === undefined || e.user === f.user) &&
    (f.table === undefined || e.table === f.table) &&
    (f.sysId === undefined || e.sysId === f.sysId) &&
    (f.applied === undefined || e.applied === f.applied) &&
    (f.after === undefined || e.seq > f.after);
  return {
    record(entry) {
      const full = { ...entry, seq: ++seq };
      list.push(full);
      // Trim in batches so a log at its cap does not copy itself on every write.
      if (list.length > cap + Math.ceil(cap / 10)) {
        const excess = list.length - cap;
        list = list.slice(excess);
        dropped += excess;
      }
      return full;
    },
    entries: (filter = {}) => list.filter((e) => keep(e, filter)),
    fieldsWrittenBy(user) {
      const fields = new Set<string>();
      for (const e of list) if (e.user === user) for (const f of e.fields) fields.add(f);
      return fields;
    },
    clear() {
      list = [];
      dropped = 0;
    },
    get size() {
      return list.length;
    },
    get dropped() {
      return dropped;
    },
    get lastSeq() {
      return seq;
    },
  };
}
