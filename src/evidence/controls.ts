/**
 * The five controls' evidence over a period, from the collected events and
 * the chain check: for each, whether it operated, the figures that show it,
 * a few example hand-offs (ids and ticket numbers, no ticket text), and every
 * gap (an event type never seen, the chain failing, no data, data older than
 * what is retained, a fact the events of the time did not record). A gap is
 * never hidden: a control with thin evidence says so.
 */
import type { VerifyResult } from '../handoff/audit-verify.js';
import { minutesToDecision, outcomeOf, quantile } from './acceptance.js';
import type { Collected, Tally } from './collect.js';
import type { ControlId, ControlMap } from './control-map.js';
import type { Breakdown, ControlReport, ControlStatus, Example, Figure, Gap } from './report-schema.js';

const DAY = 86_400_000;
/** Six months, the EU AI Act Art. 26(6) minimum, counted as 183 days. */
export const SIX_MONTHS_DAYS = 183;

type Computed = Pick<ControlReport, 'status' | 'summary' | 'figures' | 'breakdowns' | 'examples' | 'gaps'>;

const figure = (id: string, label: string, value: Figure['value'], unit: Figure['unit']): Figure => ({ id, label, value, unit });
const breakdown = (id: string, label: string, counts: Tally): Breakdown => ({ id, label, counts: { ...counts } });
const sum = (t: Tally): number => Object.values(t).reduce((a, b) => a + b, 0);
const share = (n: number, of: number): number | null => (of === 0 ? null : Math.round((n / of) * 1000) / 1000);
const inPeriod = (c: Collected, at: string | null): boolean => at !== null && Date.parse(at) >= c.period.from.getTime() && Date.parse(at) < c.period.to.getTime();

export interface ControlInputs {
  readonly collected: Collected;
  readonly verify: VerifyResult;
  readonly map: ControlMap;
  readonly now: Date;
}

function missingTypes(control: ControlId, c: Collected, map: ControlMap): Gap[] {
  const wanted = map.controls.find((x) => x.id === control)?.events ?? [];
  const seen = (type: string): boolean => (c.inPeriod.byType[type] ?? 0) > 0 || (type === 'class_lowered' && c.inPeriod.classLowered > 0);
  return wanted
    .filter((type) => !seen(type))
    .map((type) => ({ kind: 'missing_event_type' as const, control, message: `no '${type}' event in the period: ${type === 'reload' || type === 'class_lowered' ? 'no data (none happened, or this version does not record them)' : 'the evidence for this step is missing for the period'}` }));
}

function logging({ collected: c, verify: v, map }: ControlInputs): Computed {
  const p = c.inPeriod;
  const requested = p.byType.requested ?? 0;
  const gaps = missingTypes('logging', c, map);
  if (!v.ok) gaps.push({ kind: 'chain', control: 'logging', message: `the audit chain does not verify: ${v.problem?.kind}: ${v.problem?.message}` });
  else if (v.checkpoints.latest === null) gaps.push({ kind: 'chain', control: 'logging', message: 'the chain verifies under the audit key but no checkpoint anchors it: a cut or wiped ledger could not be told apart' });
  const complete = [...c.handoffs.values()].filter((f) => inPeriod(c, f.requestedAt) && f.writtenAt !== null).slice(0, 3);
  const status: ControlStatus = !v.ok ? 'failed' : p.events === 0 ? 'no_data' : 'operated';
  return {
    status,
    summary:
      status === 'failed'
        ? `The ledger holds ${p.events} events for the period, but its chain does not verify, so it is not evidence until the break is explained.`
        : status === 'no_data'
          ? 'No event was logged in the period.'
          : `${p.events} events logged for ${requested} hand-off requests; ${Math.round((share(p.withActor, p.events) ?? 0) * 100)}% name an actor, ${Math.round((share(p.withPolicyVersion, p.events) ?? 0) * 100)}% a policy version; the chain verifies over all ${v.events} retrievable events.`,
    figures: [
      figure('events', 'Events logged in the period', p.events, 'count'),
      figure('requests', 'Hand-off requests', requested, 'count'),
      figure('with_actor', 'Events naming an actor', share(p.withActor, p.events), 'share'),
      figure('with_policy_version', 'Events naming the policy version', share(p.withPolicyVersion, p.events), 'share'),
      figure('with_digests', 'Events that carry their input or output digest (of the types that record one)', share(p.digestPresent, p.digestExpected), 'share'),
      figure('chain_verified', 'Chain verified (keys, links, indexes, checkpoints)', v.ok, 'flag'),
      figure('checkpoints', 'Checkpoints found outside Redis', v.checkpoints.found, 'count'),
      figure('unanchored', 'Events after the latest checkpoint', v.checkpoints.unanchored, 'count'),
    ],
    breakdowns: [breakdown('events_by_type', 'Events by type', p.byType)],
    examples: complete.map((f) => ({ handoff: f.id, ticket: f.ticket, what: `requested, executed and written (${f.operation ?? 'operation not recorded'})` })),
    gaps,
  };
}

