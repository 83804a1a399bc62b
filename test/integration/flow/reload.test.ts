/**
 * Safe reload (issue 15): the worker reads its config file, policy and
 * mappings again on request (SIGHUP in the commands; `worker.reload` here).
 * A good file takes effect on every panel through the context digest and
 * is an audit event the evidence report shows; a bad or removed file keeps
 * the running configuration and says which file, key and fix; a pending
 * request whose scope changed is refused as stale with the reason; reloads
 * in the middle of a batch lose and duplicate no hand-off.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadControlMap } from '../../../src/evidence/control-map.js';
import { buildEvidenceReport } from '../../../src/evidence/build-report.js';
import { readiness } from '../../../src/ops/readiness.js';
import type { ReloadOutcome } from '../../../src/queue/reloader.js';
import { fromRoot } from '../../../src/util/paths.js';
import { startFlowHarness, type FlowHarness } from '../../support/flow-harness.js';
import { expectOnlyAllowedWrites, untilAwaitingReview } from '../../support/flow-steps.js';

const trigger = { via: 'test', by: 'os:tester', sender: { pid: 4242 } };

describe('reloading the config, policy and mappings while the worker runs', () => {
  let h: FlowHarness;
  let dir: string;
  let configText: string;
  const file = (...parts: string[]): string => join(dir, ...parts);
  const reload = (): Promise<ReloadOutcome> => h.worker!.reload(trigger);
  const writeConfig = (text: string): void => writeFileSync(file('config.yaml'), text);
  /** One sync pass of incident now (waiting out a pass the schedule started, which holds the table's lease). */
  const syncIncident = async () => h.waitFor('a sync pass of incident', () => h.worker!.syncNow('incident'));
  const panelOf = async (number: string, operation: string) => {
    const t = await h.ticket(number);
    return { version: t.panel?.policyVersion, op: t.panel?.operations.find((o) => o.id === operation) };
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'aih-reload-'));
    cpSync(fromRoot('config', 'policy'), file('policy'), { recursive: true });
    cpSync(fromRoot('mappings', 'servicenow'), file('mappings'), { recursive: true });
    configText = readFileSync(fromRoot('config', 'sandbox.yaml'), 'utf8').replace('policy: policy', 'policy: ./policy').replace('mappings: ../mappings/servicenow', 'mappings: ./mappings');
    writeConfig(configText);
    // Sync passes only when the test asks (syncNow), so what a panel shows is known at each step.
    h = await startFlowHarness({ configFile: file('config.yaml'), syncIntervalMs: 3_600_000 });
    await syncIncident();
  });
  afterAll(async () => {
    expectOnlyAllowedWrites(h);
    await h.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('applies a good file: an operation switched off shows on the panel after the next pass, and the reload is audited with both versions', async () => {
    expect((await panelOf('INC0002041', 'gather-diagnostics')).op?.outcome).toBe('eligible');
    const before = h.worker!.policy.version;
    writeConfig(configText.replace('operations: {}', 'operations: { gather-diagnostics: false }'));
    const outcome = await reload();
    expect(outcome).toMatchObject({ ok: true, policyVersion: before, changes: { policy: null, switches: true, groups: false, restartNeeded: [] } });
    const stats = await syncIncident();
    expect(stats?.fullResync).toBe(true);
    const op = (await panelOf('INC0002041', 'gather-diagnostics')).op;
    expect(op?.outcome).toBe('blocked');
    expect(op?.reasons.map((r) => r.rule)).toContain('forbid.switch.operation');

    const events = [];
    for await (const e of h.worker!.ledger.events()) if (e.type === 'reload') events.push(e);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ handoff: null, ticket: null, actors: [{ role: 'system', userName: 'os:tester' }], policyVersion: before });
    expect(events[0]!.details).toMatchObject({ trigger: 'test', sender: { pid: 4242 }, previousPolicyVersion: before, switchesChanged: true, file: file('config.yaml') });
    // The evidence report finds it by name.
    const report = await buildEvidenceReport({ ledger: h.worker!.ledger, period: { from: new Date(Date.now() - 3_600_000), to: new Date(Date.now() + 60_000) }, controls: loadControlMap(), now: new Date() });
    expect(report.reloads).toEqual([{ seq: events[0]!.seq, at: events[0]!.at, policyVersion: before }]);

    writeConfig(configText);
    expect(await reload()).toMatchObject({ ok: true });
    await syncIncident();
    expect((await panelOf('INC0002041', 'gather-diagnostics')).op?.outcome).toBe('eligible');
  });

  it('keeps the running configuration on a bad file, naming the file, the key and the fix, and shows it in readiness', async () => {
    const running = h.worker!.policy.version;
    writeConfig(configText.replace('operations: {}', 'operations: { gather-diagnostic: false }'));
    const bad = await reload();
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.problem.code).toBe('CONFIG_INVALID');
    expect(bad.problem.message).toContain(file('config.yaml'));
    expect(bad.problem.message).toContain("switches.operations names 'gather-diagnostic'");
    expect(bad.problem.remedy).toContain('gather-diagnostics');
    expect(h.worker!.policy.version).toBe(running);

    const snapshot = h.worker!.reloads.snapshot();
    expect(snapshot).toMatchObject({ policyVersion: running, lastAttempt: { ok: false, trigger: 'test', problem: { code: 'CONFIG_INVALID' } } });
    const health = { startedAt: Date.now(), redis: { state: 'safe' as const, checkedAt: null, unreachableSince: null, settingsSafe: true, problem: null }, instance: { ok: true, failingSince: null, problem: null, lastOkAt: Date.now(), refused: false } };
    const ready = readiness(health, {}, { instanceFreshMs: 60_000, syncLagMs: 60_000 }, Date.now(), snapshot);
    expect(ready.ready).toBe(true);
    expect(ready.checks.config?.ok).toBe(false);
    expect(ready.checks.config?.detail).toContain("switches.operations names 'gather-diagnostic'");
    expect(ready.checks.config?.detail).toContain(`still running policy ${running}`);

    // A mapping that points the AI status at a state field is refused too, by file and key.
    writeConfig(configText);
    const mapping = readFileSync(file('mappings', 'incident.yaml'), 'utf8');
    writeFileSync(file('mappings', 'incident.yaml'), mapping.replace('status: x_acme_aihandoff_status', 'status: state'));
    const unsafe = await reload();
    expect(unsafe).toMatchObject({ ok: false, problem: { code: 'MAPPING_INVALID' } });
    expect(unsafe.ok ? '' : unsafe.problem.message).toMatch(/incident\.yaml: ai\.status/);
    writeFileSync(file('mappings', 'incident.yaml'), mapping);
    expect(await reload()).toMatchObject({ ok: true });
    expect(h.worker!.reloads.snapshot().lastAttempt?.ok).toBe(true);
  });

  it('keeps the running configuration when the config file or a policy file is removed; a removed mapping stops serving its table', async () => {
    const running = h.worker!.policy.version;
    rmSync(file('config.yaml'));
    expect(await reload()).toMatchObject({ ok: false, problem: { code: 'CONFIG_INVALID', message: expect.stringContaining(`cannot read the runtime config ${file('config.yaml')}`) as string } });
    writeConfig(configText);

    const catalog = readFileSync(file('policy', 'catalog.yaml'), 'utf8');
    rmSync(file('policy', 'catalog.yaml'));
    expect(await reload()).toMatchObject({ ok: false, problem: { code: 'POLICY_INVALID', message: expect.stringContaining('catalog.yaml: cannot be read') as string } });
    expect(h.worker!.policy.version).toBe(running);
    writeFileSync(file('policy', 'catalog.yaml'), catalog);

    const enhancement = readFileSync(file('mappings', 'rm_enhancement.yaml'), 'utf8');
    rmSync(file('mappings', 'rm_enhancement.yaml'));
    const removed = await reload();
    expect(removed).toMatchObject({ ok: true, changes: { tables: { added: [], removed: ['rm_enhancement'], changed: [] } } });
    expect(h.worker!.intake).toBeDefined();
    const schedulers = (await h.worker!.queues.sync.getJobSchedulers()).map((s) => s.key);
    expect(schedulers.some((k) => k.endsWith('-rm_enhancement'))).toBe(false);
    expect(schedulers.some((k) => k.endsWith('-incident'))).toBe(true);
    writeFileSync(file('mappings', 'rm_enhancement.yaml'), enhancement);
    expect(await reload()).toMatchObject({ ok: true, changes: { tables: { added: ['rm_enhancement'] } } });
    expect((await h.worker!.queues.sync.getJobSchedulers()).some((s) => s.key.endsWith('-rm_enhancement'))).toBe(true);
  });

  it('refuses a pending request confirmed under the old policy as stale, saying the policy changed', async () => {
    await syncIncident();
    const old = await panelOf('INC0002043', 'gather-diagnostics');
    expect(old.op?.outcome).toBe('eligible');
    const policy = readFileSync(file('policy', 'policy.yaml'), 'utf8');
    writeFileSync(file('policy', 'policy.yaml'), `${policy}\n# reviewed again\n`);
    const outcome = await reload();
    expect(outcome).toMatchObject({ ok: true, changes: { policy: { from: old.version } } });
    const now = h.worker!.policy.version;
    expect(now).not.toBe(old.version);

    // The agent confirmed the scope the panel showed before the reload (the panel is not rewritten until the next pass).
    const row = await h.plantRow('request', 'INC0002043', { operation: 'gather-diagnostics', scope_digest: old.op!.scopeDigest, sys_created_by: 'alex.rivera' });
    const ended = await h.untilRowEnds('request', row);
    expect(ended.state).toBe('refused');
    expect(ended.message).toContain('changed after you reviewed it');
    expect(ended.message).toContain(`The AI policy changed from ${old.version} to ${now}`);
    await syncIncident();
    expect((await panelOf('INC0002043', 'gather-diagnostics')).version).toBe(now);
  });

  it('loses and duplicates no hand-off when reloads (good, unchanged and bad) land in the middle of a batch', async () => {
    await syncIncident();
    const tickets = ['INC0002041', 'INC0002043', 'INC0002047'];
    const rows = await Promise.all(tickets.map((n) => h.request('alex.rivera', n, { operation: 'gather-diagnostics' })));
    // Reloads while the rows are taken and the hand-offs run: groups changed (another group), unchanged, bad, restored.
    writeConfig(configText.replace('Payroll Systems: { enabled: false, tier: none }', 'Payroll Systems: { enabled: false, tier: assist }'));
    const outcomes = [await reload(), await reload()];
    writeConfig('switches: [');
    outcomes.push(await reload());
    writeConfig(configText);
    outcomes.push(await reload());
    expect(outcomes.map((o) => o.ok)).toEqual([true, true, false, true]);

    const ended = await Promise.all(rows.map((r) => h.untilRowEnds('request', r)));
    expect(ended.map((r) => r.state)).toEqual(['queued', 'queued', 'queued']);
    const ids = ended.map((r) => r.handoff);
    expect(new Set(ids).size).toBe(3);
    for (const number of tickets) await untilAwaitingReview(h, number, 'gather-diagnostics');
    for (const [i, number] of tickets.entries()) {
      const ours = (await h.notes(number)).filter((n) => n.value.includes(ids[i]!));
      expect(ours).toHaveLength(1);
      const events = await h.worker!.ledger.forHandoff(ids[i]!);
      expect(events.filter((e) => e.type === 'requested')).toHaveLength(1);
      expect(events.filter((e) => e.type === 'written')).toHaveLength(1);
    }
  });
});
