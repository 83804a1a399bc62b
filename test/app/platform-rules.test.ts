/**
 * Nothing the platform forbids: the built app (dist/app, the core build and a
 * build with every optional part) classified record by record by the scope of
 * its table, and checked against ServiceNow's documented rules for scoped
 * apps (support/platform-rules.ts cites each). Each check is also run on
 * records built to break it, so none of them can pass by never firing.
 */
import { describe, expect, it } from 'vitest';
import { ticketTables } from '../../connectors/servicenow/app/scripts/app-params.mjs';
import { APP } from './support/app-files.js';
import { bothBuilds, type BuiltApp, type BuiltRecord } from './support/built-app.js';
import { classify, clientViolations, foreignViolations, missingPrivileges, requiredAccess, RULES, tableUses } from './support/platform-rules.js';

const CORE_TABLES = ['incident', 'sc_request', 'sc_req_item'];
const ALL_TABLES = ticketTables().map((t) => t.name);

const builds = bothBuilds();

/** A build with extra records, as if a developer had added them. */
function withRecords(app: BuiltApp, extra: { table: string; fields: Record<string, string> }[]): BuiltApp {
  const records: BuiltRecord[] = [...app.records, ...extra.map((e) => ({ table: e.table, action: 'INSERT_OR_UPDATE', fields: e.fields, fieldAttributes: {}, file: `test/${e.table}.xml` }))];
  return { ...app, records, of: (table, where = {}) => records.filter((r) => r.table === table && Object.entries(where).every(([f, v]) => r.fields[f] === v)) };
}

describe.each([
  ['the core build', () => builds.core, CORE_TABLES],
  ['the build with every part', () => builds.full, ALL_TABLES],
] as const)('%s', (_name, built, tables) => {
  it('puts its access rules, rules, buttons and fields where the platform allows them', () => {
    const classified = classify(built(), tables);
    const count = (kind: string, scope: string) => classified.filter((c) => c.kind === kind && c.scope === scope).length;
    expect({
      appAcls: count('access rule', 'app'),
      ticketAcls: count('access rule', 'ticket'),
      platformAcls: count('access rule', 'platform'),
      appRules: count('business rule', 'app'),
      ticketRules: count('business rule', 'ticket'),
      platformRules: count('business rule', 'platform'),
      ticketButtons: count('UI action', 'ticket'),
      otherButtons: count('UI action', 'app') + count('UI action', 'platform'),
      ticketFields: count('field', 'ticket'),
      platformFields: count('field', 'platform'),
    }).toEqual({
      appAcls: 21,
      ticketAcls: 3 * tables.length,
      platformAcls: 0,
      appRules: 4,
      ticketRules: 0,
      platformRules: 0,
      ticketButtons: 4 * tables.length,
      otherButtons: 0,
      ticketFields: 3 * tables.length,
      platformFields: 0,
    });
    expect(foreignViolations(classified, APP.scope)).toEqual([]);
  });

  it('declares a cross-scope privilege for every table of another scope its scripts open, for each operation', () => {
    expect(missingPrivileges(built(), tables)).toEqual([]);
  });

  it('gives each button a Workspace script on g_modal, and reaches for no window in either place', () => {
    expect(clientViolations(built(), APP.scope)).toEqual([]);
    expect(built().of('sys_properties', { name: `${APP.scope}.glide.script.block.client.globals` })).toEqual([]);
  });
});

describe('what each table of another scope must allow (Application Access)', () => {
  it('is read, update and configuration on the ticket tables, read alone on the rest', () => {
    const access = requiredAccess(classify(builds.full, ALL_TABLES)).map((a) => [a.table, a.scope, a.canRead, a.canCreate, a.canUpdate, a.canDelete, a.allowConfiguration]);
    const expected = [
      ['cmdb_ci', 'platform', true, false, false, false, false],
      ...ALL_TABLES.map((t) => [t, 'ticket', true, false, true, false, true]),
      ['sys_journal_field', 'platform', true, false, false, false, false],
      ['sys_user', 'platform', true, false, false, false, false],
      ['sys_user_grmember', 'platform', true, false, false, false, false],
    ];
    expect(access).toEqual(expected.sort((a, b) => String(a[0]).localeCompare(String(b[0]))));
  });
});

