/**
 * Builds the ServiceNow app (connectors/servicenow/app, `now-sdk build
 * --frozenKeys`, offline) and checks what an install would put on the
 * instance: every table's fields and buttons, the rules, the roles, the access
 * rules and their roles, that the shipped scripts are exactly the tested
 * sources, that no script writes a state, assignment, approval or priority
 * field, and that the default mappings name exactly the fields the app installs.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { MAX_PANEL_LENGTH } from '../../src/connector/write-guard.js';
import { MAX_COMMENT_LENGTH, MAX_NOTE_LENGTH } from '../../src/domain/fields.js';
import { AI_STATUSES } from '../../src/domain/status.js';
import { DATA_CLASSES } from '../../src/domain/ticket.js';
import { loadMappings } from '../../src/mapping/load-mappings.js';
import { SCRIPTS, source } from './support/app-files.js';
import { buildApp, type BuiltApp, type BuiltRecord } from './support/built-app.js';
import { CAST } from './support/cast.js';
import { blockedPanel, INC_SYS_ID } from './support/panels.js';
import { ticketOnPlatform } from './support/ticket-fixture.js';
import { scanForForbiddenWrites } from './support/write-scan.js';

/** The core build's tables; the optional parts are checked in app-params.test.ts. */
const TABLES = ['incident', 'sc_req_item', 'sc_request'];
const ROLE = { agent: 'x_acme_aihandoff.agent', reviewer: 'x_acme_aihandoff.reviewer', integration: 'x_acme_aihandoff.integration' };
const BUTTONS = [
  { name: 'Assign To AI Operation', action: 'x_acme_aihandoff_assign', roles: [ROLE.agent], onclick: "aihOpenDialog('assign', '')", condition: 'new x_acme_aihandoff.AiHandoffServer().canAssign(current)' },
  // The review buttons carry both roles: a hand-off that needs no approval is reviewed by its requester (an agent), the assignee or the group.
  { name: 'Accept AI draft', action: 'x_acme_aihandoff_accept', roles: [ROLE.agent, ROLE.reviewer], onclick: "aihOpenDialog('review', 'accept')", condition: 'new x_acme_aihandoff.AiHandoffServer().canReview(current)' },
  { name: 'Reject AI draft', action: 'x_acme_aihandoff_reject', roles: [ROLE.agent, ROLE.reviewer], onclick: "aihOpenDialog('review', 'reject')", condition: 'new x_acme_aihandoff.AiHandoffServer().canReview(current)' },
  { name: 'Escalate AI draft', action: 'x_acme_aihandoff_escalate', roles: [ROLE.agent, ROLE.reviewer], onclick: "aihOpenDialog('review', 'escalate')", condition: 'new x_acme_aihandoff.AiHandoffServer().canReview(current)' },
];

let app: BuiltApp;

beforeAll(() => {
  app = buildApp();
}, 240_000);

function one(records: BuiltRecord[], what: string): BuiltRecord {
  expect(records, what).toHaveLength(1);
  return records[0]!;
}

function column(table: string, element: string): Record<string, string> {
  return one(app.of('sys_dictionary', { name: table, element }), `${table}.${element}`).fields;
}

function installedColumns(table: string): string[] {
  return app.of('sys_dictionary', { name: table }).map((r) => r.fields.element!).sort();
}

describe('the build', () => {
  it('installs records and deletes none', () => {
    expect(app.records.length).toBeGreaterThan(100);
    expect(app.records.filter((r) => r.action !== 'INSERT_OR_UPDATE').map((r) => r.file)).toEqual([]);
    expect(one(app.of('sys_app'), 'the application').fields).toMatchObject({ scope: 'x_acme_aihandoff', name: 'AI Handoff' });
  });
});

