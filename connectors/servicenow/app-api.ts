/**
 * The app's Scripted REST API, the only way the worker writes a ticket
 * (docs/contract.md): `POST /api/<scope>/v1/tickets/{table}/{sys_id}` with a
 * body the write guard built. One call appends the note, sets the panel and
 * status, and finishes the request or review row. Answer:
 * `{"result": {"sys_id", "sys_mod_count", "sys_updated_on", "note"}}`.
 *
 * A call carrying a note is idempotent by the note's key (the app writes it
 * only when no entry of the integration user holds the key), and one without
 * a note only sets values: so every call may be sent again after a lost
 * answer, and is (retry.ts).
 */
import type { TicketWriteResult } from '../../src/connector/connector.js';
import type { GuardedBody } from '../../src/connector/write-guard.js';
import type { AppNames } from '../../src/domain/app-names.js';
import { badResponse, statusError, type CallContext } from './sn-errors.js';
import { checkSysId, checkTable, unwrap, type AuthorisedSend } from './table-client.js';

const NOTE_OUTCOMES = ['written', 'already_written', 'none'] as const;

export interface AppApiClient {
  writeTicket(table: string, sysId: string, body: GuardedBody, signal?: AbortSignal): Promise<TicketWriteResult>;
}

export function createAppApiClient(send: AuthorisedSend, names: AppNames): AppApiClient {
  return {
    async writeTicket(table, sysId, body, signal) {
      const context: CallContext = { operation: 'write', table };
      const path = `${names.apiBase}/tickets/${checkTable(table)}/${checkSysId(sysId, table)}`;
      // Idempotent (the note's key): it may share a Batch API call with other hand-offs' writes and reads (batch.ts).
      const response = await send({ method: 'POST', path, body: JSON.stringify(body), idempotent: true, batchable: true, context, ...(signal ? { signal } : {}) });
      if (response.status !== 200) throw statusError(response.status, context, response.body);
      const result = unwrap(response, context) as Record<string, unknown> | null;
      const note = result?.note;
      if (typeof result !== 'object' || result === null || typeof result.sys_mod_count !== 'string' || typeof result.sys_updated_on !== 'string' || !NOTE_OUTCOMES.includes(note as (typeof NOTE_OUTCOMES)[number])) {
        throw badResponse(context, 'the app API answered without sys_mod_count, sys_updated_on and note: is the app installed in this scope?');
      }
      return { modCount: result.sys_mod_count, updatedOn: result.sys_updated_on, note: note as TicketWriteResult['note'] };
    },
  };
}
