/**
 * Properties over random and malformed tickets: the evaluator never throws,
 * never lets through an operation that no permit rule allows, never lets one
 * through that a forbid rule matches, and its fast digests equal the domain's.
 * The permit and forbid conditions are re-evaluated here from policy.yaml by a
 * small independent interpreter, not by the engine's compiled closures.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decision } from '../../../src/domain/decision.js';
import type { Operation } from '../../../src/domain/operation.js';
import { Panel, panelText, sealPanel } from '../../../src/domain/panel.js';
import { scopeDigest } from '../../../src/domain/scope.js';
import { AI_TIERS, APPROVER_ROLES, DATA_CLASSES, TICKET_TYPES, type Ticket } from '../../../src/domain/ticket.js';
import { buildPanel, decide, decideRequest, decideTicket } from '../../../src/policy/index.js';
import type { Condition } from '../../../src/policy/policy-schema.js';
import { context, policy, sandbox } from './support.js';

const ctx = context();
const GROUP_NAMES = [...Object.keys(sandbox.groups).filter((k) => k !== 'default'), 'Facilities'];

const junk = fc.oneof(fc.anything(), fc.constant(undefined), fc.constant(null), fc.string(), fc.integer(), fc.constant({}), fc.constant([]));
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.oneof({ arbitrary: arb, weight: 4 }, { arbitrary: junk, weight: 1 });
const id = fc.stringMatching(/^[0-9a-f]{32}$/);
const ref = fc.oneof(fc.constant(null), fc.record({ id, name: fc.constantFrom(...GROUP_NAMES, 'X', '') }, { requiredKeys: ['id'] }));
const party = fc.record({ kind: fc.constantFrom('user', 'group'), id, name: fc.string() }, { requiredKeys: ['kind', 'id'] });
const approvers = fc.dictionary(fc.constantFrom(...APPROVER_ROLES), maybe(fc.array(maybe(party), { maxLength: 3 })));

const ticketish = fc.record({
  ref: maybe(fc.record({ system: fc.constant('servicenow'), table: fc.constantFrom('incident', 'sc_req_item'), sysId: id, number: fc.string({ minLength: 1 }) })),
  type: maybe(fc.constantFrom(...TICKET_TYPES)),
  number: maybe(fc.string()),
  title: maybe(fc.constantFrom('', ' ', 'Remote access latency')),
  description: maybe(fc.constantFrom('', 'details')),
  severity: fc.oneof(fc.constantFrom(1, 2, 3, 4), fc.constant(null), fc.integer({ min: -2, max: 9 }), junk),
  dataClass: fc.oneof(fc.constantFrom(...DATA_CLASSES), fc.constant(null), junk),
  owner: maybe(fc.record({ group: maybe(ref), assignee: maybe(ref) })),
  aiTier: fc.oneof(fc.constant(null), fc.constantFrom(...AI_TIERS), junk),
  approvers: maybe(approvers),
  configurationItem: maybe(ref),
  caller: maybe(ref),
  state: maybe(fc.record({ value: fc.string(), active: fc.oneof(fc.boolean(), junk) })),
  updatedAt: maybe(fc.string()),
  issues: maybe(fc.constant([])),
});
/** Mostly well-formed tickets of opted-in groups, so that many decisions get past the forbids and the permit side is tested too. */
const rarely = <T>(arb: fc.Arbitrary<T>) => fc.oneof({ arbitrary: arb, weight: 30 }, { arbitrary: junk, weight: 1 });
const optedIn = Object.entries(sandbox.groups).filter(([k, g]) => k !== 'default' && g.enabled).map(([k]) => k);
const nearlyValid = fc.record({
  ref: fc.record({ system: fc.constant('servicenow'), table: fc.constant('incident'), sysId: id, number: fc.constant('INC0000001') }),
  type: rarely(fc.constantFrom(...TICKET_TYPES)),
  number: fc.constant('INC0000001'),
  title: rarely(fc.constantFrom('Remote access latency', '')),
  description: fc.constant('details'),
  severity: rarely(fc.constantFrom(1, 2, 3, 4)),
  dataClass: rarely(fc.constantFrom(...DATA_CLASSES)),
  owner: fc.record({ group: rarely(fc.record({ id, name: fc.constantFrom(...optedIn) })), assignee: maybe(ref) }),
  aiTier: fc.oneof({ arbitrary: fc.constant(null), weight: 5 }, { arbitrary: fc.constantFrom(...AI_TIERS), weight: 2 }, { arbitrary: junk, weight: 1 }),
  approvers: fc.record(Object.fromEntries(APPROVER_ROLES.map((r) => [r, rarely(fc.array(party, { minLength: 1, maxLength: 2 }))]))),
  configurationItem: maybe(ref),
  caller: maybe(ref),
  state: fc.record({ value: fc.constant('2'), active: rarely(fc.constant(true)) }),
  updatedAt: fc.constant('2026-11-25 09:30:05'),
  issues: fc.constant([]),
});
const anyTicket = fc.oneof({ arbitrary: nearlyValid, weight: 5 }, { arbitrary: ticketish, weight: 4 }, { arbitrary: junk, weight: 1 }) as fc.Arbitrary<Ticket>;

