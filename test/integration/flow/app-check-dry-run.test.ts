/**
 * `ai-handoff app check --dry-run <number> --as <agent>` end to end: the
 * sandbox, a real worker on real Redis and BullMQ with every group in shadow
 * mode, and the command run as an admin would run it, with the same runtime
 * config. The request row is created as the agent (the platform stamps
 * who), the worker takes it and drafts, the draft goes to the audit, and no
 * note reaches the ticket. With a config whose group is not in shadow mode
 * the dry run refuses before creating anything.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { parse, stringify } from 'yaml';
import { INTEGRATION_PASSWORD, INTEGRATION_USER, PERSON_PASSWORD } from '../../../connectors/servicenow/sandbox/index.js';
import { AppCheckReport } from '../../../src/admin/app-check/report-schema.js';
import type { RuntimeConfig } from '../../../src/config/runtime-config.js';
import { fromRoot } from '../../../src/util/paths.js';
import { runCli } from '../../support/run-cli.js';
import { eligibleIncidents, useFlowHarness } from '../../support/flow-steps.js';

const OPERATION = 'gather-diagnostics';

/** Every group of the config in shadow mode. */
function allShadow<T extends Record<string, object>>(groups: T): T {
  return Object.fromEntries(Object.entries(groups).map(([key, setting]) => [key, { ...setting, shadow: true }])) as T;
}

describe('app check --dry-run (sandbox, real Redis, BullMQ, the worker in shadow mode)', () => {
  const run = useFlowHarness({ config: (c: RuntimeConfig) => ({ ...c, groups: allShadow(c.groups) }) });
  let temp = '';
  let shadowConfig = '';
  let liveConfig = '';

  beforeAll(() => {
    temp = mkdtempSync(join(tmpdir(), 'dry-run-'));
    const base = parse(readFileSync(fromRoot('config', 'sandbox.yaml'), 'utf8')) as { paths: Record<string, string>; groups: Record<string, object> };
    const paths = { policy: fromRoot('config', 'policy'), mappings: fromRoot('mappings', 'servicenow') };
    shadowConfig = join(temp, 'shadow.yaml');
    liveConfig = join(temp, 'live.yaml');
    writeFileSync(shadowConfig, stringify({ ...base, paths: { ...base.paths, ...paths }, groups: allShadow(base.groups) }));
    writeFileSync(liveConfig, stringify({ ...base, paths: { ...base.paths, ...paths } }));
    vi.stubEnv('SN_INSTANCE_URL', run.h.sandbox.url);
    vi.stubEnv('SN_USERNAME', INTEGRATION_USER);
    vi.stubEnv('SN_PASSWORD', INTEGRATION_PASSWORD);
    vi.stubEnv('SN_ADMIN_USERNAME', 'admin');
    vi.stubEnv('SN_ADMIN_PASSWORD', PERSON_PASSWORD);
    vi.stubEnv('AIH_DRY_RUN_PASSWORD', PERSON_PASSWORD);
  });
  afterAll(() => {
    vi.unstubAllEnvs();
    rmSync(temp, { recursive: true, force: true });
  });

  const dryRun = async (config: string, number: string): Promise<{ code: number; report: AppCheckReport }> => {
    const out = await runCli(['app', 'check', '--config', config, '--no-build', '--json', '--dry-run', number, '--as', 'alex.rivera', '--operation', OPERATION, '--timeout', '60']);
    expect(out.stderr).toBe('');
    return { code: out.code, report: AppCheckReport.parse(JSON.parse(out.stdout)) };
  };

  it('runs one hand-off in shadow mode: the row as the agent, a draft in the audit, no note on the ticket', async () => {
    const { h } = run;
    const [sysId] = await eligibleIncidents(h, OPERATION, 1);
    const number = h.sandbox.store.get('incident', sysId!)!.v.number!;
    const notesBefore = (await h.notes(number)).length;
    const { code, report } = await dryRun(shadowConfig, number);
    const dry = report.checks.filter((c) => c.area === 'dry-run');
    expect(dry.filter((c) => !c.ok)).toEqual([]);
    expect(dry).toHaveLength(4);
    expect(code).toBe(0);
    const handoff = /taken as hand-off (ho_\S+)/.exec(dry[1]!.detail)?.[1];
    expect(handoff).toBeDefined();
    const stored = await h.worker!.store.get(handoff!);
    expect(stored).toMatchObject({ shadow: true, status: 'awaiting_review', requester: { userName: 'alex.rivera' } });
    const events = (await h.worker!.ledger.forHandoff(handoff!)).map((e) => e.type);
    expect(events).toContain('shadowed');
    expect(events).not.toContain('written');
    expect(await h.notes(number)).toHaveLength(notesBefore);
    expect(dry[3]!.detail).toBe(`no work note written to ${number} (${notesBefore} before and after)`);
  });

  it('refuses before creating a row when the ticket’s group does not run in shadow mode', async () => {
    const { h } = run;
    const [sysId] = await eligibleIncidents(h, OPERATION, 1);
    const number = h.sandbox.store.get('incident', sysId!)!.v.number!;
    const rowsBefore = h.sandbox.store.partitions(h.sandbox.app.tables.request)[0]!.rows.size;
    const { code, report } = await dryRun(liveConfig, number);
    expect(code).toBe(1);
    const dry = report.checks.filter((c) => c.area === 'dry-run');
    expect(dry).toHaveLength(1);
    expect(dry[0]).toMatchObject({ ok: false, detail: expect.stringContaining('does not run in shadow mode in the runtime config: a dry run would write a note') as string });
    expect(dry[0]!.fix).toContain('set shadow: true for');
    expect(h.sandbox.store.partitions(h.sandbox.app.tables.request)[0]!.rows.size).toBe(rowsBefore);
  });
});