describe('fields, on every table', () => {
  // The longest request and review JSON: every character of the free text escaped as \u00XX.
  const longestRequest = JSON.stringify({ operation: '\u0001'.repeat(64), scope: 'f'.repeat(32), note: '\u0001'.repeat(MAX_NOTE_LENGTH) }).length;
  const longestReview = JSON.stringify({ handoff: `ho_${'a'.repeat(26)}`, decision: 'escalate', comment: '\u0001'.repeat(MAX_COMMENT_LENGTH) }).length;

  it.each(TABLES)('%s has the panel, status, request, review, stamps and data classification', (table) => {
    expect(installedColumns(table)).toEqual(['x_acme_aihandoff_data_classification', 'x_acme_aihandoff_panel', 'x_acme_aihandoff_request', 'x_acme_aihandoff_requested_by', 'x_acme_aihandoff_review', 'x_acme_aihandoff_reviewed_by', 'x_acme_aihandoff_status']);
    const panel = column(table, 'x_acme_aihandoff_panel');
    expect(panel.internal_type).toBe('string');
    expect(Number(panel.max_length)).toBeGreaterThanOrEqual(MAX_PANEL_LENGTH);
    expect(panel.attributes).toBe('no_audit=true');
    for (const [field, longest] of [['x_acme_aihandoff_request', longestRequest], ['x_acme_aihandoff_review', longestReview]] as const) {
      expect(column(table, field).internal_type).toBe('string');
      expect(Number(column(table, field).max_length)).toBeGreaterThanOrEqual(longest);
      expect(column(table, field).attributes).not.toContain('no_audit');
    }
    for (const stamp of ['x_acme_aihandoff_requested_by', 'x_acme_aihandoff_reviewed_by']) {
      expect(column(table, stamp)).toMatchObject({ internal_type: 'reference', reference: 'sys_user', read_only: 'true' });
    }
    expect(column(table, 'x_acme_aihandoff_status')).toMatchObject({ internal_type: 'choice', default_value: 'none' });
    expect(app.choices.find((c) => c.table === table && c.element === 'x_acme_aihandoff_status')?.values).toEqual([...AI_STATUSES]);
    expect(app.choices.find((c) => c.table === table && c.element === 'x_acme_aihandoff_data_classification')?.values).toEqual([...DATA_CLASSES]);
  });

  it('are exactly the fields the default mappings name, table by table', () => {
    const mappings = loadMappings();
    for (const table of TABLES) {
      const mapping = mappings.byTable.get(table)!;
      const { ai, dataClass } = mapping;
      const named = [ai.panel, ai.status, ai.request, ai.review, ai.requestedBy, ai.reviewedBy, dataClass.field].filter((f) => f !== undefined).sort();
      expect(named, `mappings/servicenow/${table}.yaml`).toEqual(installedColumns(table));
    }
  });
});

describe('buttons, on every table', () => {
  it.each(TABLES)('%s has Assign To AI Operation, Accept, Reject and Escalate, each for its role', (table) => {
    for (const button of BUTTONS) {
      const action = one(app.of('sys_ui_action', { table, action_name: button.action }), `${table} ${button.name}`);
      expect(action.fields).toMatchObject({ name: button.name, active: 'true', form_button: 'true', client: 'true', ui16_compatible: 'true', show_insert: 'false', show_update: 'true', onclick: button.onclick, condition: button.condition });
      expect(action.fields.script).toBe(source(SCRIPTS.formButtons));
      const roles = app.of('sys_ui_action_role', { sys_ui_action: action.fields.sys_id! }).map((r) => r.fieldAttributes.sys_user_role?.name);
      expect(roles.sort()).toEqual(button.roles);
    }
    expect(app.of('sys_ui_action', { table })).toHaveLength(BUTTONS.length);
  });

  it('use conditions that, as built, show the buttons to the right people', () => {
    const show = (user: (typeof CAST)[keyof typeof CAST], condition: string) => {
      const platform = ticketOnPlatform(user);
      return platform.run(condition, platform.load('incident', INC_SYS_ID));
    };
    const assign = one(app.of('sys_ui_action', { table: 'incident', action_name: 'x_acme_aihandoff_assign' }), 'assign').fields.condition!;
    const accept = one(app.of('sys_ui_action', { table: 'incident', action_name: 'x_acme_aihandoff_accept' }), 'accept').fields.condition!;
    expect([show(CAST.alex, assign), show(CAST.priya, assign), show(CAST.irene, accept), show(CAST.alex, accept)]).toEqual([true, false, true, false]);
    const blocked = (user: (typeof CAST)[keyof typeof CAST]) => {
      const platform = ticketOnPlatform(user, blockedPanel());
      return platform.run(assign, platform.load('incident', INC_SYS_ID));
    };
    expect([blocked(CAST.alex), blocked(CAST.priya)]).toEqual([true, false]);
  });
});

