/**
 * A custom table works without code (issue 15): the sandbox has a table of
 * its own, u_vendor_access_request (extends task, `u_` columns, the app's
 * fields installed from the app's one list of tables), which no shipped
 * mapping names. `mappings init` writes a mapping for it from the
 * dictionary; with that file in the mappings folder, `mappings check`,
 * `policy check` and `mappings preview` accept it, and the worker pulls its
 * tickets, classifies them, offers the request operations and hands one off
 * to its note and its review, like a built-in table.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { parse } from 'yaml';
import { INTEGRATION_PASSWORD, INTEGRATION_USER } from '../../../connectors/servicenow/sandbox/index.js';
import { TICKET_TABLES } from '../../../connectors/servicenow/sandbox/schema/app-fields.js';
import { ticketTables } from '../../../connectors/servicenow/app/scripts/app-params.mjs';
import { appNames } from '../../../src/domain/app-names.js';
import { fromRoot } from '../../../src/util/paths.js';
import { startFlowHarness, type FlowHarness } from '../../support/flow-harness.js';
import { expectOnlyAllowedWrites, untilStatus } from '../../support/flow-steps.js';
import { runCli } from '../../support/run-cli.js';

const TABLE = 'u_vendor_access_request';

describe(`a custom table (${TABLE}) onboarded with mappings init alone`, () => {
  let h: FlowHarness;
  let dir: string;
  const config = (): string => join(dir, 'config.yaml');
  const mappingFile = (): string => join(dir, 'mappings', `${TABLE}.yaml`);

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'aih-custom-'));
    cpSync(fromRoot('mappings', 'servicenow'), join(dir, 'mappings'), { recursive: true });
    const text = readFileSync(fromRoot('config', 'sandbox.yaml'), 'utf8').replace('policy: policy', `policy: ${fromRoot('config', 'policy')}`).replace('mappings: ../mappings/servicenow', 'mappings: ./mappings');
    writeFileSync(config(), text);
    h = await startFlowHarness({ configFile: config(), noWorker: true });
    vi.stubEnv('SN_INSTANCE_URL', h.sandbox.url);
    vi.stubEnv('SN_USERNAME', INTEGRATION_USER);
    vi.stubEnv('SN_PASSWORD', INTEGRATION_PASSWORD);
    vi.stubEnv('AI_HANDOFF_CONFIG', '');
  });
  afterAll(async () => {
    vi.unstubAllEnvs();
    if (h.worker) expectOnlyAllowedWrites(h);
    await h.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("is in the app's one list of tables, and the sandbox installs the app's fields on it from that list", () => {
    expect(ticketTables().find((t) => t.name === TABLE)).toMatchObject({ part: 'vendor', ownerScope: 'global' });
    expect(TICKET_TABLES).toContain(TABLE);
    const dictionary = h.sandbox.store.schema.table(TABLE)!;
    expect(dictionary.lineage).toEqual([TABLE, 'task']);
    const fields = appNames().fields;
    for (const field of [fields.panel, fields.status, fields.dataClass]) expect(dictionary.field.get(field)?.definedOn, field).toBe(TABLE);
  });

  it('mappings init writes a mapping that loads, with the custom requester field as caller and approver source', async () => {
    const run = await runCli(['mappings', 'init', '--config', config(), '--table', TABLE, '--type', 'request', '--out', mappingFile()]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`Wrote ${mappingFile()}`);
    const written = readFileSync(mappingFile(), 'utf8');
    expect(written).not.toMatch(/NOT FOUND:|: null/);
    const mapping = parse(written) as Record<string, Record<string, unknown>>;
    expect(mapping).toMatchObject({
      table: TABLE,
      ticketType: 'request',
      fields: { number: 'number', title: 'short_description', group: 'assignment_group', caller: 'u_requested_for', callerName: 'u_requested_for.name' },
      severity: { from: 'priority', field: 'priority' },
      dataClass: { field: appNames().fields.dataClass, default: 'internal' },
      approvers: { requester_manager: [{ user: 'u_requested_for.manager', name: 'u_requested_for.manager.name' }] },
      ai: { panel: appNames().fields.panel, status: appNames().fields.status, workNotes: 'work_notes' },
    });
    expect(written).toMatch(/# confirm: [^\n]*'Requested for'\n\s+caller: u_requested_for\n/);

    const check = await runCli(['mappings', 'check', '--dir', join(dir, 'mappings'), '--table', TABLE]);
    expect(check.code, check.stdout + check.stderr).toBe(0);
    const policy = await runCli(['policy', 'check', '--config', config()]);
    expect(policy.code, policy.stderr).toBe(0);
    expect(policy.stdout).toContain('6 mappings');
  });

  it('mappings preview reads its two active tickets and classifies them under the sandbox policy', async () => {
    const run = await runCli(['mappings', 'preview', '--config', config(), '--table', TABLE, '--json']);
    expect(run.code, run.stderr).toBe(0);
    const preview = JSON.parse(run.stdout) as { tickets: { number: string; type: string; classification: string }[]; summary: Record<string, unknown> };
    expect(preview.tickets.map((t) => [t.number, t.type, t.classification]).sort()).toEqual([
      ['VAR0001001', 'request', 'eligible'],
      ['VAR0001002', 'request', 'eligible'],
    ]);
  });

  it('is pulled, classified, offered the request operations and handed off to its note and review by the worker', async () => {
    await h.startWorker();
    const panel = await h.waitFor('the panel on VAR0001001', async () => (await h.ticket('VAR0001001')).panel);
    // Offered what a built-in request table's ticket of the same group and class is offered (RITM0002188), decided the same way.
    const builtIn = (await h.ticket('RITM0002188')).panel!;
    const outcomes = (p: typeof panel) => p.operations.map((o) => [o.id, o.outcome, JSON.stringify(o.approval)]).sort();
    expect(outcomes(panel)).toEqual(outcomes(builtIn));
    expect(panel.operations.filter((o) => o.outcome !== 'blocked').map((o) => [o.id, o.outcome])).toEqual(expect.arrayContaining([['least-privilege-checklist', 'approval-bound']]));
    expect(panel.classification).toBe('eligible');
    expect((await h.ticket('VAR0001001')).status).toBe('eligible');

    const row = await h.request('nora.brandt', 'VAR0001001', { operation: 'least-privilege-checklist' });
    const written = await untilStatus(h, 'VAR0001001', 'awaiting_review');
    const handoff = written.panel!.handoffs[0]!;
    expect(handoff).toMatchObject({ operation: 'least-privilege-checklist', requestedBy: 'nora.brandt' });
    expect(await h.row('request', row)).toMatchObject({ state: 'queued', handoff: handoff.id });
    const ours = (await h.notes('VAR0001001')).filter((n) => n.by === INTEGRATION_USER);
    expect(ours).toHaveLength(1);
    expect(ours[0]!.value).toContain(handoff.id);
    expect(ours[0]!.value).toContain('nora.brandt');

    // The approver is the requester's manager, read through the custom reference field (u_requested_for.manager).
    await h.review('morgan.lee', 'VAR0001001', { handoff: handoff.id, decision: 'accept' });
    const accepted = await untilStatus(h, 'VAR0001001', 'accepted');
    expect(accepted.record.state).toBe(written.record.state);
    const events = await h.worker!.ledger.forHandoff(handoff.id);
    expect(events.map((e) => e.type)).toEqual(expect.arrayContaining(['requested', 'queued', 'executed', 'written', 'reviewed']));
    expect(events.find((e) => e.type === 'requested')?.ticket).toMatchObject({ table: TABLE, number: 'VAR0001001' });
  });
});
