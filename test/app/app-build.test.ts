/**
 * Builds the ServiceNow app (scripts/build.mjs: `now-sdk build --frozenKeys`,
 * offline) and checks what an install would put on the instance against
 * docs/contract.md: the ticket fields, the app's tables, buttons (Core UI and
 * Workspace), rules, roles, access rules, properties, privileges and the
 * ticket API; that the shipped scripts are exactly the tested sources; that
 * no script writes a state, assignment, approval or priority field; and that
 * the default mappings name fields the app installs.
 */
import { runInNewContext } from 'node:vm';
import { beforeAll, describe, expect, it } from 'vitest';
import { MAX_PANEL_LENGTH } from '../../src/connector/write-guard.js';
import { AI_STATUSES } from '../../src/domain/status.js';
import { DATA_CLASSES } from '../../src/domain/ticket.js';
import { loadMappings } from '../../src/mapping/load-mappings.js';
import { readParams, ticketTables } from '../../connectors/servicenow/app/scripts/app-params.mjs';
import { stagedText } from '../../connectors/servicenow/app/scripts/stage.mjs';
import { VENDORED_MODULE } from '../../connectors/servicenow/app/scripts/vendor-shared.mjs';
import { APP, SCRIPTS, source, vendoredModule } from './support/app-files.js';
import { buildApp, type BuiltApp, type BuiltRecord } from './support/built-app.js';
import { CAST } from './support/cast.js';
import { blockedPanel, INC_SYS_ID } from './support/panels.js';
import { ticketOnPlatform } from './support/ticket-fixture.js';
import { scanForForbiddenWrites } from './support/write-scan.js';

/** The core build's tables; the optional parts are built in app-params.test.ts. */
const TABLES = ['incident', 'sc_req_item', 'sc_request'];
const CORE = readParams({});
const ROLE = APP.roles;
const BUTTONS = [
  { name: 'Assign To AI Operation', action: 'x_acme_aihandoff_assign', roles: [ROLE.agent], onclick: "aihOpenDialog('assign', '')", condition: 'new x_acme_aihandoff.AiHandoffServer().canAssign(current)', mode: 'assign', decision: '' },
  // The review buttons carry both roles: a hand-off that needs no approval is reviewed by its requester (an agent), the assignee or the group.
  { name: 'Accept AI draft', action: 'x_acme_aihandoff_accept', roles: [ROLE.agent, ROLE.reviewer], onclick: "aihOpenDialog('review', 'accept')", condition: 'new x_acme_aihandoff.AiHandoffServer().canReview(current)', mode: 'review', decision: 'accept' },
  { name: 'Reject AI draft', action: 'x_acme_aihandoff_reject', roles: [ROLE.agent, ROLE.reviewer], onclick: "aihOpenDialog('review', 'reject')", condition: 'new x_acme_aihandoff.AiHandoffServer().canReview(current)', mode: 'review', decision: 'reject' },
  { name: 'Escalate AI draft', action: 'x_acme_aihandoff_escalate', roles: [ROLE.agent, ROLE.reviewer], onclick: "aihOpenDialog('review', 'escalate')", condition: 'new x_acme_aihandoff.AiHandoffServer().canReview(current)', mode: 'review', decision: 'escalate' },
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
  return app.of('sys_dictionary', { name: table }).map((r) => r.fields.element!).filter((e) => e !== 'NULL').sort();
}

/** A shipped script is the source as the build stages it (the scope, this build's ticket tables). */
function shipped(path: string): string {
  return stagedText(path, path === VENDORED_MODULE ? vendoredModule() : source(path), CORE);
}

describe('the build', () => {
  it('installs records and deletes none', () => {
    expect(app.records.length).toBeGreaterThan(100);
    expect(app.records.filter((r) => r.action !== 'INSERT_OR_UPDATE').map((r) => r.file)).toEqual([]);
    expect(one(app.of('sys_app'), 'the application').fields).toMatchObject({ scope: APP.scope, name: 'AI Handoff' });
    expect(app.manifest).toMatchObject({ scope: APP.scope, parts: [], tables: ['incident', 'sc_request', 'sc_req_item'] });
  });
});

