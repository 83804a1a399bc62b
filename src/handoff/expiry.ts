/**
 * Expiry: a review that does not come within the configured window expires.
 * Nothing is ever approved by default: the hand-off ends `expired`, a short
 * note says the draft must not be used, and the panel shows it.
 */
import type { MappingSet } from '../mapping/load-mappings.js';
import { handoffEvent } from './audit-helpers.js';
import type { FlowDeps } from './flow-deps.js';

export async function expireOverdue(deps: FlowDeps, mappings: MappingSet): Promise<number> {
  const now = deps.now();
  let expired = 0;
  for (const id of await deps.store.idsWithStatus('awaiting_review')) {
    const handoff = await deps.store.get(id);
    if (!handoff || handoff.reviewDueAt === null || Date.parse(handoff.reviewDueAt) > now.getTime()) continue;
    const mapping = mappings.byTable.get(handoff.ticket.table);
    if (!mapping) continue;
    let changed = false;
    const updated = await deps.store.update(id, (h) => {
      if (h.status !== 'awaiting_review') return h;
      changed = true;
      return { ...h, status: 'expired' };
    });
    if (!changed) continue;
    await deps.ledger.append(handoffEvent('expired', updated, [{ role: 'system', userName: deps.settings.integrationUser }], { details: { reviewDueAt: handoff.reviewDueAt } }));
    const key = `expired-${id}`;
    const journal = await deps.connector.workNotes(mapping, updated.ticket.sysId);
    const alsoWrite: Record<string, string> = {};
    if (!updated.shadow && !journal.some((e) => deps.notes.hasMarker(e.value, key))) {
      alsoWrite[mapping.ai.workNotes] = deps.notes.reviewNote({ handoff: updated, decision: 'expired', by: null, comment: null });
    }
    await deps.panels.refreshById(mapping, updated.ticket.sysId, { alsoWrite });
    expired++;
  }
  return expired;
}
