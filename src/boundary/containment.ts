/**
 * The containment check: the one place that decides whether a record beyond
 * the hand-off's own ticket (a related ticket, the configuration item, any
 * source added later) may reach the provider, the output guard or the note
 * (docs/boundary.md; ../shared/DESIGN.md, "The second invariant").
 *
 * Shaped like the write guard (src/connector/write-guard.ts): `InBounds<T>`
 * can only come from `contain`, and the flow builds the provider's input
 * beyond the ticket only from such values (src/handoff/gather.ts,
 * `BoundedGathered`). A record is used only if all of these hold, tried in
 * this order (the first that fails is the reason counted):
 *
 * 1. its class is not restricted (never used, for any ticket);
 * 2. its class is not above the ticket's;
 * 3. the hand-off's provider kind may receive its class (the scope's
 *    boundary lists those classes);
 * 4. its owning group uses AI, unless the policy allows other groups'
 *    records as read-only evidence;
 * 5. the request carries a usable read check (readable.ts);
 * 6. the requester may open it: the read check lists it.
 *
 * Withheld records are counted by reason; nothing else of them is kept.
 */
import type { SourceKind } from '../domain/operation.js';
import type { WithheldCount, WithheldReason } from '../domain/read-check.js';
import { WITHHELD_REASONS } from '../domain/read-check.js';
import type { ScopeBoundary } from '../domain/scope.js';
import { DATA_CLASSES, type DataClass, type Ref } from '../domain/ticket.js';
import type { ReadableVerdict } from './readable.js';

declare const inBounds: unique symbol;
/** A record the containment check let through. Only `contain` makes one. */
export type InBounds<T> = T & { readonly [inBounds]: true };

/** What the check needs from the policy besides the scope's boundary; the policy port provides it. */
export interface BoundaryRules {
  /** Whether a group has opted in to AI and is not switched off (runtime config `groups`, `switches`). */
  groupUsesAi(group: Ref): boolean;
  /** The class a configuration item record counts as (policy `boundary.ciRecordClass`). */
  readonly ciRecordClass: DataClass;
  /** After a lowering of the ticket's class (policy `boundary.classLowering`): for how long, in ms (0: off), and whom requests are refused for. */
  readonly classLowering: { readonly coolDownMs: number; readonly refuse: 'everyone' | 'lowerer' };
}

export interface ContainmentInput {
  /** The hand-off ticket's class; null (unknown) lets nothing through. */
  readonly ticketClass: DataClass | null;
  /** The boundary the scope was confirmed with. */
  readonly boundary: ScopeBoundary;
  readonly rules: BoundaryRules;
  readonly readable: ReadableVerdict;
}

/** A record read beyond the ticket, before the check. */
export interface Candidate<T> {
  readonly kind: SourceKind;
  readonly table: string;
  readonly sysId: string;
  /** Its class as determined (src/boundary/record-class.ts): an unknown class is already counted as its table's default or higher. */
  readonly dataClass: DataClass;
  /** Its owning group (a ticket's assignment group, a CI's support group); null when it has none. */
  readonly group: Ref | null;
  readonly value: T;
}

/** A record that was used: for the audit, by table, sys_id and class. */
export interface UsedSource {
  readonly kind: SourceKind;
  readonly table: string;
  readonly sysId: string;
  readonly dataClass: DataClass;
}

export interface Contained<T> {
  readonly inBounds: readonly InBounds<T>[];
  readonly used: readonly UsedSource[];
  readonly withheld: readonly WithheldCount[];
}

const rank = (c: DataClass): number => DATA_CLASSES.indexOf(c);

/** Why the record must be withheld, or null when it may be used. */
export function withheldReason(input: ContainmentInput, candidate: Pick<Candidate<unknown>, 'table' | 'sysId' | 'dataClass' | 'group'>): WithheldReason | null {
  const { dataClass } = candidate;
  if (dataClass === 'restricted') return 'restricted';
  if (input.ticketClass === null || rank(dataClass) > rank(input.ticketClass)) return 'above_ticket_class';
  if (!input.boundary.classes.includes(dataClass)) return 'provider_not_allowed';
  if (!input.boundary.otherGroups && (candidate.group === null || !input.rules.groupUsesAi(candidate.group))) return 'group_not_opted_in';
  if (!input.readable.ok) return 'read_check_unavailable';
  if (!input.readable.mayRead(candidate.table, candidate.sysId)) return 'requester_cannot_open';
  return null;
}

/**
 * Checks every candidate; returns those in bounds (in their order), what was
 * used, and counts of what was withheld by reason. `counted` holds the
 * records (table and sys_id) already counted as withheld, by an earlier call
 * for another kind: a record found both by CI and by group is one record.
 */
export function contain<T>(input: ContainmentInput, candidates: readonly Candidate<T>[], counted: Set<string> = new Set()): Contained<T> {
  const kept: InBounds<T>[] = [];
  const used: UsedSource[] = [];
  const counts = new Map<WithheldReason, number>();
  for (const candidate of candidates) {
    const reason = withheldReason(input, candidate);
    if (reason !== null) {
      const key = `${candidate.table}\u0000${candidate.sysId}`;
      if (!counted.has(key)) counts.set(reason, (counts.get(reason) ?? 0) + 1);
      counted.add(key);
      continue;
    }
    kept.push(candidate.value as InBounds<T>);
    used.push({ kind: candidate.kind, table: candidate.table, sysId: candidate.sysId, dataClass: candidate.dataClass });
  }
  return { inBounds: kept, used, withheld: countsInOrder(counts) };
}

/** Counts in the order of WITHHELD_REASONS, zeros left out. */
export function countsInOrder(counts: ReadonlyMap<WithheldReason, number>): WithheldCount[] {
  return WITHHELD_REASONS.filter((r) => (counts.get(r) ?? 0) > 0).map((reason) => ({ reason, count: counts.get(reason)! }));
}