describe('before rules, on every table', () => {
  it.each(TABLES)('%s has the integration write guard first and the stamp rule late, before insert and update', (table) => {
    const rules = app.of('sys_script', { collection: table }).sort((a, b) => Number(a.fields.order) - Number(b.fields.order));
    expect(rules.map((r) => [r.fields.name, r.fields.order])).toEqual([['AI Handoff: integration writes only AI fields', '1'], ['AI Handoff: stamp requester and reviewer', '10000']]);
    for (const rule of rules) expect(rule.fields).toMatchObject({ when: 'before', action_insert: 'true', action_update: 'true', action_delete: 'false', action_query: 'false', active: 'true', advanced: 'true' });
    expect(rules.map((r) => r.fields.script)).toEqual([source(SCRIPTS.guardRule), source(SCRIPTS.stampRule)]);
  });
});

describe('code, shipped exactly as tested', () => {
  it('has the shared module as a script include and a UI script, byte for byte: one copy', () => {
    const shared = source(SCRIPTS.scopeReview);
    expect(one(app.of('sys_script_include', { name: 'AiHandoffScopeReview' }), 'include').fields.script).toBe(shared);
    expect(one(app.of('sys_ui_script', { name: 'x_acme_aihandoff.AiHandoffScopeReview' }), 'UI script').fields.script).toBe(shared);
  });

  it('has the server, the GlideAjax entry point and the dialog as tested', () => {
    expect(one(app.of('sys_script_include', { name: 'AiHandoffServer' }), 'server').fields).toMatchObject({ script: source(SCRIPTS.server), client_callable: 'false', api_name: 'x_acme_aihandoff.AiHandoffServer' });
    expect(one(app.of('sys_script_include', { name: 'AiHandoffAjax' }), 'ajax').fields).toMatchObject({ script: source(SCRIPTS.ajax), client_callable: 'true', api_name: 'x_acme_aihandoff.AiHandoffAjax' });
    expect(one(app.of('sys_ui_script', { name: 'x_acme_aihandoff.AiHandoffDialog' }), 'dialog').fields).toMatchObject({ script: source(SCRIPTS.dialog), global: 'false', active: 'true' });
  });

  it('never writes a state, assignment, approval or priority field', () => {
    const scripts = app.records.flatMap((r) => ['script', 'condition', 'onclick'].filter((f) => r.fields[f]).map((f) => ({ where: `${r.file} ${f}`, text: r.fields[f]! })));
    expect(scripts.length).toBeGreaterThan(40);
    const findings = scripts.flatMap((s) => scanForForbiddenWrites(s.text).map((f) => `${s.where}:${f.line}: ${f.why}`));
    expect(findings).toEqual([]);
  });

  it('has a scan that does find such writes', () => {
    const bad = [
      'current.state = 7;',
      "current.setValue('priority', 1);",
      "gr['assigned_to'] = someone;",
      "current.approval.setValue('approved');",
      'current.setValue(fieldName, value);',
      "var a = new GlideRecord('sysapproval_approver');",
      "g_form.setValue('urgency', '1');",
      'current.closed_at = now;',
      'gr.deleteRecord();',
    ];
    for (const line of bad) expect(scanForForbiddenWrites(line), line).not.toEqual([]);
    expect(scanForForbiddenWrites("if (current.state == 2 && current.getValue('priority') === '1') current.setValue(AiHandoffServer.FIELDS.request, x);")).toEqual([]);
  });
});

