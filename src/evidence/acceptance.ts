/**
 * Acceptance, per operation and per group: of the hand-offs requested in the
 * period, how many were accepted, rejected, escalated (and still with the
 * escalation target) or expired, the shares, the time from the note to the
 * first decision, and how that moved over the period (by day for a period of
 * up to 31 days, else by week). This is what tells which operations earn a
 * wider rollout and which should be switched off.
 */
import type { Collected, HandoffFacts } from './collect.js';
import type { AcceptanceRow, EvidenceReport, Outcomes } from './report-schema.js';

const DAY = 86_400_000;

type Outcome = keyof Outcomes | 'failed' | 'pending' | 'none';

/** Where a hand-off ended: the last decision, else expiry or failure, else still waiting (or never written). */
export function outcomeOf(f: HandoffFacts): Outcome {
  const last = f.decisions[f.decisions.length - 1];
  if (last?.decision === 'accept') return 'accepted';
  if (last?.decision === 'reject') return 'rejected';
  if (f.expiredAt !== null) return 'expired';
  if (last?.decision === 'escalate') return 'escalated';
  if (f.failedAt !== null) return 'failed';
  return f.writtenAt !== null ? 'pending' : 'none';
}

/** Minutes from the note to the first decision, or null. */
export function minutesToDecision(f: HandoffFacts): number | null {
  const first = f.decisions[0];
  if (!first || f.writtenAt === null) return null;
  return Math.max(0, (Date.parse(first.at) - Date.parse(f.writtenAt)) / 60_000);
}

export function quantile(sorted: readonly number[], q: number): number | null {
  if (sorted.length === 0) return null;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return Math.round(sorted[i]! * 10) / 10;
}

const emptyOutcomes = (): Outcomes => ({ accepted: 0, rejected: 0, escalated: 0, expired: 0 });

function row(key: string, facts: readonly HandoffFacts[], buckets: readonly number[], bucketMs: number): AcceptanceRow {
  const outcomes = emptyOutcomes();
  let failed = 0;
  let pending = 0;
  const minutes: number[] = [];
  const series = buckets.map((start) => ({ start: new Date(start).toISOString(), outcomes: emptyOutcomes(), handoffs: 0 }));
  for (const f of facts) {
    const o = outcomeOf(f);
    const bucket = series[Math.min(series.length - 1, Math.floor((Date.parse(f.requestedAt!) - buckets[0]!) / bucketMs))];
    if (bucket) bucket.handoffs++;
    if (o === 'failed') failed++;
    else if (o === 'pending') pending++;
    else if (o !== 'none') {
      outcomes[o]++;
      if (bucket) bucket.outcomes[o]++;
    }
    const m = minutesToDecision(f);
    if (m !== null) minutes.push(m);
  }
  const decided = outcomes.accepted + outcomes.rejected + outcomes.escalated + outcomes.expired;
  const share = (n: number): number | null => (decided === 0 ? null : Math.round((n / decided) * 1000) / 1000);
  minutes.sort((a, b) => a - b);
  return {
    key,
    handoffs: facts.length,
    outcomes,
    shares: { accepted: share(outcomes.accepted), rejected: share(outcomes.rejected), escalated: share(outcomes.escalated), expired: share(outcomes.expired) },
    failed,
    pending,
    reviewMinutes: { median: quantile(minutes, 0.5), p90: quantile(minutes, 0.9), decided: minutes.length },
    series,
  };
}

export function acceptance(c: Collected): EvidenceReport['acceptance'] {
  const from = c.period.from.getTime();
  const to = c.period.to.getTime();
  const bucket = to - from <= 31 * DAY ? 'day' : 'week';
  const bucketMs = bucket === 'day' ? DAY : 7 * DAY;
  const buckets: number[] = [];
  for (let t = from; t < to; t += bucketMs) buckets.push(t);

  const requested = [...c.handoffs.values()].filter((f) => f.requestedAt !== null && Date.parse(f.requestedAt) >= from && Date.parse(f.requestedAt) < to);
  const grouped = (keyOf: (f: HandoffFacts) => string): AcceptanceRow[] => {
    const by = new Map<string, HandoffFacts[]>();
    for (const f of requested) by.set(keyOf(f), [...(by.get(keyOf(f)) ?? []), f]);
    return [...by.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([key, facts]) => row(key, facts, buckets, bucketMs));
  };
  return {
    bucket,
    buckets: buckets.map((t) => new Date(t).toISOString()),
    overall: row('all operations', requested, buckets, bucketMs),
    byOperation: grouped((f) => f.operation ?? '(unknown operation)'),
    byGroup: grouped((f) => f.group ?? '(no group recorded)'),
  };
}
