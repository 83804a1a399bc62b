/**
 * The platform tables the connector reads besides tickets: people, groups,
 * roles, configuration items, the journal, the audit trail and the dictionary.
 */
import { CI_CLASSES, OPERATIONAL_STATUSES } from './choices.js';
import { bool, ref, str } from './fields.js';
import { APPLICATION_ACCESS_FIELDS } from './instance-metadata.js';
import type { TableSpec } from './types.js';


export const SYS_USER: TableSpec = {
  name: 'sys_user',
  label: 'User',
  sysFields: 'full',
  fields: [
    { name: 'user_name', label: 'User ID', type: 'string', maxLength: 40, indexed: true },
    { name: 'name', label: 'Name', type: 'string', maxLength: 151, display: true },
    str('first_name', 'First name', 50),
    str('last_name', 'Last name', 50),
    str('email', 'Email', 100),
    str('title', 'Title', 60),
    str('department', 'Department', 60),
    ref('manager', 'Manager', 'sys_user', true),
    str('phone', 'Business phone'),
    str('location', 'Location', 60),
    str('time_zone', 'Time zone'),
    bool('active', 'Active', 'true'),
    bool('locked_out', 'Locked out', 'false'),
    bool('vip', 'VIP', 'false'),
    bool('web_service_access_only', 'Web service access only', 'false'),
  ],
};

export const SYS_USER_GROUP: TableSpec = {
  name: 'sys_user_group',
  label: 'Group',
  sysFields: 'full',
  fields: [
    { name: 'name', label: 'Name', type: 'string', maxLength: 80, display: true, indexed: true },
    str('description', 'Description', 1000),
    ref('manager', 'Manager', 'sys_user'),
    str('email', 'Group email', 100),
    str('type', 'Type', 1000),
    ref('parent', 'Parent', 'sys_user_group'),
    bool('active', 'Active', 'true'),
  ],
};

export const SYS_USER_GRMEMBER: TableSpec = {
  name: 'sys_user_grmember',
  label: 'Group Member',
  sysFields: 'full',
  fields: [ref('user', 'User', 'sys_user', true), ref('group', 'Group', 'sys_user_group', true)],
};

export const SYS_USER_ROLE: TableSpec = {
  name: 'sys_user_role',
  label: 'Role',
  sysFields: 'full',
  fields: [
    { name: 'name', label: 'Name', type: 'string', maxLength: 100, display: true, indexed: true },
    str('description', 'Description', 1000),
    str('suffix', 'Suffix', 100),
    bool('elevated_privilege', 'Elevated privilege', 'false'),
  ],
};

export const SYS_USER_HAS_ROLE: TableSpec = {
  name: 'sys_user_has_role',
  label: 'User Role',
  sysFields: 'full',
  fields: [
    ref('user', 'User', 'sys_user', true),
    ref('role', 'Role', 'sys_user_role', true),
    { name: 'state', label: 'State', type: 'string', maxLength: 40, defaultValue: 'active' },
    bool('inherited', 'Inherited', 'false'),
  ],
};

export const CMDB_CI: TableSpec = {
  name: 'cmdb_ci',
  label: 'Configuration Item',
  sysFields: 'full',
  fields: [
    { name: 'name', label: 'Name', type: 'string', maxLength: 255, display: true, indexed: true },
    { name: 'sys_class_name', label: 'Class', type: 'sys_class_name', maxLength: 80, choices: CI_CLASSES, defaultValue: 'cmdb_ci' },
    str('short_description', 'Description', 1000),
    str('category', 'Category'),
    ref('owned_by', 'Owned by', 'sys_user'),
    ref('managed_by', 'Managed by', 'sys_user'),
    ref('support_group', 'Support group', 'sys_user_group'),
    { name: 'operational_status', label: 'Operational status', type: 'integer', choices: OPERATIONAL_STATUSES, defaultValue: '1' },
    str('environment', 'Environment'),
    str('fqdn', 'Fully qualified domain name', 255),
    str('ip_address', 'IP Address'),
    str('location', 'Location', 60),
    str('vendor', 'Vendor', 80),
  ],
};

