/**
 * Evidence packs, summaries and history notes: what each source says, quoted
 * and cited, in a fixed order. Nothing is inferred.
 */
import type { OutputOf } from '../output-schema.js';
import type { Source } from '../sources.js';
import { describe, fieldStatement, noteStatement, recordStatement, STATE_FIELDS, SUMMARY_FIELDS } from './compose.js';
import { contradictionsOf, gapsOf, sections, type Ctx } from './context.js';

const WHY: Record<string, string> = {
  related_by_ci: 'same configuration item',
  related_by_caller: 'same caller',
  related_by_group: 'same group',
};

export function relatedStatement(ctx: Ctx, source: Source) {
  return recordStatement(source, `${describe(source)} (${WHY[source.kind] ?? 'related'})`, SUMMARY_FIELDS, ctx.budget);
}

export function evidencePack(ctx: Ctx): OutputOf<'evidence_pack'> {
  const ticketFields = ctx.ticket?.fields ?? [];
  const ticket = ticketFields.map((f) => (ctx.ticket === undefined ? null : fieldStatement(ctx.ticket, f, ctx.number, ctx.budget)));
  const notes = ctx.notes.map((n) => noteStatement(n, ctx.budget));
  const related = ctx.related.map((r) => relatedStatement(ctx, r));
  const ci = ctx.ci === undefined ? [] : ctx.ci.fields.slice(0, 12).map((f) => fieldStatement(ctx.ci as Source, f, `configuration item ${ctx.ci?.ref.ci ?? ''}`.trim(), ctx.budget, 1));
  return {
    kind: 'evidence_pack',
    variant: 'standard',
    sections: sections([
      ['ticket', ticket],
      ['work_notes', notes],
      ['related', related],
      ['configuration_item', ci],
    ]),
    gaps: gapsOf(ctx),
    contradictions: contradictionsOf(ctx),
  };
}

export function summary(ctx: Ctx): OutputOf<'summary'> {
  const t = ctx.ticket;
  const main = t === undefined ? [] : t.fields.filter((f) => f.name === 'short_description' || f.name === 'description').map((f) => fieldStatement(t, f, ctx.number, ctx.budget));
  const state = t === undefined ? [] : t.fields.filter((f) => STATE_FIELDS.test(f.name)).map((f) => fieldStatement(t, f, ctx.number, ctx.budget, 1));
  const recent = ctx.notes.slice(-5).map((n) => noteStatement(n, ctx.budget, 1));
  return {
    kind: 'summary',
    variant: 'standard',
    sections: sections([
      ['summary', [...main, ...state]],
      ['history', recent],
      ['evidence', ctx.related.map((r) => relatedStatement(ctx, r))],
    ]),
    gaps: gapsOf(ctx),
    contradictions: contradictionsOf(ctx),
  };
}

export function historyNote(ctx: Ctx): OutputOf<'history_note'> {
  const t = ctx.ticket;
  // Oldest first: related records by their update time, then the ticket's own notes.
  const related = [...ctx.related].sort((a, b) => (a.at ?? '').localeCompare(b.at ?? '')).map((r) => relatedStatement(ctx, r));
  const notes = ctx.notes.map((n) => noteStatement(n, ctx.budget, 1));
  const state = t === undefined ? [] : t.fields.filter((f) => STATE_FIELDS.test(f.name) || f.name === 'short_description').map((f) => fieldStatement(t, f, ctx.number, ctx.budget, 1));
  return {
    kind: 'history_note',
    variant: 'standard',
    sections: sections([
      ['history', [...related, ...notes]],
      ['current_state', state],
    ]),
    gaps: gapsOf(ctx),
    contradictions: contradictionsOf(ctx),
  };
}
