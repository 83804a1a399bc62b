/**
 * The built-in checks: switches, opt-in, owner, unknown input, approver
 * resolution, provider allowance, budget, scope. Each blocks with its rule id,
 * a reason and a remedy; forbid overrides permit.
 */
import { describe, expect, it } from 'vitest';
import { Decision } from '../../../src/domain/decision.js';
import type { Ticket } from '../../../src/domain/ticket.js';
import { decide, decideTicket, providerMayReceive } from '../../../src/policy/index.js';
import { context, policy, policyWith, seedTicket } from './support.js';

const inc = seedTicket('INC-2041');

function only(ticket: Ticket, op: string, ctx = context()) {
  const decision = Decision.parse(decide(ticket, op, ctx));
  return decision;
}

describe('switches and opt-in', () => {
  it('the global kill switch blocks every operation', () => {
    const result = decideTicket(inc, context({ switches: { ai: false } }));
    expect(result.classification).toBe('blocked');
    for (const d of result.decisions) expect(d.rules).toContain('forbid.switch.global');
  });

  it('an operation switch blocks only that operation', () => {
    const ctx = context({ switches: { operations: { 'draft-vendor-escalation': false } } });
    expect(only(inc, 'draft-vendor-escalation', ctx).rules).toEqual(['forbid.switch.operation']);
    expect(only(inc, 'draft-vendor-escalation', ctx).reasons[0]?.message).toBe('Draft vendor escalation packet is switched off.');
    expect(only(inc, 'gather-diagnostics', ctx).outcome).toBe('eligible');
  });

  it('a group switch blocks the group by name (any case) or sys_id', () => {
    expect(only(inc, 'gather-diagnostics', context({ switches: { groups: { 'network operations': false } } })).rules).toEqual(['forbid.switch.group']);
    const groupId = inc.owner.group!.id;
    expect(only(inc, 'gather-diagnostics', context({ switches: { groups: { [groupId]: false } } })).rules).toEqual(['forbid.switch.group']);
  });

  it('a group not opted in is blocked; the default entry applies to unlisted groups', () => {
    const payroll = seedTicket('INC-2041', { 'assignment_group.name': 'Payroll Systems' });
    const d = only(payroll, 'gather-diagnostics');
    expect(d.rules).toEqual(['forbid.group.not-opted-in']);
    expect(d.reasons[0]?.message).toBe('Payroll Systems has not opted in to AI hand-off.');
    expect(only(seedTicket('INC-2041', { 'assignment_group.name': 'Facilities' }), 'gather-diagnostics').rules).toEqual(['forbid.group.not-opted-in']);
    const allOn = context({ groups: { default: { enabled: true, tier: 'assist' } } });
    expect(only(seedTicket('INC-2041', { 'assignment_group.name': 'Facilities' }), 'gather-diagnostics', allOn).outcome).toBe('eligible');
  });

  it('the production config offers nothing until a group opts in', () => {
    const ctx = context({ groups: { default: { enabled: false, tier: 'none' } } });
    expect(decideTicket(inc, ctx).classification).toBe('blocked');
  });

  it('a group matched by sys_id takes its settings', () => {
    const ctx = context({ groups: { default: { enabled: false, tier: 'none' }, [inc.owner.group!.id]: { enabled: true, tier: 'assist' } } });
    expect(only(inc, 'gather-diagnostics', ctx).outcome).toBe('eligible');
    expect(only(inc, 'draft-status-update', ctx).rules).toEqual(['forbid.tier.insufficient']);
  });
});

describe('AI Scope Review', () => {
  it('a ticket with no owning group is missing required owner information', () => {
    const d = only(seedTicket('INC-2041', { assignment_group: '', 'assignment_group.name': '' }), 'gather-diagnostics');
    expect(d.outcome).toBe('blocked');
    expect(d.rules).toEqual(['forbid.scope.owner-missing']);
    expect(d.reasons[0]?.message).toContain('missing required owner information');
  });

  it('an inactive ticket is blocked', () => {
    expect(only(seedTicket('INC-2041', { active: 'false' }), 'gather-diagnostics').rules).toEqual(['forbid.ticket.inactive']);
  });

  it('compare-baseline without a configuration item is an unsupported scope; the others stay', () => {
    const noCi = seedTicket('INC-2041', { cmdb_ci: '', 'cmdb_ci.name': '' });
    expect(only(noCi, 'compare-baseline').rules).toEqual(['forbid.scope.no-ci']);
    expect(only(noCi, 'gather-diagnostics').outcome).toBe('eligible');
  });

  it('a ticket with neither short description nor description is ambiguous', () => {
    const d = only(seedTicket('INC-2041', { short_description: ' ', description: '' }), 'evidence-pack');
    expect(d.rules).toEqual(['forbid.scope.ambiguous']);
  });
});