describe('the ticket fields, on every table', () => {
  it.each(TABLES)('%s has exactly the panel, status and data classification', (table) => {
    expect(installedColumns(table)).toEqual([APP.fields.dataClass, APP.fields.panel, APP.fields.status]);
    const panel = column(table, APP.fields.panel);
    expect(panel.internal_type).toBe('string');
    expect(Number(panel.max_length)).toBeGreaterThanOrEqual(MAX_PANEL_LENGTH);
    expect(panel.attributes).toBe('no_audit=true');
    expect(column(table, APP.fields.status)).toMatchObject({ internal_type: 'choice', default_value: 'none' });
    expect(column(table, APP.fields.dataClass).internal_type).toBe('choice');
    expect(column(table, APP.fields.dataClass).attributes ?? '').not.toContain('no_audit');
    expect(app.choices.find((c) => c.table === table && c.element === APP.fields.status)?.values).toEqual([...AI_STATUSES]);
    expect(app.choices.find((c) => c.table === table && c.element === APP.fields.dataClass)?.values).toEqual([...DATA_CLASSES]);
  });

  it('include every field the default mappings name for the panel, the status and the data class', () => {
    const mappings = loadMappings();
    for (const table of TABLES) {
      const mapping = mappings.byTable.get(table)!;
      for (const field of [mapping.ai.panel, mapping.ai.status, mapping.dataClass.field].filter((f) => f !== undefined)) {
        expect(installedColumns(table), `mappings/servicenow/${table}.yaml names ${field}`).toContain(field);
      }
    }
  });
});

describe("the app's own tables", () => {
  const COLUMNS = {
    [APP.tables.request]: { ticket_table: 80, ticket: 32, number: 40, operation: 64, scope_digest: 32, note: 1000, readable: 16000, handoff: 40, message: 1000, remedy: 1000 },
    [APP.tables.review]: { ticket_table: 80, ticket: 32, number: 40, handoff: 40, comment: 2000, message: 1000, remedy: 1000 },
    [APP.tables.checkpoint]: { ledger: 100, head: 64, key_id: 40 },
  };

  it('are the request, review and checkpoint tables, open to the Table API', () => {
    expect(app.of('sys_db_object').map((r) => r.fields.name).sort()).toEqual([APP.tables.checkpoint, APP.tables.request, APP.tables.review]);
    for (const table of app.of('sys_db_object')) expect(table.fields, table.fields.name).toMatchObject({ ws_access: 'true' });
  });

  it.each(Object.entries(COLUMNS))('%s has the contract\'s columns and lengths', (table, lengths) => {
    for (const [name, length] of Object.entries(lengths)) expect(column(table, name), `${table}.${name}`).toMatchObject({ internal_type: 'string', max_length: String(length) });
  });

  it('have the contract\'s choices, the stamps and the checkpoint count', () => {
    expect(app.choices.find((c) => c.table === APP.tables.request && c.element === 'state')?.values).toEqual(['pending', 'queued', 'refused']);
    expect(app.choices.find((c) => c.table === APP.tables.review && c.element === 'state')?.values).toEqual(['pending', 'recorded', 'refused']);
    expect(app.choices.find((c) => c.table === APP.tables.review && c.element === 'decision')?.values).toEqual(['accept', 'reject', 'escalate']);
    expect(column(APP.tables.request, 'state').default_value).toBe('pending');
    expect(column(APP.tables.request, 'requested_by')).toMatchObject({ internal_type: 'reference', reference: 'sys_user' });
    expect(column(APP.tables.review, 'reviewed_by')).toMatchObject({ internal_type: 'reference', reference: 'sys_user' });
    expect(column(APP.tables.checkpoint, 'count').internal_type).toBe('integer');
  });
});

