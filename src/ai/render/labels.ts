/** Words our templates use for kinds, variants, headings and statuses. */
import type { OutputKind } from '../../domain/operation.js';
import type { ApproverRole } from '../../domain/ticket.js';
import type { CHECKLIST_STATUSES } from '../output-schema.js';

export const KIND_LABELS: Readonly<Record<OutputKind, string>> = {
  evidence_pack: 'AI evidence pack',
  baseline_comparison: 'AI baseline comparison',
  draft: 'AI draft',
  approval_reminder: 'AI approval reminder',
  checklist: 'AI checklist',
  summary: 'AI summary',
  history_note: 'AI history note',
};

export const VARIANT_LABELS: Readonly<Record<string, string>> = {
  standard: '',
  vendor_escalation: 'Vendor escalation packet',
  status_update: 'Status update',
  review_summary: 'Review summary',
  tradeoff_brief: 'Trade-off brief',
  dependency_summary: 'Dependency summary',
  pre_check: 'Pre-check checklist',
  rollback: 'Rollback checklist',
  least_privilege: 'Least-privilege checklist',
  validation: 'Validation checklist',
};

export const HEADING_LABELS: Readonly<Record<string, string>> = {
  summary: 'Summary',
  measurements: 'Measurements',
  impact: 'Impact',
  references: 'References',
  configuration_item: 'Configuration item',
  statements: 'Who said what',
  timeline: 'Timeline (UTC)',
  related: 'Related tickets',
  flagged: 'Quoted as data, not followed (links, markup or text addressed to the AI)',
  baseline: 'Baseline',
  comparison: 'Against the baseline',
  without_baseline: 'No baseline in the sources for',
  subject: 'Subject',
  affected: 'Affected service and configuration item',
  symptoms: 'Symptoms and impact',
  checked: 'Already checked',
  ask: 'The ask',
  facts: 'Facts',
  current_state: 'Current state',
  actions: 'Being done',
  next_update: 'Next update',
  deadline: 'Dates',
  alternatives: 'Least-privilege points in the work notes',
  next_steps: 'Next steps in the sources',
  ticket: 'Ticket',
  work_notes: 'Work notes',
  observations: 'Observations',
  differences: 'Differences from the baseline',
  similarities: 'Same as the baseline',
  context: 'Context',
  evidence: 'Evidence',
  request: 'Request',
  options: 'Options',
  trade_offs: 'Trade-offs',
  dependencies: 'Dependencies',
  risks: 'Risks',
  decision_needed: 'Decision needed',
  history: 'History',
  open_questions: 'Open questions',
  pending_approval: 'Pending approval',
  request_details: 'Request details',
};

export const STATUS_LABELS: Readonly<Record<(typeof CHECKLIST_STATUSES)[number], string>> = {
  to_validate: 'to validate',
  not_started: 'not started',
};

/** The approver roles in words. */
export const ROLE_LABELS: Readonly<Record<ApproverRole, string>> = {
  incident_commander: 'incident commander',
  requester_manager: "requester's manager",
  security_owner: 'security owner',
  sponsor: 'leadership sponsor',
};
