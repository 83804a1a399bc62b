/**
 * What ServiceNow's documentation forbids a scoped app to install, as checks
 * over built records. Each check names the documented rule it enforces; the
 * platform-rules test runs them over the build and over records built to
 * break them (so a check that cannot fail is caught too).
 *
 * Every access rule, business rule, UI action, field and cross-scope
 * privilege is classified by the scope of its table: the app's own tables
 * (where the app may do anything), the ticket tables it serves (another
 * scope's tables that allow configuration), and platform tables (sys_*,
 * cmdb_ci, anything else), where the app adds nothing at all.
 */
import type { BuiltApp, BuiltRecord } from './built-app.js';

/** The documented rules, with where they are written. */
export const RULES = {
  foreignAcl:
    'Creation restrictions across application scopes (ServiceNow docs, application-development/r_CreationRestrsAcrossAppScopes): on a table in another application scope "you can only create field-level access controls with a role-based requirement"; no table-level, all-fields (*), conditional or scripted access controls.',
  platformAcl:
    'ACLs are matched from the most specific object to the most general (table.field, table, parent table, *), and a new match replaces the generic rule for everyone (ServiceNow, ACL evaluation); issue 17: a new rule on sys_audit or sys_journal_field could replace the platform\'s own, so the app puts no access rule on a platform table at all.',
  foreignRule:
    'Creation restrictions across application scopes: on another scope\'s table a before rule may only set field values ("you cannot write scripts and you cannot abort the database transaction"), an async rule may run a script, nothing else; and "current.setAbortAction is not honored if executed in a business rule that is defined in a different scope" (ServiceNow docs, build-workflows/business-rules-classic/business-rule-examples). Issue 17 asks for no scripted rule on such tables at all.',
  privilege:
    'Cross-scope privileges (ServiceNow SDK docs, cross-scope-privilege-guide; sys_scope_privilege): a scoped script that reads or writes a table of another scope needs a privilege record per table and operation, or the platform refuses it at run time.',
  configuration:
    'Example allowing configuration records for a table (ServiceNow docs, application-development/c_ExampleGrantingAccessToConfigRecs): another scope may add access controls where the table is Accessible from all application scopes and Can read; business rules, client scripts, new dictionary entries and UI actions only where it also allows configuration.',
  workspace: 'GlideModal - Client (ServiceNow API reference): "GlideModal doesn\'t work in workspace, instead use the g_modal API".',
  clientGlobals:
    'Client scripts (ServiceNow API reference, scripts/client-scripts): new client scripts run in strict mode, without DOM access, jQuery, prototype or the window object; a scoped app gets them back only by shipping <scope>.glide.script.block.client.globals=false (Scoped Applications and Client Scripts: A Primer, ServiceNow developer blog).',
} as const;

export type TableScope = 'app' | 'ticket' | 'platform';
export type Kind = 'access rule' | 'business rule' | 'UI action' | 'field' | 'cross-scope privilege';

export interface Classified {
  kind: Kind;
  table: string;
  scope: TableScope;
  record: BuiltRecord;
}

/** The table each kind of record applies to. */
const TABLE_OF: Record<string, [Kind, (r: BuiltRecord) => string | undefined]> = {
  sys_security_acl: ['access rule', (r) => (r.fields.type === 'record' ? (r.fields.name ?? '').split('.')[0] : undefined)],
  sys_script: ['business rule', (r) => r.fields.collection],
  sys_ui_action: ['UI action', (r) => r.fields.table],
  sys_dictionary: ['field', (r) => (r.fields.element && r.fields.element !== 'NULL' ? r.fields.name : undefined)],
  sys_scope_privilege: ['cross-scope privilege', (r) => (r.fields.target_type === 'sys_db_object' ? r.fields.target_name : undefined)],
};

export function classify(app: BuiltApp, ticketTables: readonly string[]): Classified[] {
  const own = new Set(app.of('sys_db_object').map((t) => t.fields.name));
  return app.records.flatMap((record) => {
    const entry = TABLE_OF[record.table];
    const table = entry?.[1](record);
    if (!entry || table === undefined) return [];
    const scope: TableScope = own.has(table) ? 'app' : ticketTables.includes(table) ? 'ticket' : 'platform';
    return [{ kind: entry[0], table, scope, record }];
  });
}

