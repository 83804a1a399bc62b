/**
 * Loading the policy: the shipped files load, compile and freeze; the version
 * follows every edit; a bad file names the file, the key or rule and the fix,
 * and nothing is loaded.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isHandoffError } from '../../../src/errors.js';
import { DEFAULT_POLICY_DIR, loadPolicy, parsePolicy } from '../../../src/policy/index.js';
import type { PolicyFileName } from '../../../src/policy/policy-schema.js';
import { policy, policyTexts, policyWith } from './support.js';

function problem(file: PolicyFileName, edit: (text: string) => string): string {
  try {
    policyWith(file, edit);
  } catch (error) {
    if (isHandoffError(error, 'POLICY_INVALID')) {
      expect(error.message).toContain('nothing was loaded');
      expect(error.remedy).toContain('policy check');
      return error.message;
    }
    throw error;
  }
  throw new Error('the edited policy loaded');
}

describe('the shipped policy', () => {
  it('has the seed classes, the catalog and a version of declared version + 8 hex digest', () => {
    expect(policy.classes.map((c) => [c.id, c.standing])).toEqual([
      ['evidence_gathering', 'allowed'],
      ['drafting_summaries', 'review_required'],
      ['checklist_validation', 'allowed'],
      ['writeback_support', 'controlled'],
    ]);
    expect(policy.version).toMatch(/^2026\.11\.1\+[0-9a-f]{8}$/);
    expect(policy.declaredVersion).toBe('2026.11.1');
    expect(policy.operations.map((o) => o.id)).toEqual(
      expect.arrayContaining([
        'gather-diagnostics',
        'compare-baseline',
        'draft-vendor-escalation',
        'draft-status-update',
        'draft-approval-reminder',
        'least-privilege-checklist',
        'compile-exception-history',
        'draft-review-summary',
        'sponsor-tradeoff-brief',
        'dependency-summary',
        'evidence-pack',
        'precheck-rollback-checklist',
        'action-history-writeback',
      ]),
    );
  });

  it('names the seed approver for each approval-bound operation', () => {
    const role = (id: string) => policy.operations.find((o) => o.id === id)?.approval;
    expect(role('draft-vendor-escalation')).toMatchObject({ required: true, role: 'incident_commander' });
    expect(role('draft-status-update')).toMatchObject({ required: true, role: 'incident_commander' });
    expect(role('draft-approval-reminder')).toMatchObject({ required: true, role: 'requester_manager', reason: 'Manager approval still required for access change.' });
    expect(role('least-privilege-checklist')).toMatchObject({ required: true, role: 'requester_manager' });
    expect(role('compile-exception-history')).toMatchObject({ required: true, role: 'security_owner' });
    expect(role('draft-review-summary')).toMatchObject({ required: true, role: 'security_owner' });
    expect(role('sponsor-tradeoff-brief')).toMatchObject({ required: true, role: 'sponsor' });
    expect(role('dependency-summary')).toMatchObject({ required: true, role: 'sponsor' });
    expect(role('gather-diagnostics')).toEqual({ required: false });
  });

  it('is frozen', () => {
    expect(Object.isFrozen(policy)).toBe(true);
    expect(Object.isFrozen(policy.operations[0]?.stopConditions)).toBe(true);
    expect(() => (policy.rules as unknown as unknown[]).push({})).toThrow();
  });

  it('loads the same from its folder, and any edit changes the version', () => {
    expect(loadPolicy(DEFAULT_POLICY_DIR).version).toBe(policy.version);
    const edited = policyWith('catalog.yaml', (t) => t.replace('title: Gather diagnostics', 'title: Gather diagnostic data'));
    expect(edited.version).not.toBe(policy.version);
    expect(edited.version.startsWith('2026.11.1+')).toBe(true);
    expect(policyWith('policy.yaml', (t) => `${t}\n# a comment\n`).version).not.toBe(policy.version);
  });
});

describe('a bad policy file', () => {
  it('an unknown key names the file, the path and the fix', () => {
    expect(problem('catalog.yaml', (t) => t.replace('    title: Gather diagnostics', '    title: Gather diagnostics\n    owner: me'))).toContain(
      "catalog.yaml: operations[0]: unknown key 'owner': remove it or check the spelling",
    );
  });

  it('an unknown provider kind names the file, the key and the kinds to use; builtin and external stay required', () => {
    expect(problem('policy.yaml', (t) => t.replace('  external: [public, internal, confidential]\n', '  external: [public, internal, confidential]\n  ollama: [restricted]\n'))).toContain(
      "policy.yaml: providers: unknown key 'ollama': use builtin, external, azure-openai or openai-compatible (a kind of the runtime config's ai.provider.kind), or remove it",
    );
    expect(problem('policy.yaml', (t) => t.replace('  external: [public, internal, confidential]\n', ''))).toContain('policy.yaml: providers.external: is missing: add it');
    expect(problem('policy.yaml', (t) => t.replace('  # openai-compatible: [public', '  openai-compatible: [secret, public'))).toContain("policy.yaml: providers.openai-compatible[0]");
  });

  it('an unknown class, role or ticket type in an operation', () => {
    expect(problem('catalog.yaml', (t) => t.replace('class: evidence_gathering', 'class: evidence'))).toContain('catalog.yaml: operations[0].class');
    expect(problem('catalog.yaml', (t) => t.replace('role: incident_commander', 'role: commander'))).toContain('catalog.yaml: operations[2].approval.role');
    expect(problem('catalog.yaml', (t) => t.replace('ticketTypes: [incident]', 'ticketTypes: [problem]'))).toContain('operations[0].ticketTypes[0]');
  });

  it('a drafting operation without approval is a policy error', () => {
    const message = problem('catalog.yaml', (t) =>
      t.replace(
        /approval:\n {6}required: true\n {6}role: incident_commander\n {6}reason: Commander approval before outbound vendor or stakeholder send\.\n {4}blockedActions: \[outbound_send, closure, state_change\]/,
        'approval: { required: false }\n    blockedActions: [outbound_send, closure, state_change]',
      ),
    );
    expect(message).toContain('catalog.yaml: operations[3] (draft-status-update).approval.required: class drafting_summaries is review_required');
  });

  it('approval required without a role or a reason', () => {
    expect(problem('catalog.yaml', (t) => t.replace('      role: incident_commander\n      reason: Commander approval before outbound vendor or stakeholder send.\n    blockedActions: [outbound_send, routing', '      reason: x\n    blockedActions: [outbound_send, routing'))).toContain(
      'approval.required is true but approval.role is missing',
    );
    expect(problem('catalog.yaml', (t) => t.replace('      reason: Manager approval still required for access change.\n    blockedActions: [approval,', '    blockedActions: [approval,'))).toContain(
      '(draft-approval-reminder).approval.reason: is missing',
    );
  });

  it('a duplicate operation id', () => {
    expect(problem('catalog.yaml', (t) => t.replace('id: compare-baseline', 'id: gather-diagnostics'))).toContain("operations[1] (gather-diagnostics).id: 'gather-diagnostics' is used twice");
  });

  it('a duplicate rule id (a duplicate YAML key) names the line', () => {
    expect(problem('policy.yaml', (t) => t.replace('  permit.class.checklist:', '  permit.class.drafting:'))).toMatch(/policy\.yaml: line \d+: not valid YAML: Map keys must be unique/);
  });

  it('a rule naming an unknown operation names the rule and the fix', () => {
    expect(problem('policy.yaml', (t) => t.replace('operation: [compare-baseline]', 'operation: [compare-baselines]'))).toContain(
      "policy.yaml: rules.forbid.scope.no-ci.when.operation[0]: 'compare-baselines' is not in catalog.yaml: use an operation id from the catalog",
    );
  });

  it('a rule id that does not match its effect, or is badly formed', () => {
    expect(problem('policy.yaml', (t) => t.replace('  permit.class.checklist:\n    effect: permit', '  permit.class.checklist:\n    effect: forbid'))).toContain(
      "rules.permit.class.checklist: the id starts with 'permit.' but effect is forbid",
    );
    expect(problem('policy.yaml', (t) => t.replace('  permit.class.checklist:', '  Permit.Checklist:'))).toContain('a rule id starts with permit., forbid. or advise.');
  });

  it('a built-in check without its rule, or with two', () => {
    expect(problem('policy.yaml', (t) => t.replace('    check: switch.global\n', '    when: { dataClass: [public] }\n'))).toContain('rules: no rule has check: switch.global');
    expect(problem('policy.yaml', (t) => t.replace('    check: switch.group\n', '    check: switch.global\n'))).toContain('check switch.global is used by forbid.switch.global and forbid.switch.group');
  });

  it('an unknown placeholder in a message, an empty condition, check and when together', () => {
    expect(problem('policy.yaml', (t) => t.replace('is switched off for {group}', 'is switched off for {team}'))).toContain('rules.forbid.switch.group.message: unknown placeholder {team}');
    expect(problem('policy.yaml', (t) => t.replace('when: { dataClass: [restricted] }', 'when: {}'))).toContain('an empty condition would match everything');
    expect(problem('policy.yaml', (t) => t.replace('    check: switch.global\n', '    check: switch.global\n    when: { dataClass: [public] }\n'))).toContain('has both check and when');
  });

  it('a missing class, a missing tier, a bad version', () => {
    expect(problem('classes.yaml', (t) => t.replace(/ {2}- id: writeback_support[\s\S]*$/, ''))).toContain("classes.yaml: classes: class 'writeback_support' is missing");
    expect(problem('policy.yaml', (t) => t.replace('  extended:\n', '  extended2:\n'))).toContain('tiers');
    expect(problem('policy.yaml', (t) => t.replace('version: 2026.11.1', 'version: "2026 11"'))).toContain('policy.yaml: version');
  });

  it('lists the problems of every file at once', () => {
    const texts = policyTexts();
    try {
      parsePolicy({ ...texts, 'classes.yaml': 'classes: [', 'catalog.yaml': 'operations: []' }, 'both');
      throw new Error('loaded');
    } catch (error) {
      expect(isHandoffError(error, 'POLICY_INVALID')).toBe(true);
      expect((error as Error).message).toContain('classes.yaml: line');
      expect((error as Error).message).toContain('catalog.yaml: operations');
    }
  });

  it('a folder without the three files', () => {
    const dir = mkdtempSync(join(tmpdir(), 'policy-'));
    writeFileSync(join(dir, 'policy.yaml'), policyTexts()['policy.yaml']);
    expect(() => loadPolicy(dir)).toThrow(/classes.yaml: cannot be read \(ENOENT\)/);
  });
});