function oversight({ collected: c, map }: ControlInputs): Computed {
  const p = c.inPeriod;
  const all = [...c.handoffs.values()];
  const written = all.filter((f) => inPeriod(c, f.writtenAt));
  const decisions = all.flatMap((f) => f.decisions.filter((d) => inPeriod(c, d.at)).map((d) => ({ f, d })));
  const byDecision: Tally = {};
  for (const { d } of decisions) byDecision[d.decision] = (byDecision[d.decision] ?? 0) + 1;
  const approvals = decisions.filter(({ f, d }) => d.decision === 'accept' && f.approvalRequired === true);
  const selfApprovals = approvals.filter(({ f, d }) => d.reviewer !== null && d.reviewer === f.requester);
  const unattributed = decisions.filter(({ d }) => d.reviewer === null);
  const expired = all.filter((f) => inPeriod(c, f.expiredAt));
  const endedWritten = written.map(outcomeOf);
  const reviewedOrExpired = endedWritten.filter((o) => o !== 'pending').length;
  // Once per hand-off: from its note to its first decision, when that decision fell in the period.
  const minutes = all.filter((f) => inPeriod(c, f.decisions[0]?.at ?? null)).map(minutesToDecision).filter((m): m is number => m !== null).sort((a, b) => a - b);
  const switchRefusals: Tally = {};
  for (const [rule, n] of Object.entries(p.refusalsByRule)) if (rule.startsWith('forbid.switch.')) switchRefusals[rule] = n;

  const gaps = missingTypes('oversight', c, map);
  if (sum(switchRefusals) === 0) gaps.push({ kind: 'no_data', control: 'oversight', message: 'no request was refused by a kill switch in the period: whether a switch was used is not shown by this ledger (operations a switch blocked are shown blocked in the panel, and nobody requests them)' });
  const failedNow = selfApprovals.length > 0 || unattributed.length > 0;
  const status: ControlStatus = failedNow ? 'failed' : decisions.length + expired.length === 0 ? 'no_data' : 'operated';
  return {
    status,
    summary: failedNow
      ? `${selfApprovals.length} approval(s) by the requester and ${unattributed.length} decision(s) without a reviewer: oversight did not hold.`
      : status === 'no_data'
        ? `${written.length} outputs written in the period, and no review decision nor expiry in it: no evidence that oversight operated.`
        : `${written.length} outputs written in the period: ${reviewedOrExpired} reviewed or expired, ${written.length - reviewedOrExpired} still awaiting review; ${decisions.length} decisions, ${approvals.length} approvals of approval-bound outputs, none by the requester; nothing approved by default.`,
    figures: [
      figure('outputs_written', 'Outputs written (or recorded in shadow mode)', written.length, 'count'),
      figure('reviewed_or_expired', 'Of those, reviewed or expired by now', reviewedOrExpired, 'count'),
      figure('still_waiting', 'Of those, still awaiting review', written.length - reviewedOrExpired, 'count'),
      figure('decisions', 'Review decisions in the period', decisions.length, 'count'),
      figure('approvals_required', 'Approvals of approval-bound outputs', approvals.length, 'count'),
      figure('self_approvals', 'Approvals by the requester', selfApprovals.length, 'count'),
      figure('approved_by_default', 'Outputs approved without a reviewer', unattributed.length, 'count'),
      figure('expired', 'Outputs expired unreviewed', expired.length, 'count'),
      figure('review_refused', 'Review attempts refused (wrong person, self-approval, stale)', sum(p.reviewRefusalsByCode), 'count'),
      figure('minutes_median', 'Time to first decision, median', quantile(minutes, 0.5), 'minutes'),
      figure('minutes_p90', 'Time to first decision, 90th percentile', quantile(minutes, 0.9), 'minutes'),
      figure('switch_refusals', 'Requests refused by a kill switch', sum(switchRefusals), 'count'),
    ],
    breakdowns: [
      breakdown('decisions_by_kind', 'Decisions by kind', byDecision),
      breakdown('review_refusals_by_code', 'Refused review attempts by reason', p.reviewRefusalsByCode),
      breakdown('kill_switch_refusals', 'Requests refused by each kill switch', switchRefusals),
    ],
    examples: decisions.slice(0, 3).map(({ f, d }) => ({ handoff: f.id, ticket: f.ticket, what: `${d.decision} by ${d.reviewer ?? 'no reviewer'}${d.afterEscalation ? ' after an escalation' : ''}${f.approvalRequired ? ' (approval required)' : ''}` })),
    gaps,
  };
}

