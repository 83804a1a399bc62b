/**
 * Comparison against a baseline: each measurement of the ticket beside its
 * baseline and the difference in words ("above it, at least six times"),
 * from two places a baseline can be: the comparison a source itself gives
 * ("81% (baseline about 45%)"), and the figures of a prior resolved ticket
 * on the same configuration item (its resolution notes, when the mapping
 * reads them). A measurement without either is listed as having none, so
 * the reviewer sees what is missing for a comparison; with no resolved
 * ticket on the CI, the output says there is none instead of comparing with
 * anything else.
 */
import { QUOTE_MARK as Q, type Gap, type OutputOf, type Statement } from '../output-schema.js';
import type { Source } from '../sources.js';
import type { Measured } from '../facts/extract.js';
import type { Quantity } from '../facts/quantities.js';
import { byWeight } from '../facts/steer.js';
import { capitalise, said, valueQuote } from './compose.js';
import { contradictionsOf, gapsOf, sections, type Ctx } from './context.js';
import { flagged, identityLine, isOwn, measurementLine, related } from './sections.js';

const RESOLVED_FIELDS = new Set(['close_code', 'close_notes', 'resolved_at', 'closed_at', 'resolution', 'resolution_notes', 'resolved_by']);
/** Display values, or incident's raw 6 (Resolved) and 7 (Closed); raw 3 is On Hold for incidents, so it is not here. */
const RESOLVED_STATE = /^(?:resolved|closed|closed complete|closed incomplete|6|7)$/i;
/** Measures that are the same thing under different names. */
const SAME_MEASURE: readonly RegExp[] = [/latency|rtt|round-trip|ping|response time/i, /loss/i, /cpu/i, /memory|ram/i, /tunnels?/i, /sessions?/i, /ethernet|interface|uplink|upstream/i, /errors?/i];

export function isResolved(source: Source): boolean {
  return source.fields.some((f) => (RESOLVED_FIELDS.has(f.name) && f.value.trim() !== '') || (/(?:^|_)state$/.test(f.name) && (RESOLVED_STATE.test(f.value.trim()) || RESOLVED_STATE.test((f.raw ?? '').trim()))));
}

export function baselineComparison(ctx: Ctx): OutputOf<'baseline_comparison'> {
  const resolved = ctx.related.filter((s) => s.kind === 'related_by_ci').find(isResolved);
  const own = ctx.facts.measurements.filter((m) => isOwn(m.said.source) && !m.reading.people && !m.reading.zero && m.reading.subject !== null && !m.reading.isBaseline);
  const theirs = resolved === undefined ? [] : ctx.facts.measurements.filter((m) => m.said.source.id === resolved.id && m.reading.subject !== null);
  const comparison: (Statement | null)[] = [];
  const without: (Statement | null)[] = [];
  const matched = new Set<Measured>();
  for (const m of byWeight(own, (x) => ctx.weight(x.said))) {
    const other = theirs.find((t) => !matched.has(t) && sameMeasure(m, t) && comparable(m.reading.value, (t.reading.baseline ?? t.reading).value));
    // Against the baseline its own sentence gives, and against the resolved ticket's figure when there is one: both, each cited.
    if (m.reading.baseline !== null) comparison.push(inText(ctx, m));
    if (other !== undefined && resolved !== undefined) {
      matched.add(other);
      comparison.push(against(ctx, m, other, resolved));
    } else if (m.reading.baseline === null) without.push(measurementLine(ctx, m));
  }
  const gaps: Gap[] = [];
  if (resolved === undefined) gaps.push({ kind: 'related_by_ci', text: 'No prior resolved ticket on the same configuration item was found, so there is no baseline ticket to compare against.' });
  else if (theirs.length === 0) gaps.push({ kind: 'related_by_ci', text: 'The resolved ticket on the same configuration item gives no figures in the fields read, so nothing is compared with it.' });
  if (own.length === 0) gaps.push({ kind: 'other', text: 'The sources read give no measurement of the current problem, so nothing is compared.' });
  if (without.length > 0) gaps.push({ kind: 'other', text: 'Some measurements have no baseline in the sources read; they are listed without one.' });
  const unmatched = theirs.filter((t) => !matched.has(t) && !t.reading.period);
  if (unmatched.length > 0) {
    const names = [...new Set(unmatched.map((t) => t.reading.subject ?? ''))].filter((n) => n !== '').slice(0, 6);
    gaps.push({ kind: 'other', text: `No current value in the sources this operation reads for: ${names.join(', ')}.`.slice(0, 200) });
  }
  return {
    kind: 'baseline_comparison',
    variant: 'standard',
    sections: sections([
      ['summary', [identityLine(ctx)]],
      ['baseline', [resolved === undefined ? null : baselineTicket(ctx, resolved), ...unmatched.slice(0, 6).map((t) => measurementLine(ctx, t))]],
      ['comparison', comparison],
      ['without_baseline', without.slice(0, 5)],
      ['related', related(ctx, 2, ctx.related.filter((r) => r !== resolved && r.kind === 'related_by_ci'))],
      ['flagged', flagged(ctx)],
    ]),
    gaps: gapsOf(ctx, gaps),
    contradictions: contradictionsOf(ctx),
  };
}

