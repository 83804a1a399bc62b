/**
 * Write-back: put the persisted note into the ticket's work notes exactly
 * once, with the status (awaiting review) and the panel, in one call to the
 * app's API. Delivery is at least once (a worker killed after the write and
 * before the acknowledgement has its job run again), so the note carries its
 * marker as the idempotency key: the app writes it only if no entry of the
 * integration user already holds the key, and says which happened. No
 * journal read, and a marker anyone else typed suppresses nothing. A short
 * lease keeps two live workers from writing at the same time
 * (../shared/reference/bullmq-redis.md, "Delivery is at least once").
 */
import type { TicketWriteResult } from '../connector/connector.js';
import type { Handoff } from '../domain/handoff.js';
import { HandoffError } from '../errors.js';
import type { TableMapping } from '../mapping/mapping-schema.js';
import { acquireLease } from '../queue/lease.js';
import { digestOf } from '../util/canonical-json.js';
import { handoffEvent } from './audit-helpers.js';
import type { FlowDeps } from './flow-deps.js';

export type WriteBackOutcome = 'skipped' | 'written' | 'already-written' | 'shadowed';

/** What the panel shows for a shadowed hand-off (the group runs in shadow mode). */
export const SHADOW_NOTICE = 'Shadow mode: the AI draft was recorded in the audit, not written to this ticket.';
const SHADOW_REMEDY = 'Governance reads shadowed drafts in the audit (`ai-handoff audit export`); a review decision here is recorded in the audit and the status only.';

/**
 * `known`: the hand-off as execute just stored it and its persisted note, when
 * execute writes back in its own job (no second read of either).
 */
export async function writeBack(deps: FlowDeps, mapping: TableMapping, handoffId: string, known?: { readonly handoff: Handoff; readonly note: string }): Promise<WriteBackOutcome> {
  const worker = { role: 'worker' as const, userName: deps.settings.integrationUser };
  const handoff = known?.handoff ?? (await deps.store.get(handoffId));
  if (!handoff) throw new HandoffError('HANDOFF_NOT_FOUND', `no hand-off ${handoffId}`, { details: { handoff: handoffId } });
  if (handoff.writtenAt !== null || handoff.status !== 'running') {
    return 'skipped';
  }
  const note = known?.note ?? (await deps.store.loadNote(handoffId));
  if (note === null || handoff.output === null) {
    throw new HandoffError('HANDOFF_STATE_CONFLICT', `hand-off ${handoffId} has no persisted note to write`, { details: { handoff: handoffId } });
  }
  // The lease lasts as long as a job lock: if its holder died, both lapse together.
  const leaseKey = `${deps.prefix}:lease:write:${handoffId}`;
  const lease = await acquireLease(deps.redis, leaseKey, deps.settings.writeLeaseMs);
  if (!lease) {
    const left = await deps.redis.pttl(leaseKey);
    throw new HandoffError('LEASE_HELD', `another worker is writing hand-off ${handoffId}`, { details: { handoff: handoffId }, retryAfterMs: Math.max(left, 0) + 100 });
  }
  try {
    const sysId = handoff.ticket.sysId;
    const record = (await deps.tickets.get(mapping.table, sysId)) ?? (await deps.connector.get(mapping, sysId));
    if (!record) throw new HandoffError('SN_NOT_FOUND', `${mapping.table} ${sysId} is gone or hidden`, { details: { table: mapping.table, sysId } });
    if (handoff.shadow && !(await deps.ledger.forHandoff(handoff.id)).some((e) => e.type === 'shadowed')) {
      // Shadow mode: the would-be note goes to the audit only (once, also when the job runs again after a crash);
      // the panel says where it went, so nobody looks for it in the ticket.
      await deps.ledger.append(handoffEvent('shadowed', handoff, [worker], { outputDigest: digestOf(note), details: { note } }));
    }
    if (handoff.shadow) await deps.notices.set(mapping.table, sysId, { kind: 'info', message: SHADOW_NOTICE, remedy: SHADOW_REMEDY, at: deps.now().toISOString() });

    const now = deps.now();
    const written = { status: 'awaiting_review' as const, writtenAt: now.toISOString(), reviewDueAt: new Date(now.getTime() + deps.settings.reviewWindowMs).toISOString() };
    let outcome: WriteBackOutcome = 'shadowed';
    if (!handoff.shadow) await deps.fault('before-note-write');
    await deps.panels.refresh(mapping, record, {
      ...(handoff.shadow ? {} : { note: { text: note, key: deps.notes.noteKey(handoff.id) } }),
      // The status and panel sent with the note already show it awaiting review; the store follows under the same lease.
      project: (h) => (h.id === handoff.id ? { ...h, ...written, updatedAt: written.writtenAt } : h),
      then: async (result: TicketWriteResult | null) => {
        if (!handoff.shadow) {
          await deps.fault('after-note-write');
          outcome = result?.note === 'already_written' ? 'already-written' : 'written';
          await deps.ledger.append(handoffEvent('written', handoff, [worker], { outputDigest: digestOf(note), details: { outcome } }));
        }
        await deps.store.update(handoffId, (h) => ({ ...h, ...written }), written.writtenAt);
      },
    });
    return outcome;
  } finally {
    await lease.release();
  }
}
