/**
 * The before-insert rules of the app's request and review tables
 * (docs/contract.md): they run in the person's session, validate the row,
 * check the ticket as that person may read it, and stamp what the platform
 * knows and the person cannot choose: `number` (the ticket's), `requested_by`
 * / `reviewed_by` (the session's user), `state = pending`, and for a request
 * the read check. Whatever the body said for those columns is ignored. A
 * failed check aborts the insert with a message the dialog shows. This is
 * convenience and the read check; the worker checks everything again.
 */
import type { AppNames } from '../../../../src/domain/app-names.js';
import { REQUEST_INPUT_COLUMNS, REVIEW_INPUT_COLUMNS, ROW_LIMITS, SYS_ID } from '../../../../src/domain/app-rows.js';
import { HANDOFF_ID, REVIEW_DECISIONS } from '../../../../src/domain/fields.js';
import { DECIDABLE_STATUSES } from '../../../../src/domain/handoff.js';
import { SCOPE_DIGEST } from '../../../../src/domain/scope.js';
import type { Acl } from '../acl.js';
import type { Identity } from '../auth/identify.js';
import { coerce } from '../records.js';
import type { RecordRules } from '../record-rules.js';
import type { Store, StoredRow } from '../store.js';
import { glideDateTime, type Clock } from '../time.js';
import { panelView, type PanelView } from './panel-view.js';
import { runReadCheck } from './read-check.js';

export type InsertDecision =
  | { readonly ok: true; readonly values: Readonly<Record<string, string>>; readonly ignored: readonly string[] }
  | { readonly ok: false; readonly message: string };

export interface AppRowRules {
  /** Whether the table is one of the app's row tables (its inserts go through `beforeInsert`). */
  isRowTable(table: string): boolean;
  beforeInsert(table: string, body: Readonly<Record<string, unknown>>, identity: Identity): InsertDecision;
}

export interface AppRowRulesDeps {
  readonly store: Store;
  readonly acl: Acl;
  readonly rules: RecordRules;
  readonly names: AppNames;
  /** The app's ticket tables. */
  readonly ticketTables: readonly string[];
  readonly clock: Clock;
}

const abort = (message: string): InsertDecision => ({ ok: false, message });

export function createAppRowRules(deps: AppRowRulesDeps): AppRowRules {
  const { store, acl, rules, names, ticketTables } = deps;
  const checkTables = new Set([...ticketTables, 'cmdb_ci']);

  /** The person's input columns, as strings; everything else in the body is ignored. */
  const inputs = (body: Readonly<Record<string, unknown>>, columns: readonly string[]): { values: Record<string, string>; ignored: string[] } => {
    const values: Record<string, string> = {};
    const ignored: string[] = [];
    for (const [key, value] of Object.entries(body)) {
      if (columns.includes(key)) values[key] = coerce(value).trim();
      else ignored.push(key);
    }
    for (const column of columns) values[column] ??= '';
    return { values, ignored };
  };

  /** The ticket as the person may read it (GlideRecordSecure), and its panel. */
  const readTicket = (values: Record<string, string>, identity: Identity): { row: StoredRow; panel: PanelView | null } | string => {
    if (!ticketTables.includes(values.ticket_table!)) return `ticket_table must be one of ${ticketTables.join(', ')}.`;
    if (!SYS_ID.test(values.ticket!)) return 'ticket must be the sys_id of the ticket.';
    const row = store.get(values.ticket_table!, values.ticket!);
    if (!row || !acl.allows(row.table.name, 'read', identity.roles) || !rules.canRead(identity, row)) return 'You cannot read this ticket, so you cannot hand it to the AI.';
    return { row, panel: panelView(row.v[names.fields.panel]) };
  };

  const rowsOf = (table: string, ticket: string): readonly StoredRow[] => store.partitions(table)[0]!.indexes.get('ticket')?.get(ticket) ?? [];

  const request = (body: Readonly<Record<string, unknown>>, identity: Identity): InsertDecision => {
    const { values, ignored } = inputs(body, REQUEST_INPUT_COLUMNS);
    const ticket = readTicket(values, identity);
    if (typeof ticket === 'string') return abort(ticket);
    const operation = values.operation!;
    if (operation === '' || operation.length > ROW_LIMITS.operation) return abort(`operation must be the id of an operation in the panel (1 to ${ROW_LIMITS.operation} characters).`);
    if (!SCOPE_DIGEST.test(values.scope_digest!)) return abort('scope_digest must be the 32-character scope digest shown in the dialog.');
    if (values.note!.length > ROW_LIMITS.note) return abort(`note is ${values.note!.length} characters; shorten it to ${ROW_LIMITS.note} or fewer.`);
    if (!ticket.panel) return abort('This ticket has no AI panel yet; wait for the AI Handoff worker to sync it, then try again.');
    const op = ticket.panel.operations.find((o) => o.id === operation);
    if (!op) return abort(`The operation '${operation}' is not offered for this ticket.`);
    if (op.outcome === 'blocked') return abort(`'${op.title ?? op.id}' is blocked on this ticket; the panel says why.`);
    if (op.scopeDigest !== values.scope_digest) return abort(`The scope of '${op.title ?? op.id}' changed after you reviewed it; open Assign To AI Operation again.`);
    if (rowsOf(names.tables.request, values.ticket!).some((r) => r.v.operation === operation && r.v.state === 'pending')) {
      return abort(`A request for '${op.title ?? op.id}' on this ticket is already waiting for the AI worker.`);
    }
    const at = glideDateTime(deps.clock());
    const readable = runReadCheck({ store, acl, rules, tables: checkTables }, ticket.panel.readCheck, identity, at);
    return {
      ok: true,
      values: { ...values, number: ticket.row.v.number ?? '', requested_by: identity.actor.sysId, readable, state: 'pending', handoff: '', message: '', remedy: '' },
      ignored,
    };
  };

  const review = (body: Readonly<Record<string, unknown>>, identity: Identity): InsertDecision => {
    const { values, ignored } = inputs(body, REVIEW_INPUT_COLUMNS);
    const ticket = readTicket(values, identity);
    if (typeof ticket === 'string') return abort(ticket);
    if (!HANDOFF_ID.test(values.handoff!)) return abort('handoff must be a hand-off id from the panel (ho_...).');
    if (!(REVIEW_DECISIONS as readonly string[]).includes(values.decision!)) return abort('decision must be accept, reject or escalate.');
    if (values.comment!.length > ROW_LIMITS.comment) return abort(`comment is ${values.comment!.length} characters; shorten it to ${ROW_LIMITS.comment} or fewer.`);
    const handoff = ticket.panel?.handoffs.find((h) => h.id === values.handoff);
    if (!handoff) return abort(`Hand-off ${values.handoff} is not on this ticket's AI panel.`);
    // Awaiting its first review, or escalated to someone (who decides it by a review row of their own: src/handoff/escalation.ts).
    if (!(DECIDABLE_STATUSES as readonly string[]).includes(handoff.status)) return abort(`Hand-off ${values.handoff} is ${handoff.status.replace(/_/g, ' ')}, not awaiting review.`);
    return { ok: true, values: { ...values, number: ticket.row.v.number ?? '', reviewed_by: identity.actor.sysId, state: 'pending', message: '', remedy: '' }, ignored };
  };

  return {
    isRowTable: (table) => table === names.tables.request || table === names.tables.review,
    beforeInsert: (table, body, identity) => (table === names.tables.request ? request(body, identity) : review(body, identity)),
  };
}
