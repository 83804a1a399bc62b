/**
 * A month of hand-offs written into a real ledger as the product writes them
 * (the same event types and details), for tests of the evidence report that
 * need many outcomes without driving the sandbox for each: several
 * operations and groups, accepted, rejected, escalated, expired and failed
 * outputs, refusals (a kill switch among them), review refusals, masking.
 */
import type { Redis } from 'ioredis';
import type { AuditEventInput } from '../../src/handoff/audit-event.js';
import { createCheckpointer } from '../../src/handoff/audit-checkpointer.js';
import type { AuditLedger } from '../../src/handoff/audit-ledger.js';
import { openAuditLedger } from '../../src/handoff/audit-setup.js';
import { silentLogger } from '../../src/util/log.js';
import { testAuditSetup } from './audit.js';
import { testPrefix } from './redis.js';

const MINUTE = 60_000;
const DAY = 86_400_000;
const OPS = [
  { op: 'gather-diagnostics', group: 'Network Operations', approval: false },
  { op: 'draft-vendor-escalation', group: 'Network Operations', approval: true },
  { op: 'least-privilege-checklist', group: 'Access Management', approval: true },
  { op: 'draft-review-summary', group: 'Security Operations', approval: true },
] as const;
const OUTCOMES = ['accept', 'accept', 'reject', 'accept', 'expire', 'escalate-accept', 'accept', 'fail', 'reject', 'accept'] as const;

export interface MonthLedger {
  readonly ledger: AuditLedger;
  readonly from: Date;
  readonly to: Date;
  readonly now: Date;
}

export async function monthOfHandoffs(redis: Redis, start = Date.parse('2026-11-01T08:00:00Z')): Promise<MonthLedger> {
  const clock = { t: start };
  const ledger = openAuditLedger(redis, testPrefix('evidence'), testAuditSetup(), () => new Date(clock.t));
  const version = '2026.11.1+abcd1234';
  let n = 0;
  const at = (t: number, input: Omit<AuditEventInput, 'policyVersion' | 'outputDigest' | 'inputDigest'> & Partial<AuditEventInput>): Promise<unknown> => {
    clock.t = t;
    return ledger.append({ policyVersion: version, inputDigest: 'i'.repeat(32), outputDigest: 'o'.repeat(32), ...input });
  };
  for (let day = 0; day < 28; day++) {
    for (let k = 0; k < 3; k++) {
      const spec = OPS[(day + k) % OPS.length]!;
      const outcome = OUTCOMES[(day * 3 + k) % OUTCOMES.length]!;
      const id = `ho_${String(++n).padStart(26, '0')}`;
      const ticket = { table: 'incident', sysId: 'a'.repeat(32), number: `INC${String(3000 + n).padStart(7, '0')}` };
      const t0 = start + day * DAY + k * 2 * 60 * MINUTE;
      const worker = [{ role: 'worker' as const, userName: 'svc.aihandoff' }];
      const common = { handoff: id, ticket };
      await at(t0, { ...common, type: 'requested', actors: [{ role: 'requester', userName: 'alex.rivera' }], outputDigest: null, details: { operation: spec.op, approvalRequired: spec.approval, group: spec.group, dataClass: k === 2 ? 'confidential' : 'internal', noteMasked: day % 5 === 0 ? { password: 1 } : {} } });
      await at(t0 + MINUTE, { ...common, type: 'queued', actors: worker, details: { operation: spec.op } });
      await at(t0 + 2 * MINUTE, { ...common, type: 'executed', actors: worker, details: { operation: spec.op, provider: 'builtin', masked: day % 7 === 0 ? { api_key: 1 } : {} } });
      if (outcome === 'fail') {
        await at(t0 + 3 * MINUTE, { ...common, type: 'guarded', actors: worker, details: { operation: spec.op, outcome: 'rejected', kind: 'action_claim', reason: 'claims an action' } });
        await at(t0 + 3 * MINUTE, { ...common, type: 'failed', actors: worker, outputDigest: null, details: { operation: spec.op, code: 'AI_OUTPUT_REJECTED', reason: 'rejected' } });
        continue;
      }
      await at(t0 + 3 * MINUTE, { ...common, type: 'guarded', actors: worker, details: { operation: spec.op, outcome: 'passed' } });
      await at(t0 + 4 * MINUTE, { ...common, type: 'written', actors: worker, details: { operation: spec.op, outcome: 'written' } });
      const reviewer = spec.approval ? 'irene.costa' : 'alex.rivera';
      const review = (t: number, decision: string, by: string, extra: Record<string, unknown> = {}) =>
        at(t, { ...common, type: 'reviewed', actors: [{ role: 'reviewer', userName: by }, { role: 'requester', userName: 'alex.rivera' }], details: { operation: spec.op, decision, approvalRequired: spec.approval, hasComment: false, ...extra } });
      const wait = (20 + ((day * 7 + k * 13) % 90)) * MINUTE;
      if (outcome === 'expire') await at(t0 + 3 * DAY, { ...common, type: 'expired', actors: [{ role: 'system', userName: 'svc.aihandoff' }], outputDigest: null, details: { operation: spec.op } });
      else if (outcome === 'escalate-accept') {
        await review(t0 + wait, 'escalate', reviewer, { escalatedTo: 'b'.repeat(32) });
        await review(t0 + wait + 60 * MINUTE, 'accept', 'victor.alvarez', { afterEscalation: true });
      } else await review(t0 + wait, outcome, reviewer);
    }
    if (day % 4 === 1) {
      clock.t = start + day * DAY + 10 * 60 * MINUTE;
      await ledger.append({ type: 'refused', handoff: null, ticket: { table: 'incident', sysId: 'c'.repeat(32), number: 'INC0002050' }, actors: [{ role: 'requester', userName: 'alex.rivera' }], policyVersion: version, inputDigest: 'r'.repeat(32), outputDigest: null, details: day > 20 ? { code: 'POLICY_BLOCKED', reason: 'switched off', operation: 'gather-diagnostics', rules: ['forbid.switch.operation'] } : { code: 'POLICY_STALE_SCOPE', reason: 'stale' } });
    }
  }
  clock.t = start + 28 * DAY;
  await createCheckpointer({ ledger, everyMs: 0, now: () => new Date(clock.t), log: silentLogger }).tick({ force: true });
  return { ledger, from: new Date(start - 8 * 3_600_000), to: new Date(start + 30 * DAY), now: new Date(clock.t) };
}
