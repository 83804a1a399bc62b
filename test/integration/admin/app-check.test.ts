/**
 * `ai-handoff app check` against the sandbox, which serves the platform's
 * metadata as an instance does (sys_db_object's Application Access flags,
 * sys_app, v_plugin, the app's installed records, sys_user_has_role): all
 * pass on the sandbox as seeded, and each failing case is staged the way an
 * admin would change an instance, through the Table API as admin: a table
 * without "allow configuration", a missing access rule, an integration user
 * without the integration role or with admin. The JSON report is validated
 * by its schema.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { INTEGRATION_PASSWORD, INTEGRATION_USER, PERSON_PASSWORD } from '../../../connectors/servicenow/sandbox/index.js';
import { AppCheckReport } from '../../../src/admin/app-check/report-schema.js';
import { runCli } from '../../support/run-cli.js';
import { sandboxConfig, useAdminSandbox } from './admin-sandbox.js';

const world = useAdminSandbox();

/** Each test names the credentials it runs with: the integration user's, and an administrator's only where it says so. */
afterEach(() => {
  vi.stubEnv('SN_USERNAME', INTEGRATION_USER);
  vi.stubEnv('SN_PASSWORD', INTEGRATION_PASSWORD);
  vi.stubEnv('SN_ADMIN_USERNAME', '');
  vi.stubEnv('SN_ADMIN_PASSWORD', '');
});

const asAdmin = `Basic ${Buffer.from(`admin:${PERSON_PASSWORD}`).toString('base64')}`;