describe('the checks themselves, on records that break the rules', () => {
  const acl = (name: string, extra: Record<string, string> = {}) => ({ table: 'sys_security_acl', fields: { sys_id: 'f'.repeat(32), type: 'record', operation: 'read', name, ...extra } });
  const rule = (extra: Record<string, string>) => ({ table: 'sys_script', fields: { sys_id: 'e'.repeat(32), name: 'guard', collection: 'incident', when: 'before', ...extra } });

  it.each([
    ['a table-level access rule on a ticket table', acl('incident'), 'is not field-level'],
    ['an all-fields access rule on a ticket table', acl('incident.*'), 'is not field-level'],
    ['a conditional access rule on a ticket field', acl('incident.x_acme_aihandoff_panel', { condition: 'active=true' }), 'has a condition or script'],
    ['a scripted access rule on a ticket field', acl('incident.x_acme_aihandoff_panel', { script: 'answer = false;' }), 'has a condition or script'],
    ['an access rule on a ticket field the app does not add', acl('incident.work_notes'), 'guards a field the app does not add'],
    ['any access rule on sys_audit', acl('sys_audit', { condition: 'tablename=incident' }), 'ACLs are matched from the most specific'],
    ['any access rule on cmdb_ci', acl('cmdb_ci'), 'no access rule on a platform table'],
    ['a scripted before rule on a ticket table', rule({ script: 'current.setAbortAction(true);' }), 'has a script'],
    ['an aborting rule on a ticket table', rule({ abort_action: 'true' }), 'aborts'],
    ['an after rule on a ticket table', rule({ when: 'after' }), 'runs after'],
    ['a rule on a platform table', rule({ collection: 'sys_user' }), 'adds nothing to a platform table'],
  ])('finds %s', (_name, record, why) => {
    const broken = withRecords(builds.core, [record]);
    expect(foreignViolations(classify(broken, CORE_TABLES), APP.scope).join('\n')).toContain(why);
  });

  it('finds a script that opens a table without a privilege, or one it cannot follow', () => {
    const include = (script: string) => ({ table: 'sys_script_include', fields: { sys_id: 'd'.repeat(32), name: 'Extra', script } });
    expect(missingPrivileges(withRecords(builds.core, [include("var u = new GlideRecord('sys_user_group'); u.query();")]), CORE_TABLES).join('\n')).toContain('read on sys_user_group without a cross-scope privilege');
    expect(missingPrivileges(withRecords(builds.core, [include("var g = new GlideRecord('sys_user_grmember'); g.update();")]), CORE_TABLES).join('\n')).toContain('write on sys_user_grmember without');
    expect(missingPrivileges(withRecords(builds.core, [include('var t = new GlideRecord(name);')]), CORE_TABLES).join('\n')).toContain('cannot resolve');
    expect(missingPrivileges(withRecords(builds.core, [include("return new GlideRecord('incident').get(id);")]), CORE_TABLES).join('\n')).toContain('cannot follow');
    expect(tableUses("var t = new GlideRecord(table); t.update();", 'x', { ticket: ['incident'], app: [] })).toEqual([{ where: 'x', tables: ['incident'], operations: ['read', 'write'] }]);
  });

  it('finds GlideModal in a Workspace script, window in either script, and a Core UI button with no Workspace twin', () => {
    const action = (fields: Record<string, string>) => ({ table: 'sys_ui_action', fields: { sys_id: 'c'.repeat(32), name: 'Extra', table: 'incident', client: 'true', form_button: 'true', form_button_v2: 'true', client_script_v2: 'function onClick(g_form) {}', script: 'function go() {}', ...fields } });
    expect(clientViolations(withRecords(builds.core, [action({ client_script_v2: 'function onClick(g_form) { new GlideModal("x").render(); }' })]), APP.scope).join('\n')).toContain(RULES.workspace);
    expect(clientViolations(withRecords(builds.core, [action({ script: 'function go() { window.open("x"); }' })]), APP.scope).join('\n')).toContain('its Core UI script reaches for window');
    expect(clientViolations(withRecords(builds.core, [action({ form_button_v2: 'false' })]), APP.scope).join('\n')).toContain('without its Workspace form button');
    const property = { table: 'sys_properties', fields: { sys_id: 'b'.repeat(32), name: `${APP.scope}.glide.script.block.client.globals`, value: 'false' } };
    expect(clientViolations(withRecords(builds.core, [action({ script: 'function go() { window.open("x"); }' }), property]), APP.scope)).toEqual([]);
  });
});