export const SC_CAT_ITEM: TableSpec = {
  name: 'sc_cat_item',
  label: 'Catalog Item',
  sysFields: 'full',
  fields: [
    { name: 'name', label: 'Name', type: 'string', maxLength: 100, display: true, indexed: true },
    str('short_description', 'Short description', 1000),
    str('category', 'Category'),
    bool('active', 'Active', 'true'),
  ],
};

export const SYS_JOURNAL_FIELD: TableSpec = {
  name: 'sys_journal_field',
  label: 'Journal Entry',
  sysFields: 'created',
  fields: [
    { name: 'element_id', label: 'Element ID', type: 'GUID', maxLength: 32, indexed: true },
    str('element', 'Element'),
    str('name', 'Name', 80),
    { name: 'value', label: 'Value', type: 'string', maxLength: 4000, display: true },
  ],
};

export const SYS_AUDIT: TableSpec = {
  name: 'sys_audit',
  label: 'Audit',
  sysFields: 'created',
  fields: [
    str('tablename', 'Table name', 80),
    { name: 'documentkey', label: 'Document key', type: 'GUID', maxLength: 32, indexed: true },
    str('fieldname', 'Field name', 80),
    str('oldvalue', 'Old value', 8000),
    str('newvalue', 'New value', 8000),
    str('user', 'User', 255),
    { name: 'record_checkpoint', label: 'Record checkpoint', type: 'integer', defaultValue: '0' },
    str('reason', 'Reason', 255),
    str('internal_checkpoint', 'Internal checkpoint', 40),
  ],
};

export const SYS_DICTIONARY: TableSpec = {
  name: 'sys_dictionary',
  label: 'Dictionary Entry',
  sysFields: 'full',
  fields: [
    { name: 'name', label: 'Table', type: 'string', maxLength: 80, indexed: true },
    { name: 'element', label: 'Column name', type: 'string', maxLength: 80, display: true },
    str('column_label', 'Column label', 80),
    // On an instance internal_type and reference are references keyed by name
    // (sys_glide_object, sys_db_object); their raw value is that name, which is
    // what the sandbox stores (docs/sandbox.md, "Differences").
    str('internal_type', 'Type', 40),
    str('reference', 'Reference', 80),
    { name: 'max_length', label: 'Max length', type: 'integer', defaultValue: '40' },
    bool('mandatory', 'Mandatory', 'false'),
    bool('read_only', 'Read only', 'false'),
    bool('active', 'Active', 'true'),
    str('default_value', 'Default value', 512),
    str('attributes', 'Attributes', 1000),
  ],
};

export const SYS_DB_OBJECT: TableSpec = {
  name: 'sys_db_object',
  label: 'Table',
  sysFields: 'full',
  fields: [
    { name: 'name', label: 'Name', type: 'string', maxLength: 80, display: true, indexed: true },
    str('label', 'Label', 80),
    ref('super_class', 'Extends table', 'sys_db_object'),
    str('number_ref', 'Auto number prefix', 40),
    ...APPLICATION_ACCESS_FIELDS,
  ],
};

export const SYS_CHOICE: TableSpec = {
  name: 'sys_choice',
  label: 'Choice',
  sysFields: 'full',
  fields: [
    { name: 'name', label: 'Table', type: 'string', maxLength: 80, indexed: true },
    str('element', 'Element', 80),
    str('value', 'Value', 40),
    { name: 'label', label: 'Label', type: 'string', maxLength: 100, display: true },
    { name: 'sequence', label: 'Sequence', type: 'integer', defaultValue: '0' },
    bool('inactive', 'Inactive', 'false'),
    str('language', 'Language'),
  ],
};

export const SYSTEM_TABLES: readonly TableSpec[] = [
  SYS_USER,
  SYS_USER_GROUP,
  SYS_USER_GRMEMBER,
  SYS_USER_ROLE,
  SYS_USER_HAS_ROLE,
  CMDB_CI,
  SC_CAT_ITEM,
  SYS_JOURNAL_FIELD,
  SYS_AUDIT,
  SYS_DICTIONARY,
  SYS_DB_OBJECT,
  SYS_CHOICE,
];