describe('unknown or unparseable input is blocked, never allowed', () => {
  it('an empty priority: unknown severity', () => {
    const d = only(seedTicket('INC-2041', { priority: '' }), 'gather-diagnostics');
    expect(d.rules).toEqual(['forbid.input.unknown-severity']);
  });

  it('a classification outside the map: unknown data class', () => {
    const ticket = seedTicket('INC-2041', { x_acme_aihandoff_data_classification: 'top-secret' });
    expect(ticket.dataClass).toBeNull();
    expect(only(ticket, 'gather-diagnostics').rules).toEqual(['forbid.input.unknown-data-class']);
  });

  it('a tier that is not a tier, and a ticket type that is not a type', () => {
    expect(only({ ...inc, aiTier: 'gold' as never }, 'gather-diagnostics').rules).toEqual(['forbid.input.unknown-tier']);
    const d = only({ ...inc, type: 'problem' as never }, 'gather-diagnostics');
    expect(d.rules).toEqual(['forbid.input.unknown-type']);
  });

  it('an operation for another ticket type', () => {
    const d = only(inc, 'least-privilege-checklist');
    // An incident maps no requester's manager either: every reason that applies is given.
    expect(d.rules).toEqual(['forbid.input.type-mismatch', 'forbid.approval.no-approver']);
    expect(d.reasons[0]?.message).toBe('Least-privilege checklist is not an operation for incident tickets.');
  });

  it('an operation id the catalog does not have', () => {
    const d = only(inc, 'close-ticket');
    expect(d.outcome).toBe('blocked');
    expect(d.rules).toEqual(['forbid.operation.unknown']);
    expect(d.reasons[0]?.message).toContain("'close-ticket'");
  });

  it('every unknown at once: all the reasons, each with a remedy', () => {
    const d = only({ ...inc, severity: null, dataClass: null, owner: { group: null, assignee: null } }, 'gather-diagnostics');
    expect(d.rules).toEqual(['forbid.input.unknown-severity', 'forbid.input.unknown-data-class', 'forbid.scope.owner-missing']);
  });
});

describe('Human Approval Gate', () => {
  it('an operation needing approval with no resolvable approver is blocked with the seed words', () => {
    const ticket = seedTicket('INC-2041', { 'assignment_group.manager': '', 'assignment_group.manager.name': '' });
    expect(ticket.approvers.incident_commander).toEqual([]);
    const d = only(ticket, 'draft-vendor-escalation');
    expect(d.outcome).toBe('blocked');
    expect(d.rules).toEqual(['forbid.approval.no-approver']);
    expect(d.reasons[0]?.message).toContain('owner, approver, or review path is not defined');
    expect(d.approval).toEqual({ required: true, role: 'incident_commander', approver: null });
    expect(only(ticket, 'gather-diagnostics').outcome).toBe('eligible');
  });

  it('the first candidate is the approver: the CI owner before the group manager', () => {
    const sec = seedTicket('SEC-2274', { 'cmdb_ci.owned_by': 'aaaa', 'cmdb_ci.owned_by.name': 'CI Owner' });
    expect(only(sec, 'draft-review-summary').approval.approver).toEqual({ kind: 'user', id: 'aaaa', name: 'CI Owner' });
    const noOwner = seedTicket('SEC-2274', { 'cmdb_ci.owned_by': '', 'cmdb_ci.owned_by.name': '' });
    expect(only(noOwner, 'draft-review-summary').approval.approver?.name).toBe('Samira Haddad');
  });
});

describe('provider allowance and budget', () => {
  it('restricted data goes to no external provider, and the evaluator enforces the configured kind', () => {
    expect(providerMayReceive(policy, 'external', 'restricted')).toBe(false);
    expect(providerMayReceive(policy, 'external', 'confidential')).toBe(true);
    expect(providerMayReceive(policy, 'builtin', 'restricted')).toBe(true);
    expect(providerMayReceive(policy, 'builtin', null)).toBe(false);
    const strict = policyWith('policy.yaml', (t) => t.replace('external: [public, internal, confidential]', 'external: [public, internal]'));
    expect(providerMayReceive(strict, 'external', 'confidential')).toBe(false);
    const d = decide(seedTicket('SEC-2274'), 'draft-review-summary', context({ policy: strict, providerKind: 'external' }));
    expect(d.rules).toEqual(['forbid.provider.data-class']);
    expect(d.reasons[0]?.message).toBe('Confidential data may not be sent to the configured external AI provider.');
  });

  it('the external provider kind does not change decisions for data it may receive', () => {
    expect(decideTicket(inc, context({ providerKind: 'external' })).decisions).toEqual(decideTicket(inc, context()).decisions);
  });

  it('an exhausted budget blocks; a warning adds a reason without blocking', () => {
    expect(only(inc, 'gather-diagnostics', context({ budgets: { 'Network Operations': 'exhausted' } })).rules).toEqual(['forbid.budget.exhausted']);
    const warned = only(inc, 'gather-diagnostics', context({ budgets: { [inc.owner.group!.id]: 'warning' } }));
    expect(warned.outcome).toBe('eligible');
    expect(warned.rules).toEqual(['permit.class.evidence']);
    expect(warned.reasons.map((r) => r.rule)).toContain('advise.budget.warning');
  });
});

describe('forbid overrides permit', () => {
  it('a permitted class on restricted data is blocked', () => {
    const d = only(seedTicket('INC-2041', { x_acme_aihandoff_data_classification: 'restricted' }), 'gather-diagnostics');
    expect(d.outcome).toBe('blocked');
    expect(d.rules).toEqual(['forbid.data-class.restricted']);
    expect(d.reasons.map((r) => r.rule)).not.toContain('permit.class.evidence');
  });
});

describe('context checks', () => {
  it('a switch naming an operation the catalog does not have is a config error', () => {
    expect(() => context({ switches: { operations: { 'draft-vendor-escalaton': false } } })).toThrow(/switches.operations names 'draft-vendor-escalaton'/);
  });
});
