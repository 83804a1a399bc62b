/**
 * The connector interface: what the hand-off flow needs from an ITSM, in the
 * ITSM's neutral terms. `connectors/servicenow/` implements it over the Table
 * API. The flow never builds queries or URLs itself.
 */
import type { RequestRowUpdate, ReviewRowUpdate } from '../domain/app-rows.js';
import type { FilterCondition, TableMapping } from '../mapping/mapping-schema.js';

/**
 * A record as the ITSM returns it: every value a string, dot-walked keys as
 * sent. A record read with labels (`get`, `list`, `getRecord`) also carries,
 * for each field whose label differs from its raw value (choices, references),
 * the label under `dv_<field>`: `state` "2" beside `dv_state` "In Progress".
 * Raw values stay where they were, so code that reads raw values is unchanged;
 * `displayValueOf` reads a label. (ServiceNow's JSONv2 API names display
 * values the same way; no table field starts with `dv_`.)
 */
export type RawRecord = Readonly<Record<string, string>>;

/** Where a record read with labels keeps a field's label (`dv_state`). */
export const DISPLAY_PREFIX = 'dv_';

/** The label of `field` as the ITSM shows it, when the record carries one that differs from the raw value. */
export function displayValueOf(record: RawRecord, field: string): string | undefined {
  const label = record[DISPLAY_PREFIX + field];
  return label === undefined || label === '' ? undefined : label;
}

/** Keyset position: the last record seen, ordered by (updatedOn, sysId). */
export interface Watermark {
  /** ServiceNow `sys_updated_on`, UTC `YYYY-MM-DD HH:mm:ss`. */
  readonly updatedOn: string;
  readonly sysId: string;
}

/**
 * Where pull positions survive restarts: one watermark per instance and table.
 * Positions only move forward; `reset` starts a table over.
 */
export interface WatermarkStore {
  get(instanceId: string, table: string): Promise<Watermark | null>;
  /** Stores `mark` unless a later watermark is stored already. */
  advance(instanceId: string, table: string, mark: Watermark): Promise<void>;
  /** Forgets the position: the next pull reads the whole active set again. */
  reset(instanceId: string, table: string): Promise<void>;
}

export interface PullPage {
  readonly records: readonly RawRecord[];
  /**
   * Where to resume after this page: the last record's position, or the
   * previous one for an empty page. A connector may report an earlier point
   * for records too young to be sure no earlier change is still committing
   * (ServiceNow: `settleSeconds`); those records are then read again by the
   * next pull, so consumers must handle a record twice harmlessly.
   */
  readonly watermark: Watermark | null;
}

export interface PullOptions {
  /** Rows per request; default from the connector's config. */
  readonly pageSize?: number;
  readonly signal?: AbortSignal;
  /**
   * Only each record's keys and version (`sys_id`, `sys_updated_on`,
   * `sys_mod_count`): an incremental sync pass reads the rest with
   * `getMany`, only for versions it has not seen (the settle window reads
   * every young change again each pass; issue 13).
   */
  readonly keysOnly?: boolean;
}

/** Most ids `getMany` takes in one call (an encoded query of 100 sys_ids is about 3.5 KB). */
export const GET_MANY_MAX = 100;

/** One work-note entry from the ticket's journal. */
export interface JournalEntry {
  readonly sysId: string;
  readonly value: string;
  /** user_name of the author (the integration user for our own notes). */
  readonly createdBy: string;
  /** UTC `YYYY-MM-DD HH:mm:ss`. */
  readonly createdOn: string;
  /**
   * Where the entry was read. `display_value` is the fallback for instances
   * where the journal table is not readable: then `sysId` is empty,
   * `createdBy` is the author's display name and `createdOn` the date as the
   * instance formats it for the integration user (see the connector's docs).
   * Absent means `journal`.
   */
  readonly source?: 'journal' | 'display_value';
}

/** One audited change of one field. */
export interface FieldChange {
  readonly field: string;
  readonly oldValue: string;
  readonly newValue: string;
  /** user_name of whoever made the change. */
  readonly user: string;
  /** UTC `YYYY-MM-DD HH:mm:ss`. */
  readonly createdOn: string;
  /** The record's update count at the change (ServiceNow `record_checkpoint`), when known: orders changes within one second. */
  readonly checkpoint?: number;
}

export interface UserRecord {
  readonly sysId: string;
  readonly userName: string;
  readonly name: string;
  readonly active: boolean;
}

