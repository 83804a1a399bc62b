/**
 * Pickup: an agent's Assign To AI Operation, a row of the app's request table
 * (docs/contract.md). The row is validated, the requester learned from the
 * platform (row-identity.ts), and everything checked again against the
 * ticket as it is now (operation offered, not blocked, the scope digest the
 * agent confirmed still current, kill switches, the note). Then one hand-off
 * is created, keyed by the row, and one execute job enqueued, and the row is
 * set `queued` with the panel and status in one call. Anything else refuses
 * the row with its reason (refusal.ts).
 *
 * Every step can be repeated: a row taken again (a redelivered attempt, a
 * worker killed midway, two workers at once) finds its hand-off by the row's
 * key and finishes the pickup once; it never makes a second hand-off.
 */
import type { RawRecord } from '../connector/connector.js';
import { maskFreeText } from '../ai/mask-free-text.js';
import { budgetGroupKey } from '../ai/budget.js';
import { RequestRowRecord, SYS_ID } from '../domain/app-rows.js';
import type { Actor, Handoff } from '../domain/handoff.js';
import { newHandoffId } from '../domain/ids.js';
import type { PanelOperation } from '../domain/panel.js';
import { scopeDigest, scopeOf } from '../domain/scope.js';
import type { Ticket } from '../domain/ticket.js';
import { HandoffError, type ErrorCode } from '../errors.js';
import type { MappingSet } from '../mapping/load-mappings.js';
import type { TableMapping } from '../mapping/mapping-schema.js';
import { digestOf } from '../util/canonical-json.js';
import { formatIssues } from '../util/zod-issues.js';
import { handoffEvent } from './audit-helpers.js';
import type { AuditEvent, AuditEventInput } from './audit-event.js';
import type { FlowDeps } from './flow-deps.js';
import { checkClassLowering, startClassAudit } from './class-lowering.js';
import { refuseRow, type RowRefusal } from './refusal.js';
import { holds, rowActor } from './row-identity.js';
import { staleBecause } from './stale-reason.js';

export type PickupOutcome =
  | { readonly kind: 'skipped'; readonly why: string }
  | { readonly kind: 'queued'; readonly handoff: Handoff }
  | { readonly kind: 'continued'; readonly handoff: Handoff }
  | { readonly kind: 'refused'; readonly code: ErrorCode | 'DUPLICATE'; readonly message: string };

const UNFINISHED = ['queued', 'running', 'awaiting_review'];

/**
 * `taken`: the row's hand-off as read together with the row's lease (intake.ts),
 * so pickup need not read it again; read here when not given.
 */
