/**
 * `ai-handoff mappings preview` against the sandbox's hand-written seed,
 * through the real connector: the --json shape by schema, known counts, an
 * approver resolved or why not, a mapping that blocks everything for one
 * empty field made obvious, bad input, and nothing written.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PreviewJson } from '../../../src/admin/preview-schema.js';
import { fromRoot } from '../../../src/util/paths.js';
import { runCli } from '../../support/run-cli.js';
import { sandboxConfig, useAdminSandbox } from './admin-sandbox.js';
import { rowsOf } from '../servicenow/sandbox-world.js';

const world = useAdminSandbox();

async function preview(...args: string[]): Promise<PreviewJson> {
  const run = await runCli(['mappings', 'preview', '--config', sandboxConfig, '--json', ...args]);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return PreviewJson.parse(JSON.parse(run.stdout));
}

const activeIncidents = (): string[] => rowsOf(world().sandbox, 'incident', (r) => r.v.active === 'true').map((r) => r.v.number!);

describe('ai-handoff mappings preview', () => {
  it('reads the active tickets through the mapping: how each maps, its classification, the summary', async () => {
    const seq = world().sandbox.writeLog.lastSeq;
    const p = await preview('--table', 'incident');
    expect(p.table).toBe('incident');
    expect(p.tickets.map((t) => t.number).sort()).toEqual(activeIncidents().sort());
    // Known counts for the hand-written seed under config/sandbox.yaml.
    expect(p.summary).toMatchObject({ tickets: 7, eligible: 4, approvalBound: 0, blocked: 3 });
    expect(p.summary.eligible + p.summary.approvalBound + p.summary.blocked).toBe(p.summary.tickets);
    const inc = p.tickets.find((t) => t.number === 'INC0002041')!;
    expect(inc).toMatchObject({ type: 'incident', severity: 2, dataClass: 'internal', group: { name: 'Network Operations' }, assignee: { name: 'Alex Rivera' }, classification: 'eligible', unmappable: null });
    expect(inc.approvers).toEqual([{ role: 'incident_commander', approver: { kind: 'user', id: expect.any(String) as string, name: 'Irene Costa' }, why: null }]);
    expect(p.summary.blockingReasons.map((r) => r.rule)).toContain('forbid.group.not-opted-in');
    expect(world().sandbox.writeLog.lastSeq, 'read-only').toBe(seq);
  });

  it('says why an approver is not resolved', async () => {
    const p = await preview('--table', 'sc_req_item');
    for (const t of p.tickets) {
      for (const a of t.approvers) {
        expect(a.role).toBe('requester_manager');
        expect(a.approver === null ? a.why : null).toBe(a.approver === null ? 'empty on this ticket: requested_for.manager' : null);
      }
    }
  });

  it('a mapping that reads severity from a field empty on every ticket: all blocked, and the summary says why', async () => {
    const file = join(world().temp, 'incident.yaml');
    writeFileSync(file, readFileSync(fromRoot('mappings', 'servicenow', 'incident.yaml'), 'utf8').replace('  field: priority\n', '  field: close_code\n'));
    const p = await preview('--table', 'incident', '--file', file, '--limit', '5');
    expect(p.mapping).toBe(file);
    expect(p.summary).toMatchObject({ tickets: 5, blocked: 5, eligible: 0, approvalBound: 0 });
    expect(p.summary.mappingIssues).toEqual([{ field: 'close_code', tickets: 5, message: 'is empty: severity is unknown' }]);
    expect(p.summary.blockingReasons[0]).toMatchObject({ rule: 'forbid.input.unknown-severity', tickets: 5 });

    const text = await runCli(['mappings', 'preview', '--config', sandboxConfig, '--table', 'incident', '--file', file, '--limit', '5']);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('Summary of 5 tickets: eligible 0% (0) · approval-bound 0% (0) · blocked 100% (5)');
    expect(text.stdout).toMatch(/5 {2}forbid\.input\.unknown-severity/);
    expect(text.stdout).toMatch(/5 {2}close_code\s+is empty: severity is unknown/);
    expect(text.stdout).toContain('    mapping issue: close_code: is empty: severity is unknown');
  });

  it('bad input ends with one clear line and exit 2', async () => {
    const other = join(world().temp, 'sc_request.yaml');
    writeFileSync(other, readFileSync(fromRoot('mappings', 'servicenow', 'sc_request.yaml'), 'utf8'));
    for (const [args, message] of [
      [['--table', 'incident', '--limit', '0'], 'INPUT_INVALID: --limit must be a whole number from 1 to 1000'],
      [['--table', 'incident', '--limit', 'many'], 'INPUT_INVALID: --limit must be a whole number'],
      [['--table', 'problem'], "INPUT_INVALID: no mapping for table 'problem'"],
      [['--table', 'incident', '--file', other], `INPUT_INVALID: --table incident, but ${other} maps table sc_request`],
      [['--table', 'incident', '--file', join(world().temp, 'nope.yaml')], `INPUT_INVALID: --file: the file ${join(world().temp, 'nope.yaml')} does not exist`],
    ] as const) {
      const run = await runCli(['mappings', 'preview', '--config', sandboxConfig, ...args]);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr.split('\n')[0]).toContain(`ai-handoff: ${message}`);
    }
  });
});
