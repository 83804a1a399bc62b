/**
 * Comparison against a baseline: the current ticket against a prior resolved
 * ticket on the same configuration item. What differs is stated quoting both
 * values and citing both tickets; with no resolved ticket on the CI, the
 * output says there is no baseline instead of comparing with anything else.
 */
import type { OutputOf, Statement } from '../output-schema.js';
import type { Source } from '../sources.js';
import { comparable } from '../text/unicode.js';
import { chunks, fieldStatement, recordStatement, statement, SUMMARY_FIELDS } from './compose.js';
import { contradictionsOf, gapsOf, sections, type Ctx } from './context.js';
import { factsOf, type Fact } from './facts.js';

const RESOLVED_FIELDS = new Set(['close_code', 'close_notes', 'resolved_at', 'closed_at', 'resolution', 'resolution_notes', 'resolved_by']);
/** Display values, or incident's raw 6 (Resolved) and 7 (Closed); raw 3 is On Hold for incidents, so it is not here. */
const RESOLVED_STATE = /^(?:resolved|closed|closed complete|closed incomplete|6|7)$/i;
/** Facts that identify a record rather than describe it: never "differences". */
const IDENTITY = /^(?:number|sys id|short description|description|opened|opened at|created|updated|sys updated on|caller|caller id|assigned to)$/;

export function isResolved(source: Source): boolean {
  return source.fields.some((f) => (RESOLVED_FIELDS.has(f.name) && f.value.trim() !== '') || (/(?:^|_)state$/.test(f.name) && RESOLVED_STATE.test(f.value.trim())));
}

export function baselineComparison(ctx: Ctx): OutputOf<'baseline_comparison'> {
  const baseline = ctx.related.filter((s) => s.kind === 'related_by_ci').find(isResolved);
  const current = ctx.ticket === undefined ? [] : ctx.ticket.fields.filter((f) => f.name === 'short_description').map((f) => fieldStatement(ctx.ticket as Source, f, ctx.number, ctx.budget, 1));
  if (baseline === undefined) {
    return {
      kind: 'baseline_comparison',
      variant: 'standard',
      sections: sections([['observations', current]]),
      gaps: gapsOf(ctx, [{ kind: 'related_by_ci', text: 'No prior resolved ticket on the same configuration item was found, so there is no baseline to compare against.' }]),
      contradictions: contradictionsOf(ctx),
    };
  }
  const base = baseline.ref.number ?? 'the baseline ticket';
  const intro = recordStatement(baseline, `Baseline: related ticket ${base}, a prior resolved ticket on the same configuration item,`, SUMMARY_FIELDS, ctx.budget);
  const mine = [...(ctx.ticket === undefined ? [] : factsOf(ctx.ticket)), ...ctx.notes.flatMap(factsOf)];
  const theirs = new Map<string, Fact>();
  for (const fact of factsOf(baseline)) if (!theirs.has(fact.key)) theirs.set(fact.key, fact);
  const differences: Statement[] = [];
  const similarities: Statement[] = [];
  const seen = new Set<string>();
  for (const fact of mine) {
    const other = theirs.get(fact.key);
    if (other === undefined || seen.has(fact.key) || IDENTITY.test(fact.key)) continue;
    seen.add(fact.key);
    const room = ctx.budget.take(fact.value.length + other.value.length + 100);
    if (room < 100) break;
    const q = (f: Fact) => ({ source: f.source.id, text: chunks(f.value, 1, 150).parts[0] ?? f.value.slice(0, 150) });
    if (comparable(fact.value) === comparable(other.value)) {
      similarities.push(statement(`The ${fact.label} is the same on ${ctx.number} and ${base}:`, [fact.source.id, other.source.id], [q(fact)]));
    } else {
      differences.push(statement(`The ${fact.label} differs: ${ctx.number} first, then ${base}:`, [fact.source.id, other.source.id], [q(fact), q(other)]));
    }
  }
  const extra = differences.length === 0 && similarities.length === 0
    ? [{ kind: 'other' as const, text: 'The current ticket and the baseline share no labelled fields to compare.' }]
    : [];
  return {
    kind: 'baseline_comparison',
    variant: 'standard',
    sections: sections([
      ['baseline', [intro]],
      ['differences', differences],
      ['similarities', similarities],
      ['observations', current],
    ]),
    gaps: gapsOf(ctx, extra),
    contradictions: contradictionsOf(ctx),
  };
}
