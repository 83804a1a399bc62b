/**
 * Pickup: an agent's Assign To AI Operation. The request field holds
 * `{"operation","scope","note"}`; it is validated, the requester is learned
 * from the platform, and everything is checked again against the ticket as it
 * is now (operation offered, not blocked, the scope digest the agent
 * confirmed still current, kill switches, the note). Then one hand-off is
 * created, the request field cleared, the status set to queued, and one
 * execute job enqueued. Anything else clears the field and shows the reason.
 */
import type { RawRecord } from '../connector/connector.js';
import { maskFreeText } from '../ai/mask-free-text.js';
import { budgetGroupKey } from '../ai/budget.js';
import { AiRequest } from '../domain/fields.js';
import type { Actor, Handoff } from '../domain/handoff.js';
import { newHandoffId } from '../domain/ids.js';
import type { PanelOperation } from '../domain/panel.js';
import { scopeDigest, scopeOf } from '../domain/scope.js';
import type { Ticket } from '../domain/ticket.js';
import { HandoffError, type ErrorCode } from '../errors.js';
import type { TableMapping } from '../mapping/mapping-schema.js';
import { withLease } from '../queue/lease.js';
import { digestOf } from '../util/canonical-json.js';
import type { FlowDeps } from './flow-deps.js';
import { checkClassLowering } from './class-lowering.js';
import { setterOf } from './identity.js';
import { refuseField, type Refusal } from './refusal.js';

export type PickupOutcome =
  | { readonly kind: 'nothing' }
  | { readonly kind: 'queued'; readonly handoff: Handoff }
  | { readonly kind: 'continued'; readonly handoff: Handoff }
  | { readonly kind: 'refused'; readonly code: ErrorCode | 'DUPLICATE'; readonly message: string };

const INTAKE_LEASE_MS = 60_000;

export interface PickupOptions {
  /** The last attempt: refuse instead of retrying when the requester is still unknown. */
  readonly finalAttempt: boolean;
}

export async function pickUp(deps: FlowDeps, mapping: TableMapping, sysId: string, options: PickupOptions): Promise<PickupOutcome> {
  const result = await withLease(deps.redis, `${deps.prefix}:lease:intake:${mapping.table}:${sysId}`, INTAKE_LEASE_MS, () => pickUpLocked(deps, mapping, sysId, options));
  if (result === undefined) {
    throw new HandoffError('LEASE_HELD', `another worker is taking in a request on ${mapping.table} ${sysId}`, { details: { table: mapping.table, sysId } });
  }
  return result;
}

