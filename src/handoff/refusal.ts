/**
 * Refusing what a person put in the request or review field: the reason and
 * remedy go to the panel's notice (where the person looks), the refusal is an
 * audit event, and the field is cleared in the same write as the panel.
 */
import type { RawRecord } from '../connector/connector.js';
import type { Actor, Handoff } from '../domain/handoff.js';
import type { TableMapping } from '../mapping/mapping-schema.js';
import { digestOf } from '../util/canonical-json.js';
import type { FlowDeps } from './flow-deps.js';

export interface Refusal {
  /** Which field is refused: the agent's request or the approver's review. */
  readonly field: 'request' | 'review';
  readonly code: string;
  readonly message: string;
  readonly remedy: string;
  /** Who set the field, when the platform said. */
  readonly actor: Actor | null;
  /** The hand-off a review named, when it exists. */
  readonly handoff: Handoff | null;
  /** The field's value, digested into the audit event (never stored as is). */
  readonly value: string;
  /** Secret-free facts for the audit event: the operation and the policy rules that decided (the evidence report counts kill switches by them). */
  readonly details?: { readonly operation?: string; readonly rules?: readonly string[] };
}

export async function refuseField(deps: FlowDeps, mapping: TableMapping, record: RawRecord, refusal: Refusal): Promise<void> {
  const sysId = record.sys_id ?? '';
  await deps.notices.set(mapping.table, sysId, { kind: 'refused', message: refusal.message, remedy: refusal.remedy, at: deps.now().toISOString() });
  await deps.ledger.append({
    type: refusal.field === 'request' ? 'refused' : 'review_refused',
    handoff: refusal.handoff?.id ?? null,
    ticket: { table: mapping.table, sysId, number: record[mapping.fields.number] ?? sysId },
    actors: refusal.actor ? [{ role: refusal.field === 'request' ? 'requester' : 'reviewer', userName: refusal.actor.userName }] : [],
    policyVersion: refusal.handoff?.policyVersion ?? deps.policy.version,
    inputDigest: digestOf({ [refusal.field]: refusal.value }),
    outputDigest: null,
    details: { code: refusal.code, reason: refusal.message, ...refusal.details },
  });
  await deps.panels.refresh(mapping, record, { alsoWrite: { [mapping.ai[refusal.field]]: '' } });
  deps.log.info(`${refusal.field} refused`, { table: mapping.table, sysId, code: refusal.code });
}
