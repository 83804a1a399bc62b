/**
 * Expiry: a review that does not come within the configured window expires
 * (an escalated draft too: escalating does not extend the window).
 * Nothing is ever approved by default: the hand-off ends `expired` (first,
 * atomically, so a late review is refused), then a short note says so, and the
 * panel shows it. Where approval was required the note says the output was not
 * approved and must not be used; where none was, that nobody reviewed it in
 * time and it must be checked against its sources before anyone relies on it
 * (src/ai/render/review-note.ts). The note is owed until written: a crash or
 * an unreachable instance only delays it to the next sweep.
 */
import type { MappingSet } from '../mapping/load-mappings.js';
import { handoffEvent } from './audit-helpers.js';
import { isDecidable } from './escalation.js';
import type { FlowDeps } from './flow-deps.js';

export async function expireOverdue(deps: FlowDeps, mappings: MappingSet): Promise<number> {
  const now = deps.now();
  const owed = `${deps.prefix}:expiry-notes-owed`;
  let expired = 0;
  const waiting = [...(await deps.store.idsWithStatus('awaiting_review')), ...(await deps.store.idsWithStatus('escalated'))];
  for (const id of waiting) {
    const handoff = await deps.store.get(id);
    if (!handoff || handoff.reviewDueAt === null || Date.parse(handoff.reviewDueAt) > now.getTime()) continue;
    let changed = false;
    const updated = await deps.store.update(id, (h) => {
      if (!isDecidable(h)) return h;
      changed = true;
      return { ...h, status: 'expired' };
    });
    if (!changed) continue;
    await deps.redis.sadd(owed, id);
    await deps.ledger.append(handoffEvent('expired', updated, [{ role: 'system', userName: deps.settings.integrationUser }], { details: { reviewDueAt: handoff.reviewDueAt } }));
    expired++;
  }

  for (const id of await deps.redis.smembers(owed)) {
    const handoff = await deps.store.get(id);
    const mapping = handoff ? mappings.byTable.get(handoff.ticket.table) : undefined;
    if (!handoff || !mapping) {
      await deps.redis.srem(owed, id);
      continue;
    }
    // The note (idempotent by its marker: a sweep repeated after a crash writes it once), status and panel in one call.
    const note = handoff.shadow ? undefined : { text: deps.notes.reviewNote({ handoff, decision: 'expired', by: null, comment: null }), key: deps.notes.reviewKey(id, 'expired') };
    await deps.panels.refreshById(mapping, handoff.ticket.sysId, note ? { note } : {});
    await deps.redis.srem(owed, id);
  }
  return expired;
}
