/**
 * The ledger with an observer of every event appended: how /metrics counts
 * the flow's steps (src/ops/event-facts.ts) without a counter in the flow's
 * own files. An observer that throws is ignored: counting must never fail a
 * hand-off.
 */
import type { AuditEvent } from './audit-event.js';
import type { AuditLedger } from './audit-ledger.js';

export function observeAppends(ledger: AuditLedger, observer: ((event: AuditEvent) => void) | undefined): AuditLedger {
  if (observer === undefined) return ledger;
  return {
    ...ledger,
    async append(input) {
      const event = await ledger.append(input);
      try {
        observer(event);
      } catch {
        // counted or not, the event is in the ledger
      }
      return event;
    },
  };
}
