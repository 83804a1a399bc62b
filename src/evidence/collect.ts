/**
 * One pass over the ledger for the evidence report: per hand-off facts (over
 * the whole ledger, since a hand-off requested before the period may be
 * decided in it) and tallies of the events inside the period. Pure: it takes
 * the events and the period, and does no I/O.
 *
 * Event types and details that other parts add are read by name, and only
 * when present: `details.boundary.withheld` or `details.withheld` (records
 * the read boundary withheld, by reason), `class_lowered` (or
 * `classification_lowered`), `reload`. Absent, they are "no data", never an
 * error.
 */
import type { AuditEvent } from '../handoff/audit-event.js';

export interface Period {
  readonly from: Date;
  /** Exclusive. */
  readonly to: Date;
}

export interface Decision {
  readonly decision: string;
  readonly at: string;
  readonly reviewer: string | null;
  readonly afterEscalation: boolean;
}

export interface HandoffFacts {
  readonly id: string;
  operation: string | null;
  group: string | null;
  dataClass: string | null;
  ticket: string | null;
  requester: string | null;
  requestedAt: string | null;
  approvalRequired: boolean | null;
  writtenAt: string | null;
  shadow: boolean;
  decisions: Decision[];
  expiredAt: string | null;
  failedAt: string | null;
  failCode: string | null;
}

export interface Tally {
  [key: string]: number;
}

export interface Collected {
  readonly period: Period;
  retrievable: number;
  oldest: { seq: number; at: string } | null;
  newest: { seq: number; at: string } | null;
  readonly handoffs: Map<string, HandoffFacts>;
  readonly inPeriod: {
    events: number;
    readonly byType: Tally;
    withActor: number;
    withPolicyVersion: number;
    /** Events of the types that carry a digest, and how many do. */
    digestExpected: number;
    digestPresent: number;
    readonly refusalsByCode: Tally;
    readonly refusalsByRule: Tally;
    readonly reviewRefusalsByCode: Tally;
    readonly guardRejectionsByKind: Tally;
    readonly maskedByKind: Tally;
    /** Null: no event carried withheld counts (the read boundary records none yet). */
    withheldByReason: Tally | null;
    /** provider kind → data class → hand-offs executed. */
    readonly classesByProvider: Record<string, Tally>;
    classLowered: number;
    readonly refusalExamples: Array<{ ticket: string | null; code: string }>;
  };
  /** Version → first and last time seen (whole ledger), events in the period. */
  readonly versions: Map<string, { firstSeen: string; lastSeen: string; inPeriod: number }>;
  readonly reloads: Array<{ seq: number; at: string; policyVersion: string | null }>;
}

/** Event types that carry an input or output digest when they are written. */
const DIGESTED = new Set(['requested', 'refused', 'executed', 'guarded', 'written', 'shadowed', 'reviewed', 'review_refused']);
const LOWERED = new Set(['class_lowered', 'classification_lowered']);

const add = (tally: Tally, key: string, n = 1): void => {
  tally[key] = (tally[key] ?? 0) + n;
};

const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

/** Adds a `{kind: count}` object's counts (masking, withheld), ignoring anything else. */
function addCounts(tally: Tally, value: unknown): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  for (const [k, v] of Object.entries(value)) if (typeof v === 'number' && Number.isFinite(v) && v > 0) add(tally, k, v);
  return true;
}

export function providerKindOf(name: string | null): string {
  if (name === null) return 'unknown';
  return name === 'builtin' ? 'builtin' : name;
}

