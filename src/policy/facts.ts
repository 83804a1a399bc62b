/**
 * What the rules look at, read once per ticket. The reader never trusts its
 * input: anything missing, of the wrong type or outside the known values becomes
 * "unknown" (index -1), which only forbid rules act on. It never throws.
 */
import { AI_TIERS, APPROVER_ROLES, DATA_CLASSES, TICKET_TYPES, type Party, type Ref } from '../domain/ticket.js';
import type { BudgetState, PolicyContext } from './context.js';
import { MISSABLE_FIELDS, type MissableField } from './policy-schema.js';

export interface Facts {
  readonly ctx: PolicyContext;
  /** Index in TICKET_TYPES; -1 unknown. */
  readonly typeIndex: number;
  readonly typeText: string;
  /** 0..3 for severity 1..4; -1 unknown. */
  readonly severityIndex: number;
  /** Index in DATA_CLASSES; -1 unknown. */
  readonly dataClassIndex: number;
  /** The effective tier's index in AI_TIERS; -1 when no opted-in group or the ticket's tier is unknown. */
  readonly tierIndex: number;
  /** The ticket carries a tier that is not a known one. */
  readonly tierInvalid: boolean;
  /** Bit i set: MISSABLE_FIELDS[i] is empty. */
  readonly missing: number;
  readonly active: boolean;
  readonly hasGroup: boolean;
  readonly groupLabel: string;
  readonly groupEnabled: boolean;
  readonly groupSwitchedOff: boolean;
  readonly budget: BudgetState;
  /** The first valid candidate per role, by index in APPROVER_ROLES. */
  readonly approvers: readonly (Party | null)[];
  /** By role index, the canonical JSON of the approval with that role's approver, filled as operations need it. */
  readonly approvalJsons: (string | undefined)[];
  readonly ref: { readonly system: 'servicenow'; readonly table: string; readonly sysId: string; readonly number: string };
  /** Canonical JSON of `ref`, for the scope digest. */
  readonly refJson: string;
  /** What an operator's note asks for that AI may not do; set for request decisions only. */
  readonly intent: string | null;
}

const TYPE_INDEX = new Map<unknown, number>(TICKET_TYPES.map((t, i) => [t, i]));
const CLASS_INDEX = new Map<unknown, number>(DATA_CLASSES.map((c, i) => [c, i]));
const TIER_INDEX = new Map<unknown, number>(AI_TIERS.map((t, i) => [t, i]));
const NO_APPROVERS: readonly null[] = APPROVER_ROLES.map(() => null);

export function missingBit(field: MissableField): number {
  return 1 << MISSABLE_FIELDS.indexOf(field);
}
const BIT = {
  configurationItem: missingBit('configurationItem'),
  caller: missingBit('caller'),
  assignee: missingBit('assignee'),
  title: missingBit('title'),
  description: missingBit('description'),
};

function record(value: unknown): Record<string, unknown> | null {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** A reference with a non-empty string id, else null. */
export function readRef(value: unknown): Ref | null {
  const r = record(value);
  if (r === null || typeof r.id !== 'string' || r.id === '') return null;
  return typeof r.name === 'string' ? { id: r.id, name: r.name } : { id: r.id };
}

function readParty(value: unknown): Party | null {
  const r = record(value);
  if (r === null || (r.kind !== 'user' && r.kind !== 'group') || typeof r.id !== 'string' || r.id === '') return null;
  return typeof r.name === 'string' ? { kind: r.kind, id: r.id, name: r.name } : { kind: r.kind, id: r.id };
}

function readApprovers(value: unknown): readonly (Party | null)[] {
  const r = record(value);
  if (r === null) return NO_APPROVERS;
  return APPROVER_ROLES.map((role) => {
    const list = r[role];
    if (!Array.isArray(list)) return null;
    for (const candidate of list as unknown[]) {
      const party = readParty(candidate);
      if (party !== null) return party;
    }
    return null;
  });
}

export function readFacts(ticket: unknown, ctx: PolicyContext, intent: string | null = null): Facts {
  const t = record(ticket) ?? {};
  const typeIndex = TYPE_INDEX.get(t.type) ?? -1;
  const severity = t.severity;
  const severityIndex = severity === 1 || severity === 2 || severity === 3 || severity === 4 ? severity - 1 : -1;
  const dataClassIndex = CLASS_INDEX.get(t.dataClass) ?? -1;

  const owner = record(t.owner);
  const group = readRef(owner?.group);
  const resolved = group === null ? null : ctx.group(group);
  const ticketTier = t.aiTier === null || t.aiTier === undefined ? null : (TIER_INDEX.get(t.aiTier) ?? -1);
  const tierInvalid = ticketTier === -1;
  let tierIndex = -1;
  if (resolved !== null && resolved.enabled && !tierInvalid) {
    tierIndex = ticketTier === null ? resolved.tierIndex : Math.min(resolved.tierIndex, ticketTier);
  }

  let missing = 0;
  if (readRef(t.configurationItem) === null) missing |= BIT.configurationItem;
  if (readRef(t.caller) === null) missing |= BIT.caller;
  if (readRef(owner?.assignee) === null) missing |= BIT.assignee;
  if (text(t.title).trim() === '') missing |= BIT.title;
  if (text(t.description).trim() === '') missing |= BIT.description;

  const refIn = record(t.ref);
  const ref = {
    system: 'servicenow' as const,
    table: text(refIn?.table),
    sysId: text(refIn?.sysId),
    number: text(refIn?.number) || text(t.number),
  };
  const state = record(t.state);

  return {
    ctx,
    typeIndex,
    typeText: typeof t.type === 'string' ? t.type : 'unknown',
    severityIndex,
    dataClassIndex,
    tierIndex,
    tierInvalid,
    missing,
    active: state?.active === true,
    hasGroup: group !== null,
    groupLabel: group === null ? 'no group' : group.name !== undefined && group.name !== '' ? group.name : `group ${group.id}`,
    groupEnabled: resolved?.enabled ?? false,
    groupSwitchedOff: resolved?.switchedOff ?? false,
    budget: resolved?.budget ?? 'ok',
    approvers: readApprovers(t.approvers),
    approvalJsons: [],
    ref,
    refJson: `{"number":${JSON.stringify(ref.number)},"sysId":${JSON.stringify(ref.sysId)},"system":"servicenow","table":${JSON.stringify(ref.table)}}`,
    intent,
  };
}