/**
 * One write to a ticket, as the app's API takes it (docs/contract.md, "The
 * Scripted REST API"): the AI fields that changed, a work note with its
 * idempotency key, and the end state of the request or review row the write
 * finishes. Everything in one call.
 */
export interface TicketWrite {
  /** The mapped AI panel and status fields (only these; the guard refuses anything else). */
  readonly fields?: Readonly<Record<string, string>>;
  /** A work note; `key` (the note's marker) makes it idempotent: the app writes it only if no entry of ours holds the key. */
  readonly note?: { readonly text: string; readonly key: string };
  readonly request?: RequestRowUpdate;
  readonly review?: ReviewRowUpdate;
}

export interface TicketWriteResult {
  /** The ticket's update count and time after the write. */
  readonly modCount: string;
  readonly updatedOn: string;
  /** Whether the note was written now, found already written (its key), or not asked for. */
  readonly note: 'written' | 'already_written' | 'none';
}

/** The app's two row tables: requests (Assign) and reviews (Accept, Reject, Escalate). */
export type RowKind = 'request' | 'review';

export interface Connector {
  /** Stable id of the instance (its host), used to key watermarks and locks. */
  readonly instanceId: string;

  /** Active records of the mapped table changed after `since`, page by page, by keyset. */
  pull(mapping: TableMapping, since: Watermark | null, options?: PullOptions): AsyncIterable<PullPage>;

  /** One record with the mapping's fields and their labels, or null if it does not exist or is hidden. */
  get(mapping: TableMapping, sysId: string): Promise<RawRecord | null>;

  /**
   * The active records among `sysIds` (at most GET_MANY_MAX) as the pull
   * reads them (the mapping's fields, raw values), in one call; a record no
   * longer active or readable is left out. Optional: without it a sync pass
   * pulls whole records.
   */
  getMany?(mapping: TableMapping, sysIds: readonly string[]): Promise<RawRecord[]>;

  /**
   * Records of a mapped table matching all conditions, newest first, with
   * labels. `related` (the default, a hand-off's related tickets): only the
   * fields a neighbour is used for (mapping/fields.ts, relatedFields);
   * `ticket`: every field the mapping reads but the AI panel and status (an
   * admin's preview, which classifies them).
   */
  list(mapping: TableMapping, conditions: readonly FilterCondition[], limit: number, fields?: 'related' | 'ticket'): Promise<RawRecord[]>;

  /** Reads any record of a non-ticket table the connector may read (the CI record, a user), with labels. */
  getRecord(table: string, sysId: string, fields: readonly string[]): Promise<RawRecord | null>;

  /**
   * Writes to a ticket, through the app's API (the integration user has no
   * write right on ticket tables). The write goes through `guardTicketWrite`
   * before anything is sent; a refused field throws WRITE_FORBIDDEN_FIELD and
   * nothing is sent.
   */
  writeTicket(mapping: TableMapping, sysId: string, write: TicketWrite): Promise<TicketWriteResult>;

  /**
   * Sets a request or review row's end state alone, through the Table API
   * (the integration role's column rights). For rows whose ticket the app's
   * API cannot write (not one of its tables, gone); otherwise the row is
   * finished in the ticket's write.
   */
  finishRow(kind: RowKind, update: RequestRowUpdate | ReviewRowUpdate): Promise<void>;

  /** The pending rows of the app's request or review table, oldest first (raw values). */
  pendingRows(kind: RowKind): Promise<RawRecord[]>;

  /** The ticket's work notes, oldest first. */
  workNotes(mapping: TableMapping, sysId: string): Promise<JournalEntry[]>;

  /** Audited changes of one field of one record, newest first (sys_audit: who lowered a ticket's data class, src/handoff/class-lowering.ts). */
  fieldChanges(mapping: TableMapping, sysId: string, field: string): Promise<FieldChange[]>;

  /** A user by sys_id or user_name. */
  user(by: { readonly sysId: string } | { readonly userName: string }): Promise<UserRecord | null>;

  /** Names of a user's active roles (sys_user_has_role). */
  userRoles(userSysId: string): Promise<string[]>;

  /** sys_ids of the active members of a group. */
  groupMembers(groupSysId: string): Promise<string[]>;

  /** An active group by its name (sys_user_group), for a policy that names one as an escalation target; null when none. */
  groupByName(name: string): Promise<{ readonly sysId: string; readonly name: string } | null>;

  /** Field names a table has on the instance (sys_dictionary, including inherited ones). */
  tableFields(table: string): Promise<Set<string>>;
}