export function createCollector(period: Period): { add(event: AuditEvent): void; result(): Collected } {
  const c: Collected = {
    period,
    retrievable: 0,
    oldest: null,
    newest: null,
    handoffs: new Map(),
    inPeriod: {
      events: 0,
      byType: {},
      withActor: 0,
      withPolicyVersion: 0,
      digestExpected: 0,
      digestPresent: 0,
      refusalsByCode: {},
      refusalsByRule: {},
      reviewRefusalsByCode: {},
      guardRejectionsByKind: {},
      maskedByKind: {},
      withheldByReason: null,
      classesByProvider: {},
      classLowered: 0,
      refusalExamples: [],
    },
    versions: new Map(),
    reloads: [],
  };
  const from = period.from.getTime();
  const to = period.to.getTime();

  const factsOf = (id: string): HandoffFacts => {
    let f = c.handoffs.get(id);
    if (!f) {
      f = { id, operation: null, group: null, dataClass: null, ticket: null, requester: null, requestedAt: null, approvalRequired: null, writtenAt: null, shadow: false, decisions: [], expiredAt: null, failedAt: null, failCode: null };
      c.handoffs.set(id, f);
    }
    return f;
  };

  return {
    add(event) {
      c.retrievable++;
      c.oldest ??= { seq: event.seq, at: event.at };
      c.newest = { seq: event.seq, at: event.at };
      const t = Date.parse(event.at);
      const inside = t >= from && t < to;
      const d = event.details;

      if (event.policyVersion !== null) {
        const v = c.versions.get(event.policyVersion) ?? { firstSeen: event.at, lastSeen: event.at, inPeriod: 0 };
        v.lastSeen = event.at;
        if (inside) v.inPeriod++;
        c.versions.set(event.policyVersion, v);
      }
      // Types other parts add are matched by name (a string), whether or not this build's enum knows them.
      const type: string = event.type;
      if (type === 'reload' && inside) c.reloads.push({ seq: event.seq, at: event.at, policyVersion: event.policyVersion });

      if (event.handoff !== null) {
        const f = factsOf(event.handoff);
        f.ticket ??= event.ticket?.number ?? null;
        f.operation ??= str(d.operation);
        switch (event.type) {
          case 'requested':
            f.requestedAt = event.at;
            f.requester = event.actors.find((a) => a.role === 'requester')?.userName ?? null;
            f.approvalRequired = typeof d.approvalRequired === 'boolean' ? d.approvalRequired : null;
            f.group = str(d.group);
            f.dataClass = str(d.dataClass);
            f.shadow = d.shadow === true;
            break;
          case 'written':
          case 'shadowed':
            f.writtenAt ??= event.at;
            break;
          case 'reviewed':
            f.decisions.push({ decision: str(d.decision) ?? 'unknown', at: event.at, reviewer: event.actors.find((a) => a.role === 'reviewer')?.userName ?? null, afterEscalation: d.afterEscalation === true });
            break;
          case 'expired':
            f.expiredAt ??= event.at;
            break;
          case 'failed':
            f.failedAt ??= event.at;
            f.failCode = str(d.code);
            break;
          default:
            break;
        }
      }

      if (!inside) return;
      const p = c.inPeriod;
      p.events++;
      add(p.byType, event.type);
      if (event.actors.length > 0) p.withActor++;
      if (event.policyVersion !== null) p.withPolicyVersion++;
      if (DIGESTED.has(event.type)) {
        p.digestExpected++;
        if (event.inputDigest !== null || event.outputDigest !== null) p.digestPresent++;
      }
      if (event.type === 'refused') {
        add(p.refusalsByCode, str(d.code) ?? 'unknown');
        if (Array.isArray(d.rules)) for (const rule of d.rules) if (typeof rule === 'string') add(p.refusalsByRule, rule);
        if (p.refusalExamples.length < 3) p.refusalExamples.push({ ticket: event.ticket?.number ?? null, code: str(d.code) ?? 'unknown' });
      }
      if (event.type === 'review_refused') add(p.reviewRefusalsByCode, str(d.code) ?? 'unknown');
      if (event.type === 'guarded' && d.outcome === 'rejected') add(p.guardRejectionsByKind, str(d.kind) ?? 'unknown');
      if (event.type === 'requested') addCounts(p.maskedByKind, d.noteMasked);
      if (event.type === 'executed') {
        addCounts(p.maskedByKind, d.masked);
        const boundary = typeof d.boundary === 'object' && d.boundary !== null ? (d.boundary as Record<string, unknown>) : {};
        const withheld = boundary.withheld ?? d.withheld;
        if (withheld !== undefined) {
          p.withheldByReason ??= {};
          addCounts(p.withheldByReason, withheld);
        }
        const kind = providerKindOf(str(d.provider));
        const classes = (p.classesByProvider[kind] ??= {});
        const f = event.handoff === null ? undefined : c.handoffs.get(event.handoff);
        add(classes, f?.dataClass ?? 'unrecorded');
        if (Array.isArray(boundary.used)) {
          for (const used of boundary.used as unknown[]) {
            const cls = typeof used === 'object' && used !== null ? str((used as Record<string, unknown>).class) : null;
            if (cls !== null) add(classes, cls);
          }
        }
      }
      if (LOWERED.has(type)) p.classLowered++;
    },
    result: () => c,
  };
}
