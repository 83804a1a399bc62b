/**
 * The what-if's comparison of one ticket decided twice (src/admin/what-if-diff.ts),
 * and the switch changes it applies (src/admin/switch-changes.ts).
 */
import { describe, expect, it } from 'vitest';
import { applySwitchChanges, NO_SWITCH_CHANGES, parseOptIn } from '../../../src/admin/switch-changes.js';
import type { OperationOutcome, TicketOutcome } from '../../../src/admin/ticket-outcome.js';
import { diffTicket } from '../../../src/admin/what-if-diff.js';
import { loadRuntimeConfig } from '../../../src/config/load-runtime-config.js';
import { isHandoffError } from '../../../src/errors.js';
import { loadPolicy } from '../../../src/policy/index.js';
import { fromRoot } from '../../../src/util/paths.js';

const op = (id: string, outcome: OperationOutcome['outcome'], rules: string[], approver: string | null = null): OperationOutcome => ({
  id,
  outcome,
  rules,
  role: approver === null ? null : 'incident_commander',
  approver: approver === null ? null : { kind: 'user', id: approver, name: approver.toUpperCase() },
});
const ticket = (classification: TicketOutcome['classification'], operations: OperationOutcome[], type: TicketOutcome['type'] = 'incident'): TicketOutcome => ({ number: 'INC1', type, classification, operations, unmappable: null });

describe('diffTicket', () => {
  it('names the forbid a change adds, and the forbid it removes', () => {
    const before = ticket('eligible', [op('a', 'eligible', ['permit.class.evidence']), op('b', 'blocked', ['forbid.group.not-opted-in', 'forbid.tier.insufficient'])]);
    const after = ticket('eligible', [op('a', 'blocked', ['forbid.switch.operation']), op('b', 'eligible', ['permit.class.evidence'])]);
    expect(diffTicket('incident', before, after)).toEqual({
      change: {
        number: 'INC1',
        table: 'incident',
        from: 'eligible',
        to: 'eligible',
        operations: [
          { id: 'a', from: 'eligible', to: 'blocked', rule: 'forbid.switch.operation' },
          { id: 'b', from: 'blocked', to: 'eligible', rule: 'forbid.group.not-opted-in' },
        ],
      },
      approvers: [],
    });
  });

  it('between eligible and approval-bound, prefers the advise over a permit', () => {
    const before = ticket('eligible', [op('a', 'eligible', ['permit.class.evidence'])]);
    const after = ticket('approval-bound', [op('a', 'approval-bound', ['permit.class.drafting', 'advise.approval.required'], 'u1')]);
    expect(diffTicket('incident', before, after).change?.operations).toEqual([{ id: 'a', from: 'eligible', to: 'approval-bound', rule: 'advise.approval.required' }]);
  });

  it('no change: same outcomes, even with other forbids; a new approver is reported apart', () => {
    const before = ticket('approval-bound', [op('a', 'approval-bound', ['advise.approval.required'], 'u1'), op('b', 'blocked', ['forbid.x'])]);
    const after = ticket('approval-bound', [op('a', 'approval-bound', ['advise.approval.required'], 'u2'), op('b', 'blocked', ['forbid.y'])]);
    const diff = diffTicket('incident', before, after);
    expect(diff.change).toBeNull();
    expect(diff.approvers).toEqual([
      { number: 'INC1', table: 'incident', operation: 'a', role: 'incident_commander', from: { kind: 'user', id: 'u1', name: 'U1' }, to: { kind: 'user', id: 'u2', name: 'U2' } },
    ]);
  });

  it('a ticket on one side only, an operation of one catalog only, another type, an unreadable record', () => {
    const t = ticket('eligible', [op('a', 'eligible', ['permit.class.evidence'])]);
    expect(diffTicket('incident', t, null).change).toEqual({ number: 'INC1', table: 'incident', from: 'eligible', to: 'none', operations: [{ id: 'a', from: 'eligible', to: 'none', rule: 'mapping.active' }] });
    expect(diffTicket('incident', null, t).change?.operations[0]?.rule).toBe('mapping.active');
    const more = ticket('eligible', [op('a', 'eligible', ['permit.class.evidence']), op('c', 'eligible', ['permit.class.evidence'])]);
    expect(diffTicket('incident', t, more).change?.operations).toEqual([{ id: 'c', from: 'none', to: 'eligible', rule: 'catalog.added' }]);
    expect(diffTicket('incident', more, t).change?.operations).toEqual([{ id: 'c', from: 'eligible', to: 'none', rule: 'catalog.removed' }]);
    expect(diffTicket('incident', t, { ...more, type: 'request' }).change?.operations[0]?.rule).toBe('mapping.ticket-type');
    const unreadable: TicketOutcome = { number: 'INC1', type: null, classification: 'blocked', operations: [], unmappable: 'RECORD_INVALID: …' };
    expect(diffTicket('incident', t, unreadable).change).toEqual({ number: 'INC1', table: 'incident', from: 'eligible', to: 'blocked', operations: [{ id: 'a', from: 'eligible', to: 'none', rule: 'mapping.record-invalid' }] });
    expect(diffTicket('incident', t, t)).toEqual({ change: null, approvers: [] });
  });
});

