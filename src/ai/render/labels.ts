/** Words our templates use for kinds, variants, headings and statuses. */
import type { OutputKind } from '../../domain/operation.js';
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
  ticket: 'Ticket',
  work_notes: 'Work notes',
  related: 'Related tickets',
  configuration_item: 'Configuration item',
  observations: 'Observations',
  baseline: 'Baseline',
  differences: 'Differences from the baseline',
  similarities: 'Same as the baseline',
  context: 'Context',
  impact: 'Impact',
  timeline: 'Timeline',
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
  summary: 'Summary',
  current_state: 'Current state',
};

export const STATUS_LABELS: Readonly<Record<(typeof CHECKLIST_STATUSES)[number], string>> = {
  to_validate: 'to validate',
  not_started: 'not started',
};