function sameMeasure(a: Measured, b: Measured): boolean {
  const x = a.reading.subject ?? '';
  const y = b.reading.subject ?? '';
  return SAME_MEASURE.some((p) => p.test(x) && p.test(y));
}

function comparable(a: Quantity, b: Quantity): boolean {
  return a.family === b.family || b.family === 'number' || a.family === 'number';
}

function baselineTicket(ctx: Ctx, r: Source): Statement | null {
  const title = valueQuote(r, 'short_description');
  const state = valueQuote(r, 'state');
  const number = r.ref.number ?? '';
  return said(ctx, `Prior resolved ticket on the same configuration item: ${number} ${Q}${state === null ? '' : ` (${Q})`}`, [r.id], [title, state], () => null);
}

/** "Data-plane CPU: now 81%; baseline about 45%; above it, nearly twice". */
function inText(ctx: Ctx, m: Measured): Statement | null {
  const r = m.reading;
  const base = r.baseline;
  if (base === null) return measurementLine(ctx, m);
  const text = `${capitalise(r.subject ?? '')}: now ${valueOf(m)}; ${base.text}; ${difference(r.value, base.value)}`;
  return said(ctx, text, m.sources, [], () => measurementLine(ctx, m));
}

/** "Round-trip latency: now 400 to 900 ms; on INC0001987 median RTT 38 ms; above it, at least ten times". */
function against(ctx: Ctx, m: Measured, other: Measured, resolved: Source): Statement | null {
  const value = (other.reading.baseline ?? other.reading).value;
  const text = `${capitalise(m.reading.subject ?? '')}: now ${valueOf(m)}; on ${resolved.ref.number ?? 'the resolved ticket'} ${other.reading.subject ?? ''} ${[other.reading.qualifier, value.text].filter(Boolean).join(' ')}; ${difference(m.reading.value, value)}`;
  return said(ctx, text, [...m.sources, other.said.source.id], [], () => measurementLine(ctx, m));
}

function valueOf(m: Measured): string {
  const r = m.reading;
  return r.value.family === 'count' ? [r.qualifier, r.value.amount].filter(Boolean).join(' ') : [r.qualifier, r.value.text].filter(Boolean).join(' ');
}

const WORDS = ['', 'once', 'twice', 'three times', 'four times', 'five times', 'six times', 'seven times', 'eight times', 'nine times', 'ten times'];

/** The difference in words, so no number appears that the sources do not hold. */
export function difference(now: Quantity, base: Quantity): string {
  if (now.family !== 'number' && base.family !== 'number' && now.family !== 'count' && now.unit.toLowerCase() !== base.unit.toLowerCase()) return 'not comparable as written (different units)';
  if (now.low > base.high) {
    const ratio = now.low / Math.max(base.high, Number.EPSILON);
    if (!Number.isFinite(ratio) || ratio > 10) return 'more than ten times the baseline';
    if (ratio >= 2) return `at least ${WORDS[Math.floor(ratio)] ?? 'ten times'} the baseline`;
    if (ratio >= 1.5) return 'more than one and a half times the baseline';
    return ratio >= 1.2 ? 'well above the baseline' : 'slightly above the baseline';
  }
  if (now.high < base.low) {
    const ratio = base.low / Math.max(now.high, Number.EPSILON);
    return ratio >= 2 ? 'below the baseline, less than half of it' : ratio >= 1.2 ? 'well below the baseline' : 'slightly below the baseline';
  }
  return 'within the baseline range';
}
