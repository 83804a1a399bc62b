/**
 * A ticket's work notes. The clean source is the `sys_journal_field` table
 * (`element_id` = the record's sys_id, `element` = the journal field, `name` =
 * the table), read oldest first by (sys_created_on, sys_id). Reading it is an
 * elevated right some integration users lack; when ServiceNow answers 403 the
 * connector falls back, for the rest of its life, to the record's display
 * value of the journal field: the whole journal as one string, newest first,
 * each entry headed `<date> - <author display name> (Work notes)`
 * (../shared/reference/servicenow.md, "Journal fields").
 *
 * The fallback's limits (docs/servicenow-connector.md): no entry sys_id; the
 * author is a display name, not a user_name; the date is in the integration
 * user's format and time zone; a line in a note's text shaped exactly like a
 * header splits that note; only the English label "(Work notes)" is known.
 */
import type { JournalEntry } from '../../src/connector/connector.js';
import { isHandoffError } from '../../src/errors.js';
import type { TableMapping } from '../../src/mapping/mapping-schema.js';
import type { Logger } from '../../src/util/log.js';
import { keysetPages } from './keyset-cursor.js';
import type { TableClient } from './table-client.js';

export interface JournalReader {
  workNotes(mapping: TableMapping, sysId: string, signal?: AbortSignal): Promise<JournalEntry[]>;
  /** Where notes are read from now: flips to `display_value` after the first 403. */
  readonly source: 'journal' | 'display_value';
}

export interface JournalReaderOptions {
  readonly client: TableClient;
  readonly pageSize: number;
  readonly log: Logger;
}

const JOURNAL_TABLE = 'sys_journal_field';
const JOURNAL_FIELDS = ['sys_id', 'value', 'sys_created_by', 'sys_created_on'] as const;

export function createJournalReader({ client, pageSize, log }: JournalReaderOptions): JournalReader {
  let source: 'journal' | 'display_value' = 'journal';

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

  const fromDisplayValue = async (mapping: TableMapping, sysId: string, signal?: AbortSignal): Promise<JournalEntry[]> => {
    const field = mapping.ai.workNotes;
    const record = await client.get(mapping.table, sysId, { fields: [field], displayValue: true, ...(signal === undefined ? {} : { signal }) });
    return record === null ? [] : parseJournalText(record[field] ?? '');
  };

  return {
    get source() {
      return source;
    },
    async workNotes(mapping, sysId, signal) {
      if (source === 'journal') {
        try {
          return await fromJournal(mapping, sysId, signal);
        } catch (error) {
          if (!isHandoffError(error, 'SN_FORBIDDEN')) throw error;
          source = 'display_value';
          log.warn('sys_journal_field is not readable; reading work notes from the display value from now on', {
            table: mapping.table,
            remedy: 'grant the integration user read on sys_journal_field for exact authors and times (docs/servicenow-connector.md)',
          });
        }
      }
      return fromDisplayValue(mapping, sysId, signal);
    },
  };
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