export async function takeRequest(deps: FlowDeps, mappings: MappingSet, raw: RawRecord, taken?: { readonly handoff: Handoff | null }): Promise<PickupOutcome> {
  const rowId = raw.sys_id ?? '';
  if (!SYS_ID.test(rowId)) return { kind: 'skipped', why: 'the row has no sys_id' };
  const mapping = mappings.byTable.get(raw.ticket_table ?? '');
  const ticketId = SYS_ID.test(raw.ticket ?? '') ? raw.ticket! : null;
  const refuse = async (code: ErrorCode | 'DUPLICATE', message: string, remedy: string, extra: Partial<Pick<RowRefusal, 'actor' | 'ticket' | 'details'>> = {}): Promise<PickupOutcome> => {
    const ticket = mapping && ticketId ? { mapping, sysId: ticketId, number: raw.number ?? '' } : null;
    await refuseRow(deps, { kind: 'request', row: rowId, code, message, remedy, actor: raw.sys_created_by || null, handoff: null, ticket, input: raw, ...extra });
    return { kind: 'refused', code, message };
  };

  const parsed = RequestRowRecord.safeParse(raw);
  if (!parsed.success) {
    return refuse('REQUEST_INVALID', `The request was not taken: ${formatIssues('the row', parsed.error).join('; ')}.`, 'Use Assign To AI Operation again.');
  }
  const row = parsed.data;
  if (row.state !== 'pending') return { kind: 'skipped', why: `the row is ${row.state}` };
  if (!mapping) {
    return refuse('REQUEST_INVALID', `The request was not taken: the AI worker serves no table '${row.ticket_table}'.`, `Request on a ticket of ${[...mappings.byTable.keys()].join(', ')}.`);
  }

  const earlier = taken !== undefined ? taken.handoff : await deps.store.forRequestRow(row.sys_id);
  if (earlier) {
    // Taken before (a worker died after creating the hand-off, or a write was lost): finish the pickup once.
    const record = (await deps.tickets.get(mapping.table, row.ticket)) ?? (await deps.connector.get(mapping, row.ticket));
    if (!record) return { kind: 'skipped', why: 'the ticket of a taken request cannot be read; the next attempt tries again' };
    await finishPickup(deps, mapping, record, earlier, row.sys_id);
    return { kind: 'continued', handoff: earlier };
  }

  const who = await rowActor(deps, 'request', row.sys_created_by, row.requested_by, (p) => (holds(p, deps.app.roles.agent) ? null : `${p.userName} does not hold the ${deps.app.roles.agent} role needed to assign work to the AI.`));
  if (!who.ok) return refuse(who.code, who.message, who.remedy);
  const requester = who.actor;

  // The class's sys_audit rows are read beside the ticket, not after it: both go out together (one Batch API call).
  const classAudit = startClassAudit(deps, mapping, row.ticket);
  const record = await deps.connector.get(mapping, row.ticket);
  await deps.fault('intake-ticket-read');
  if (!record) return refuse('SN_NOT_FOUND', `The request was not taken: ${row.number || row.ticket} cannot be read by the AI worker.`, 'Ask an admin to check the integration user can read this ticket.', { actor: requester.userName, ticket: { mapping, sysId: row.ticket, number: row.number, record: null } });
  const refuseOn = (code: ErrorCode | 'DUPLICATE', message: string, remedy: string, details?: RowRefusal['details']): Promise<PickupOutcome> =>
    refuse(code, message, remedy, { actor: requester.userName, ticket: { mapping, sysId: row.ticket, number: record[mapping.fields.number] ?? row.number, record }, ...(details ? { details } : {}) });

  let ticket: Ticket;
  try {
    ticket = deps.policy.toTicket(mapping, record);
  } catch (error) {
    const message = error instanceof HandoffError ? error.message : 'the ticket could not be read';
    return refuseOn('RECORD_INVALID', `The request was not taken: ${message}.`, 'Ask an admin to check the field mapping for this table.');
  }
  const lowered = await checkClassLowering(deps, mapping, record, ticket, requester, classAudit);
  if (lowered) return refuseOn(lowered.code, lowered.message, lowered.remedy);

  const panel = await deps.policy.panel(ticket, { handoffs: [], notice: null });
  const op = panel.operations.find((o) => o.id === row.operation);
  if (!op) return refuseOn('POLICY_BLOCKED', `The operation '${row.operation}' is not offered for ${ticket.number}.`, 'Choose one of the operations the panel lists.');
  if (op.outcome === 'blocked') {
    const why = op.reasons.map((r) => r.message).join(' ');
    const remedy = op.reasons.map((r) => r.remedy).join(' ');
    return refuseOn('POLICY_BLOCKED', `'${op.title}' is blocked: ${why}`, remedy || 'See the panel for what would allow it.', { operation: op.id, rules: op.reasons.map((r) => r.rule) });
  }
  if (op.scopeDigest !== row.scope_digest) {
    return refuseOn('POLICY_STALE_SCOPE', `The scope of '${op.title}' changed after you reviewed it; nothing was started.${staleBecause(deps.policy, record[mapping.ai.panel])}`, 'The panel is refreshed: open Assign To AI Operation again and review the current scope.');
  }
  // Secrets in the note are masked before anything keeps or quotes it (the hand-off record, a refusal reason).
  // The audit records what was masked, by kind and count, never the values (the seed: "the masking is recorded in the audit").
  const { text: maskedNote, masked: noteMasked } = maskFreeText(row.note);
  const note = maskedNote ?? null;
  if (note !== null) {
    const problem = deps.policy.checkNote(note);
    if (problem) return refuseOn('POLICY_BLOCKED', `The note asks for something the AI may not do: ${problem.message}`, problem.remedy);
  }

  const handoff = newHandoff(deps, ticket, op, panel.policyVersion, requester, note, row);
  const created = await deps.store.create(handoff);
  if (!created.created) {
    const other = await deps.store.get(created.existingId);
    if (created.because === 'row' && other) {
      await finishPickup(deps, mapping, record, other, row.sys_id);
      return { kind: 'continued', handoff: other };
    }
    const status = other && UNFINISHED.includes(other.status) ? other.status : 'in progress';
    return refuseOn('DUPLICATE', `'${op.title}' is already in progress on this ticket (${created.existingId}, ${status}).`, 'Wait for it to finish, or review it, before asking again.');
  }
  await deps.fault('after-handoff-create');
  // The request and the queueing recorded together, in this order: one append to the ledger (group commit) for both.
  const requested = deps.ledger.append({
    type: 'requested',
    handoff: handoff.id,
    ticket: { table: mapping.table, sysId: row.ticket, number: ticket.number },
    actors: [{ role: 'requester', userName: requester.userName }],
    policyVersion: handoff.policyVersion,
    inputDigest: digestOf({ request: { operation: row.operation, scope: row.scope_digest, note: row.note } }),
    outputDigest: null,
    details: {
      operation: op.id,
      scopeDigest: op.scopeDigest,
      approvalRequired: op.approval.required,
      approverRole: op.approval.role,
      hasNote: note !== null,
      noteMasked,
      row: row.sys_id,
      ...evidenceFacts(ticket, handoff),
    },
  });
  const queued = deps.ledger.append(queuedEvent(deps, handoff));
  await Promise.all([requested, queued]);
  // Just created and its request and queueing recorded by this attempt: no ledger read to learn what is recorded.
  await finishPickup(deps, mapping, record, handoff, row.sys_id, ['requested', 'queued']);
  return { kind: 'queued', handoff };
}