function scope({ collected: c, map }: ControlInputs): Computed {
  const p = c.inPeriod;
  const gaps = missingTypes('scope', c, map);
  if (p.withheldByReason === null) gaps.push({ kind: 'no_data', control: 'scope', message: "no event records records withheld by the read boundary ('withheld' details): no data on sources withheld in the period" });
  const unrecorded = Object.values(p.classesByProvider).reduce((n, t) => n + (t.unrecorded ?? 0), 0);
  if (unrecorded > 0) gaps.push({ kind: 'not_recorded', control: 'scope', message: `${unrecorded} executed hand-off(s) have no data class recorded (requested before the ledger recorded it)` });
  const classes: Breakdown[] = Object.entries(p.classesByProvider).map(([kind, t]) => breakdown(`classes_to_${kind}`, `Records handed to the ${kind} provider, by data class`, t));
  const activity = sum(p.refusalsByCode) + (p.byType.executed ?? 0) + (p.byType.guarded ?? 0);
  return {
    status: activity === 0 ? 'no_data' : 'operated',
    summary:
      activity === 0
        ? 'No request was taken, refused or checked in the period.'
        : `${sum(p.refusalsByCode)} requests refused with their reason, ${p.byType.executed ?? 0} runs within scope, ${sum(p.guardRejectionsByKind)} outputs rejected by the guard, ${sum(p.maskedByKind)} secret values masked before any provider saw them${p.withheldByReason === null ? '' : `, ${sum(p.withheldByReason)} records withheld by the read boundary`}.`,
    figures: [
      figure('refusals', 'Requests refused', sum(p.refusalsByCode), 'count'),
      figure('executed', 'Runs within scope', p.byType.executed ?? 0, 'count'),
      figure('guard_rejections', 'Outputs rejected by the output guard', sum(p.guardRejectionsByKind), 'count'),
      figure('masked', 'Secret values masked (by kind, never the values)', sum(p.maskedByKind), 'count'),
      figure('withheld', 'Records withheld by the read boundary', p.withheldByReason === null ? null : sum(p.withheldByReason), 'count'),
      figure('class_lowered', 'Data classifications lowered (hand-off refused for a cool-down)', p.classLowered, 'count'),
    ],
    breakdowns: [
      breakdown('refusals_by_reason', 'Refusals by reason', p.refusalsByCode),
      breakdown('refusals_by_rule', 'Refusals by policy rule', p.refusalsByRule),
      breakdown('guard_rejections_by_rule', 'Guard rejections by rule', p.guardRejectionsByKind),
      breakdown('masked_by_kind', 'Masked values by kind', p.maskedByKind),
      ...(p.withheldByReason === null ? [] : [breakdown('withheld_by_reason', 'Withheld records by reason', p.withheldByReason)]),
      ...classes,
    ],
    examples: p.refusalExamples.map((r): Example => ({ handoff: null, ticket: r.ticket, what: `request refused: ${r.code}` })),
    gaps,
  };
}