// ── The independent reading of the rules ─────────────────────────────────────
type Raw = Record<string, unknown>;
const asRecord = (v: unknown): Raw | null => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Raw) : null);
const refId = (v: unknown): string | null => {
  const r = asRecord(v);
  return r !== null && typeof r.id === 'string' && r.id !== '' ? r.id : null;
};

function effectiveTier(t: Raw): string | null {
  const group = asRecord(asRecord(t.owner)?.group);
  if (refId(group) === null) return null;
  const name = typeof group?.name === 'string' ? group.name.toLowerCase() : '';
  const entry = Object.entries(sandbox.groups).find(([key]) => key !== 'default' && (key.toLowerCase() === name || key === group?.id))?.[1] ?? sandbox.groups.default;
  if (entry === undefined || !entry.enabled) return null;
  const own = t.aiTier;
  if (own === null || own === undefined) return entry.tier;
  if (!AI_TIERS.includes(own as never)) return null;
  return AI_TIERS[Math.min(AI_TIERS.indexOf(entry.tier), AI_TIERS.indexOf(own as never))] ?? null;
}

function holds(c: Condition, t: Raw, op: Operation): boolean {
  const empty = (field: string): boolean => {
    if (field === 'title' || field === 'description') return typeof t[field] !== 'string' || (t[field]).trim() === '';
    if (field === 'assignee') return refId(asRecord(t.owner)?.assignee) === null;
    return refId(t[field]) === null;
  };
  const tier = effectiveTier(t);
  return (
    (c.ticketType === undefined || c.ticketType.includes(t.type as never)) &&
    (c.severity === undefined || c.severity.includes(t.severity as never)) &&
    (c.dataClass === undefined || c.dataClass.includes(t.dataClass as never)) &&
    (c.tier === undefined || (tier !== null && c.tier.includes(tier as never))) &&
    (c.class === undefined || c.class.includes(op.class)) &&
    (c.operation === undefined || c.operation.includes(op.id)) &&
    (c.approvalRequired === undefined || c.approvalRequired === op.approval.required) &&
    (c.missing === undefined || c.missing.every(empty))
  );
}

const applies = (rule: (typeof policy.rules)[number], t: Raw, op: Operation): boolean =>
  rule.when !== undefined && holds(rule.when, t, op) && !(rule.unless !== undefined && holds(rule.unless, t, op));

/** How many non-blocked decisions the properties checked: a property that only ever saw blocks would prove little. */
const seen = { blocked: 0, passed: 0 };

