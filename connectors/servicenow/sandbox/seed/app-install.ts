/**
 * The app as installed on the sandbox, in the platform's own metadata (what
 * `app check` reads): the scopes (global, Security Incident Response's
 * `sn_si`, the app as a `sys_app`), the plugins the optional ticket tables
 * need, the Application Access flags of every table, and the records an
 * install of the app creates, by the natural keys of
 * src/domain/app-install.ts (which test/app/app-install.test.ts holds equal
 * to the build with every part: the sandbox serves all five ticket tables).
 * An admin changes any of them through the Table API, as on an instance, to
 * stage a failing check (a table without "allow configuration", a missing
 * access rule).
 */
import { existsSync } from 'node:fs';
import { fromRoot } from '../../../../src/util/paths.js';
import { appInstallRecords, type ServedTable } from '../../../../src/domain/app-install.js';
import type { AppNames } from '../../../../src/domain/app-names.js';
import { TICKET_TABLES } from '../schema/app-fields.js';
import type { Seeder } from './seeder.js';
import ticketTablesFile from '../../app/ticket-tables.json' with { type: 'json' };

/** The app's version as the sandbox has it installed (the app's package.json; test/app/app-install.test.ts compares). */
export const SANDBOX_APP_VERSION = '0.1.0';

/** The scope owning each ticket table (ticket-tables.json `ownerScope`). */
export const TICKET_TABLE_SCOPES: Readonly<Record<string, string>> = Object.freeze(Object.fromEntries(ticketTablesFile.tables.map((t) => [t.name, t.ownerScope])));

/** Plugins active on the sandbox (ticket-tables.json `plugin`: the optional tables' plugins). */
export const SANDBOX_PLUGINS: readonly { readonly id: string; readonly name: string }[] = [
  { id: 'com.snc.security_incident', name: 'Security Incident Response' },
  { id: 'com.snc.sdlc.agile.2.0', name: 'Agile Development 2.0' },
];

/**
 * The tables whose install records the sandbox imitates: the app as built for
 * the shipped mappings (mappings/servicenow), the five built-in tables. The
 * custom table of the admin's example (u_vendor_access_request, an optional
 * part) carries the app's fields too, so it can be handed off once mapped,
 * but `app check` compares the install with the tables the worker maps.
 */
export const SERVED_TABLES: readonly ServedTable[] = TICKET_TABLES.filter((name) => existsSync(fromRoot('mappings', 'servicenow', `${name}.yaml`))).map((name) => ({ name, ownerScope: TICKET_TABLE_SCOPES[name] ?? 'global' }));

const scopeId = (seed: Seeder, scope: string, names: AppNames): string => (scope === names.scope ? seed.id('sys_app', scope) : seed.id('sys_scope', scope));

/**
 * A table's Application Access flags and owning scope on the sandbox: what
 * the app needs (docs/servicenow-app.md, "What each table must allow") on
 * the tables it serves and reads, the build's own flags on the app's tables,
 * and the platform's defaults (read from all scopes, nothing else) elsewhere.
 */
export function tableAccess(seed: Seeder, table: string, names: AppNames): Record<string, string> {
  const ticket = TICKET_TABLES.includes(table);
  const owner = ticket ? (TICKET_TABLE_SCOPES[table] ?? 'global') : Object.values(names.tables).includes(table) ? names.scope : 'global';
  return {
    sys_scope: scopeId(seed, owner, names),
    access: 'public',
    read_access: 'true',
    create_access: 'false',
    update_access: String(ticket),
    delete_access: 'false',
    ws_access: 'true',
    configuration_access: String(ticket),
  };
}

export function seedInstalledApp(seed: Seeder, names: AppNames): void {
  seed.put('sys_scope', 'global', { name: 'Global', scope: 'global', version: '', active: 'true' });
  seed.put('sys_scope', 'sn_si', { name: 'Security Incident Response', scope: 'sn_si', version: '', active: 'true' });
  seed.put('sys_app', names.scope, { name: 'AI Handoff', scope: names.scope, version: SANDBOX_APP_VERSION, active: 'true' });
  for (const plugin of SANDBOX_PLUGINS) seed.put('v_plugin', plugin.id, { ...plugin, active: 'active', version: '' });
  const app = scopeId(seed, names.scope, names);
  for (const record of appInstallRecords(names, SERVED_TABLES)) {
    // Tables, columns and roles are the schema's and the cast's (metadata.ts, people.ts).
    if (record.type === 'sys_db_object' || record.type === 'sys_dictionary' || record.type === 'sys_user_role') continue;
    const extra = record.type === 'sys_scope_privilege' ? { source_scope: app, target_type: 'sys_db_object' } : {};
    seed.put(record.type, record.key, { ...record.fields, ...extra, active: 'true', sys_scope: app });
  }
}
