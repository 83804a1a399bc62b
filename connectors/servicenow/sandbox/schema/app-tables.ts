/**
 * The app's own tables (docs/contract.md, "The request table", "The review
 * table"): one row per Assign and one per Accept, Reject or Escalate. The
 * columns and lengths are src/domain/app-rows.ts's, so the sandbox and the
 * worker read the contract from one place.
 */
import type { AppNames } from '../../../../src/domain/app-names.js';
import { REQUEST_STATES, REVIEW_STATES, ROW_LIMITS } from '../../../../src/domain/app-rows.js';
import { REVIEW_DECISIONS } from '../../../../src/domain/fields.js';
import { ref, str } from './fields.js';
import type { Choice, FieldSpec, TableSpec } from './types.js';

const choices = (values: readonly string[]): Choice[] => values.map((value) => ({ value, label: value[0]!.toUpperCase() + value.slice(1) }));

const TICKET_COLUMNS: readonly FieldSpec[] = [
  str('ticket_table', 'Ticket table', ROW_LIMITS.ticketTable),
  { name: 'ticket', label: 'Ticket', type: 'string', maxLength: 32, indexed: true },
  { name: 'number', label: 'Number', type: 'string', maxLength: ROW_LIMITS.number, display: true },
];
const REFUSAL_COLUMNS: readonly FieldSpec[] = [str('message', 'Message', ROW_LIMITS.message), str('remedy', 'Remedy', ROW_LIMITS.message)];

export function appTables(names: AppNames): TableSpec[] {
  return [
    {
      name: names.tables.request,
      label: 'AI Handoff Request',
      sysFields: 'full',
      fields: [
        ...TICKET_COLUMNS,
        str('operation', 'Operation', ROW_LIMITS.operation),
        str('scope_digest', 'Scope digest', 32),
        str('note', 'Note', ROW_LIMITS.note),
        ref('requested_by', 'Requested by', 'sys_user'),
        str('readable', 'Readable', ROW_LIMITS.readable),
        { name: 'state', label: 'State', type: 'string', maxLength: 40, choices: choices(REQUEST_STATES), defaultValue: 'pending', indexed: true },
        str('handoff', 'Hand-off', ROW_LIMITS.handoff),
        ...REFUSAL_COLUMNS,
      ],
    },
    {
      name: names.tables.review,
      label: 'AI Handoff Review',
      sysFields: 'full',
      fields: [
        ...TICKET_COLUMNS,
        str('handoff', 'Hand-off', ROW_LIMITS.handoff),
        { name: 'decision', label: 'Decision', type: 'string', maxLength: 40, choices: choices(REVIEW_DECISIONS) },
        str('comment', 'Comment', ROW_LIMITS.comment),
        ref('reviewed_by', 'Reviewed by', 'sys_user'),
        { name: 'state', label: 'State', type: 'string', maxLength: 40, choices: choices(REVIEW_STATES), defaultValue: 'pending', indexed: true },
        ...REFUSAL_COLUMNS,
      ],
    },
  ];
}
