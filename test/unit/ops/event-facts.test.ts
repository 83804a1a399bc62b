import { describe, expect, it } from 'vitest';
import type { AuditEvent } from '../../../src/handoff/audit-event.js';
import { OTHER, boundedLabel } from '../../../src/ops/bounded-label.js';
import { factsOf } from '../../../src/ops/event-facts.js';
import { statusCode } from '../../../src/ops/metrics.js';

const event = (type: AuditEvent['type'], details: Record<string, unknown>): AuditEvent => ({
  type,
  handoff: 'ho_1',
  ticket: { table: 'incident', sysId: 's1', number: 'INC1' },
  actors: [],
  policyVersion: 'v',
  inputDigest: null,
  outputDigest: null,
  details,
  seq: 1,
  at: '2026-01-01T00:00:10.000Z',
  prev: '0'.repeat(64),
  keyId: 'k0000000000000000',
  hash: '1'.repeat(64),
});

describe('audit events as metrics read them', () => {
  it('reads the step, operation, decision, refusal, guard rule, tokens, cost and group', () => {
    expect(factsOf(event('requested', { operation: 'gather-diagnostics' }))).toMatchObject({ step: 'requested', operation: 'gather-diagnostics', refusal: null, tokens: null });
    expect(factsOf(event('reviewed', { operation: 'op', decision: 'escalate' }))).toMatchObject({ step: 'escalated', decision: 'escalate' });
    expect(factsOf(event('refused', { code: 'POLICY_BLOCKED' }))).toMatchObject({ step: null, refusal: 'POLICY_BLOCKED' });
    expect(factsOf(event('review_refused', {}))).toMatchObject({ refusal: 'UNKNOWN' });
    expect(factsOf(event('executed', { operation: 'op', promptTokens: 100, completionTokens: 20, cost: 0.5, group: 'Network Operations' }))).toMatchObject({
      step: 'executed',
      tokens: { prompt: 100, completion: 20 },
      cost: 0.5,
      group: 'Network Operations',
      at: Date.parse('2026-01-01T00:00:10.000Z'),
    });
    expect(factsOf(event('guarded', { outcome: 'rejected', kind: 'action_claim', promptTokens: 5 }))).toMatchObject({ step: null, guardRejection: 'action_claim', tokens: { prompt: 5, completion: 0 } });
    expect(factsOf(event('guarded', { outcome: 'passed' }))).toMatchObject({ step: null, guardRejection: null, tokens: null });
  });
});

describe('bounded label values', () => {
  it('keeps allow-listed values and counts the rest as other', () => {
    const op = boundedLabel({ allowed: ['a', 'b'] });
    expect([op('a'), op('c'), op(null), op('')]).toEqual(['a', OTHER, OTHER, OTHER]);
  });

  it('accepts values of the expected shape up to a maximum of distinct ones', () => {
    const code = boundedLabel({ pattern: /^[A-Z_]+$/, max: 2 });
    expect([code('A'), code('B'), code('C'), code('A'), code('not a code')]).toEqual(['A', 'B', OTHER, 'A', OTHER]);
  });

  it('names known statuses and counts others by class', () => {
    expect([statusCode(0), statusCode(200), statusCode(429), statusCode(418), statusCode(599)]).toEqual(['none', '200', '429', '4xx', '5xx']);
  });
});
