/**
 * The ticket tables: `task`, the five tables the product maps, and a custom
 * table of the instance's own. The app's fields (the AI fields and the data
 * classification, schema/app-fields.ts) are added to each table of the app's
 * list, as the app augments each table, so sys_dictionary lists them under
 * each table's own name.
 */
import {
  APPROVALS,
  CLOSE_CODES,
  CONTACT_TYPES,
  ENHANCEMENT_STATES,
  IMPACTS,
  INCIDENT_CATEGORIES,
  INCIDENT_STATES,
  PRIORITIES,
  REQUEST_STATES,
  SECURITY_STATES,
  STAGES,
  TASK_STATES,
  URGENCIES,
  VENDOR_ACCESS_LEVELS,
} from './choices.js';
import { appFieldSpecs, TICKET_TABLES, type AppFields } from './app-fields.js';
import { ref, str, when } from './fields.js';
import type { TableSpec } from './types.js';


export const TASK: TableSpec = {
  name: 'task',
  label: 'Task',
  sysFields: 'full',
  fields: [
    { name: 'number', label: 'Number', type: 'string', maxLength: 40, display: true, indexed: true },
    str('short_description', 'Short description', 160),
    str('description', 'Description', 4000),
    { name: 'state', label: 'State', type: 'integer', choices: TASK_STATES, defaultValue: '1' },
    { name: 'active', label: 'Active', type: 'boolean', defaultValue: 'true' },
    { name: 'priority', label: 'Priority', type: 'integer', choices: PRIORITIES, defaultValue: '4' },
    { name: 'impact', label: 'Impact', type: 'integer', choices: IMPACTS, defaultValue: '3' },
    { name: 'urgency', label: 'Urgency', type: 'integer', choices: URGENCIES, defaultValue: '3' },
    // Indexed, as reference fields are on an instance: a hand-off's related tickets are read by CI, caller and group
    // (issue 13: at 16,000 tickets, scanning the table for them was most of the sandbox's CPU per hand-off).
    ref('assignment_group', 'Assignment group', 'sys_user_group', true),
    ref('assigned_to', 'Assigned to', 'sys_user'),
    ref('cmdb_ci', 'Configuration item', 'cmdb_ci', true),
    ref('opened_by', 'Opened by', 'sys_user'),
    when('opened_at', 'Opened'),
    ref('closed_by', 'Closed by', 'sys_user'),
    when('closed_at', 'Closed'),
    { name: 'approval', label: 'Approval', type: 'string', choices: APPROVALS, defaultValue: 'not requested' },
    { name: 'contact_type', label: 'Contact type', type: 'string', choices: CONTACT_TYPES },
    when('due_date', 'Due date'),
    str('watch_list', 'Watch list', 4000),
    str('work_notes_list', 'Work notes list', 4000),
    str('correlation_id', 'Correlation ID', 100),
    { name: 'reassignment_count', label: 'Reassignment count', type: 'integer', defaultValue: '0' },
    { name: 'escalation', label: 'Escalation', type: 'integer', defaultValue: '0' },
    { name: 'made_sla', label: 'Made SLA', type: 'boolean', defaultValue: 'true' },
    { name: 'work_notes', label: 'Work notes', type: 'journal_input', maxLength: 4000 },
    { name: 'comments', label: 'Additional comments', type: 'journal_input', maxLength: 4000 },
    { name: 'sys_class_name', label: 'Task type', type: 'sys_class_name', maxLength: 80, readOnly: true },
  ],
};

export const INCIDENT: TableSpec = {
  name: 'incident',
  label: 'Incident',
  extends: 'task',
  numberPrefix: 'INC',
  sysFields: 'full',
  overrides: { state: { choices: INCIDENT_STATES, defaultValue: '1' } },
  // Resolved (6) stays active until it closes; Closed (7) and Canceled (8) end it.
  closedStates: ['7', '8'],
  fields: [
    ref('caller_id', 'Caller', 'sys_user', true),
    { name: 'category', label: 'Category', type: 'string', choices: INCIDENT_CATEGORIES, defaultValue: 'inquiry' },
    str('subcategory', 'Subcategory'),
    { name: 'incident_state', label: 'Incident state', type: 'integer', choices: INCIDENT_STATES, defaultValue: '1' },
    { name: 'severity', label: 'Severity', type: 'integer', choices: IMPACTS, defaultValue: '3' },
    str('hold_reason', 'On hold reason'),
    { name: 'close_code', label: 'Resolution code', type: 'string', choices: CLOSE_CODES },
    str('close_notes', 'Resolution notes', 4000),
    ref('resolved_by', 'Resolved by', 'sys_user'),
    when('resolved_at', 'Resolved'),
  ],
};

