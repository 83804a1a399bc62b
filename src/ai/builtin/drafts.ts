/**
 * Drafts, each in the shape its reader expects (output-schema.ts,
 * `DOCUMENT_SHAPES`): a vendor escalation packet an engineer could forward
 * after light edits (subject, affected service and CI, symptoms and impact,
 * measurements against baseline, what was already checked, the ask,
 * references); a status update; a trade-off brief; a dependency summary; a
 * review summary. Factual, source-grounded sentences only (the seed: "Only
 * factual, source-grounded content may be drafted"); where the sources say
 * nothing for a section, the draft says so as a gap.
 */
import { QUOTE_MARK as Q, type Gap, type OutputOf, type Statement } from '../output-schema.js';
import { byWeight } from '../facts/steer.js';
import { said, valueQuote } from './compose.js';
import { contradictionsOf, gapsOf, sections, type Ctx } from './context.js';
import { decisionLine } from './decision.js';
import { reviewSections } from './evidence.js';
import { bestOfNote, authored, ciDescription, ciLine, flagged, identityLine, impact, isOwn, leadMeasurement, measurementLine, measurements, references, related, tagged } from './sections.js';
import { variantFor } from './variant.js';

export { ROLE_LABELS } from '../render/labels.js';

type Entries = readonly (readonly [OutputOf<'draft'>['sections'][number]['heading'], readonly (Statement | null)[]])[];

export function draft(ctx: Ctx): OutputOf<'draft'> {
  const variant = variantFor(ctx.input.operation) as OutputOf<'draft'>['variant'];
  const missing: Gap[] = [];
  const need = (what: string, found: readonly Statement[]): readonly Statement[] => {
    if (found.length === 0) missing.push({ kind: 'other', text: `The sources state no ${what}; this draft does not supply any.` });
    return found;
  };
  const out = (entries: Entries): OutputOf<'draft'> => ({ kind: 'draft', variant, sections: sections(entries), gaps: gapsOf(ctx, missing), contradictions: contradictionsOf(ctx) });

  switch (variant) {
    case 'vendor_escalation':
      return out([
        ['subject', [subjectLine(ctx)]],
        ['affected', [ciLine(ctx), ciDescription(ctx), stateLine(ctx)]],
        ['symptoms', [sinceLine(ctx), ...impact(ctx, 4)]],
        ['measurements', need('measurement', measurements(ctx, 7).statements)],
        ['checked', tagged(ctx, ['checked'], 4, { author: true, exclude: ['next'] })],
        ['ask', [askLine(ctx), ...tagged(ctx, ['suspected'], 2, { author: true })]],
        ['references', [...references(ctx, 3, () => true), ...related(ctx, 2, ctx.related.filter((r) => r.kind === 'related_by_ci'))]],
        ['flagged', flagged(ctx)],
      ]);
    case 'status_update':
      return out([
        ['impact', need('impact', impact(ctx, 3))],
        ['current_state', [identityLine(ctx), latestNote(ctx)]],
        ['actions', tagged(ctx, ['next', 'checked', 'decision'], 3, { author: true })],
        ['next_update', [nextUpdate(ctx, missing)]],
        ['flagged', flagged(ctx)],
      ]);
    case 'review_summary':
      return out(reviewSections(ctx, missing));
    case 'tradeoff_brief':
      return out([
        ['context', [identityLine(ctx), ...tagged(ctx, ['effort', 'impact', 'access', 'option', 'dependency', 'symptom'], 2, { from: (s) => s.kind === 'ticket_fields' })]],
        ['options', need('options', tagged(ctx, ['option'], 3, { author: true, exclude: ['decision'] }))],
        ['trade_offs', need('trade-offs', tagged(ctx, ['effort'], 3, { author: true }))],
        ['dependencies', tagged(ctx, ['dependency'], 4, { author: true, from: () => true })],
        ['risks', tagged(ctx, ['risk'], 3, { author: true })],
        ['decision_needed', [decisionLine(ctx), ...tagged(ctx, ['decision'], 2, { author: true })]],
        ['references', references(ctx, 2, () => true)],
        ['flagged', flagged(ctx)],
      ]);
    case 'dependency_summary':
      return out([
        ['context', [identityLine(ctx)]],
        ['dependencies', need('dependencies', tagged(ctx, ['dependency'], 6, { author: true, from: () => true }))],
        ['risks', tagged(ctx, ['risk'], 3, { author: true, from: () => true })],
        ['references', related(ctx, 3)],
        ['flagged', flagged(ctx)],
      ]);
  }
}

