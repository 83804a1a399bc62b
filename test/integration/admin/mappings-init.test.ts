/**
 * `ai-handoff mappings init` against the sandbox: from sys_db_object,
 * sys_dictionary and sys_choice alone it reproduces the shipped mappings of
 * the five ticket tables exactly (both are contract version 2: the mapping
 * names the panel, the status and the work notes; requests and reviews are
 * rows of the app's tables). It never overwrites a file without --force, and
 * refuses bad input clearly.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { fromRoot } from '../../../src/util/paths.js';
import { runCli } from '../../support/run-cli.js';
import { sandboxConfig, useAdminSandbox } from './admin-sandbox.js';

const world = useAdminSandbox();

const TABLES = [
  ['incident', 'incident'],
  ['sc_req_item', 'request'],
  ['sc_request', 'request'],
  ['sn_si_incident', 'security'],
  ['rm_enhancement', 'enhancement'],
] as const;

describe('ai-handoff mappings init', () => {
  it.each(TABLES)('reproduces the shipped %s mapping from the dictionary', async (table, type) => {
    const out = join(world().temp, `${table}.yaml`);
    const run = await runCli(['mappings', 'init', '--config', sandboxConfig, '--table', table, '--type', type, '--out', out]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`Wrote ${out}: 4 guesses to confirm (comments with "confirm:").\nNext: ai-handoff mappings preview --table ${table} --file ${out}\n`);
    const written = readFileSync(out, 'utf8');
    const shipped = parse(readFileSync(fromRoot('mappings', 'servicenow', `${table}.yaml`), 'utf8')) as Record<string, unknown>;
    const generated = parse(written) as Record<string, unknown>;
    // Fields, the active filter, the severity map (from the priority choices' labels), the data-class map (from the
    // app field's choices) and default, the approver sources (from the roles the policy needs) and the AI fields.
    expect(generated).toEqual(shipped);
    // A comment on every guess: the caller, the severity map, the default class, each approver role.
    expect(written.match(/# confirm:/g)).toHaveLength(4);
    expect(written).not.toMatch(/NOT FOUND:|: null/);
  });

  it('never overwrites a file without --force', async () => {
    const out = join(world().temp, 'kept.yaml');
    writeFileSync(out, 'mine\n');
    const args = ['mappings', 'init', '--config', sandboxConfig, '--table', 'incident', '--type', 'incident', '--out', out];
    const refused = await runCli(args);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe(`ai-handoff: INPUT_INVALID: --out: ${out} exists; it was not overwritten\n  fix: give another --out, or --force to replace it\n`);
    expect(readFileSync(out, 'utf8')).toBe('mine\n');
    expect((await runCli([...args, '--force'])).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('table: incident');
  });

  it('prints the file with --out -, and reads the instance only', async () => {
    const seq = world().sandbox.writeLog.lastSeq;
    const run = await runCli(['mappings', 'init', '--config', sandboxConfig, '--table', 'sn_si_incident', '--type', 'security', '--out', '-']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('# (sys_db_object: sn_si_incident extends task; sys_dictionary; sys_choice).');
    expect(run.stdout).toContain('  default: confidential');
    expect(world().sandbox.writeLog.lastSeq).toBe(seq);
  });

  it('bad input ends with one clear line and exit 2, and writes nothing', async () => {
    const out = join(world().temp, 'never.yaml');
    for (const [args, message] of [
      [['--table', 'incident', '--type', 'ticket'], "INPUT_INVALID: --type 'ticket' is not a ticket type"],
      [['--table', 'u_nothing_here', '--type', 'request'], "INPUT_INVALID: no table 'u_nothing_here' on the instance (sys_db_object)"],
      [['--table', 'Incident', '--type', 'incident'], "INPUT_INVALID: 'Incident' is not a table name"],
      [['--table', 'incident', '--type', 'incident', '--scope', 'X-1'], "INPUT_INVALID: --scope 'X-1' is not a scope name"],
    ] as const) {
      const run = await runCli(['mappings', 'init', '--config', sandboxConfig, '--out', out, ...args]);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr.split('\n')[0]).toContain(`ai-handoff: ${message}`);
    }
    expect(existsSync(out)).toBe(false);
  });
});
