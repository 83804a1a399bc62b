/**
 * A ticket's work notes. The clean source is the `sys_journal_field` table
 * (`element_id` = the record's sys_id, `element` = the journal field, `name` =
 * the table), read oldest first by (sys_created_on, sys_id). Reading it is an
 * elevated right some integration users lack. The fallback is the record's
 * display value of the journal field: the whole journal as one string, newest
 * first, each entry headed `<date> - <author display name> (Work notes)`
 * (../shared/reference/servicenow.md, "Journal fields").
 *
 * How a hidden journal table shows itself: sometimes 403, but usually a
 * plain `200 {"result": []}`, since ACLs filter rows rather than fail the
 * query (docs/sandbox.md, ACL `listDenial`). An empty answer is therefore
 * checked against the display value once: empty there too, the ticket has no
 * notes; not empty, the journal is read once more (a note may have been
 * written between the two reads) and, still empty, the table is taken as
 * hidden. Either way (403, or rows hidden) the reader switches to the display
 * value for the rest of its life, one reader per instance, and warns once.
 * Silently reading no notes would let the write-back miss its own marker and
 * write a note twice.
 *
 * The fallback's limits (docs/servicenow-connector.md): no entry sys_id; the
 * author is a display name, not a user_name; the date is in the integration
 * user's format and time zone; a line in a note's text shaped exactly like a
 * header splits that note; only the English label "(Work notes)" is known.
 * Text with no header it knows is an error, never "no notes".
 */
import type { JournalEntry } from '../../src/connector/connector.js';
import { HandoffError, isHandoffError } from '../../src/errors.js';
import type { TableMapping } from '../../src/mapping/mapping-schema.js';
import type { Logger } from '../../src/util/log.js';
import { keysetPages } from './keyset-cursor.js';
import type { TableClient } from './table-client.js';

export type JournalSource = 'journal' | 'display_value';

export interface JournalReader {
  workNotes(mapping: TableMapping, sysId: string, signal?: AbortSignal): Promise<JournalEntry[]>;
  /** Where notes are read from now: flips to `display_value` once the journal table proves unreadable. */
  readonly source: JournalSource;
}

export interface JournalReaderOptions {
  readonly client: TableClient;
  readonly pageSize: number;
  readonly log: Logger;
}

const JOURNAL_TABLE = 'sys_journal_field';
const JOURNAL_FIELDS = ['sys_id', 'value', 'sys_created_by', 'sys_created_on'] as const;

export function createJournalReader({ client, pageSize, log }: JournalReaderOptions): JournalReader {
  let source: JournalSource = 'journal';

  const fromJournal = async (mapping: TableMapping, sysId: string, signal?: AbortSignal): Promise<JournalEntry[]> => {
    const entries: JournalEntry[] = [];
    const pages = keysetPages(
      client,
      {
        table: JOURNAL_TABLE,
        fields: JOURNAL_FIELDS,
        conditions: [
          { field: 'element_id', op: '=', value: sysId },
          { field: 'element', op: '=', value: mapping.ai.workNotes },
          { field: 'name', op: '=', value: mapping.table },
        ],
        allowed: ['element_id', 'element', 'name'],
        timeField: 'sys_created_on',
        pageSize,
        // One ticket's notes: they may go in a Batch API call with the hand-off's other source reads.
        batchable: true,
        ...(signal === undefined ? {} : { signal }),
      },
      null,
    );
    for await (const page of pages) {
      for (const row of page.records) {
        entries.push({ sysId: row.sys_id ?? '', value: row.value ?? '', createdBy: row.sys_created_by ?? '', createdOn: row.sys_created_on ?? '', source: 'journal' });
      }
    }
    return entries;
  };

  /** The journal field's display value ('' when the record is missing or hidden). */
  const displayText = async (mapping: TableMapping, sysId: string, signal?: AbortSignal): Promise<string> => {
    const field = mapping.ai.workNotes;
    const record = await client.get(mapping.table, sysId, { fields: [field], displayValue: true, ...(signal === undefined ? {} : { signal }) });
    return record?.[field] ?? '';
  };

  const hide = (mapping: TableMapping, why: string): void => {
    if (source === 'display_value') return;
    source = 'display_value';
    log.warn(`sys_journal_field is not readable (${why}); reading work notes from the display value from now on`, {
      table: mapping.table,
      remedy: 'grant the integration user read on sys_journal_field for exact authors and times (docs/servicenow-connector.md)',
    });
  };

  return {
    get source() {
      return source;
    },
    async workNotes(mapping, sysId, signal) {
      if (source === 'journal') {
        let rows: JournalEntry[];
        try {
          rows = await fromJournal(mapping, sysId, signal);
        } catch (error) {
          if (!isHandoffError(error, 'SN_FORBIDDEN')) throw error;
          hide(mapping, 'it answered 403');
          return parseJournal(await displayText(mapping, sysId, signal), mapping.table);
        }
        if (rows.length > 0) return rows;
        const text = await displayText(mapping, sysId, signal);
        if (text.trim() === '') return [];
        const again = await fromJournal(mapping, sysId, signal);
        if (again.length > 0) return again;
        hide(mapping, 'it answered no rows for a ticket whose work notes are not empty');
        return parseJournal(text, mapping.table);
      }
      return parseJournal(await displayText(mapping, sysId, signal), mapping.table);
    },
  };
}

/** `parseJournalText`, refusing text in which no entry header is found (another language, another format). */
function parseJournal(text: string, table: string): JournalEntry[] {
  const entries = parseJournalText(text);
  if (entries.length === 0 && text.trim() !== '') {
    throw new HandoffError('SN_BAD_RESPONSE', `ServiceNow get on ${table}: the work notes' display value has text but no entry header '<date> - <name> (Work notes)'`, {
      details: { operation: 'get', table },
      remedy: 'grant the integration user read on sys_journal_field, or set its language to English so the display value carries the English "(Work notes)" label',
    });
  }
  return entries;
}

/** `<date> - <author> (Work notes)`, where the date starts with a digit (any instance date format). */
const HEADER = /^(\d[^\n]*?) - (.+) \(Work notes\)$/;

/** Splits a journal display value (newest first) into entries, oldest first. */
export function parseJournalText(text: string): JournalEntry[] {
  const entries: JournalEntry[] = [];
  let current: { createdOn: string; createdBy: string; lines: string[] } | null = null;
  const close = (): void => {
    if (current === null) return;
    entries.push({ sysId: '', value: current.lines.join('\n').trim(), createdBy: current.createdBy, createdOn: current.createdOn, source: 'display_value' });
  };
  for (const line of text.replace(/\r\n/g, '\n').split('\n')) {
    const header = HEADER.exec(line);
    if (header !== null) {
      close();
      current = { createdOn: header[1] ?? '', createdBy: header[2] ?? '', lines: [] };
    } else if (current !== null) {
      current.lines.push(line);
    }
  }
  close();
  return entries.reverse();
}
