/**
 * A scope's read boundary (src/domain/scope.ts, `ScopeBoundary`) and the
 * plain words the dialog shows for it before Confirm (docs/boundary.md).
 *
 * The classes a record beyond the ticket may have are those not above the
 * ticket's own, never restricted (issue 10: "restricted is never used for any
 * ticket"), and only those the provider kind may receive (`providers`,
 * exactly as for the ticket). The containment check (src/boundary) holds
 * every gathered record to these.
 */
import type { SourceKind } from '../domain/operation.js';
import type { ScopeBoundary } from '../domain/scope.js';
import { DATA_CLASSES, type DataClass } from '../domain/ticket.js';
import { canonicalJson } from '../util/canonical-json.js';

/** A boundary with its canonical JSON, for the scope digest (compile.ts assembles scopes from JSON parts). */
export interface BoundaryEntry {
  readonly boundary: ScopeBoundary;
  readonly json: string;
}

/** Source kinds that read records beyond the hand-off's own ticket. */
export const CROSS_TICKET_KINDS: readonly SourceKind[] = ['related_by_ci', 'related_by_caller', 'related_by_group', 'ci_record'];

export interface BoundaryInput {
  /** The ticket's class by index in DATA_CLASSES; -1 when unknown (then nothing beyond the ticket). */
  readonly dataClassIndex: number;
  /** Whether the provider kind may receive a class, by index. */
  readonly providerAllows: (dataClassIndex: number) => boolean;
  readonly provider: string | null;
  readonly otherGroups: boolean;
}

export function boundaryOf(input: BoundaryInput): BoundaryEntry {
  const classes: DataClass[] = [];
  for (let i = 0; i <= input.dataClassIndex && i < DATA_CLASSES.length; i++) {
    const c = DATA_CLASSES[i]!;
    if (c !== 'restricted' && input.providerAllows(i)) classes.push(c);
  }
  const boundary: ScopeBoundary = { classes, provider: input.provider, otherGroups: input.otherGroups, requesterMustRead: true };
  return { boundary, json: canonicalJson(boundary) };
}

const KIND_WORDS: Readonly<Partial<Record<SourceKind, string>>> = {
  related_by_ci: 'related tickets on the same configuration item',
  related_by_caller: 'related tickets from the same caller',
  related_by_group: 'related tickets of the same group',
  ci_record: 'the configuration item record',
};

const CLASS_WORDS: Readonly<Record<DataClass, string>> = { public: 'Public', internal: 'Internal', confidential: 'Confidential', restricted: 'Restricted' };

/**
 * The boundary in plain words for an operation reading `sources`, e.g.
 * "Related tickets on the same configuration item and the configuration item
 * record: up to Internal, only from groups that use AI, only those you can
 * open." Empty when the operation reads nothing beyond its ticket.
 */
export function boundaryText(sources: readonly SourceKind[], boundary: ScopeBoundary): string {
  const kinds = CROSS_TICKET_KINDS.filter((k) => sources.includes(k)).map((k) => KIND_WORDS[k]!);
  if (kinds.length === 0) return '';
  const what = kinds.length === 1 ? kinds[0]! : `${kinds.slice(0, -1).join(', ')} and ${kinds.at(-1)!}`;
  const head = what.charAt(0).toUpperCase() + what.slice(1);
  if (boundary.classes.length === 0) return `${head}: none used, since this ticket's class allows no other record to reach the AI.`;
  const contiguous = boundary.classes.every((c, i) => c === DATA_CLASSES[i]);
  const classes = contiguous ? `up to ${CLASS_WORDS[boundary.classes.at(-1)!]}` : `only ${boundary.classes.map((c) => CLASS_WORDS[c]).join(' or ')} ones`;
  const groups = boundary.otherGroups ? 'from any group (read-only)' : 'only from groups that use AI';
  return `${head}: ${classes}, ${groups}, only those you can open.`;
}
