/**
 * The data class cannot be lowered to get round the policy (issue 10): a
 * request within the policy's cool-down after the ticket's class was lowered
 * is refused with a reason that names the lowering, and the lowering is an
 * audit event with who did it. One entry point, `checkClassLowering`, which
 * pickup calls once the requester and the ticket are known, with the
 * sys_audit read it started beside the ticket's (`startClassAudit`: the two
 * leave in one Batch API call; for a ticket without a class the read is
 * made and not used).
 *
 * How the worker knows the previous class, across restarts and an emptied
 * Redis (docs/boundary.md, "Lowering the class"):
 * - sys_audit on the classification field, when the integration user may
 *   read it: every change with its old and new value, who made it and when;
 * - the panel on the ticket, always: each panel records the class it was
 *   computed for, and a lowering seen from one panel to the next is carried
 *   in the panels until the cool-down ends (src/policy/class-lowering.ts).
 *   A lower class than the panel on the ticket records is a lowering too
 *   (the request came before the next sync).
 * Who lowered it comes only from sys_audit; otherwise it is "unknown", and
 * a policy that refuses only the lowerer refuses an unknown one as well.
 */
import type { FieldChange, RawRecord } from '../connector/connector.js';
import type { Actor } from '../domain/handoff.js';
import type { ClassLowering } from '../domain/panel.js';
import type { DataClass, Ticket } from '../domain/ticket.js';
import { isHandoffError } from '../errors.js';
import type { TableMapping } from '../mapping/mapping-schema.js';
import { recordClass } from '../boundary/record-class.js';
import { classRank, recordedClass, withinCoolDown } from '../policy/class-lowering.js';
import type { FlowDeps } from './flow-deps.js';

/** Who lowered the class when the platform does not say. */
export const UNKNOWN_LOWERER = 'unknown';

export interface LoweringRefusal {
  readonly code: 'BOUNDARY_CLASS_LOWERED';
  readonly message: string;
  readonly remedy: string;
}

export interface Lowering extends ClassLowering {
  /** user_name of who lowered it (sys_audit), else "unknown". */
  readonly by: string;
}

const WORDS: Readonly<Record<DataClass, string>> = { public: 'Public', internal: 'Internal', confidential: 'Confidential', restricted: 'Restricted' };

/** A UTC glide date-time as ISO 8601; null when it is not one. */
function isoOfGlide(text: string): string | null {
  const ms = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(text) ? Date.parse(`${text.replace(' ', 'T')}Z`) : Number.NaN;
  return Number.isFinite(ms) ? new Date(ms).toISOString() : null;
}

/** Pickup's read of sys_audit on the class field, started beside the ticket's read (startClassAudit). */
export type ClassAudit = Promise<{ readonly changes: readonly FieldChange[] } | { readonly error: unknown } | null>;

/**
 * Starts the sys_audit read of a ticket's class field now, so it goes out
 * with the ticket's own read (one Batch API call, issue 13) rather than
 * after it; null inside when the mapping has no class field or the check is
 * off. Never rejects: a failed read is handed to checkClassLowering, which
 * decides as it would have.
 */
export function startClassAudit(deps: FlowDeps, mapping: TableMapping, sysId: string): ClassAudit {
  const field = mapping.dataClass.field;
  if (field === undefined || deps.policy.boundaryRules().classLowering.coolDownMs <= 0) return Promise.resolve(null);
  return deps.connector.fieldChanges(mapping, sysId, field).then(
    (changes) => ({ changes }),
    (error: unknown) => ({ error }),
  );
}

/** The newest lowering sys_audit records within the cool-down, still in force; null when none or sys_audit cannot be read. */
async function auditedLowering(deps: FlowDeps, mapping: TableMapping, read: ClassAudit, current: DataClass, coolDownMs: number): Promise<Lowering | null> {
  const field = mapping.dataClass.field;
  const answer = await read;
  if (field === undefined || answer === null) return null;
  if ('error' in answer) {
    // Not readable (an ACL, a dot-walked field): the panel's record decides, and who is unknown.
    if (isHandoffError(answer.error) && !answer.error.retryable) return null;
    throw answer.error;
  }
  const now = deps.now();
  for (const change of answer.changes) {
    // The insert's own row (checkpoint 0, old value empty) sets the class the ticket was created with: not a lowering.
    if (change.checkpoint === 0) continue;
    const at = isoOfGlide(change.createdOn);
    if (at === null || !withinCoolDown(at, now, coolDownMs)) continue;
    const from = recordClass(mapping.dataClass, { [field]: change.oldValue });
    const to = recordClass(mapping.dataClass, { [field]: change.newValue });
    if (classRank(to) < classRank(from) && classRank(current) < classRank(from)) return { from, to, at, by: change.user || UNKNOWN_LOWERER };
  }
  return null;
}

