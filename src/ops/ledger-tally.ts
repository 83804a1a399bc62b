/**
 * The dashboard's flow figures, tallied from the whole audit ledger (every
 * process's events, since the first): hand-off steps per operation and per
 * owning group, the acceptance, rejection, escalation and expiry rates, and
 * the time from note to review. Read incrementally: each refresh reads only
 * the events appended since the last (`readFrom`), and a hand-off's facts are
 * forgotten once it is final, so memory follows the open hand-offs.
 */
import type { Redis } from 'ioredis';
import { AuditEvent } from '../handoff/audit-event.js';
import { factsOf, type EventFacts, type HandoffStep } from './event-facts.js';

/** The list the ledger appends to (src/handoff/audit-ledger.ts `eventsKey`); test/ops/dashboard.test.ts checks they agree. */
export function auditEventsKey(prefix: string): string {
  return `${prefix}:audit:events`;
}

/** Reads events from list position `from` (0-based), up to `count`. */
export type EventReader = (from: number, count: number) => Promise<AuditEvent[]>;

export function redisEventReader(redis: Redis, prefix: string): EventReader {
  return async (from, count) => (await redis.lrange(auditEventsKey(prefix), from, from + count - 1)).map((raw) => AuditEvent.parse(JSON.parse(raw)));
}

/** The steps the dashboard counts, in the order it shows them. */
export const TALLIED_STEPS = ['requested', 'written', 'accepted', 'rejected', 'escalated', 'expired', 'failed'] as const satisfies readonly HandoffStep[];
export type TalliedStep = (typeof TALLIED_STEPS)[number];

export interface Durations {
  readonly count: number;
  /** Seconds; null with no samples. */
  readonly median: number | null;
  readonly p90: number | null;
}

export interface TallyRow {
  readonly key: string;
  readonly counts: Readonly<Record<TalliedStep, number>>;
  /** Shares of the hand-offs whose review ended (accepted, rejected, escalated or expired); null before any did. */
  readonly rates: { readonly acceptance: number; readonly rejection: number; readonly escalation: number; readonly expiry: number } | null;
  /** From the note written to the review decision. */
  readonly review: Durations;
}

export interface TallyView {
  readonly events: number;
  readonly byOperation: readonly TallyRow[];
  readonly byGroup: readonly TallyRow[];
  readonly review: Durations;
}

export interface Tally {
  /** Reads the events appended since the last refresh. */
  refresh(): Promise<TallyView>;
}

/** Most review durations kept per row (the newest), for the median and 90th percentile. */
const MAX_SAMPLES = 5_000;
const CHUNK = 1_000;
const FINAL: readonly HandoffStep[] = ['accepted', 'rejected', 'escalated', 'expired', 'failed'];
/** A hand-off whose group (or operation) is not known: it failed before it ran, or its events predate the group in the audit. */
export const UNKNOWN_KEY = '(unknown)';

interface RowState {
  counts: Record<TalliedStep, number>;
  samples: number[];
}

export function createTally(read: EventReader): Tally {
  let position = 0;
  const byOperation = new Map<string, RowState>();
  const byGroup = new Map<string, RowState>();
  const overall: number[] = [];
  /** Open hand-offs: what later events need (operation, group, when the note was written). */
  const open = new Map<string, { operation: string | null; group: string | null; writtenAt: number | null }>();

  const row = (map: Map<string, RowState>, key: string): RowState => {
    let state = map.get(key);
    if (!state) {
      state = { counts: Object.fromEntries(TALLIED_STEPS.map((s) => [s, 0])) as Record<TalliedStep, number>, samples: [] };
      map.set(key, state);
    }
    return state;
  };

  const add = (facts: EventFacts): void => {
    if (facts.handoff === null || facts.step === null) return;
    const meta = open.get(facts.handoff) ?? { operation: null, group: null, writtenAt: null };
    meta.operation ??= facts.operation;
    meta.group ??= facts.group;
    if (facts.step === 'written' || facts.step === 'shadowed') meta.writtenAt ??= facts.at;
    open.set(facts.handoff, meta);
    const step: TalliedStep | null = facts.step === 'shadowed' ? 'written' : (TALLIED_STEPS as readonly string[]).includes(facts.step) ? (facts.step as TalliedStep) : null;
    if (step !== null) {
      const targets = [row(byOperation, meta.operation ?? UNKNOWN_KEY), ...(step === 'requested' ? [] : [row(byGroup, meta.group ?? UNKNOWN_KEY)])];
      for (const target of targets) target.counts[step] += 1;
      if (facts.decision !== null && meta.writtenAt !== null) {
        const seconds = Math.max(0, (facts.at - meta.writtenAt) / 1000);
        for (const samples of [...targets.map((t) => t.samples), overall]) {
          samples.push(seconds);
          if (samples.length > MAX_SAMPLES) samples.shift();
        }
      }
    }
    if (FINAL.includes(facts.step)) open.delete(facts.handoff);
  };

  const view = (map: Map<string, RowState>): TallyRow[] =>
    [...map.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([key, state]) => {
        const { accepted, rejected, escalated, expired } = state.counts;
        const ended = accepted + rejected + escalated + expired;
        return {
          key,
          counts: { ...state.counts },
          rates: ended === 0 ? null : { acceptance: accepted / ended, rejection: rejected / ended, escalation: escalated / ended, expiry: expired / ended },
          review: durations(state.samples),
        };
      });

  return {
    async refresh() {
      for (;;) {
        const events = await read(position, CHUNK);
        for (const event of events) add(factsOf(event));
        position += events.length;
        if (events.length < CHUNK) break;
      }
      return { events: position, byOperation: view(byOperation), byGroup: view(byGroup), review: durations(overall) };
    },
  };
}

export function durations(samples: readonly number[]): Durations {
  if (samples.length === 0) return { count: 0, median: null, p90: null };
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return { count: samples.length, median: at(0.5), p90: at(0.9) };
}
