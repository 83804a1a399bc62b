/**
 * The dry run's steps (src/admin/app-check/dry-run.ts) on a scripted port:
 * each way it can end short of a shadow draft gives one failing check with
 * its fix, and nothing is created before the shadow check passes. The
 * end-to-end run is test/integration/flow/app-check-dry-run.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { runDryRun, type DryRunPort } from '../../../src/admin/app-check/dry-run.js';
import { sealPanel, type PanelBody } from '../../../src/domain/panel.js';
import { NO_READ_CHECK, OPERATION_BOUNDARY, TICKET_CLASS } from '../../support/panel-fixture.js';

const SYS = 'a'.repeat(32);

function panel(handoffs: PanelBody['handoffs'] = [], outcome: 'eligible' | 'blocked' = 'eligible'): string {
  const body: PanelBody = {
    schema: 2,
    ticket: { number: 'INC0000001', table: 'incident', sysId: SYS, owner: { assignee: null, group: 'g1' }, ...TICKET_CLASS },
    policyVersion: 'v1',
    classification: outcome,
    operations: [
      {
        id: 'gather-diagnostics',
        title: 'Gather diagnostics',
        class: 'evidence_gathering',
        outcome,
        approval: { required: false, role: null, approver: null },
        scopeDigest: 'b'.repeat(32),
        sources: ['ticket_fields'],
        outputKind: 'summary',
        expectedOutput: 'a summary',
        stopConditions: ['none'],
        blockedActions: [],
        reasons: outcome === 'blocked' ? [{ rule: 'r1', message: 'blocked by r1', remedy: 'ask' }] : [],
        ...OPERATION_BOUNDARY,
      },
    ],
    blockedActions: [],
    handoffs,
    notice: null,
    readCheck: NO_READ_CHECK,
  };
  return JSON.stringify(sealPanel(body));
}

interface Script {
  panel?: string;
  shadow?: boolean;
  created?: Awaited<ReturnType<DryRunPort['createRequest']>>;
  row?: Record<string, string> | null;
  later?: string;
  notes?: [number | null, number | null];
}

function port(script: Script): DryRunPort & { created: Record<string, string>[] } {
  let clock = 0;
  let noteReads = 0;
  const created: Record<string, string>[] = [];
  return {
    created,
    findTicket: () => Promise.resolve({ table: 'incident', sysId: SYS, panel: script.panel ?? panel(), group: { id: 'g1', name: 'Network Operations' } }),
    shadow: () => script.shadow ?? true,
    createRequest: (row) => {
      created.push({ ...row });
      return Promise.resolve(script.created ?? { ok: true, sysId: 'c'.repeat(32) });
    },
    readRow: () => Promise.resolve(script.row === undefined ? { state: 'queued', handoff: 'ho_1' } : script.row),
    readPanel: () => Promise.resolve(script.later ?? panel([{ id: 'ho_1', operation: 'gather-diagnostics', status: 'awaiting_review', requestedBy: 'alex.rivera', approval: { required: false, role: null, approver: null }, updatedAt: 'now' }])),
    countNotes: () => Promise.resolve((script.notes ?? [3, 3])[noteReads++ === 0 ? 0 : 1]!),
    sleep: (ms) => {
      clock += ms;
      return Promise.resolve();
    },
    now: () => clock,
  };
}

const input = { number: 'INC0000001', agent: 'alex.rivera', timeoutMs: 5_000, pollMs: 1_000 };

describe('the dry run', () => {
  it('passes four checks on a shadow draft with no new note, creating the row the dialog would', async () => {
    const p = port({});
    const checks = await runDryRun(p, input);
    expect(checks.map((c) => c.ok)).toEqual([true, true, true, true]);
    expect(p.created).toEqual([{ ticket_table: 'incident', ticket: SYS, operation: 'gather-diagnostics', scope_digest: 'b'.repeat(32), note: 'ai-handoff app check: dry run in shadow mode' }]);
  });

  it.each<[string, Script, string, string]>([
    ['no panel yet', { panel: '' }, 'the ticket has no AI panel yet', 'run the worker'],
    ['only a blocked operation', { panel: panel([], 'blocked') }, 'no operation is open on this ticket (gather-diagnostics: blocked)', 'pick an open operation'],
    ['the group not in shadow mode', { shadow: false }, 'does not run in shadow mode', 'set shadow: true for Network Operations'],
    ['the app refusing the row', { created: { ok: false, status: 403, message: 'You cannot read this ticket' } }, 'the request row was refused (403): You cannot read this ticket', 'AIH_DRY_RUN_PASSWORD'],
    ['no worker taking the row', { row: { state: 'pending' } }, 'is still pending after 5 s', 'start the worker'],
    ['the worker refusing it', { row: { state: 'refused', message: 'Role missing', remedy: 'grant the agent role' } }, 'the worker refused the request: Role missing', 'grant the agent role'],
    ['a note appearing', { notes: [3, 4] }, '1 work note(s) appeared on the ticket during the dry run', 'did not run the group in shadow mode'],
    ['the journal unreadable', { notes: [null, null] }, 'could not be read to confirm none was written', 'SN_ADMIN_USERNAME'],
  ])('fails on %s, with the fix, and stops there', async (_what, script, detail, fix) => {
    const p = port(script);
    const checks = await runDryRun(p, input);
    const last = checks[checks.length - 1]!;
    expect(checks.slice(0, -1).every((c) => c.ok)).toBe(true);
    expect(last.ok).toBe(false);
    expect(last.detail).toContain(detail);
    expect(last.fix).toContain(fix);
    if (script.panel !== undefined || script.shadow === false) expect(p.created).toEqual([]);
  });

  it('waits for the hand-off to finish and reports one that failed', async () => {
    const failedPanel = panel([{ id: 'ho_1', operation: 'gather-diagnostics', status: 'failed', requestedBy: 'alex.rivera', approval: { required: false, role: null, approver: null }, updatedAt: 'now' }]);
    const checks = await runDryRun(port({ later: failedPanel }), input);
    expect(checks.at(-1)).toMatchObject({ ok: false, detail: 'hand-off ho_1 ended failed' });
  });
});
