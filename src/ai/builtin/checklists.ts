/**
 * Checklists and approval reminders. Checklist items are steps for a person
 * to do and validate, tied to what the ticket names (each access item
 * requested, the roles, the end date; the configuration item and its
 * version); every item is `to_validate` (the seed: "Checklist assistance may
 * not replace the human validation decision itself").
 */
import { QUOTE_MARK as Q, type ChecklistItem, type OutputOf, type Quote, type Statement } from '../output-schema.js';
import type { Said } from '../facts/extract.js';
import { ROLE_LABELS } from '../render/labels.js';
import { ownWordsPass, quote, said, valueQuote } from './compose.js';
import { contradictionsOf, gapsOf, sections, type Ctx } from './context.js';
import { authored, ciLine, flagged, identityLine, isOwn, references, tagged } from './sections.js';
import { variantFor } from './variant.js';

/** Steps every checklist of a form has, after the items tied to the ticket. */
const STANDARD_ITEMS: Readonly<Record<OutputOf<'checklist'>['variant'], readonly string[]>> = {
  pre_check: [
    'Confirm the change window with the ticket owner.',
    'Confirm a rollback plan exists and who carries it out.',
    'Confirm monitoring is in place to observe the effect of the change.',
    "Confirm the named approver's decision is recorded before any change starts.",
  ],
  rollback: [
    'Identify the last known-good configuration and where it is recorded.',
    'Write down the steps that restore it, in order.',
    'Name the person who decides to roll back, and the signal that triggers it.',
    'Define the check that shows the rollback worked.',
  ],
  least_privilege: [
    'Choose the narrowest role that covers the stated need; no administrative or shared accounts.',
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

/** "Items: a; b; c" or "Access needed from Monday: a, b, and c": the things a request lists. */
const LIST_LEAD = /(?:^|\b)(?:items|access(?: needed)?(?: from \w+)?|requested access|needs|includes)\s*:\s*/i;
/** What the work notes say about keeping access narrow. */
const LEAST = /\b(?:not grant\w*|must not|no posting|display[- ]only|read[- ]only|instead|narrow\w*|least|conflicts? with|segregation)\b/i;

export function checklist(ctx: Ctx): OutputOf<'checklist'> {
  const variant = variantFor(ctx.input.operation) as OutputOf<'checklist'>['variant'];
  const anchor = ctx.ticket ?? ctx.input.sources.sources[0];
  const items: ChecklistItem[] = [];
  const add = (text: string, sources: readonly string[], quotes: readonly (Quote | null)[] = []): void => {
    const kept = quotes.filter((q): q is Quote => q !== null);
    const ids = [...new Set([...sources, ...kept.map((q) => q.source)])];
    if (items.length >= 20 || ids.length === 0 || text.split(Q).length - 1 > kept.length || !ownWordsPass(ctx, text, ids)) return;
    items.push({ text, quotes: kept, status: 'to_validate', sources: ids });
  };
  const context: (Statement | null)[] = [identityLine(ctx)];
  let alternatives: Statement[] = [];

  if (variant === 'least_privilege') {
    const requested = accessItems(ctx);
    for (const { said: s, text } of requested) add(`Confirm ${Q} is needed for the stated purpose and is the narrowest access that covers it.`, [s.source.id], [quote(s.source, text, 160)]);
    for (const role of ctx.facts.identifiers.filter((n) => n.identifier.kind === 'role' && isOwn(n.said.source))) {
      add(`Check role ${role.identifier.text} against what the sources say of it: ${Q}`, role.sources, [quote(role.said.source, role.said.span.text)]);
    }
    const end = tagged(ctx, ['deadline'], 1, { from: (s) => s.kind === 'ticket_fields' })[0];
    if (end !== undefined) add(`Confirm the end date is set as the ticket states: ${Q}`, end.sources, end.quotes);
    else if (anchor !== undefined) add('Confirm the end date of the access for temporary staff.', [anchor.id]);
    const role = ctx.input.approval.role;
    if (anchor !== undefined && ctx.input.approval.required && role !== null) add(`Confirm the ${ROLE_LABELS[role]}'s approval is recorded before any access change.`, [anchor.id]);
    if (requested.length > 0) context.push(...requested.slice(0, 1).map((r) => said(ctx, `Access requested: ${Q}`, [r.said.source.id], [quote(r.said.source, r.said.span.text)], () => null)));
    alternatives = ctx.facts.said
      .filter((s) => s.source.kind === 'work_notes' && LEAST.test(s.span.text) && !s.tags.has('flagged'))
      .slice(0, 3)
      .map((s) => authored(ctx, s))
      .filter((s): s is Statement => s !== null);
  } else {
    const ci = ctx.ci;
    const name = valueQuote(ci, 'name') ?? valueQuote(ctx.ticket, 'cmdb_ci.name');
    if (name !== null) {
      add(`Record the current configuration of ${Q} before any change.`, [name.source], [name]);
      if (variant === 'rollback' || variant === 'pre_check') add(`Confirm how to restore ${Q} to its last known-good state.`, [name.source], [name]);
    }
    for (const version of ctx.facts.identifiers.filter((n) => n.identifier.kind === 'version' && isOwn(n.said.source)).slice(0, 2)) {
      add(`Record the running ${version.identifier.label ?? 'version'} (${version.identifier.text} per the sources) before any change.`, version.sources);
    }
    for (const change of ctx.facts.identifiers.filter((n) => n.identifier.kind === 'ticket' && /^CHG/.test(n.identifier.text)).slice(0, 2)) {
      add(`Confirm change ${change.identifier.text} covers this work and its approval is recorded.`, change.sources);
    }
    context.push(ciLine(ctx));
  }
  if (anchor !== undefined) for (const text of STANDARD_ITEMS[variant]) add(text, [anchor.id]);
  return {
    kind: 'checklist',
    variant,
    sections: sections([
      ['context', context],
      ['alternatives', alternatives],
      ['flagged', flagged(ctx)],
    ]),
    items,
    gaps: gapsOf(ctx, anchor === undefined ? [{ kind: 'ticket_fields', text: 'No source was gathered, so the checklist cannot be tied to the ticket.' }] : []),
    contradictions: contradictionsOf(ctx),
  };
}

/** The access items a request lists, each as written ("VPN profile EU", "SAP S/4HANA Finance display-only role"). */
function accessItems(ctx: Ctx): { said: Said; text: string }[] {
  const out: { said: Said; text: string }[] = [];
  for (const s of ctx.facts.said.filter((x) => x.source.kind === 'ticket_fields' && x.tags.has('access'))) {
    const lead = LIST_LEAD.exec(s.span.text);
    if (lead === null) continue;
    const list = s.span.text.slice(lead.index + lead[0].length).replace(/[.]$/, '');
    const parts = list.split(/;\s*|,\s*(?:and\s+)?/u).map((p) => p.trim()).filter((p) => p.length >= 3);
    if (parts.length < 2) continue;
    for (const text of parts.slice(0, 8)) out.push({ said: s, text });
    break;
  }
  return out;
}

export function approvalReminder(ctx: Ctx): OutputOf<'approval_reminder'> {
  const t = ctx.ticket;
  const role = ctx.input.approval.role;
  const reminder =
    t === undefined || !ctx.input.approval.required || role === null
      ? null
      : said(ctx, `Reminder: ${ctx.number} needs approval by the ${ROLE_LABELS[role]} before the requested change; this reminder does not approve or grant anything.`, [t.id], [], () => null);
  const approval = valueQuote(t, 'approval');
  const state = valueQuote(t, 'state', 'request_state');
  const status = t === undefined || (approval === null && state === null) ? null : said(ctx, [state === null ? null : `State ${Q}`, approval === null ? null : `approval ${Q}`].filter((p) => p !== null).join(', '), [t.id], [state, approval], () => null);
  const details = [identityLine(ctx), ...tagged(ctx, ['access'], 2, { from: (s) => s.kind === 'ticket_fields' }), ...references(ctx, 1)];
  const waiting = tagged(ctx, ['next', 'decision'], 2, { author: true, from: (s) => s.kind === 'work_notes' });
  return {
    kind: 'approval_reminder',
    variant: 'standard',
    sections: sections([
      ['pending_approval', [reminder, status, ...waiting]],
      ['request_details', details],
      ['deadline', tagged(ctx, ['deadline'], 3, { author: true })],
      ['flagged', flagged(ctx)],
    ]),
    gaps: gapsOf(ctx, reminder === null && ctx.input.approval.required ? [{ kind: 'other', text: 'The approver role is not known, so the reminder names no approver.' }] : []),
    contradictions: contradictionsOf(ctx),
  };
}
