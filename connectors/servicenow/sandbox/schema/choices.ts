/**
 * Choice lists. Incident and requested-item states follow ServiceNow's
 * documented defaults (../shared/reference/servicenow.md, "Tables"); the
 * security-incident and enhancement values are the sandbox's own (marked
 * "unconfirmed" there): clients should read them from `sys_choice`, which the
 * sandbox serves from these same lists.
 */
import type { Choice } from './types.js';

const list = (pairs: readonly (readonly [string, string])[]): readonly Choice[] => pairs.map(([value, label]) => ({ value, label }));

export const INCIDENT_STATES = list([
  ['1', 'New'],
  ['2', 'In Progress'],
  ['3', 'On Hold'],
  ['6', 'Resolved'],
  ['7', 'Closed'],
  ['8', 'Canceled'],
]);

/** task.state: the base list that sc_request and sc_req_item use. */
export const TASK_STATES = list([
  ['-5', 'Pending'],
  ['1', 'Open'],
  ['2', 'Work in Progress'],
  ['3', 'Closed Complete'],
  ['4', 'Closed Incomplete'],
  ['7', 'Closed Skipped'],
]);

export const SECURITY_STATES = list([
  ['10', 'Draft'],
  ['16', 'Analysis'],
  ['18', 'Contain'],
  ['19', 'Eradicate'],
  ['20', 'Recover'],
  ['100', 'Review'],
  ['3', 'Closed'],
  ['7', 'Cancelled'],
]);

export const ENHANCEMENT_STATES = list([
  ['-6', 'Draft'],
  ['-5', 'Scoping'],
  ['-4', 'Awaiting Approval'],
  ['1', 'Ready'],
  ['2', 'Work in Progress'],
  ['-3', 'Testing/QA'],
  ['3', 'Closed Complete'],
  ['4', 'Closed Incomplete'],
]);

export const PRIORITIES = list([
  ['1', '1 - Critical'],
  ['2', '2 - High'],
  ['3', '3 - Moderate'],
  ['4', '4 - Low'],
  ['5', '5 - Planning'],
]);

export const IMPACTS = list([
  ['1', '1 - High'],
  ['2', '2 - Medium'],
  ['3', '3 - Low'],
]);

export const URGENCIES = IMPACTS;

export const APPROVALS = list([
  ['not requested', 'Not Yet Requested'],
  ['requested', 'Requested'],
  ['approved', 'Approved'],
  ['rejected', 'Rejected'],
]);

export const REQUEST_STATES = list([
  ['requested', 'Pending Approval'],
  ['in_process', 'Approved'],
  ['closed_complete', 'Closed Complete'],
  ['closed_incomplete', 'Closed Incomplete'],
  ['closed_cancelled', 'Closed Cancelled'],
  ['closed_rejected', 'Closed Rejected'],
]);

export const STAGES = list([
  ['request_approved', 'Request Approved'],
  ['waiting_for_approval', 'Waiting for Approval'],
  ['fulfillment', 'Fulfillment'],
  ['complete', 'Completed'],
]);

/** u_vendor_access_request.u_access_level: a custom table's own choice list. */
export const VENDOR_ACCESS_LEVELS = list([
  ['read', 'Read only'],
  ['write', 'Read and write'],
  ['admin', 'Administrative'],
]);

export const INCIDENT_CATEGORIES = list([
  ['inquiry', 'Inquiry / Help'],
  ['software', 'Software'],
  ['hardware', 'Hardware'],
  ['network', 'Network'],
  ['database', 'Database'],
]);

export const CLOSE_CODES = list([
  ['Solved (Work Around)', 'Solved (Work Around)'],
  ['Solved (Permanently)', 'Solved (Permanently)'],
  ['Solved Remotely (Work Around)', 'Solved Remotely (Work Around)'],
  ['Solved Remotely (Permanently)', 'Solved Remotely (Permanently)'],
  ['Not Solved (Not Reproducible)', 'Not Solved (Not Reproducible)'],
  ['Not Solved (Too Costly)', 'Not Solved (Too Costly)'],
  ['Closed/Resolved by Caller', 'Closed/Resolved by Caller'],
]);

export const CONTACT_TYPES = list([
  ['email', 'Email'],
  ['phone', 'Phone'],
  ['self-service', 'Self-service'],
  ['walk-in', 'Walk-in'],
  ['monitoring', 'Monitoring'],
]);

/** The app's data classification (u_data_classification). */
export const DATA_CLASSIFICATIONS = list([
  ['public', 'Public'],
  ['internal', 'Internal'],
  ['confidential', 'Confidential'],
  ['restricted', 'Restricted'],
]);

/** The app's AI status (u_ai_status); the values of src/domain/status.ts. */
export const AI_STATUS_CHOICES = list([
  ['none', 'None'],
  ['eligible', 'Eligible'],
  ['queued', 'Queued'],
  ['running', 'Running'],
  ['awaiting_review', 'Awaiting review'],
  ['accepted', 'Accepted'],
  ['rejected', 'Rejected'],
  ['escalated', 'Escalated'],
  ['expired', 'Expired'],
  ['blocked', 'Blocked'],
  ['failed', 'Failed'],
]);

export const OPERATIONAL_STATUSES = list([
  ['1', 'Operational'],
  ['2', 'Non-Operational'],
  ['3', 'Repair in Progress'],
  ['6', 'Retired'],
]);

export const CI_CLASSES = list([
  ['cmdb_ci', 'Configuration Item'],
  ['cmdb_ci_service', 'Service'],
  ['cmdb_ci_appl', 'Application'],
  ['cmdb_ci_netgear', 'Network Gear'],
  ['cmdb_ci_database', 'Database'],
]);