/** "INC0002041 “Remote access latency” on “VPN Gateway EU-West”: Round-trip latency 400 to 900 ms; up from the usual 30 to 60 ms". */
function subjectLine(ctx: Ctx): Statement | null {
  const t = ctx.ticket;
  if (t === undefined) return null;
  const title = valueQuote(t, 'short_description');
  const ci = valueQuote(t, 'cmdb_ci.name');
  // A subject line names the problem whatever the operator's note asks to see first.
  const lead = leadMeasurement(ctx, false);
  const measure = lead === undefined ? null : measurementLine(ctx, lead);
  const head = `${ctx.number}${title === null ? '' : ` ${Q}`}${ci === null ? '' : ` on ${Q}`}`;
  const quotes = [title, ci];
  if (measure !== null && measure.quotes.length === 0) {
    const phrase = measure.text.replace(/^([^:]+):/, '$1');
    const lowered = /^\p{Lu}\p{Ll}/u.test(phrase) ? phrase.charAt(0).toLowerCase() + phrase.slice(1) : phrase;
    const withMeasure = said(ctx, `${head}: ${lowered}`, [t.id, ...measure.sources], quotes, () => null);
    if (withMeasure !== null) return withMeasure;
  }
  return said(ctx, head, [t.id], quotes, () => null);
}

/** State and priority as the form shows them. */
function stateLine(ctx: Ctx): Statement | null {
  const t = ctx.ticket;
  const state = valueQuote(t, 'state');
  const priority = valueQuote(t, 'priority');
  if (t === undefined || (state === null && priority === null)) return null;
  const text = [state === null ? null : `State ${Q}`, priority === null ? null : `priority ${Q}`].filter((p) => p !== null).join(', ');
  return said(ctx, `${text} on ${ctx.number}`, [t.id], [state, priority], () => null);
}

/** Since when: the earliest time the ticket's sources give for the start ("since about 08:10 UTC"). */
function sinceLine(ctx: Ctx): Statement | null {
  // A start stated with the symptom, the ticket's own words first ("latency since about 08:10 UTC"), never a "no loss since …".
  const starts = ctx.facts.timeline.filter(
    (e) => e.time !== null && e.said !== null && isOwn(e.source) && (e.said.tags.has('symptom') || e.said.tags.has('impact')) && !e.said.readings.some((r) => r.zero) && /\b(?:since|started|began|starting|from)\s+(?:about\s+|around\s+)?$/i.test(e.said.field.value.slice(Math.max(0, e.time.start - 20), e.time.start)),
  );
  const start = starts.find((e) => e.source.kind === 'ticket_fields') ?? starts[0];
  if (start === undefined || start.time === null) return null;
  const reported = ctx.facts.timeline.find((e) => e.time !== null && e.said !== null && isOwn(e.source) && /first reported|reported by/i.test(e.said.span.text));
  const text = reported === undefined || reported.time === null || reported === start ? `Since ${start.time.text}` : `Since ${start.time.text}; first reported at ${reported.time.text}`;
  return said(ctx, text, [...new Set([start.source.id, ...(reported === undefined ? [] : [reported.source.id])])], [], () => null);
}

/** The ask: review and advise, on the CI and the ticket; it sends nothing. */
function askLine(ctx: Ctx): Statement | null {
  const t = ctx.ticket;
  if (t === undefined) return null;
  const ci = valueQuote(ctx.ci ?? t, ctx.ci === undefined ? 'cmdb_ci.name' : 'name');
  const on = ci === null ? ctx.number : `${Q} (${ctx.number})`;
  return said(ctx, `Please review the symptoms and measurements above for ${on} and advise on the cause and the next diagnostic steps.`, [t.id, ...(ci === null ? [] : [ci.source])], [ci], () => null);
}

/** The latest work note, its most telling sentence under its author and time. */
function latestNote(ctx: Ctx): Statement | null {
  const note = ctx.notes.at(-1);
  if (note === undefined) return null;
  const best = bestOfNote(ctx, note);
  return best === null ? null : authored(ctx, best, `Latest note, ${(note.at ?? '').slice(0, 16)} `);
}

/** When the next update is due, if a source says. */
function nextUpdate(ctx: Ctx, missing: Gap[]): Statement | null {
  const found = byWeight(
    ctx.facts.said.filter((s) => isOwn(s.source) && /\bnext update\b|\bupdate (?:at|by|before)\b/i.test(s.span.text)),
    (s) => -s.order,
  )[0];
  if (found === undefined) {
    missing.push({ kind: 'other', text: 'The sources give no time for the next update; set one before sending.' });
    return null;
  }
  return authored(ctx, found);
}