async function table(method: 'GET' | 'PATCH' | 'POST', path: string, body?: Record<string, string>): Promise<{ status: number; result: Record<string, string> & Record<string, string>[] }> {
  const res = await fetch(`${world().sandbox.url}/api/now/table/${path}`, {
    method,
    headers: { Authorization: asAdmin, Accept: 'application/json', 'Content-Type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, result: ((await res.json()) as { result: Record<string, string> & Record<string, string>[] }).result };
}

/** Changes one record found by a query, as admin; answers a function that puts the old values back. */
async function change(tableName: string, query: string, values: Record<string, string>): Promise<() => Promise<void>> {
  const found = (await table('GET', `${tableName}?sysparm_query=${encodeURIComponent(query)}&sysparm_limit=1`)).result[0];
  if (found === undefined) throw new Error(`no ${tableName} record where ${query}`);
  const before = Object.fromEntries(Object.keys(values).map((k) => [k, found[k] ?? '']));
  expect((await table('PATCH', `${tableName}/${found.sys_id}`, values)).status).toBe(200);
  return async () => {
    expect((await table('PATCH', `${tableName}/${found.sys_id}`, before)).status).toBe(200);
  };
}

async function check(...args: string[]): Promise<{ code: number; report: AppCheckReport; stderr: string }> {
  const run = await runCli(['app', 'check', '--config', sandboxConfig, '--no-build', '--json', ...args]);
  return { code: run.code, report: AppCheckReport.parse(JSON.parse(run.stdout)), stderr: run.stderr };
}

const failed = (report: AppCheckReport): string[] => report.checks.filter((c) => !c.ok).map((c) => `${c.area} ${c.subject}`);

describe('ai-handoff app check on the sandbox', () => {
  it('passes every check with an administrator for the metadata, and prints each with its area', async () => {
    vi.stubEnv('SN_ADMIN_USERNAME', 'admin');
    vi.stubEnv('SN_ADMIN_PASSWORD', PERSON_PASSWORD);
    const { code, report } = await check();
    expect(failed(report)).toEqual([]);
    expect(code).toBe(0);
    expect(report).toMatchObject({ scope: 'x_acme_aihandoff', build: null, integrationUser: 'svc.aihandoff', metadataAs: 'admin', ok: true });
    const subjects = (area: string): string[] => report.checks.filter((c) => c.area === area).map((c) => c.subject);
    expect(subjects('tables')).toEqual(['incident', 'sc_request', 'sc_req_item', 'sn_si_incident', 'rm_enhancement', 'sys_user_grmember', 'sys_journal_field', 'cmdb_ci', 'sys_user']);
    expect(subjects('records')).toEqual(['sys_db_object', 'sys_dictionary', 'sys_user_role', 'sys_security_acl', 'sys_script', 'sys_script_include', 'sys_ws_definition', 'sys_properties', 'sys_scope_privilege']);
    expect(report.checks.find((c) => c.subject === 'sys_security_acl')?.detail).toBe('39 of 39 present');
    expect(subjects('reads')).toContain('x_acme_aihandoff_request');

    const text = await runCli(['app', 'check', '--config', sandboxConfig, '--no-build']);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('  pass  sn_si_incident: Accessible from: All application scopes, Can read: yes, Can update: yes, Allow configuration: yes\n');
    expect(text.stdout).toContain('  pass  x_acme_aihandoff: AI Handoff 0.1.0 installed\n');
    expect(text.stdout).toMatch(/All \d+ checks passed\.\n$/);
  });

  it('fails a table that does not allow configuration, and mappings check says the table cannot take the app', async () => {
    const restore = await change('sys_db_object', 'name=sn_si_incident', { configuration_access: 'false' });
    try {
      vi.stubEnv('SN_ADMIN_USERNAME', 'admin');
      vi.stubEnv('SN_ADMIN_PASSWORD', PERSON_PASSWORD);
      const { code, report } = await check();
      expect(code).toBe(1);
      expect(failed(report)).toEqual(['tables sn_si_incident']);
      expect(report.checks.find((c) => c.subject === 'sn_si_incident')).toEqual({
        area: 'tables',
        subject: 'sn_si_incident',
        ok: false,
        detail: 'Allow configuration: no (the app needs Allow configuration = yes)',
        fix: 'System Definition > Tables > sn_si_incident > Application Access: set Allow configuration = yes; or leave the part "security" out of the build',
      });
      const mappings = await runCli(['mappings', 'check', '--table', 'sn_si_incident', 'incident']);
      expect(mappings.code).toBe(1);
      expect(mappings.stdout).toContain('sn_si_incident: cannot take the app: Allow configuration: no (the app needs Allow configuration = yes)\n');
      expect(mappings.stdout).toContain('incident: can take the app');
    } finally {
      await restore();
    }
  });

  it('names a missing table’s plugin when the plugin is not active', async () => {
    const restoreTable = await change('sys_db_object', 'name=rm_enhancement', { name: 'rm_enhancement_gone' });
    const restorePlugin = await change('v_plugin', 'id=com.snc.sdlc.agile.2.0', { active: 'inactive' });
    try {
      vi.stubEnv('SN_ADMIN_USERNAME', 'admin');
      vi.stubEnv('SN_ADMIN_PASSWORD', PERSON_PASSWORD);
      const { report } = await check();
      expect(report.checks.find((c) => c.subject === 'rm_enhancement')).toMatchObject({
        ok: false,
        detail: 'the table does not exist: its plugin Agile Development (com.snc.sdlc.agile.2.0) is not active',
        fix: 'activate Agile Development (com.snc.sdlc.agile.2.0), or leave the part "enhancement" out of the build (AIH_APP_PARTS) and remove the rm_enhancement mapping',
      });
    } finally {
      await restoreTable();
      await restorePlugin();
    }
  });

  it('fails a missing access rule and one the build does not have', async () => {
    const restore = await change('sys_security_acl', 'name=x_acme_aihandoff_request^operation=delete', { name: 'incident', operation: 'write' });
    try {
      vi.stubEnv('SN_ADMIN_USERNAME', 'admin');
      vi.stubEnv('SN_ADMIN_PASSWORD', PERSON_PASSWORD);
      const { code, report } = await check();
      expect(code).toBe(1);
      expect(failed(report)).toEqual(['records sys_security_acl']);
      expect(report.checks.find((c) => c.subject === 'sys_security_acl')?.detail).toBe('1 of 39 missing: record delete x_acme_aihandoff_request; 1 not in the build: record write incident');
    } finally {
      await restore();
    }
  });

  it('without an administrator, says the metadata could not be read and how to give one', async () => {
    const { code, report } = await check();
    expect(code).toBe(1);
    expect(report.metadataAs).toBe('svc.aihandoff');
    const app = report.checks.find((c) => c.area === 'app');
    expect(app).toMatchObject({ ok: false, detail: 'no application of scope x_acme_aihandoff found as svc.aihandoff' });
    expect(app?.fix).toContain('SN_ADMIN_USERNAME and SN_ADMIN_PASSWORD');
  });

  it('fails an integration user without the integration role, with itil, that cannot read security incidents', async () => {
    vi.stubEnv('SN_ADMIN_USERNAME', 'admin');
    vi.stubEnv('SN_ADMIN_PASSWORD', PERSON_PASSWORD);
    vi.stubEnv('SN_USERNAME', 'priya.nair');
    vi.stubEnv('SN_PASSWORD', PERSON_PASSWORD);
    const { code, report } = await check();
    expect(code).toBe(1);
    const roles = report.checks.filter((c) => c.area === 'roles' && c.subject !== 'priya.nair');
    expect(roles).toEqual([
      { area: 'roles', subject: 'priya.nair: x_acme_aihandoff.integration', ok: false, detail: 'not held (required: the rows, the checkpoints and the ticket API need it)', fix: 'grant x_acme_aihandoff.integration to priya.nair' },
      expect.objectContaining({ subject: 'priya.nair: nothing more', ok: false, detail: 'holds itil: more than the worker needs' }),
    ]);
    // The app's own tables answer it with no rows, as to a user of a new install: the role check is what catches that.
    expect(failed(report)).toEqual(['roles priya.nair', 'roles priya.nair: x_acme_aihandoff.integration', 'roles priya.nair: nothing more', 'reads sn_si_incident']);
    expect(report.checks.find((c) => c.subject === 'priya.nair')).toMatchObject({ detail: '"Web service access only" is not ticked' });
  });

  it('flags an integration user that holds admin, and ends 0 again once it is removed', async () => {
    vi.stubEnv('SN_ADMIN_USERNAME', 'admin');
    vi.stubEnv('SN_ADMIN_PASSWORD', PERSON_PASSWORD);
    const admin = (await table('GET', 'sys_user_role?sysparm_query=name=admin')).result[0]!.sys_id!;
    const user = (await table('GET', 'sys_user?sysparm_query=user_name=svc.aihandoff')).result[0]!.sys_id!;
    const granted = await table('POST', 'sys_user_has_role', { user, role: admin });
    expect(granted.status).toBe(201);
    const { code, report } = await check();
    expect(code).toBe(1);
    expect(failed(report)).toEqual(['roles svc.aihandoff: nothing more']);
    expect(report.checks.find((c) => c.subject === 'svc.aihandoff: nothing more')).toMatchObject({ detail: 'holds admin: more than the worker needs', fix: expect.stringContaining('remove admin from svc.aihandoff') as string });
    expect((await table('PATCH', `sys_user_has_role/${granted.result.sys_id}`, { state: 'inactive' })).status).toBe(200);
    expect((await check()).code).toBe(0);
  });

  it('refuses bad input with one clear line and exit 2', async () => {
    const bad = await runCli(['app', 'check', '--config', sandboxConfig, '--integration-user', 'x^ORactive=true']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('ai-handoff: INPUT_INVALID: --integration-user: "x^ORactive=true" is not a user name\n  fix: give the user\'s user_name (letters, digits, . _ @ + -), e.g. --integration-user svc.aihandoff\n');
    const noBuild = await runCli(['app', 'check', '--config', sandboxConfig, '--build', world().temp]);
    expect(noBuild.code).toBe(2);
    expect(noBuild.stderr).toContain('--build: ');
    const noAgent = await runCli(['app', 'check', '--config', sandboxConfig, '--dry-run', 'INC0010001']);
    expect(noAgent.code).toBe(2);
    expect(noAgent.stderr.split('\n')[0]).toBe('ai-handoff: INPUT_INVALID: --dry-run needs --as: the agent its request row is created as');
    const badTimeout = await runCli(['app', 'check', '--config', sandboxConfig, '--dry-run', 'INC0010001', '--as', 'alex.rivera', '--timeout', '5']);
    expect(badTimeout.code).toBe(2);
    expect(badTimeout.stderr.split('\n')[0]).toBe("ai-handoff: INPUT_INVALID: --timeout must be a whole number from 10 to 900, got '5'");
    // The dry run's input is checked before anything is read or written: no request row.
    expect(world().sandbox.store.partitions(world().sandbox.app.tables.request)[0]!.rows.size).toBe(0);
  });
});