export const SC_REQUEST: TableSpec = {
  name: 'sc_request',
  label: 'Request',
  extends: 'task',
  numberPrefix: 'REQ',
  sysFields: 'full',
  closedStates: ['3', '4', '7'],
  fields: [
    ref('requested_for', 'Requested for', 'sys_user', true),
    { name: 'request_state', label: 'Request state', type: 'string', choices: REQUEST_STATES, defaultValue: 'requested' },
    { name: 'stage', label: 'Stage', type: 'string', choices: STAGES, defaultValue: 'waiting_for_approval' },
    str('special_instructions', 'Special instructions', 4000),
  ],
};

export const SC_REQ_ITEM: TableSpec = {
  name: 'sc_req_item',
  label: 'Requested Item',
  extends: 'task',
  numberPrefix: 'RITM',
  sysFields: 'full',
  closedStates: ['3', '4', '7'],
  fields: [
    ref('request', 'Request', 'sc_request'),
    ref('requested_for', 'Requested for', 'sys_user', true),
    ref('cat_item', 'Item', 'sc_cat_item'),
    { name: 'stage', label: 'Stage', type: 'string', choices: STAGES, defaultValue: 'waiting_for_approval' },
    { name: 'quantity', label: 'Quantity', type: 'integer', defaultValue: '1' },
  ],
};

export const SN_SI_INCIDENT: TableSpec = {
  name: 'sn_si_incident',
  label: 'Security Incident',
  extends: 'task',
  numberPrefix: 'SIR',
  sysFields: 'full',
  overrides: { state: { choices: SECURITY_STATES, defaultValue: '10' } },
  closedStates: ['3', '7'],
  fields: [
    ref('affected_user', 'Affected user', 'sys_user'),
    str('category', 'Category'),
    str('substate', 'Substate'),
    { name: 'risk_score', label: 'Risk score', type: 'integer', defaultValue: '0' },
    { name: 'business_criticality', label: 'Business criticality', type: 'integer', choices: IMPACTS, defaultValue: '3' },
  ],
};

export const RM_ENHANCEMENT: TableSpec = {
  name: 'rm_enhancement',
  label: 'Enhancement',
  extends: 'task',
  numberPrefix: 'ENHC',
  sysFields: 'full',
  overrides: { state: { choices: ENHANCEMENT_STATES, defaultValue: '-6' } },
  closedStates: ['3', '4'],
  fields: [
    str('product', 'Product', 80),
    str('release', 'Release', 80),
    { name: 'story_points', label: 'Story points', type: 'integer', defaultValue: '0' },
    str('acceptance_criteria', 'Acceptance criteria', 4000),
  ],
};

/**
 * A table of the instance's own, as admins make them: `u_` columns, a label
 * for each, extending task. No mapping ships for it; `mappings init` writes
 * one from the dictionary (docs/admin.md, "Onboard a custom table").
 */
export const U_VENDOR_ACCESS_REQUEST: TableSpec = {
  name: 'u_vendor_access_request',
  label: 'Vendor access request',
  extends: 'task',
  numberPrefix: 'VAR',
  sysFields: 'full',
  closedStates: ['3', '4', '7'],
  fields: [
    str('u_vendor', 'Vendor', 100),
    ref('u_requested_for', 'Requested for', 'sys_user', true),
    { name: 'u_access_level', label: 'Access level', type: 'string', choices: VENDOR_ACCESS_LEVELS, defaultValue: 'read' },
    when('u_access_expires', 'Access expires'),
    ref('u_vendor_contact', 'Vendor contact', 'sys_user'),
  ],
};

/** The task tables, with the app's fields installed on each ticket table of the app's list (TICKET_TABLES). */
export function taskTables(app: AppFields): TableSpec[] {
  const withApp = (spec: TableSpec): TableSpec => (TICKET_TABLES.includes(spec.name) ? { ...spec, fields: [...spec.fields, ...appFieldSpecs(app)] } : spec);
  return [TASK, ...[INCIDENT, SC_REQUEST, SC_REQ_ITEM, SN_SI_INCIDENT, RM_ENHANCEMENT, U_VENDOR_ACCESS_REQUEST].map(withApp)];
}