describe('switch changes', () => {
  const { config } = loadRuntimeConfig({ file: fromRoot('config', 'sandbox.yaml') });
  const policy = loadPolicy();

  it('opts groups in and out (names matched without regard to case) and switches operations', () => {
    const out = applySwitchChanges(
      config,
      { optIn: [parseOptIn('payroll systems=assist'), parseOptIn('Legal Hold')], optOut: ['Service Desk', 'New Team'], operationsOff: ['gather-diagnostics'], operationsOn: [] },
      policy,
    );
    expect(out.groups['Payroll Systems']).toEqual({ enabled: true, tier: 'assist' });
    expect(out.groups['Legal Hold']).toEqual({ enabled: true, tier: 'assist' });
    expect(out.groups['Service Desk']).toEqual({ enabled: false, tier: 'standard' });
    expect(out.groups['New Team']).toEqual({ enabled: false, tier: 'none' });
    expect(out.switches.operations).toEqual({ 'gather-diagnostics': false });
    expect(config.switches.operations).toEqual({});
    expect(applySwitchChanges(config, NO_SWITCH_CHANGES, policy)).toEqual({ groups: config.groups, switches: config.switches });
  });

  it('refuses a group with no tier to keep, a bad tier, an unknown operation and a contradiction, naming the flag', () => {
    const refusal = (f: () => unknown): string => {
      try {
        f();
      } catch (error) {
        if (isHandoffError(error, 'INPUT_INVALID')) return `${error.message} | ${error.remedy ?? ''}`;
        throw error;
      }
      throw new Error('not refused');
    };
    expect(refusal(() => applySwitchChanges(config, { ...NO_SWITCH_CHANGES, optIn: [parseOptIn('Payroll Systems')] }, policy))).toBe(
      "--opt-in 'Payroll Systems': the group has no tier to keep (listed with tier none) | give the tier governance cleared it for, e.g. --opt-in 'Payroll Systems=standard' (tiers: none, assist, standard, extended)",
    );
    expect(refusal(() => parseOptIn('Payroll Systems=gold'))).toContain("'gold' is not a tier");
    expect(refusal(() => parseOptIn('=standard'))).toContain('no group name');
    expect(refusal(() => applySwitchChanges(config, { ...NO_SWITCH_CHANGES, operationsOff: ['gather-diagnostic'] }, policy))).toContain("--operation-off 'gather-diagnostic': not in the operations catalog");
    expect(refusal(() => applySwitchChanges(config, { ...NO_SWITCH_CHANGES, optIn: [parseOptIn('A=assist')], optOut: ['a'] }, policy))).toContain('both opted in and opted out');
    expect(refusal(() => applySwitchChanges(config, { ...NO_SWITCH_CHANGES, operationsOff: ['evidence-pack'], operationsOn: ['evidence-pack'] }, policy))).toContain('both switched off and on');
  });
});