function retention({ collected: c, verify: v, now }: ControlInputs): Computed {
  const oldest = c.oldest;
  const gaps: Gap[] = [];
  if (oldest === null) {
    return { status: 'no_data', summary: 'The ledger holds no retrievable event.', figures: [figure('oldest', 'Oldest retrievable event', null, 'date')], breakdowns: [], examples: [], gaps: [{ kind: 'retention', control: 'retention', message: 'no event is retrievable' }] };
  }
  const ageDays = Math.floor((now.getTime() - Date.parse(oldest.at)) / DAY);
  const covered = ageDays >= SIX_MONTHS_DAYS;
  const complete = oldest.seq === 1;
  if (Date.parse(oldest.at) > c.period.from.getTime()) {
    gaps.push({ kind: 'retention', control: 'retention', message: `the period starts ${c.period.from.toISOString().slice(0, 10)}, before the oldest retrievable event (${oldest.at.slice(0, 10)}, seq ${oldest.seq}): ${complete ? 'the ledger began then, so nothing earlier exists' : 'earlier events are not retrievable'}` });
  }
  if (!covered && !complete) gaps.push({ kind: 'retention', control: 'retention', message: `only ${ageDays} days are retrievable and the oldest event is seq ${oldest.seq}, not 1: events were lost or rotated without an archive` });
  const status: ControlStatus = covered || complete ? 'operated' : 'failed';
  return {
    status,
    summary: covered
      ? `Events are retrievable back to ${oldest.at.slice(0, 10)} (${ageDays} days): six months are covered.`
      : complete
        ? `The ledger began ${oldest.at.slice(0, 10)} (${ageDays} days ago) and every event since is retrievable; six months will be covered on ${new Date(Date.parse(oldest.at) + SIX_MONTHS_DAYS * DAY).toISOString().slice(0, 10)}.`
        : `Only ${ageDays} days are retrievable: six months are not covered.`,
    figures: [
      figure('oldest', 'Oldest retrievable event', oldest.at, 'date'),
      figure('retrievable_days', 'Days retrievable', ageDays, 'count'),
      figure('six_months', 'Six months covered', covered, 'flag'),
      figure('complete_since_start', 'Every event since the ledger began is retrievable', complete, 'flag'),
      figure('archived', 'Events in archived segments', v.rotated, 'count'),
      figure('segments', 'Archived segments', v.segments, 'count'),
    ],
    breakdowns: [],
    examples: [],
    gaps,
  };
}

function policy({ collected: c, map }: ControlInputs): Computed {
  const gaps = missingTypes('policy', c, map);
  const inForce = [...c.versions.entries()].filter(([, v]) => v.inPeriod > 0 || (Date.parse(v.firstSeen) < c.period.from.getTime() && Date.parse(v.lastSeen) >= c.period.from.getTime()));
  return {
    status: inForce.length === 0 ? 'no_data' : 'operated',
    summary: inForce.length === 0 ? 'No event in the period names a policy version.' : `${inForce.length} policy version(s) in force over the period; ${c.reloads.length} reload(s) recorded.`,
    figures: [figure('versions', 'Policy versions in force', inForce.length, 'count'), figure('reloads', 'Reloads of the runtime configuration', c.reloads.length, 'count')],
    breakdowns: [breakdown('events_by_version', 'Events in the period by policy version', Object.fromEntries(inForce.map(([k, v]) => [k, v.inPeriod])))],
    examples: [],
    gaps,
  };
}

const COMPUTE: Record<ControlId, (inputs: ControlInputs) => Computed> = { logging, oversight, scope, retention, policy };

export function controlReports(inputs: ControlInputs): ControlReport[] {
  const { map } = inputs;
  return map.controls.map((control) => ({
    id: control.id,
    title: control.title,
    description: control.description,
    clauses: control.clauses.map((cl) => ({ framework: cl.framework, frameworkTitle: map.frameworks[cl.framework]?.title ?? cl.framework, ref: cl.ref, title: cl.title })),
    ...COMPUTE[control.id](inputs),
  }));
}
