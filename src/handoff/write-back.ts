/**
 * Write-back: put the persisted note into the ticket's work notes exactly
 * once. Delivery is at least once (a worker killed after the PATCH and before
 * the acknowledgement has its job run again), so before writing it looks for
 * the hand-off's marker in the journal, and a short lease keeps two live
 * workers from writing at the same time
 * (../shared/reference/bullmq-redis.md, "Delivery is at least once").
 */
import type { RawRecord } from '../connector/connector.js';
import { HandoffError } from '../errors.js';
import type { TableMapping } from '../mapping/mapping-schema.js';
import { acquireLease } from '../queue/lease.js';
import { digestOf } from '../util/canonical-json.js';
import { handoffEvent } from './audit-helpers.js';
import type { FlowDeps } from './flow-deps.js';
import { writtenByUs } from './journal-trust.js';

export type WriteBackOutcome = 'skipped' | 'written' | 'already-written' | 'shadowed';


/** What the panel shows for a shadowed hand-off (the group runs in shadow mode). */
export const SHADOW_NOTICE = 'Shadow mode: the AI draft was recorded in the audit, not written to this ticket.';
const SHADOW_REMEDY = 'Governance reads shadowed drafts in the audit (`ai-handoff audit export`); a review decision here is recorded in the audit and the status only.';

export async function writeBack(deps: FlowDeps, mapping: TableMapping, handoffId: string): Promise<WriteBackOutcome> {
  const worker = { role: 'worker' as const, userName: deps.settings.integrationUser };
  const handoff = await deps.store.get(handoffId);
  if (!handoff) throw new HandoffError('HANDOFF_NOT_FOUND', `no hand-off ${handoffId}`, { details: { handoff: handoffId } });
  if (handoff.writtenAt !== null || handoff.status !== 'running') {
    return 'skipped';
  }
  const note = await deps.store.loadNote(handoffId);
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
  let outcome: WriteBackOutcome;
  /** The ticket as the note's PATCH returned it: the panel refresh below needs no second read. */
  let written: RawRecord | null = null;
  try {
    if (handoff.shadow) {
      // Shadow mode: the would-be note goes to the audit only (once, also when the job runs again after a crash);
      // the panel says where it went, so nobody looks for it in the ticket.
      if (!(await deps.ledger.forHandoff(handoff.id)).some((e) => e.type === 'shadowed')) {
        await deps.ledger.append(handoffEvent('shadowed', handoff, [worker], { outputDigest: digestOf(note), details: { note } }));
      }
      await deps.notices.set(mapping.table, handoff.ticket.sysId, { kind: 'info', message: SHADOW_NOTICE, remedy: SHADOW_REMEDY, at: deps.now().toISOString() });
      outcome = 'shadowed';
    } else {
      const journal = await deps.connector.workNotes(mapping, handoff.ticket.sysId);
      if (journal.some((entry) => writtenByUs(deps, entry) && deps.notes.hasHandoffMarker(entry.value, handoff.id))) {
        outcome = 'already-written';
      } else {
        await deps.fault('before-note-write');
        written = await deps.connector.write(mapping, handoff.ticket.sysId, { [mapping.ai.workNotes]: note });
        await deps.fault('after-note-write');
        outcome = 'written';
      }
      await deps.ledger.append(handoffEvent('written', handoff, [worker], { outputDigest: digestOf(note), details: { outcome } }));
    }
  } finally {
    await lease.release();
  }
  const now = deps.now();
  await deps.store.update(handoffId, (h) => ({
    ...h,
    status: 'awaiting_review',
    writtenAt: now.toISOString(),
    reviewDueAt: new Date(now.getTime() + deps.settings.reviewWindowMs).toISOString(),
  }));
  if (written !== null) await deps.panels.refresh(mapping, written);
  else await deps.panels.refreshById(mapping, handoff.ticket.sysId);
  return outcome;
}
