import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../../src/cli/main.js';
import { runMappingsCheck } from '../../../src/cli/commands/mappings.js';
import { serveTable, type Row } from './fake-table.js';
import { BASE, instance, snError, SYS } from './helpers.js';

beforeAll(() => nock.disableNetConnect());
afterEach(() => {
  nock.cleanAll();
  vi.unstubAllEnvs();
});
afterAll(() => nock.enableNetConnect());

const env = { SN_INSTANCE_URL: BASE, SN_USERNAME: 'svc.aihandoff', SN_PASSWORD: 'integration-sandbox' };

/** sys_dictionary rows: [table, field, referenced table or ''], with an internal type by field where it is not string or reference. */
function dictionary(entries: ReadonlyArray<readonly [string, string, string]>, types: Readonly<Record<string, string>> = {}): Row[] {
  return entries.map(([name, element, reference], i) => ({
    sys_id: SYS(1000 + i),
    name,
    element,
    internal_type: types[element] ?? (reference === '' ? 'string' : 'reference'),
    reference,
    active: 'true',
  }));
}
const JOURNAL = { work_notes: 'journal_input' };

const INCIDENT: ReadonlyArray<readonly [string, string, string]> = [
  ['task', 'number', ''], ['task', 'short_description', ''], ['task', 'description', ''], ['task', 'state', ''], ['task', 'active', ''],
  ['task', 'priority', ''], ['task', 'sys_mod_count', ''], ['task', 'work_notes', ''], ['task', 'assignment_group', 'sys_user_group'], ['task', 'assigned_to', 'sys_user'], ['task', 'cmdb_ci', 'cmdb_ci'],
  ['incident', 'caller_id', 'sys_user'], ['incident', 'close_notes', ''], ['incident', 'x_acme_aihandoff_data_classification', ''],
  ['incident', 'x_acme_aihandoff_panel', ''], ['incident', 'x_acme_aihandoff_status', ''],
  ['sys_user_group', 'name', ''], ['sys_user_group', 'manager', 'sys_user'], ['sys_user', 'name', ''], ['cmdb_ci', 'name', ''],
];

/** incident's Application Access flags (sys_db_object), as the app needs them unless changed. */
function serveIncidentAccess(changes: Row = {}): void {
  const flags = { access: 'public', read_access: 'true', update_access: 'true', configuration_access: 'true' };
  serveTable('sys_db_object', () => [{ sys_id: SYS(1), name: 'incident', ...flags, ...changes }]);
}

function run(rows: Row[], access: Row = {}) {
  serveTable('sys_dictionary', () => rows);
  serveIncidentAccess(access);
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, done: runMappingsCheck({ tables: ['incident'], env, out: (t) => out.push(t), err: (t) => err.push(t) }) };
}

describe('ai-handoff mappings check', () => {
  it('exits 0 when every mapped field, dot-walks included, exists on the instance', async () => {
    const { out, done } = run(dictionary(INCIDENT, JOURNAL));
    expect(await done).toBe(0);
    expect(out.join('')).toContain('incident: all 23 fields present, written fields typed right');
    expect(out.join('')).toContain('incident: can take the app (Accessible from: All application scopes, Can read: yes, Can update: yes, Allow configuration: yes)\n');
  });

  it('exits 1 and says why when a table cannot take the app, though every field is there', async () => {
    const { out, done } = run(dictionary(INCIDENT, JOURNAL), { configuration_access: 'false' });
    expect(await done).toBe(1);
    const report = out.join('');
    expect(report).toContain('incident: cannot take the app: Allow configuration: no (the app needs Allow configuration = yes)\n');
    expect(report).toContain('  fix: System Definition > Tables > incident > Application Access: set Allow configuration = yes\n');
    expect(report).toContain('1 table(s) cannot take the app');
  });

  it('exits 1 and names the key when a written field has the wrong type in sys_dictionary', async () => {
    const { out, done } = run(dictionary(INCIDENT, { work_notes: 'string', x_acme_aihandoff_status: 'reference' }));
    expect(await done).toBe(1);
    const report = out.join('');
    expect(report).toContain('incident: 2 written field(s) of the wrong type');
    expect(report).toContain("  - ai.workNotes (work_notes): is of type 'string' in sys_dictionary, not a journal input (work notes) (journal_input): point ai.workNotes at the right field");
    expect(report).toContain("  - ai.status (x_acme_aihandoff_status): is of type 'reference' in sys_dictionary, not a string or choice (string or choice)");
  });

  it('accepts a choice column for the status', async () => {
    const { done } = run(dictionary(INCIDENT, { ...JOURNAL, x_acme_aihandoff_status: 'choice' }));
    expect(await done).toBe(0);
  });

  it('exits 1 and names each missing field and why', async () => {
    const rows = dictionary(INCIDENT.filter(([table, field]) => !(table === 'incident' && field === 'x_acme_aihandoff_panel') && !(table === 'sys_user_group' && field === 'manager')).map(([t, f, r]) => (f === 'cmdb_ci' ? [t, f, ''] as const : [t, f, r] as const)), JOURNAL);
    const { out, done } = run(rows);
    expect(await done).toBe(1);
    const report = out.join('');
    expect(report).toContain('incident: 4 of 23 fields missing');
    expect(report).toContain("  - x_acme_aihandoff_panel: no field 'x_acme_aihandoff_panel' on incident in sys_dictionary");
    expect(report).toContain("  - assignment_group.manager: 'assignment_group' refers to sys_user_group, which has no field 'manager'");
    expect(report).toContain("  - assignment_group.manager.name: 'assignment_group' refers to sys_user_group, which has no field 'manager'");
    expect(report).toContain("  - cmdb_ci.name: 'cmdb_ci' is not a reference field, so it cannot be dot-walked");
  });

  it('exits 2 with the error code and fix when the instance refuses the credentials', async () => {
    instance().get((uri) => uri.startsWith('/api/now/table/sys_dictionary?')).reply(401, snError('User Not Authenticated'));
    const err: string[] = [];
    const code = await runMappingsCheck({ tables: ['incident'], env, out: () => undefined, err: (t) => err.push(t) });
    expect(code).toBe(2);
    expect(err.join('')).toContain('SN_AUTH_FAILED');
    expect(err.join('')).toContain('fix:');
  });

  it('exits 2 naming the variable when the environment is incomplete', async () => {
    const err: string[] = [];
    expect(await runMappingsCheck({ env: { SN_USERNAME: 'x' }, out: () => undefined, err: (t) => err.push(t) })).toBe(2);
    expect(err.join('')).toContain('SN_INSTANCE_URL');
  });

  it('is registered on the command line and sets the exit code', async () => {
    for (const [key, value] of Object.entries(env)) vi.stubEnv(key, value);
    serveTable('sys_dictionary', () => dictionary(INCIDENT.filter(([, field]) => field !== 'x_acme_aihandoff_status'), JOURNAL));
    serveIncidentAccess();
    const write = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      expect(await main(['node', 'ai-handoff', 'mappings', 'check', '--table', 'incident'])).toBe(1);
    } finally {
      write.mockRestore();
      process.exitCode = undefined;
    }
  });
});