const present = (value: string | undefined) => value !== undefined && value !== '' && value !== 'false';

/** Access rules and business rules the platform refuses (or ignores) on tables outside the app's scope. */
export function foreignViolations(classified: Classified[], scope: string): string[] {
  const found: string[] = [];
  for (const c of classified.filter((c) => c.scope !== 'app')) {
    const f = c.record.fields;
    const where = `${c.kind} ${f.name ?? f.action_name ?? ''} on ${c.table} (${c.scope} table)`;
    if (c.kind === 'access rule') {
      const field = (f.name ?? '').split('.')[1];
      if (c.scope === 'platform') found.push(`${where}: ${RULES.platformAcl}`);
      else if (field === undefined || field === '' || field === '*') found.push(`${where} is not field-level: ${RULES.foreignAcl}`);
      else if (present(f.condition) || present(f.script) || f.advanced === 'true') found.push(`${where} has a condition or script: ${RULES.foreignAcl}`);
      else if (!field.startsWith(`${scope}_`)) found.push(`${where} guards a field the app does not add: ${RULES.platformAcl}`);
    }
    if (c.kind === 'business rule') {
      if (f.when !== 'before' && !String(f.when).startsWith('async')) found.push(`${where} runs ${f.when}: ${RULES.foreignRule}`);
      if (present(f.script) || f.advanced === 'true') found.push(`${where} has a script: ${RULES.foreignRule}`);
      if (f.abort_action === 'true') found.push(`${where} aborts: ${RULES.foreignRule}`);
    }
    if ((c.kind === 'field' || c.kind === 'UI action' || c.kind === 'business rule') && c.scope === 'platform') found.push(`${where}: the app adds nothing to a platform table (${RULES.configuration})`);
  }
  return found;
}

/**
 * How the app's scripts name the tables they open, where it is not a literal:
 * each expression was checked by hand against the script, which validates it
 * before the GlideRecord (the ticket tables of the build, or the read check's
 * tables), or picks one of the app's own tables.
 */
export const TABLE_EXPRESSIONS: Record<string, 'ticket' | 'ticket or cmdb_ci' | 'app'> = {
  table: 'ticket',
  'query.table': 'ticket or cmdb_ci',
  appTable: 'app',
  'AiHandoffServer.APP_TABLES[kind]': 'app',
};

export interface TableUse {
  where: string;
  tables: string[];
  operations: string[];
}