describe('roles and access rules', () => {
  interface Rule { name: string; type: string; operation: string; roles: string[]; adminOverrides: string; script: string; condition: string; decision: string }
  const rules = (): Rule[] =>
    app.of('sys_security_acl').map((acl) => ({
      name: acl.fields.name!,
      type: acl.fields.type!,
      operation: acl.fields.operation!,
      roles: app.of('sys_security_acl_role', { sys_security_acl: acl.fields.sys_id! }).map((r) => r.fieldAttributes.sys_user_role?.name ?? '?').sort(),
      adminOverrides: acl.fields.admin_overrides!,
      script: acl.fields.script ?? '',
      condition: acl.fields.condition ?? '',
      decision: acl.fields.decision_type!,
    }));
  const find = (name: string, operation: string) => rules().filter((r) => r.name === name && r.operation === operation);

  it('creates exactly the three roles', () => {
    expect(app.of('sys_user_role').map((r) => r.fields.name).sort()).toEqual([ROLE.agent, ROLE.integration, ROLE.reviewer]);
    for (const role of app.of('sys_user_role')) expect(role.fields.description).not.toBe('');
  });

  it.each(TABLES)('%s: only the integration role writes panel and status; nobody writes request, review or stamps directly', (table) => {
    for (const field of ['x_acme_aihandoff_panel', 'x_acme_aihandoff_status', 'x_acme_aihandoff_request', 'x_acme_aihandoff_review']) {
      expect(find(`${table}.${field}`, 'write'), field).toEqual([expect.objectContaining({ type: 'record', roles: [ROLE.integration], adminOverrides: 'false', decision: 'allow', script: '' })]);
    }
    for (const field of ['x_acme_aihandoff_requested_by', 'x_acme_aihandoff_reviewed_by']) {
      expect(find(`${table}.${field}`, 'write'), field).toEqual([expect.objectContaining({ roles: [], adminOverrides: 'false', script: 'answer = false;' })]);
    }
    expect(find(table, 'read')).toEqual([expect.objectContaining({ roles: [ROLE.integration] })]);
    expect(find(table, 'write')).toEqual([expect.objectContaining({ roles: [ROLE.integration] })]);
  });

  it('gives the integration role exactly the connector rights, and nothing else', () => {
    const granted = rules().filter((r) => r.roles.includes(ROLE.integration)).map((r) => `${r.operation} ${r.name}`).sort();
    const tickets = TABLES.flatMap((t) => [`read ${t}`, `write ${t}`, ...['x_acme_aihandoff_panel', 'x_acme_aihandoff_request', 'x_acme_aihandoff_review', 'x_acme_aihandoff_status'].map((f) => `write ${t}.${f}`)]);
    const reads = ['sys_journal_field', 'sys_audit', 'sys_user', 'sys_user_group', 'sys_user_grmember', 'sys_dictionary', 'cmdb_ci'].map((t) => `read ${t}`);
    expect(granted).toEqual([...tickets, ...reads].sort());
    expect(find('sys_journal_field', 'read')[0]!.condition).toBe('nameINincident,sc_req_item,sc_request,sn_si_incident,rm_enhancement^element=work_notes^EQ');
    expect(find('sys_audit', 'read')[0]!.condition).toBe('tablenameINincident,sc_req_item,sc_request,sn_si_incident,rm_enhancement^fieldnameINx_acme_aihandoff_request,x_acme_aihandoff_review^EQ');
  });

  it('grants nobody create, delete, or any write on a state, assignment, approval or priority field', () => {
    for (const rule of rules()) {
      expect(['read', 'write', 'execute'], `${rule.operation} ${rule.name}`).toContain(rule.operation);
      const field = rule.name.split('.')[1];
      if (field !== undefined) expect(field, rule.name).toMatch(/^x_acme_aihandoff_/);
    }
  });

  it('lets only agents and reviewers call the dialog server', () => {
    expect(find('AiHandoffAjax', 'execute')).toEqual([expect.objectContaining({ type: 'client_callable_script_include', roles: [ROLE.agent, ROLE.reviewer] })]);
  });
});
