/**
 * `ai-handoff policy what-if` against the sandbox (its hand-written seed),
 * through the real connector over loopback HTTP: the --json shape by schema,
 * known counts for the seed, a switched-off operation moving exactly the
 * tickets it should, a group opted in, a candidate policy and a candidate
 * mappings folder, and nothing written to the instance.
 */
import { cpSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { WhatIfJson } from '../../../src/admin/what-if-schema.js';
import { loadRuntimeConfig } from '../../../src/config/load-runtime-config.js';
import { loadMappings } from '../../../src/mapping/load-mappings.js';
import { toTicket } from '../../../src/mapping/to-ticket.js';
import { createPolicyContext, decideTicket, loadPolicy } from '../../../src/policy/index.js';
import { fromRoot } from '../../../src/util/paths.js';
import { runCli } from '../../support/run-cli.js';
import { sandboxConfig, useAdminSandbox } from './admin-sandbox.js';
import { rowsOf } from '../servicenow/sandbox-world.js';

const world = useAdminSandbox();

async function whatIf(...args: string[]): Promise<WhatIfJson> {
  const run = await runCli(['policy', 'what-if', '--config', sandboxConfig, '--json', ...args]);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  expect(run.stdout.trim().split('\n')).toHaveLength(1);
  return WhatIfJson.parse(JSON.parse(run.stdout));
}

/** Each active seed ticket decided under the running config, independently of the what-if (public policy API, records read from the store). */
function runningDecisions(): { table: string; number: string; group: string; outcomes: Map<string, string> }[] {
  const { config } = loadRuntimeConfig({ file: sandboxConfig });
  const ctx = createPolicyContext({ policy: loadPolicy(config.paths.policy), switches: config.switches, groups: config.groups, providerKind: config.ai.provider.kind });
  const out = [];
  for (const mapping of loadMappings(config.paths.mappings).byTable.values()) {
    for (const row of rowsOf(world().sandbox, mapping.table, (r) => r.v.active === 'true' && r.v.sys_class_name === mapping.table)) {
      const record = Object.fromEntries(Object.entries(row.v).map(([k, v]) => [k, v ?? '']));
      const group = world().sandbox.store.get('sys_user_group', record.assignment_group ?? '')?.v.name ?? '';
      const ticket = toTicket(mapping, { ...record, [`${mapping.fields.group}.name`]: group });
      out.push({ table: mapping.table, number: ticket.number, group, outcomes: new Map(decideTicket(ticket, ctx).decisions.map((d) => [d.operation, d.outcome])) });
    }
  }
  return out;
}

describe('ai-handoff policy what-if', () => {
  it('switching one operation off moves exactly the tickets where it was offered, by forbid.switch.operation', async () => {
    const seq = world().sandbox.writeLog.lastSeq;
    const result = await whatIf('--operation-off', 'gather-diagnostics');
    // Known counts for the hand-written seed under config/sandbox.yaml.
    expect(result.before).toEqual({ eligible: SEED.eligible, approvalBound: SEED.approvalBound, blocked: SEED.blocked });
    expect(result.policyVersion.before).toBe(result.policyVersion.after);
    const expected = runningDecisions()
      .filter((t) => t.outcomes.has('gather-diagnostics') && t.outcomes.get('gather-diagnostics') !== 'blocked')
      .map((t) => t.number)
      .sort();
    expect(expected.length).toBe(SEED.gatherOffered);
    expect(result.changed.map((c) => c.number)).toEqual(expected);
    for (const c of result.changed) {
      expect(c.table).toBe('incident');
      expect(c.operations).toEqual([{ id: 'gather-diagnostics', from: expect.stringMatching(/^(eligible|approval-bound)$/) as string, to: 'blocked', rule: 'forbid.switch.operation' }]);
    }
    // Read-only: nothing reached the instance's write log.
    expect(world().sandbox.writeLog.lastSeq).toBe(seq);
  });

  it('opting a group in moves only its tickets, out of forbid.group.not-opted-in', async () => {
    const result = await whatIf('--opt-in', 'Payroll Systems=standard');
    const payroll = new Set(runningDecisions().filter((t) => t.group === 'Payroll Systems').map((t) => t.number));
    expect(payroll.size).toBeGreaterThan(0);
    expect(result.changed.length).toBe(payroll.size);
    for (const c of result.changed) {
      expect(payroll.has(c.number)).toBe(true);
      expect(c.from).toBe('blocked');
      for (const op of c.operations) expect(op).toMatchObject({ from: 'blocked', rule: 'forbid.group.not-opted-in' });
    }
    expect(result.after.blocked).toBe(result.before.blocked - result.changed.filter((c) => c.to !== 'blocked').length);
  });

  it('a candidate policy: its version, and the tier change it makes, ticket by ticket', async () => {
    const dir = join(world().temp, 'policy');
    cpSync(fromRoot('config', 'policy'), dir, { recursive: true });
    const file = join(dir, 'policy.yaml');
    const text = readFileSync(file, 'utf8');
    const standard = '  standard:\n    description: All four execution classes, within the rules below.\n    classes: [evidence_gathering, drafting_summaries, checklist_validation, writeback_support]';
    expect(text).toContain(standard);
    writeFileSync(file, text.replace('version: 2026.11.1', 'version: 2026.12.1').replace(standard, standard.replace(', writeback_support]', ']')));
    const result = await whatIf('--policy', dir);
    expect(result.policyVersion.before).toMatch(/^2026\.11\.1\+/);
    expect(result.policyVersion.after).toMatch(/^2026\.12\.1\+/);
    const expected = runningDecisions().filter((t) => t.outcomes.get('action-history-writeback') === 'eligible');
    expect(result.changed.length).toBe(expected.length);
    for (const c of result.changed) expect(c.operations).toEqual([{ id: 'action-history-writeback', from: 'eligible', to: 'blocked', rule: 'forbid.tier.insufficient' }]);
  });

  it('a candidate mappings folder: a table left out leaves the active set; a changed severity map changes decisions', async () => {
    const dir = join(world().temp, 'mappings');
    cpSync(fromRoot('mappings', 'servicenow'), dir, { recursive: true });
    unlinkSync(join(dir, 'sc_request.yaml'));
    const incident = join(dir, 'incident.yaml');
    const commander = 'incident_commander:\n    - { user: assignment_group.manager, name: assignment_group.manager.name }';
    const incidentText = readFileSync(incident, 'utf8');
    expect(incidentText).toContain(commander);
    writeFileSync(incident, incidentText.replace('map: { "1": 1, "2": 2,', 'map: { "1": 1, "2": 1,').replace(commander, 'incident_commander:\n    - { user: caller_id.manager, name: caller_id.manager.name }'));
    const result = await whatIf('--mappings', dir);
    const requests = runningDecisions().filter((t) => t.table === 'sc_request');
    const gone = result.changed.filter((c) => c.table === 'sc_request');
    expect(gone.length).toBe(requests.length);
    for (const c of gone) {
      expect(c.to).toBe('none');
      for (const op of c.operations) expect(op).toMatchObject({ to: 'none', rule: 'mapping.active' });
    }
    const total = (s: WhatIfJson['before']): number => s.eligible + s.approvalBound + s.blocked;
    expect(total(result.after)).toBe(total(result.before) - requests.length);
    const incidents = result.changed.filter((c) => c.table === 'incident');
    expect(incidents.map((c) => c.number)).toContain('INC0002041');
    const rules = new Set(incidents.flatMap((c) => c.operations.map((op) => op.rule)));
    expect([...rules].sort()).toEqual(['forbid.severity.sev1-drafting', 'forbid.severity.sev1-writeback']);

    // Who approves is in the text: the commander becomes the caller's manager.
    const text = await runCli(['policy', 'what-if', '--config', sandboxConfig, '--mappings', dir]);
    expect(text.stdout).toMatch(/Who approves changes for \d+ operations:/);
    expect(text.stdout).toMatch(/INC0002041\s+incident\s+draft-vendor-escalation \(incident_commander\): Irene Costa → /);
  });

  it('prints the split, the changes by rule and every ticket for a person', async () => {
    const run = await runCli(['policy', 'what-if', '--config', sandboxConfig, '--operation-off', 'gather-diagnostics', '--opt-in', 'Nobody Here=standard']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('candidate:  the same policy · the same mappings · group Nobody Here opted in at tier standard · operation gather-diagnostics switched off');
    expect(run.stdout).toMatch(new RegExp(`eligible\\s+${SEED.eligible}\\s+\\d+\\s+[-+]?\\d+`));
    expect(run.stdout).toMatch(new RegExp(`${SEED.gatherOffered}\\s+gather-diagnostics\\s+(eligible|approval-bound) → blocked\\s+forbid.switch.operation`));
    expect(run.stdout).toContain("warning:    no active ticket is owned by group 'Nobody Here'");
    expect(run.stdout).toMatch(/INC0002041\s+incident\s+eligible \(unchanged\)/);
    expect(run.stdout).toContain('Who approves: no change.');
  });

  it('bad input ends with one clear line and exit 2', async () => {
    for (const [args, message] of [
      [[], 'INPUT_INVALID: nothing to compare'],
      [['--operation-off', 'gather-diagnostic'], "INPUT_INVALID: --operation-off 'gather-diagnostic': not in the operations catalog"],
      [['--opt-in', 'Payroll Systems'], "INPUT_INVALID: --opt-in 'Payroll Systems': the group has no tier to keep"],
      [['--policy', join(world().temp, 'no-such-policy')], 'POLICY_INVALID: policy in'],
      [['--mappings', join(world().temp, 'no-such-mappings')], 'MAPPING_INVALID: cannot read the mappings folder'],
    ] as const) {
      const run = await runCli(['policy', 'what-if', '--config', sandboxConfig, ...args]);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr.split('\n')[0]).toContain(`ai-handoff: ${message}`);
    }
  });
});

/** Known figures of the hand-written seed under config/sandbox.yaml. */
const SEED = { eligible: 11, approvalBound: 2, blocked: 5, gatherOffered: 4 };
