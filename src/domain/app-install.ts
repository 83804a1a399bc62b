/**
 * What an install of the ServiceNow app creates on an instance, as natural
 * keys (docs/servicenow-app.md, "What will be installed"): the records `app
 * check` looks for when no build output is at hand, and the records the
 * sandbox imitates. test/app/app-install.test.ts keeps this list equal to
 * the build's own records (by the same keys), so it cannot drift from what
 * `npm run build` produces.
 */
import type { AppNames } from './app-names.js';

/** The record types `app check` compares, each found on the instance by its natural key. */
export const INSTALL_TYPES = ['sys_db_object', 'sys_dictionary', 'sys_user_role', 'sys_security_acl', 'sys_script', 'sys_script_include', 'sys_ws_definition', 'sys_properties', 'sys_scope_privilege'] as const;
export type InstallType = (typeof INSTALL_TYPES)[number];

export interface InstallRecord {
  readonly type: InstallType;
  /** The natural key (installKey). */
  readonly key: string;
  /** The columns the key is made of, as the platform stores them. */
  readonly fields: Readonly<Record<string, string>>;
}

/** A ticket table the app serves, with the scope that owns it (for the cross-scope privileges). */
export interface ServedTable {
  readonly name: string;
  readonly ownerScope: string;
}

/** The columns of the app's tables besides the platform's sys_* ones (docs/contract.md). */
export const APP_TABLE_COLUMNS = {
  request: ['ticket_table', 'ticket', 'number', 'operation', 'scope_digest', 'note', 'requested_by', 'readable', 'state', 'handoff', 'message', 'remedy'],
  review: ['ticket_table', 'ticket', 'number', 'handoff', 'decision', 'comment', 'reviewed_by', 'state', 'message', 'remedy'],
  checkpoint: ['ledger', 'count', 'head', 'key_id'],
} as const;

/** The platform tables the app's scripts read (cross-scope privileges `read`, docs/servicenow-app.md "What each table must allow"). */
export const PLATFORM_READS: readonly string[] = ['sys_user_grmember', 'sys_journal_field', 'cmdb_ci', 'sys_user'];

/** The names of the app's script includes and business rules, as the build gives them. */
export const SCRIPT_INCLUDES: readonly string[] = ['AiHandoffServer', 'AiHandoffIntake', 'AiHandoffReadCheck', 'AiHandoffTicketApi', 'AiHandoffDoorbell', 'AiHandoffAjax', 'AiHandoffScopeReview'];

/** The natural key of a record of `type` from its columns (raw values). */
export function installKey(type: InstallType, f: Readonly<Record<string, string | undefined>>): string {
  const v = (name: string): string => f[name] ?? '';
  switch (type) {
    case 'sys_db_object':
    case 'sys_user_role':
    case 'sys_script_include':
    case 'sys_properties':
      return v('name');
    case 'sys_dictionary':
      return `${v('name')}.${v('element')}`;
    case 'sys_security_acl':
      return `${v('type')} ${v('operation')} ${v('name')}`;
    case 'sys_script':
      return `${v('collection')}: ${v('name')}`;
    case 'sys_ws_definition':
      return `${v('namespace')}/${v('service_id')}`;
    case 'sys_scope_privilege':
      return `${v('operation')} ${v('target_scope')}.${v('target_name')} ${v('status')}`;
  }
}

/** The columns each type's key is read from (sysparm_fields). */
export const KEY_FIELDS: Readonly<Record<InstallType, readonly string[]>> = {
  sys_db_object: ['name'],
  sys_user_role: ['name'],
  sys_script_include: ['name'],
  sys_properties: ['name'],
  sys_dictionary: ['name', 'element'],
  sys_security_acl: ['type', 'operation', 'name'],
  sys_script: ['collection', 'name'],
  sys_ws_definition: ['namespace', 'service_id'],
  sys_scope_privilege: ['operation', 'target_scope', 'target_name', 'status'],
};

const record = (type: InstallType, fields: Record<string, string>): InstallRecord => ({ type, key: installKey(type, fields), fields });

/** Every record the app's install creates that `app check` compares, for the ticket tables `tables`. */
export function appInstallRecords(names: AppNames, tables: readonly ServedTable[]): InstallRecord[] {
  const { scope, fields, roles } = names;
  const own = [
    { table: names.tables.request, columns: APP_TABLE_COLUMNS.request },
    { table: names.tables.review, columns: APP_TABLE_COLUMNS.review },
    { table: names.tables.checkpoint, columns: APP_TABLE_COLUMNS.checkpoint },
  ];
  const ticketFields = [fields.panel, fields.status, fields.dataClass];
  const acl = (name: string, operation: string, type = 'record'): InstallRecord => record('sys_security_acl', { name, operation, type });
  const { request, review, checkpoint } = names.tables;
  return [
    ...own.map(({ table }) => record('sys_db_object', { name: table })),
    ...tables.flatMap((t) => ticketFields.map((element) => record('sys_dictionary', { name: t.name, element }))),
    ...own.flatMap(({ table, columns }) => ['', ...columns].map((element) => record('sys_dictionary', { name: table, element }))),
    ...Object.values(roles).map((name) => record('sys_user_role', { name })),
    ...tables.flatMap((t) => ticketFields.map((f) => acl(`${t.name}.${f}`, 'write'))),
    ...[request, review].flatMap((table) => ['create', 'read', 'write', 'delete'].map((op) => acl(table, op))),
    ...[request, review].map((table) => acl(`${table}.*`, 'write')),
    ...['state', 'handoff', 'message', 'remedy'].map((column) => acl(`${request}.${column}`, 'write')),
    ...['state', 'message', 'remedy'].map((column) => acl(`${review}.${column}`, 'write')),
    ...['create', 'read', 'write', 'delete'].map((op) => acl(checkpoint, op)),
    acl(`${scope} ticket API`, 'execute', 'REST_Endpoint'),
    acl(`${scope}_handoff_dialog`, 'read', 'ui_page'),
    acl('AiHandoffAjax', 'execute', 'client_callable_script_include'),
    ...(['request', 'review'] as const).flatMap((kind) => [
      record('sys_script', { collection: names.tables[kind], name: `AI Handoff: check and stamp a ${kind}` }),
      record('sys_script', { collection: names.tables[kind], name: `AI Handoff: ring the doorbell (${kind})` }),
    ]),
    ...SCRIPT_INCLUDES.map((name) => record('sys_script_include', { name })),
    record('sys_ws_definition', { namespace: scope, service_id: 'tickets' }),
    ...Object.values(names.properties).map((name) => record('sys_properties', { name })),
    ...tables.flatMap((t) => ['read', 'write'].map((operation) => record('sys_scope_privilege', { operation, target_scope: t.ownerScope, target_name: t.name, status: 'allowed' }))),
    ...PLATFORM_READS.map((name) => record('sys_scope_privilege', { operation: 'read', target_scope: 'global', target_name: name, status: 'allowed' })),
  ];
}