/** Every GlideRecord a server script opens: which tables, and whether it updates or inserts through it. */
export function tableUses(script: string, where: string, tables: { ticket: readonly string[]; app: readonly string[] }): TableUse[] | string {
  const uses: TableUse[] = [];
  const opened = [...script.matchAll(/new\s+GlideRecord(?:Secure)?\s*\(/g)].length;
  const declared = [...script.matchAll(/var\s+(\w+)\s*=\s*new\s+GlideRecord(?:Secure)?\s*\(\s*([^)]*?)\s*\)/g)];
  if (declared.length !== opened) return `${where}: a GlideRecord not assigned as \`var x = new GlideRecord(...)\`; the privilege check cannot follow it`;
  for (const [, variable, argument] of declared) {
    const literal = /^(['"])([\w]+)\1$/.exec(argument!);
    const kind = TABLE_EXPRESSIONS[argument!];
    let names: string[];
    if (literal) names = [literal[2]!];
    else if (kind === 'ticket') names = [...tables.ticket];
    else if (kind === 'ticket or cmdb_ci') names = [...tables.ticket, 'cmdb_ci'];
    else if (kind === 'app') names = [...tables.app];
    else return `${where}: GlideRecord(${argument}) names a table the privilege check cannot resolve; add it to TABLE_EXPRESSIONS after checking the script`;
    const operations = ['read'];
    if (new RegExp(`\\b${variable}\\.update\\(`).test(script)) operations.push('write');
    if (new RegExp(`\\b${variable}\\.insert\\(`).test(script)) operations.push('create');
    if (new RegExp(`\\b${variable}\\.deleteRecord\\(`).test(script)) operations.push('delete');
    uses.push({ where, tables: names, operations });
  }
  return uses;
}

/** The server-side scripts of a build, where each sits. */
export function serverScripts(app: BuiltApp): { where: string; text: string }[] {
  const fields: Record<string, string[]> = { sys_script_include: ['script'], sys_script: ['script', 'condition'], sys_ws_operation: ['operation_script'], sys_ui_action: ['condition'], sys_security_acl: ['script'], sys_ui_page: ['processing_script'] };
  return app.records.flatMap((r) => (fields[r.table] ?? []).filter((f) => r.fields[f]).map((f) => ({ where: `${r.table} ${r.fields.name ?? r.fields.sys_id} ${f}`, text: r.fields[f]! })));
}

/** Each table of another scope a script opens, with an operation no sys_scope_privilege allows. */
export function missingPrivileges(app: BuiltApp, ticketTables: readonly string[]): string[] {
  const own = app.of('sys_db_object').map((t) => t.fields.name!);
  const allowed = new Set(app.of('sys_scope_privilege', { status: 'allowed' }).map((p) => `${p.fields.target_name} ${p.fields.operation}`));
  const found: string[] = [];
  for (const script of serverScripts(app)) {
    const uses = tableUses(script.text, script.where, { ticket: ticketTables, app: own });
    if (typeof uses === 'string') {
      found.push(uses);
      continue;
    }
    for (const use of uses) {
      for (const table of use.tables.filter((t) => !own.includes(t))) {
        for (const operation of use.operations) if (!allowed.has(`${table} ${operation}`)) found.push(`${use.where}: ${operation} on ${table} without a cross-scope privilege. ${RULES.privilege}`);
      }
    }
  }
  return found;
}

/** Client code a button runs in Core UI and in Workspace that reaches for what its host does not give it. */
export function clientViolations(app: BuiltApp, scope: string): string[] {
  const globalsBack = app.of('sys_properties', { name: `${scope}.glide.script.block.client.globals`, value: 'false' }).length > 0;
  const code = (text: string) => text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
  const found: string[] = [];
  for (const action of app.of('sys_ui_action')) {
    const where = `UI action ${action.fields.name} on ${action.fields.table}`;
    const workspace = code(action.fields.client_script_v2 ?? '');
    if (/\bGlideModal\b/.test(workspace)) found.push(`${where}: its workspace script uses GlideModal. ${RULES.workspace}`);
    for (const [label, text] of [['workspace script', workspace], ['Core UI script', code(action.fields.script ?? '')]] as const) {
      if (!globalsBack && /\b(window|document|jQuery|top|parent)\b|\$\(/.test(text)) found.push(`${where}: its ${label} reaches for window, document or jQuery. ${RULES.clientGlobals}`);
    }
    if (action.fields.client === 'true' && action.fields.form_button === 'true' && action.fields.form_button_v2 !== 'true') found.push(`${where}: a Core UI form button without its Workspace form button (form_button_v2): it does not appear in Workspace`);
    if (action.fields.form_button_v2 === 'true' && !/function\s+onClick\s*\(\s*g_form\s*\)/.test(workspace)) found.push(`${where}: a Workspace button without a workspace client script onClick(g_form)`);
  }
  return found;
}

/** What each table of another scope must allow for the build to install and run (Application Access). */
export interface TableAccess {
  table: string;
  scope: TableScope;
  canRead: boolean;
  canCreate: boolean;
  canUpdate: boolean;
  canDelete: boolean;
  allowConfiguration: boolean;
}

export function requiredAccess(classified: Classified[]): TableAccess[] {
  const byTable = new Map<string, TableAccess>();
  for (const c of classified.filter((c) => c.scope !== 'app')) {
    const access = byTable.get(c.table) ?? { table: c.table, scope: c.scope, canRead: true, canCreate: false, canUpdate: false, canDelete: false, allowConfiguration: false };
    if (c.kind === 'cross-scope privilege') {
      const operation = c.record.fields.operation;
      if (operation === 'create') access.canCreate = true;
      if (operation === 'write') access.canUpdate = true;
      if (operation === 'delete') access.canDelete = true;
    }
    if (c.kind === 'field' || c.kind === 'UI action' || c.kind === 'business rule') access.allowConfiguration = true;
    byTable.set(c.table, access);
  }
  return [...byTable.values()].sort((a, b) => a.table.localeCompare(b.table));
}