function checkDecision(ticket: unknown, d: Decision): void {
  Decision.parse(d);
  seen[d.outcome === 'blocked' ? 'blocked' : 'passed']++;
  expect(d.policyVersion).toBe(policy.version);
  if (d.outcome === 'blocked') {
    expect(d.rules.length).toBeGreaterThan(0);
    expect(d.rules.every((r) => r.startsWith('forbid.'))).toBe(true);
    expect(d.reasons.length).toBe(d.rules.length);
    return;
  }
  const t = asRecord(ticket) ?? {};
  const op = policy.operations.find((o) => o.id === d.operation)!;
  // A permit rule allows it, and its condition really holds.
  const permits = policy.rules.filter((r) => r.effect === 'permit' && d.rules.includes(r.id));
  expect(permits.length).toBeGreaterThan(0);
  for (const rule of permits) expect(applies(rule, t, op), rule.id).toBe(true);
  // No table forbid matches, and every input the checks read is known and acceptable.
  for (const rule of policy.rules.filter((r) => r.effect === 'forbid')) expect(applies(rule, t, op), rule.id).toBe(false);
  expect(op.ticketTypes).toContain(t.type);
  expect([1, 2, 3, 4]).toContain(t.severity);
  expect(DATA_CLASSES).toContain(t.dataClass);
  expect(effectiveTier(t)).not.toBeNull();
  expect(asRecord(t.state)?.active).toBe(true);
  if (op.approval.required) expect(d.approval.approver).not.toBeNull();
  expect(d.outcome).toBe(op.approval.required ? 'approval-bound' : 'eligible');
}

describe('random and malformed tickets', () => {
  it('never throw and never pass an operation that no permit rule allows or a forbid rule matches', () => {
    fc.assert(
      fc.property(anyTicket, (ticket) => {
        const result = decideTicket(ticket, ctx);
        expect(['eligible', 'approval-bound', 'blocked']).toContain(result.classification);
        for (const d of result.decisions) checkDecision(ticket, d);
        for (const op of policy.operations) checkDecision(ticket, decide(ticket, op, ctx));
      }),
      { numRuns: 250 },
    );
    expect(seen.passed).toBeGreaterThan(50);
    expect(seen.blocked).toBeGreaterThan(50);
  });

  it('never throw when building a panel, its digest is sealPanel’s, and its text parses to the panel', () => {
    fc.assert(
      fc.property(anyTicket, (ticket) => {
        const panel = buildPanel(ticket, ctx);
        const { digest, ...body } = panel;
        expect(digest).toBe(sealPanel(body).digest);
        // The field's text reuses the digest's canonical JSON: the same panel as JSON.stringify gives.
        expect(JSON.parse(panelText(panel))).toEqual(JSON.parse(JSON.stringify(panel)));
      }),
      { numRuns: 300 },
    );
  });

  it('scope digests equal the domain scopeDigest', () => {
    fc.assert(
      fc.property(anyTicket, (ticket) => {
        for (const entry of decideTicket(ticket, ctx).scopes) expect(entry.digest).toBe(scopeDigest(entry.scope));
      }),
      { numRuns: 300 },
    );
  });

  it('requests with random operation ids and notes never throw and block unknown operations', () => {
    fc.assert(
      fc.property(anyTicket, fc.oneof(fc.constantFrom(...policy.operations.map((o) => o.id)), fc.string()), fc.option(fc.string({ unit: 'grapheme' }), { nil: undefined }), (ticket, operation, note) => {
        const outcome = decideRequest(ticket, note === undefined ? { operation } : { operation, note }, ctx);
        Decision.parse(outcome.decision);
        if (!policy.operations.some((o) => o.id === operation)) expect(outcome.decision.rules[0]).toBe('forbid.operation.unknown');
        else checkDecision(ticket, outcome.decision);
      }),
      { numRuns: 300 },
    );
  });

  it('well-formed tickets give panels that parse with the Panel schema', () => {
    fc.assert(
      fc.property(ticketish.filter((t) => asRecord(t.ref) !== null && typeof (t.ref as Raw).number === 'string'), (ticket) => {
        Panel.parse(buildPanel(ticket as unknown as Ticket, ctx));
      }),
      { numRuns: 200 },
    );
  });
});