function newHandoff(deps: FlowDeps, ticket: Ticket, op: PanelOperation, policyVersion: string, requester: Actor, note: string | null, row: RequestRowRecord): Handoff {
  const scope = scopeOf(op, ticket.ref, op.approval, policyVersion);
  if (scopeDigest(scope) !== op.scopeDigest) {
    // The panel and the flow must agree on what a scope is; if not, stop rather than bind to the wrong thing.
    throw new HandoffError('POLICY_STALE_SCOPE', `the scope rebuilt for '${op.id}' does not match the panel's digest`, { retryable: false });
  }
  const at = deps.now().toISOString();
  return {
    id: newHandoffId(),
    ticket: ticket.ref,
    operation: op.id,
    scope,
    scopeDigest: op.scopeDigest,
    requester,
    requestRow: row.sys_id,
    // What the app's rule stored in the requester's session, as it came: the read boundary fails closed on it if unusable.
    readCheck: { readable: row.readable, requestedOn: row.sys_created_on },
    note,
    policyVersion,
    status: 'queued',
    approval: op.approval,
    createdAt: at,
    updatedAt: at,
    reviewDueAt: null,
    output: null,
    writtenAt: null,
    review: null,
    failure: null,
    shadow: deps.policy.shadow(ticket),
  };
}

/** For the evidence report (acceptance per group, data classes per provider kind); without the ticket, the shadow flag alone. */
function evidenceFacts(ticket: Ticket | null, handoff: Handoff): { group?: string | null; dataClass?: string | null; shadow: boolean } {
  return ticket === null ? { shadow: handoff.shadow } : { group: budgetGroupKey(ticket.owner.group), dataClass: ticket.dataClass, shadow: handoff.shadow };
}

function ticketOf(deps: FlowDeps, mapping: TableMapping, record: RawRecord): Ticket | null {
  try {
    return deps.policy.toTicket(mapping, record);
  } catch {
    return null;
  }
}

/**
 * Queued event, execute job, then the row taken with the panel and status in
 * one call. Each step can be repeated. `recorded`: the hand-off's events
 * known to be in the ledger (its creator's attempt), else they are read.
 */
async function finishPickup(deps: FlowDeps, mapping: TableMapping, record: RawRecord, handoff: Handoff, row: string, recorded?: readonly AuditEvent['type'][]): Promise<void> {
  const events = recorded !== undefined ? recorded.map((type) => ({ type })) : await deps.ledger.forHandoff(handoff.id);
  if (!events.some((e) => e.type === 'requested')) {
    // The attempt that created the hand-off ended before recording the request (a crash, Redis away): record it now.
    await deps.ledger.append(
      handoffEvent('requested', handoff, [{ role: 'requester', userName: handoff.requester.userName }], {
        inputDigest: digestOf({ request: { operation: handoff.operation, scope: handoff.scopeDigest } }),
        details: {
          scopeDigest: handoff.scopeDigest,
          approvalRequired: handoff.approval.required,
          approverRole: handoff.approval.role,
          hasNote: handoff.note !== null,
          row,
          recovered: true,
          ...evidenceFacts(ticketOf(deps, mapping, record), handoff),
        },
      }),
    );
  }
  if (!events.some((e) => e.type === 'queued')) {
    await deps.ledger.append(queuedEvent(deps, handoff));
  }
  // The ticket just read serves execute (within worker.ticketFreshMs): no second GET.
  await deps.tickets.put(mapping.table, handoff.ticket.sysId, record);
  await Promise.all([deps.queues.execute(handoff), deps.notices.clear(mapping.table, handoff.ticket.sysId)]);
  await deps.panels.refresh(mapping, record, { request: { sysId: row, state: 'queued', handoff: handoff.id } });
  await deps.fault('intake-after-take');
}

function queuedEvent(deps: FlowDeps, handoff: Handoff): AuditEventInput {
  return handoffEvent('queued', handoff, [{ role: 'worker', userName: deps.settings.integrationUser }], { inputDigest: handoff.scopeDigest });
}
