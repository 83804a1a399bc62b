/**
 * Evidence packs, summaries and history notes. An evidence pack reads like
 * one: the ticket in three lines, then the facts by theme (measurements
 * against their baselines, who is affected, references, the configuration
 * item), a timeline, related tickets; gaps and contradictions are reported
 * with every output. Nothing is inferred.
 */
import type { Gap, OutputOf, Statement } from '../output-schema.js';
import type { Measured } from '../facts/extract.js';
import { contradictionsOf, gapsOf, sections, type Ctx } from './context.js';
import { decisionLine } from './decision.js';
import { ciLine, flagged, identityLine, impact, isOwn, leadMeasurement, measurementLine, measurements, references, related, tagged, timeline } from './sections.js';
import { variantFor } from './variant.js';

/** The ticket in three lines: what it is, the measurement that matters most, who is affected. */
export function summaryLines(ctx: Ctx): { lines: (Statement | null)[]; lead: ReturnType<typeof leadMeasurement> } {
  const lead = leadMeasurement(ctx);
  const second = lead === undefined ? (tagged(ctx, ['symptom', 'impact', 'access', 'option', 'dependency'], 1, { from: (s) => s.kind === 'ticket_fields' })[0] ?? null) : measurementLine(ctx, lead);
  return { lines: [identityLine(ctx), second, impact(ctx, 1)[0] ?? null], lead };
}

export function evidencePack(ctx: Ctx): OutputOf<'evidence_pack'> {
  const summary = summaryLines(ctx);
  const measured = measurements(ctx, 6, new Set(summary.lead === undefined ? [] : [summary.lead]));
  return {
    kind: 'evidence_pack',
    variant: 'standard',
    sections: sections([
      ['summary', summary.lines],
      ['measurements', measured.statements],
      ['impact', impact(ctx, 2)],
      ['references', references(ctx, 2)],
      ['configuration_item', [ciLine(ctx)]],
      ['timeline', timeline(ctx, 6)],
      ['related', related(ctx, 2)],
      ['flagged', flagged(ctx)],
    ]),
    gaps: gapsOf(ctx),
    contradictions: contradictionsOf(ctx),
  };
}

export function summary(ctx: Ctx): OutputOf<'summary'> {
  const variant = variantFor(ctx.input.operation) as OutputOf<'summary'>['variant'];
  const missing: Gap[] = [];
  const entries = variant === 'review_summary' ? reviewSections(ctx, missing) : variant === 'dependency_summary' ? dependencySections(ctx, missing) : standardSections(ctx);
  return { kind: 'summary', variant, sections: sections(entries), gaps: gapsOf(ctx, missing), contradictions: contradictionsOf(ctx) };
}

type Entry<H extends string> = readonly [H, readonly (Statement | null)[]];

function facts(ctx: Ctx, lead: Measured | undefined): Statement[] {
  return [...measurements(ctx, 5, new Set(lead === undefined ? [] : [lead])).statements, ...references(ctx, 2)];
}

function standardSections(ctx: Ctx): Entry<'summary' | 'facts' | 'history' | 'related' | 'flagged'>[] {
  const head = summaryLines(ctx);
  return [
    ['summary', head.lines],
    ['facts', facts(ctx, head.lead)],
    ['history', timeline(ctx, 6)],
    ['related', related(ctx, 3)],
    ['flagged', flagged(ctx)],
  ];
}

/** What an approver reads before deciding: the facts, the history, the risks, and whose decision it is. Shared by the draft and summary forms. */
export function reviewSections(ctx: Ctx, missing: Gap[]): Entry<'summary' | 'facts' | 'history' | 'risks' | 'decision_needed' | 'flagged'>[] {
  const head = summaryLines(ctx);
  const risks = tagged(ctx, ['risk'], 3, { author: true, exclude: ['decision'] });
  if (risks.length === 0) missing.push({ kind: 'other', text: 'The sources name no risk; this summary does not supply any.' });
  return [
    ['summary', head.lines],
    ['facts', facts(ctx, head.lead)],
    ['history', timeline(ctx, 5)],
    ['risks', risks],
    ['decision_needed', [decisionLine(ctx), ...tagged(ctx, ['decision'], 2, { author: true })]],
    ['flagged', flagged(ctx)],
  ];
}

function dependencySections(ctx: Ctx, missing: Gap[]): Entry<'summary' | 'dependencies' | 'related' | 'risks' | 'flagged'>[] {
  const deps = tagged(ctx, ['dependency'], 6, { author: true, from: () => true });
  if (deps.length === 0) missing.push({ kind: 'other', text: 'The sources state no dependency; this summary does not supply any.' });
  return [
    ['summary', summaryLines(ctx).lines],
    ['dependencies', deps],
    ['related', related(ctx, 4, ctx.related, { describe: true })],
    ['risks', tagged(ctx, ['risk'], 3, { author: true, from: () => true })],
    ['flagged', flagged(ctx)],
  ];
}

export function historyNote(ctx: Ctx): OutputOf<'history_note'> {
  const state = identityLine(ctx);
  return {
    kind: 'history_note',
    variant: 'standard',
    sections: sections([
      ['history', timeline(ctx, 10)],
      ['current_state', [state]],
      ['next_steps', tagged(ctx, ['next'], 3, { author: true, from: isOwn })],
      ['flagged', flagged(ctx)],
    ]),
    gaps: gapsOf(ctx),
    contradictions: contradictionsOf(ctx),
  };
}