async function pickUpLocked(deps: FlowDeps, mapping: TableMapping, sysId: string, options: PickupOptions): Promise<PickupOutcome> {
  const { connector, policy } = deps;
  const record = await connector.get(mapping, sysId);
  const value = record?.[mapping.ai.request] ?? '';
  if (!record || value.trim() === '') return { kind: 'nothing' };

  const refuse = async (code: ErrorCode | 'DUPLICATE', message: string, remedy: string, requester: Actor | null, details?: Refusal['details']): Promise<PickupOutcome> => {
    await refuseField(deps, mapping, record, { field: 'request', code, message, remedy, actor: requester, handoff: null, value, ...(details ? { details } : {}) });
    return { kind: 'refused', code, message };
  };

  const setter = await setterOf(connector, mapping, record, 'request');
  const requester = setter?.actor ?? null;
  if (!requester || !setter) {
    if (!options.finalAttempt) {
      throw new HandoffError('REQUESTER_UNKNOWN', `cannot yet tell who set ${mapping.ai.request} on ${mapping.table} ${sysId}`, { details: { table: mapping.table, sysId } });
    }
    return refuse('REQUESTER_UNKNOWN', 'The request was not taken: the platform does not say who made it.', mapping.identity === 'audit' ? 'Ask an admin to check that the integration user may read sys_audit, or switch the mapping to identity: stamp.' : 'Ask an admin to check the app\'s stamp rule.', null);
  }
  if (requester.userName === deps.settings.integrationUser) {
    return refuse('REQUEST_INVALID', 'The request was not taken: it was set by the integration user, not by a person.', 'Use Assign To AI Operation on the ticket.', requester);
  }

  let request: AiRequest;
  try {
    request = AiRequest.parse(JSON.parse(value));
  } catch (error) {
    const detail = error instanceof SyntaxError ? 'it is not JSON' : describeRequestProblem(error);
    return refuse('REQUEST_INVALID', `The request in ${mapping.ai.request} was not taken: ${detail}.`, 'Use Assign To AI Operation again; it writes {"operation", "scope", "note"}.', requester);
  }

  let ticket: Ticket;
  try {
    ticket = policy.toTicket(mapping, record);
  } catch (error) {
    const message = error instanceof HandoffError ? error.message : 'the ticket could not be read';
    return refuse('RECORD_INVALID', `The request was not taken: ${message}.`, 'Ask an admin to check the field mapping for this table.', requester);
  }
  const lowered = await checkClassLowering(deps, mapping, record, ticket, requester);
  if (lowered) return refuse(lowered.code, lowered.message, lowered.remedy, requester);

  const current = await deps.store.forTicket(mapping.table, sysId, 5);
  const panel = await policy.panel(ticket, { handoffs: [], notice: null });
  const op = panel.operations.find((o) => o.id === request.operation);
  if (!op) {
    return refuse('POLICY_BLOCKED', `The operation '${request.operation}' is not offered for ${ticket.number}.`, 'Choose one of the operations the panel lists.', requester);
  }
  if (op.outcome === 'blocked') {
    const why = op.reasons.map((r) => r.message).join(' ');
    const remedy = op.reasons.map((r) => r.remedy).join(' ');
    return refuse('POLICY_BLOCKED', `'${op.title}' is blocked: ${why}`, remedy || 'See the panel for what would allow it.', requester, { operation: op.id, rules: op.reasons.map((r) => r.rule) });
  }
  if (op.scopeDigest !== request.scope) {
    return refuse('POLICY_STALE_SCOPE', `The scope of '${op.title}' changed after you reviewed it; nothing was started.`, 'The panel is refreshed: open Assign To AI Operation again and review the current scope.', requester);
  }
  // Secrets in the note are masked before anything keeps or quotes it (the hand-off record, a refusal reason).
  // The audit records what was masked, by kind and count, never the values (the seed: "the masking is recorded in the audit").
  const { text: maskedNote, masked: noteMasked } = maskFreeText(request.note);
  const note = maskedNote ?? null;
  if (note !== null) {
    const problem = policy.checkNote(note);
    if (problem) return refuse('POLICY_BLOCKED', `The note asks for something the AI may not do: ${problem.message}`, problem.remedy, requester);
  }

  const existing = current.find((h) => h.operation === op.id && !['accepted', 'rejected', 'escalated', 'expired', 'failed'].includes(h.status));
  if (existing) {
    if (sameRequest(existing, op.scopeDigest, requester, setter.changeKey)) {
      // A redelivered pickup, or a repeated click, after the hand-off was created: finish the pickup once.
      await finishPickup(deps, mapping, record, existing);
      return { kind: 'continued', handoff: existing };
    }
    return refuse('DUPLICATE', `'${op.title}' is already in progress on this ticket (${existing.id}, ${existing.status}).`, 'Wait for it to finish, or review it, before asking again.', requester);
  }

  const handoff = newHandoff(deps, ticket, op, panel.policyVersion, requester, note, setter.changeKey);
  const created = await deps.store.create(handoff);
  if (!created.created) {
    const other = await deps.store.get(created.existingId);
    if (other && sameRequest(other, op.scopeDigest, requester, setter.changeKey)) {
      await finishPickup(deps, mapping, record, other);
      return { kind: 'continued', handoff: other };
    }
    return refuse('DUPLICATE', `'${op.title}' is already in progress on this ticket (${created.existingId}).`, 'Wait for it to finish, or review it, before asking again.', requester);
  }
  await deps.fault('after-handoff-create');
  const ticketRef = { table: mapping.table, sysId, number: ticket.number };
  await deps.ledger.append({
    type: 'requested',
    handoff: handoff.id,
    ticket: ticketRef,
    actors: [{ role: 'requester', userName: requester.userName }],
    policyVersion: handoff.policyVersion,
    inputDigest: digestOf({ request: value }),
    outputDigest: null,
    details: {
      operation: op.id,
      scopeDigest: op.scopeDigest,
      approvalRequired: op.approval.required,
      approverRole: op.approval.role,
      hasNote: note !== null,
      noteMasked,
      // For the evidence report (acceptance per group, data classes per provider kind).
      group: budgetGroupKey(ticket.owner.group),
      dataClass: ticket.dataClass,
      shadow: handoff.shadow,
    },
  });
  await finishPickup(deps, mapping, record, handoff);
  return { kind: 'queued', handoff };
}

/**
 * Whether an unfinished hand-off came from this very request (a redelivered or
 * repeated pickup of the same change) rather than the same value set again.
 */
function sameRequest(existing: Handoff, scope: string, requester: Actor, changeKey: string | null): boolean {
  if (existing.scopeDigest !== scope || existing.requester.userName !== requester.userName) return false;
  return existing.requestKey === null || changeKey === null || existing.requestKey === changeKey;
}

function newHandoff(deps: FlowDeps, ticket: Ticket, op: PanelOperation, policyVersion: string, requester: Actor, note: string | null, requestKey: string | null): Handoff {
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
    requestKey,
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

/** Queued event, execute job, then clear the request field and show the hand-off. Each step can be repeated. */
async function finishPickup(deps: FlowDeps, mapping: TableMapping, record: RawRecord, handoff: Handoff): Promise<void> {
  const events = await deps.ledger.forHandoff(handoff.id);
  if (!events.some((e) => e.type === 'queued')) {
    await deps.ledger.append({
      type: 'queued',
      handoff: handoff.id,
      ticket: { table: mapping.table, sysId: handoff.ticket.sysId, number: handoff.ticket.number },
      actors: [{ role: 'worker', userName: deps.settings.integrationUser }],
      policyVersion: handoff.policyVersion,
      inputDigest: handoff.scopeDigest,
      outputDigest: null,
      details: { operation: handoff.operation },
    });
  }
  await deps.queues.execute(handoff.id);
  await deps.notices.clear(mapping.table, handoff.ticket.sysId);
  await deps.panels.refresh(mapping, record, { alsoWrite: { [mapping.ai.request]: '' } });
}

function describeRequestProblem(error: unknown): string {
  if (error && typeof error === 'object' && 'issues' in error && Array.isArray((error).issues)) {
    const issues = (error as { issues: { path: PropertyKey[]; message: string }[] }).issues;
    return issues.map((i) => `${i.path.length ? i.path.map(String).join('.') : 'the request'}: ${i.message}`).join('; ');
  }
  return 'it does not match the request schema';
}