/** The lowering the panel on the ticket shows: carried within the cool-down, or a class above the current one. */
function panelLowering(record: RawRecord, mapping: TableMapping, current: DataClass, now: Date, coolDownMs: number): Lowering | null {
  const recorded = recordedClass(record[mapping.ai.panel]);
  const carried = recorded.lowered;
  if (carried !== null && withinCoolDown(carried.at, now, coolDownMs) && classRank(current) < classRank(carried.from)) {
    return { ...carried, to: current, by: UNKNOWN_LOWERER };
  }
  if (recorded.dataClass !== null && classRank(current) < classRank(recorded.dataClass)) {
    return { from: recorded.dataClass, to: current, at: now.toISOString(), by: UNKNOWN_LOWERER };
  }
  return null;
}

/**
 * Pickup's check: null when the request may go on; else the refusal, with
 * the lowering recorded in the audit (once per lowering and cool-down).
 * `audit`: the sys_audit read pickup started beside the ticket's read; made
 * here when not given.
 */
export async function checkClassLowering(deps: FlowDeps, mapping: TableMapping, record: RawRecord, ticket: Ticket, requester: Actor, audit?: ClassAudit): Promise<LoweringRefusal | null> {
  const { coolDownMs, refuse } = deps.policy.boundaryRules().classLowering;
  const current = ticket.dataClass;
  // An unknown class blocks every operation already; a cool-down of 0 turns the check off.
  if (coolDownMs <= 0 || current === null) return null;
  const now = deps.now();
  const fromPanel = panelLowering(record, mapping, current, now, coolDownMs);
  const audited = await auditedLowering(deps, mapping, audit ?? startClassAudit(deps, mapping, ticket.ref.sysId), current, coolDownMs);
  const lowering = audited !== null && fromPanel !== null && classRank(fromPanel.from) > classRank(audited.from) ? { ...audited, from: fromPanel.from } : (audited ?? fromPanel);
  if (lowering === null) return null;

  const endsAt = new Date(Date.parse(lowering.at) + coolDownMs).toISOString();
  await recordLowering(deps, mapping, ticket, lowering, endsAt, coolDownMs);
  if (refuse === 'lowerer' && lowering.by !== UNKNOWN_LOWERER && lowering.by !== requester.userName) return null;

  const who = lowering.by === UNKNOWN_LOWERER ? 'by someone the instance does not name (sys_audit is not readable)' : `by ${lowering.by}`;
  return {
    code: 'BOUNDARY_CLASS_LOWERED',
    message: `The request was not taken: the data classification of ${ticket.number} was lowered from ${WORDS[lowering.from]} to ${WORDS[lowering.to]} ${who} at ${lowering.at}, and policy refuses AI hand-off until ${endsAt}.`,
    remedy: 'Ask again after the cool-down if the new classification is right; if it is not, ask a data steward to restore it.',
  };
}

async function recordLowering(deps: FlowDeps, mapping: TableMapping, ticket: Ticket, lowering: Lowering, endsAt: string, coolDownMs: number): Promise<void> {
  const key = `${deps.prefix}:lowering:${mapping.table}:${ticket.ref.sysId}:${lowering.from}:${lowering.to}:${lowering.by}`;
  const first = await deps.redis.set(key, lowering.at, 'PX', Math.max(1, coolDownMs), 'NX');
  if (first !== 'OK') return;
  await deps.ledger.append({
    type: 'class_lowered',
    handoff: null,
    ticket: { table: mapping.table, sysId: ticket.ref.sysId, number: ticket.number },
    actors: [{ role: 'worker', userName: deps.settings.integrationUser }],
    policyVersion: deps.policy.version,
    inputDigest: null,
    outputDigest: null,
    details: { from: lowering.from, to: lowering.to, at: lowering.at, by: lowering.by, coolDownEndsAt: endsAt },
  });
}
