/**
 * The platform tables that describe an instance's applications, which `app
 * check` reads (docs/servicenow-app.md, "First install"): scopes and custom
 * applications (`sys_scope`, `sys_app`), plugins (`v_plugin`), the
 * Application Access flags of each table (columns of `sys_db_object`), and
 * the record types an app installs (access rules, business rules, script
 * includes, Scripted REST APIs, properties, cross-scope privileges). Column
 * names are the platform's, as the ServiceNow SDK writes them in the app's
 * build (connectors/servicenow/app/dist/app); `configuration_access` ("Allow
 * configuration") is the one the build does not show (assumption, checked at
 * the first install).
 */
import { bool, ref, str } from './fields.js';
import type { FieldSpec, TableSpec } from './types.js';

const scoped = ref('sys_scope', 'Application', 'sys_scope', true);

export const SYS_SCOPE: TableSpec = {
  name: 'sys_scope',
  label: 'Application',
  sysFields: 'full',
  fields: [
    { name: 'name', label: 'Name', type: 'string', maxLength: 100, display: true },
    { name: 'scope', label: 'Scope', type: 'string', maxLength: 18, indexed: true },
    str('version', 'Version'),
    bool('active', 'Active', 'true'),
  ],
};

export const SYS_APP: TableSpec = { name: 'sys_app', label: 'Custom Application', extends: 'sys_scope', sysFields: 'full', fields: [] };

/** Plugins; `active` is "active" or "inactive" (assumption: the v_plugin view as an instance lists it). */
export const V_PLUGIN: TableSpec = {
  name: 'v_plugin',
  label: 'Plugin',
  sysFields: 'full',
  fields: [
    { name: 'id', label: 'ID', type: 'string', maxLength: 100, indexed: true },
    { name: 'name', label: 'Name', type: 'string', maxLength: 255, display: true },
    str('active', 'Status'),
    str('version', 'Version'),
  ],
};

/** The Application Access columns of sys_db_object (System Definition > Tables > Application Access). */
export const APPLICATION_ACCESS_FIELDS: readonly FieldSpec[] = [
  scoped,
  { name: 'access', label: 'Accessible from', type: 'string', maxLength: 40, defaultValue: 'public', choices: [{ value: 'public', label: 'All application scopes' }, { value: 'package_private', label: 'This application scope only' }] },
  bool('read_access', 'Can read', 'true'),
  bool('create_access', 'Can create', 'false'),
  bool('update_access', 'Can update', 'false'),
  bool('delete_access', 'Can delete', 'false'),
  bool('ws_access', 'Allow access to this table via web services', 'true'),
  bool('configuration_access', 'Allow configuration', 'false'),
];

const named = (name: string, label: string, fields: readonly FieldSpec[]): TableSpec => ({
  name,
  label,
  sysFields: 'full',
  fields: [{ name: 'name', label: 'Name', type: 'string', maxLength: 100, display: true, indexed: true }, ...fields, bool('active', 'Active', 'true'), scoped],
});

export const INSTANCE_METADATA_TABLES: readonly TableSpec[] = [
  SYS_SCOPE,
  SYS_APP,
  V_PLUGIN,
  named('sys_security_acl', 'Access Control', [str('operation', 'Operation'), str('type', 'Type'), bool('admin_overrides', 'Admin overrides', 'true')]),
  named('sys_script', 'Business Rule', [str('collection', 'Table', 80), str('when', 'When')]),
  named('sys_script_include', 'Script Include', [str('access', 'Accessible from')]),
  named('sys_ws_definition', 'Scripted REST Service', [str('namespace', 'Namespace', 18), str('service_id', 'API ID', 100), str('base_uri', 'Base API path', 255)]),
  named('sys_properties', 'System Property', [str('type', 'Type')]),
  named('sys_scope_privilege', 'Cross scope privilege', [ref('source_scope', 'Source scope', 'sys_scope'), str('target_scope', 'Target scope', 80), str('target_name', 'Target name', 80), str('target_type', 'Target type'), str('operation', 'Operation'), str('status', 'Status')]),
];
