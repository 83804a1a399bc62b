/**
 * Checklists and approval reminders. Checklist items are standard steps for
 * a person to do and validate; every item is `to_validate` (the seed:
 * "Checklist assistance may not replace the human validation decision
 * itself"). The context the items apply to is quoted from the ticket.
 */
import type { ChecklistItem, OutputOf } from '../output-schema.js';
import { fieldStatement, statement, STATE_FIELDS } from './compose.js';
import { contradictionsOf, gapsOf, sections, type Ctx } from './context.js';
import { ROLE_LABELS } from './drafts.js';
import { variantFor } from './variant.js';

const STANDARD_ITEMS: Readonly<Record<OutputOf<'checklist'>['variant'], readonly string[]>> = {
  pre_check: [
    'Confirm the change window with the ticket owner.',
    'Record the current configuration of the affected configuration item before any change.',
    'Confirm a rollback plan exists and who carries it out.',
    'Confirm monitoring is in place to observe the effect of the change.',
    "Confirm the named approver's decision is recorded before any change starts.",
  ],
  rollback: [
    'Identify the last known-good configuration and where it is recorded.',
    'Write down the steps that restore it, in order.',
    'Name the person who decides to roll back, and the signal that triggers it.',
    'Define the check that shows the rollback worked.',
    'Confirm the rollback steps were rehearsed or reviewed by a second person.',
  ],
  least_privilege: [
    'Confirm from the request itself exactly which systems and roles are needed.',
    'Choose the narrowest role that covers the stated need; no administrative or shared accounts.',
    'Confirm the end date of the access for temporary staff.',
    "Confirm the requester's manager approval is recorded before any access change.",
    'Schedule the review or removal of the access at its end date.',
    'Confirm who carries out the access change; this checklist changes nothing.',
  ],
  validation: [
    'Confirm what result counts as success, from the ticket.',
    'Record the evidence that shows the result.',
    'Confirm a second person reviews the evidence.',
    'Record the decision and who made it.',
  ],
};

export function checklist(ctx: Ctx): OutputOf<'checklist'> {
  const variant = variantFor(ctx.input.operation) as OutputOf<'checklist'>['variant'];
  const t = ctx.ticket;
  const context = t === undefined ? [] : t.fields.filter((f) => f.name === 'short_description' || f.name === 'description' || /requested_for|cat_item|item/.test(f.name)).map((f) => fieldStatement(t, f, ctx.number, ctx.budget, 1));
  const anchor = t ?? ctx.input.sources.sources[0];
  const items: ChecklistItem[] = anchor === undefined ? [] : STANDARD_ITEMS[variant].map((text) => ({ text, status: 'to_validate', sources: [anchor.id] }));
  return {
    kind: 'checklist',
    variant,
    sections: sections([['context', context]]),
    items,
    gaps: gapsOf(ctx, anchor === undefined ? [{ kind: 'ticket_fields', text: 'No source was gathered, so the checklist cannot be tied to the ticket.' }] : []),
    contradictions: contradictionsOf(ctx),
  };
}

export function approvalReminder(ctx: Ctx): OutputOf<'approval_reminder'> {
  const t = ctx.ticket;
  const role = ctx.input.approval.role;
  const reminder = t === undefined || !ctx.input.approval.required || role === null
    ? null
    : statement(`Reminder: ${ctx.number} needs approval by the ${ROLE_LABELS[role]} before the requested change; this reminder does not approve or grant anything.`, [t.id]);
  const details = t === undefined ? [] : t.fields.filter((f) => f.name === 'short_description' || f.name === 'description' || /requested_for|cat_item|item|access|end|valid/.test(f.name)).map((f) => fieldStatement(t, f, ctx.number, ctx.budget, 1));
  const state = t === undefined ? [] : t.fields.filter((f) => STATE_FIELDS.test(f.name)).map((f) => fieldStatement(t, f, ctx.number, ctx.budget, 1));
  return {
    kind: 'approval_reminder',
    variant: 'standard',
    sections: sections([
      ['pending_approval', [reminder, ...state]],
      ['request_details', details],
    ]),
    gaps: gapsOf(ctx, reminder === null && ctx.input.approval.required ? [{ kind: 'other', text: 'The approver role is not known, so the reminder names no approver.' }] : []),
    contradictions: contradictionsOf(ctx),
  };
}
