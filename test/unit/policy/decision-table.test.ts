/**
 * Table-driven: every ticket type × severity × data class × tier, each
 * operation for the type, against the policy as the seed and policy.yaml state
 * it in plain terms (the oracle below). Checks the outcome and the exact set of
 * forbid rules that decided a block.
 */
import { describe, expect, it } from 'vitest';
import type { Operation } from '../../../src/domain/operation.js';
import { AI_TIERS, DATA_CLASSES, SEVERITIES, type AiTier, type DataClass, type Severity } from '../../../src/domain/ticket.js';
import { decideTicket } from '../../../src/policy/index.js';
import { context, policy, seedTicket, type SeedName } from './support.js';

const BY_TYPE: readonly (readonly [SeedName, string])[] = [
  ['INC-2041', 'Network Operations'],
  ['RITM-2188', 'Access Management'],
  ['SEC-2274', 'Security Operations'],
  ['ENH-2219', 'Analytics Platform'],
];

/** What policy.yaml says, written out independently of the engine. */
function expectedForbids(type: string, severity: Severity, dataClass: DataClass, tier: AiTier, op: Operation): string[] {
  const forbids: string[] = [];
  const tierClasses: Record<AiTier, readonly string[]> = {
    none: [],
    assist: ['evidence_gathering', 'checklist_validation'],
    standard: ['evidence_gathering', 'drafting_summaries', 'checklist_validation', 'writeback_support'],
    extended: ['evidence_gathering', 'drafting_summaries', 'checklist_validation', 'writeback_support'],
  };
  if (!tierClasses[tier].includes(op.class)) forbids.push('forbid.tier.insufficient');
  if (tier === 'assist' && dataClass === 'confidential') forbids.push('forbid.tier.assist-confidential');
  if (severity === 1 && op.class === 'drafting_summaries' && tier !== 'extended') forbids.push('forbid.severity.sev1-drafting');
  if (severity === 1 && op.class === 'writeback_support') forbids.push('forbid.severity.sev1-writeback');
  if (type === 'security' && !op.approval.required) forbids.push('forbid.type.security-unreviewed');
  if (dataClass === 'restricted') forbids.push('forbid.data-class.restricted');
  return forbids.sort();
}

const cases = BY_TYPE.flatMap(([seed, group]) =>
  SEVERITIES.flatMap((severity) =>
    DATA_CLASSES.flatMap((dataClass) => AI_TIERS.map((tier) => ({ seed, group, severity, dataClass, tier }))),
  ),
);

describe('decisions over type × severity × data class × tier', () => {
  it('covers 256 combinations', () => expect(cases).toHaveLength(256));

  it.each(cases)('$seed severity $severity, $dataClass, tier $tier', ({ seed, group, severity, dataClass, tier }) => {
    const ctx = context({ groups: { default: { enabled: false, tier: 'none' }, [group]: { enabled: true, tier } } });
    const ticket = seedTicket(seed, { priority: String(severity), x_acme_aihandoff_data_classification: dataClass });
    expect(ticket.severity).toBe(severity);
    expect(ticket.dataClass).toBe(dataClass);
    const result = decideTicket(ticket, ctx);
    expect(result.decisions.length).toBeGreaterThan(0);
    for (const decision of result.decisions) {
      const op = policy.operations.find((o) => o.id === decision.operation)!;
      const forbids = expectedForbids(ticket.type, severity, dataClass, tier, op);
      const where = `${op.id}: ${JSON.stringify(decision.reasons.map((r) => r.rule))}`;
      if (forbids.length > 0) {
        expect(decision.outcome, where).toBe('blocked');
        expect([...decision.rules].sort(), where).toEqual(forbids);
        expect(decision.reasons.every((r) => r.message.length > 0 && r.remedy.length > 0)).toBe(true);
      } else {
        expect(decision.outcome, where).toBe(op.approval.required ? 'approval-bound' : 'eligible');
        expect(decision.rules.some((r) => r.startsWith('permit.')), where).toBe(true);
      }
    }
    const outcomes = result.decisions.map((d) => d.outcome);
    const expected = outcomes.includes('eligible') ? 'eligible' : outcomes.includes('approval-bound') ? 'approval-bound' : 'blocked';
    expect(result.classification).toBe(expected);
  });
});