describe('buttons, on every table', () => {
  it.each(TABLES)('%s has Assign To AI Operation, Accept, Reject and Escalate, each for its role, in Core UI and Workspace', (table) => {
    for (const button of BUTTONS) {
      const action = one(app.of('sys_ui_action', { table, action_name: button.action }), `${table} ${button.name}`);
      expect(action.fields).toMatchObject({ name: button.name, active: 'true', form_button: 'true', client: 'true', ui16_compatible: 'true', isolate_script: 'true', show_insert: 'false', show_update: 'true', onclick: button.onclick, condition: button.condition });
      expect(action.fields).toMatchObject({ form_button_v2: 'true', format_for_configurable_workspace: 'true' });
      expect(action.fields.script).toBe(shipped(SCRIPTS.formButtons));
      const roles = app.of('sys_ui_action_role', { sys_ui_action: action.fields.sys_id! }).map((r) => r.fieldAttributes.sys_user_role?.name);
      expect(roles.sort()).toEqual(button.roles);
    }
    expect(app.of('sys_ui_action', { table })).toHaveLength(BUTTONS.length);
  });

  it('open the dialog page in a Workspace frame with g_modal.showFrame, and reach for nothing else', () => {
    for (const button of BUTTONS) {
      const script = one(app.of('sys_ui_action', { table: 'incident', action_name: button.action }), button.name).fields.client_script_v2!;
      expect(script).not.toMatch(/\b(window|document|GlideModal|GlideRecord|ScriptLoader|jQuery|top|parent)\b|\$\(/);
      const shown: unknown[] = [];
      const g_form = { getTableName: () => 'incident', getUniqueValue: () => INC_SYS_ID };
      runInNewContext(`${script}\nonClick(g_form);`, { g_form, g_modal: { showFrame: (options: unknown) => shown.push(options) }, encodeURIComponent });
      expect(shown).toEqual([
        expect.objectContaining({ title: button.name, autoCloseOn: 'URL_CHANGED', url: `/${APP.page}.do?sysparm_mode=${button.mode}&sysparm_decision=${button.decision}&sysparm_table=incident&sysparm_sys_id=${INC_SYS_ID}` }),
      ]);
    }
  });

  it('open it in Core UI with GlideModal and g_form only: no window, document or jQuery', () => {
    expect(shipped(SCRIPTS.formButtons).replace(/\/\*[\s\S]*?\*\//g, '')).not.toMatch(/\b(window|document|ScriptLoader|jQuery|top|parent)\b|\$\(/);
  });

  it('use conditions that, as built, show the buttons to the right people', () => {
    const show = (user: (typeof CAST)[keyof typeof CAST], condition: string, panel = undefined as ReturnType<typeof blockedPanel> | undefined) => {
      const platform = ticketOnPlatform(user, panel);
      return platform.run(condition, platform.load('incident', INC_SYS_ID));
    };
    const assign = one(app.of('sys_ui_action', { table: 'incident', action_name: 'x_acme_aihandoff_assign' }), 'assign').fields.condition!;
    const accept = one(app.of('sys_ui_action', { table: 'incident', action_name: 'x_acme_aihandoff_accept' }), 'accept').fields.condition!;
    expect([show(CAST.alex, assign), show(CAST.priya, assign), show(CAST.irene, accept), show(CAST.alex, accept)]).toEqual([true, false, true, false]);
    expect([show(CAST.alex, assign, blockedPanel()), show(CAST.priya, assign, blockedPanel())]).toEqual([true, false]);
  });
});

describe('business rules', () => {
  it('are on the app\'s own tables only: the request and review checks before insert, the doorbell async', () => {
    const rules = app.of('sys_script').map((r) => [r.fields.collection, r.fields.when, r.fields.action_insert, r.fields.action_update, r.fields.action_delete, r.fields.action_query, r.fields.abort_action].join(' ')).sort();
    expect(rules).toEqual([
      `${APP.tables.request} async_always true false false false false`,
      `${APP.tables.request} before true false false false false`,
      `${APP.tables.review} async_always true false false false false`,
      `${APP.tables.review} before true false false false false`,
    ]);
    // `when: 'async'` in Fluent is the platform's async_always: run after the transaction commits, whatever it was.
    const script = (table: string, when: string) => one(app.of('sys_script', { collection: table, when }), `${table} ${when}`).fields.script;
    expect(script(APP.tables.request, 'before')).toBe(shipped(SCRIPTS.requestRule));
    expect(script(APP.tables.review, 'before')).toBe(shipped(SCRIPTS.reviewRule));
    expect(script(APP.tables.request, 'async_always')).toBe(shipped(SCRIPTS.doorbellRule));
    expect(script(APP.tables.review, 'async_always')).toBe(shipped(SCRIPTS.doorbellRule));
  });
});

describe('code, shipped exactly as tested', () => {
  it('has the shared module as a script include and a UI script, one copy', () => {
    const module = shipped(VENDORED_MODULE);
    expect(one(app.of('sys_script_include', { name: 'AiHandoffScopeReview' }), 'include').fields.script).toBe(module);
    expect(one(app.of('sys_ui_script', { name: 'x_acme_aihandoff.AiHandoffScopeReview' }), 'UI script').fields.script).toBe(module);
    expect(module.startsWith(source(SCRIPTS.scopeReview))).toBe(true);
  });

  it.each([
    ['AiHandoffServer', SCRIPTS.server, 'false'],
    ['AiHandoffIntake', SCRIPTS.intake, 'false'],
    ['AiHandoffReadCheck', SCRIPTS.readCheck, 'false'],
    ['AiHandoffTicketApi', SCRIPTS.ticketApi, 'false'],
    ['AiHandoffDoorbell', SCRIPTS.doorbell, 'false'],
    ['AiHandoffAjax', SCRIPTS.ajax, 'true'],
  ])('ships %s as tested', (name, path, clientCallable) => {
    expect(one(app.of('sys_script_include', { name }), name).fields).toMatchObject({ script: shipped(path), client_callable: clientCallable, api_name: `${APP.scope}.${name}` });
  });

  it('lists exactly this build\'s ticket tables in the server script', () => {
    const script = one(app.of('sys_script_include', { name: 'AiHandoffServer' }), 'server').fields.script!;
    expect(script).toContain("AiHandoffServer.TABLES = ['incident', 'sc_request', 'sc_req_item'];");
    expect(source(SCRIPTS.server)).toContain(`AiHandoffServer.TABLES = [${ticketTables().map((t) => `'${t.name}'`).join(', ')}];`);
  });

  it('has the dialog page and its UI scripts as tested', () => {
    expect(one(app.of('sys_ui_script', { name: 'x_acme_aihandoff.AiHandoffDialog' }), 'dialog').fields).toMatchObject({ script: shipped(SCRIPTS.dialog), global: 'false', active: 'true' });
    const page = one(app.of('sys_ui_page', { endpoint: `${APP.page}.do` }), 'dialog page').fields;
    expect(page.client_script).toBe(shipped(SCRIPTS.dialogPage));
    for (const script of ['x_acme_aihandoff.AiHandoffScopeReview.jsdbx', 'x_acme_aihandoff.AiHandoffDialog.jsdbx']) expect(page.html).toContain(`<g:requires name="${script}">`);
  });

  it('has the ticket API at /api/x_acme_aihandoff/v1/tickets/{table}/{sys_id}, for the integration role only', () => {
    const operation = one(app.of('sys_ws_operation'), 'the resource').fields;
    expect(operation).toMatchObject({ http_method: 'POST', operation_uri: `/api/${APP.scope}/v1/tickets/{table}/{sys_id}`, requires_authentication: 'true', requires_acl_authorization: 'true', operation_script: shipped(SCRIPTS.ticketRoute) });
    const acl = one(app.of('sys_security_acl', { sys_id: operation.enforce_acl! }), 'its ACL').fields;
    expect(acl).toMatchObject({ type: 'REST_Endpoint', operation: 'execute' });
    expect(app.of('sys_security_acl_role', { sys_security_acl: acl.sys_id! }).map((r) => r.fieldAttributes.sys_user_role?.name)).toEqual([ROLE.integration]);
    expect(one(app.of('sys_ws_definition'), 'the API').fields).toMatchObject({ namespace: APP.scope, service_id: 'tickets', enforce_acl: acl.sys_id });
  });

  it('never writes a state, assignment, approval or priority field', () => {
    const scripts = app.records.flatMap((r) => ['script', 'condition', 'onclick', 'operation_script', 'client_script', 'client_script_v2'].filter((f) => r.fields[f]).map((f) => ({ where: `${r.file} ${f}`, text: r.fields[f]! })));
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
      'ticket.insert();',
      "ticket.setValue('state', '7');",
    ];
    for (const line of bad) expect(scanForForbiddenWrites(line), line).not.toEqual([]);
    expect(scanForForbiddenWrites("if (current.state == 2 && current.getValue('priority') === '1') ticket.setValue(field, x);")).toEqual([]);
  });
});

describe('roles, properties and access rules', () => {
  interface Rule { table: string; field: string; type: string; operation: string; roles: string[]; adminOverrides: string; script: string; condition: string }
  const rules = (): Rule[] =>
    app.of('sys_security_acl').map((acl) => {
      const [table = '', field = ''] = (acl.fields.name ?? '').split('.');
      return {
        table,
        field,
        type: acl.fields.type!,
        operation: acl.fields.operation!,
        roles: app.of('sys_security_acl_role', { sys_security_acl: acl.fields.sys_id! }).map((r) => r.fieldAttributes.sys_user_role?.name ?? r.fields.sys_user_role ?? '?').sort(),
        adminOverrides: acl.fields.admin_overrides!,
        script: acl.fields.script ?? '',
        condition: acl.fields.condition ?? '',
      };
    });
  const grants = (role: string) => rules().filter((r) => r.roles.includes(role)).map((r) => `${r.operation} ${r.type === 'record' ? [r.table, r.field].filter(Boolean).join('.') : `${r.type}:${r.table}`}`).sort();

  it('creates exactly the four roles', () => {
    expect(app.of('sys_user_role').map((r) => r.fields.name).sort()).toEqual([ROLE.agent, ROLE.dataSteward, ROLE.integration, ROLE.reviewer]);
    for (const role of app.of('sys_user_role')) expect(role.fields.description).not.toBe('');
  });

  it('ships the doorbell properties empty, admin only, the token encrypted', () => {
    const property = (name: string) => one(app.of('sys_properties', { name }), name).fields;
    expect(property(`${APP.scope}.doorbell_url`)).toMatchObject({ type: 'string', value: '', read_roles: 'admin', write_roles: 'admin' });
    expect(property(`${APP.scope}.doorbell_token`)).toMatchObject({ type: 'password2', value: '', read_roles: 'admin', write_roles: 'admin' });
    expect(app.of('sys_properties')).toHaveLength(2);
  });

  it.each(TABLES)('%s: only field rules with a role; the integration alone writes panel and status, data stewards the data class', (table) => {
    const onTable = rules().filter((r) => r.table === table);
    expect(onTable.map((r) => [r.field, r.operation, r.roles, r.adminOverrides, r.script, r.condition])).toEqual(
      expect.arrayContaining([
        [APP.fields.panel, 'write', [ROLE.integration], 'false', '', ''],
        [APP.fields.status, 'write', [ROLE.integration], 'false', '', ''],
        [APP.fields.dataClass, 'write', [ROLE.dataSteward], 'true', '', ''],
      ]),
    );
    expect(onTable).toHaveLength(3);
  });

  it('gives the integration role the rows, the checkpoints and the ticket API, and no right on any ticket or platform table', () => {
    expect(grants(ROLE.integration)).toEqual(
      [
        ...TABLES.flatMap((t) => [`write ${t}.${APP.fields.panel}`, `write ${t}.${APP.fields.status}`]),
        `read ${APP.tables.request}`,
        `write ${APP.tables.request}`,
        ...['handoff', 'message', 'remedy', 'state'].map((c) => `write ${APP.tables.request}.${c}`),
        `read ${APP.tables.review}`,
        `write ${APP.tables.review}`,
        ...['message', 'remedy', 'state'].map((c) => `write ${APP.tables.review}.${c}`),
        `create ${APP.tables.checkpoint}`,
        `read ${APP.tables.checkpoint}`,
        'execute REST_Endpoint:x_acme_aihandoff ticket API',
      ].sort(),
    );
  });

  it('lets agents create requests and reviewers (or agents) reviews, and nobody change a row after insert but the worker', () => {
    expect(grants(ROLE.agent)).toEqual(expect.arrayContaining([`create ${APP.tables.request}`, `create ${APP.tables.review}`, `read ${APP.tables.request}`]));
    expect(grants(ROLE.reviewer)).toEqual(expect.arrayContaining([`create ${APP.tables.review}`, `read ${APP.tables.review}`]));
    expect(grants(ROLE.reviewer)).not.toContain(`create ${APP.tables.request}`);
    for (const table of [APP.tables.request, APP.tables.review]) {
      expect(rules().find((r) => r.table === table && r.field === '*' && r.operation === 'write')).toMatchObject({ script: 'answer = current.isNewRecord();', adminOverrides: 'false', roles: [] });
      expect(rules().find((r) => r.table === table && r.field === '' && r.operation === 'delete')?.roles).toEqual(['admin']);
    }
    for (const operation of ['write', 'delete']) {
      expect(rules().find((r) => r.table === APP.tables.checkpoint && r.operation === operation)).toMatchObject({ script: 'answer = false;', adminOverrides: 'false' });
    }
  });

  it('lets only agents and reviewers call the dialog server and open the dialog page', () => {
    expect(rules().filter((r) => r.type === 'client_callable_script_include' || r.type === 'ui_page').map((r) => [r.type, r.table, r.roles])).toEqual(
      expect.arrayContaining([
        ['client_callable_script_include', 'AiHandoffAjax', [ROLE.agent, ROLE.reviewer]],
        ['ui_page', APP.page, [ROLE.agent, ROLE.reviewer]],
      ]),
    );
  });

  it('declares a cross-scope privilege for each table of another scope its scripts read or write', () => {
    const privileges = app.of('sys_scope_privilege').map((p) => `${p.fields.operation} ${p.fields.target_name} ${p.fields.target_scope} ${p.fields.status}`).sort();
    expect(privileges).toEqual(
      [...TABLES.flatMap((t) => [`read ${t} global allowed`, `write ${t} global allowed`]), 'read cmdb_ci global allowed', 'read sys_journal_field global allowed', 'read sys_user global allowed', 'read sys_user_grmember global allowed'].sort(),
    );
  });
});
