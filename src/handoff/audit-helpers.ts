import type { Handoff } from '../domain/handoff.js';
import type { AuditActor, AuditEventInput, AuditEventType } from './audit-event.js';

/** An audit event about a hand-off, with its ticket and policy version filled in. */
export function handoffEvent(
  type: AuditEventType,
  handoff: Handoff,
  actors: readonly AuditActor[],
  fields: { inputDigest?: string | null; outputDigest?: string | null; details?: Record<string, unknown> } = {},
): AuditEventInput {
  return {
    type,
    handoff: handoff.id,
    ticket: { table: handoff.ticket.table, sysId: handoff.ticket.sysId, number: handoff.ticket.number },
    actors: [...actors],
    policyVersion: handoff.policyVersion,
    inputDigest: fields.inputDigest ?? null,
    outputDigest: fields.outputDigest ?? null,
    details: { operation: handoff.operation, ...fields.details },
  };
}
