/**
 * The seed's "Illustrative Ticket Hand-Offs" table, as ServiceNow records
 * (test/fixtures/records/): each ticket offers the seed's recommended
 * operations, with the seed's approval need and blocked actions.
 */
import { describe, expect, it } from 'vitest';
import { Panel } from '../../../src/domain/panel.js';
import { buildPanel, decideTicket } from '../../../src/policy/index.js';
import { context, seedTicket, type SeedName } from './support.js';

const ctx = context();

interface Expected {
  readonly recommended: Readonly<Record<string, 'eligible' | 'approval-bound'>>;
  readonly role?: string;
  readonly approver?: string;
  readonly blockedActions: readonly string[];
  readonly classification: string;
}

// Approval reminder and least-privilege checklist; manager approval still required for access change;
// no account creation or privilege grant execution.
const REQUEST: Expected = {
  recommended: { 'draft-approval-reminder': 'approval-bound', 'least-privilege-checklist': 'approval-bound' },
  role: 'requester_manager',
  approver: 'Morgan Lee',
  blockedActions: ['account_creation', 'privilege_grant'],
  classification: 'eligible',
};

const SEED: Readonly<Record<SeedName, Expected>> = {
  // Gather diagnostics, compare baseline, draft vendor escalation packet; commander approval before outbound send;
  // no routing, failover, or incident closure execution.
  'INC-2041': {
    recommended: { 'gather-diagnostics': 'eligible', 'compare-baseline': 'eligible', 'draft-vendor-escalation': 'approval-bound' },
    role: 'incident_commander',
    approver: 'Irene Costa',
    blockedActions: ['routing', 'failover', 'closure'],
    classification: 'eligible',
  },
  'REQ-2188': REQUEST,
  // The same request's item (sc_req_item) offers the same.
  'RITM-2188': REQUEST,
  // Exception history and review summary; security owner approval before any exception extension;
  // no approval or policy interpretation without human signoff.
  'SEC-2274': {
    recommended: { 'compile-exception-history': 'approval-bound', 'draft-review-summary': 'approval-bound' },
    role: 'security_owner',
    approver: 'Samira Haddad',
    blockedActions: ['approval', 'policy_interpretation'],
    classification: 'approval-bound',
  },
  // Sponsor trade-off brief and dependency summary; the leadership sponsor decides on sequencing;
  // no portfolio reprioritisation without sponsor decision.
  'ENH-2219': {
    recommended: { 'sponsor-tradeoff-brief': 'approval-bound', 'dependency-summary': 'approval-bound' },
    role: 'sponsor',
    approver: 'Victor Alvarez',
    blockedActions: ['portfolio_reprioritisation'],
    classification: 'eligible',
  },
};

describe("the seed's illustrative tickets", () => {
  for (const [name, expected] of Object.entries(SEED) as [SeedName, Expected][]) {
    describe(name, () => {
      const ticket = seedTicket(name);
      const result = decideTicket(ticket, ctx);
      const byId = new Map(result.decisions.map((d) => [d.operation, d]));

      it('offers the recommended operations with the seed approval need', () => {
        for (const [op, outcome] of Object.entries(expected.recommended)) {
          const decision = byId.get(op);
          expect(decision, `${op} is decided`).toBeDefined();
          expect(decision?.outcome, `${op}: ${JSON.stringify(decision?.reasons)}`).toBe(outcome);
          if (outcome === 'approval-bound') {
            expect(decision?.approval.role).toBe(expected.role);
            expect(decision?.approval.approver?.name).toBe(expected.approver);
            expect(decision?.approval.approver?.kind).toBe('user');
            expect(decision?.rules).toContain('advise.approval.required');
          }
        }
      });

      it('shows the blocked actions of the seed in its panel', () => {
        const panel = Panel.parse(buildPanel(ticket, ctx));
        for (const action of expected.blockedActions) expect(panel.blockedActions).toContain(action);
        for (const op of Object.keys(expected.recommended)) {
          expect(panel.operations.find((o) => o.id === op)?.blockedActions.some((a) => expected.blockedActions.includes(a))).toBe(true);
        }
      });

      it('is classified as the dashboard would and stamps the policy version', () => {
        expect(result.classification).toBe(expected.classification);
        for (const decision of result.decisions) expect(decision.policyVersion).toBe(ctx.policy.version);
        for (const entry of result.scopes) expect(entry.scope.policyVersion).toBe(ctx.policy.version);
      });

      it('offers only operations for its ticket type', () => {
        for (const decision of result.decisions) {
          const op = ctx.policy.operations.find((o) => o.id === decision.operation);
          expect(op?.ticketTypes).toContain(ticket.type);
        }
      });
    });
  }

  it('blocks the generic operations on a security incident because they have no approval step', () => {
    const result = decideTicket(seedTicket('SEC-2274'), ctx);
    const evidence = result.decisions.find((d) => d.operation === 'evidence-pack');
    expect(evidence?.outcome).toBe('blocked');
    expect(evidence?.rules).toEqual(['forbid.type.security-unreviewed']);
  });
});
