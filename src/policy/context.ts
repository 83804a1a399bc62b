/**
 * The evaluation context: the loaded policy plus the runtime switches and group
 * opt-ins, and optionally the configured provider kind and the groups' budget
 * states. Built once (per sync, say) so every decision is lookups only.
 */
import { HandoffError } from '../errors.js';
import { AI_TIERS, DATA_CLASSES, type AiTier, type Ref } from '../domain/ticket.js';
import { DEFAULT_GROUP, type GroupSetting, type Groups } from '../config/groups.js';
import type { SourceKind } from '../domain/operation.js';
import { boundaryOf, boundaryText, type BoundaryEntry } from './boundary.js';
import type { Switches } from '../config/switches.js';
import type { Policy } from './policy.js';
import type { ProviderKind } from './policy-schema.js';

export const BUDGET_STATES = ['ok', 'warning', 'exhausted'] as const;
export type BudgetState = (typeof BUDGET_STATES)[number];

export interface PolicyContextInput {
  readonly policy: Policy;
  readonly switches: Switches;
  readonly groups: Groups;
  /**
   * The configured AI provider's kind (`ai.provider.kind`); when given, its data-class allowance is
   * enforced: its own `providers` key, else `external` for any kind but `builtin`.
   */
  readonly providerKind?: ProviderKind;
  /** Budget state per group, keyed by the group's sys_id or name; groups not listed are `ok`. */
  readonly budgets?: Readonly<Record<string, BudgetState>>;
}

/** A group's settings as they apply to one ticket. */
export interface ResolvedGroup {
  readonly enabled: boolean;
  readonly tierIndex: number;
  readonly switchedOff: boolean;
  readonly budget: BudgetState;
  /** The group runs in shadow mode: notes go to the audit, not the ticket. */
  readonly shadow: boolean;
}

export interface PolicyContext {
  readonly policy: Policy;
  /** The configured provider's kind, as the `{provider}` placeholder shows it; null when none is named. */
  readonly providerKind: ProviderKind | null;
  /** The global kill switch is off. */
  readonly globalOff: boolean;
  operationOff(id: string): boolean;
  /** Whether the configured provider may receive a data class (by index); true when no provider is named. */
  providerAllows(dataClassIndex: number): boolean;
  group(ref: Ref): ResolvedGroup;
  /** The read boundary of a ticket of this class (index in DATA_CLASSES, -1 unknown), with its canonical JSON; built once per class. */
  boundary(dataClassIndex: number): BoundaryEntry;
  /** The boundary in plain words for an operation (src/policy/boundary.ts), once per operation and class. */
  boundaryWords(operation: { readonly id: string; readonly sources: readonly SourceKind[] }, dataClassIndex: number): string;
}

/**
 * Builds a context. Throws CONFIG_INVALID when the switches name an operation
 * the catalog does not have (a typo would otherwise leave it switched on).
 */
export function createPolicyContext(input: PolicyContextInput): PolicyContext {
  const { policy, switches, groups } = input;
  const unknownOps = Object.keys(switches.operations).filter((id) => !policy.compiled.opById.has(id));
  if (unknownOps.length > 0) {
    throw new HandoffError('CONFIG_INVALID', `switches.operations names ${unknownOps.map((id) => `'${id}'`).join(', ')}, not in the operations catalog`, {
      remedy: `use catalog ids: ${[...policy.compiled.opById.keys()].join(', ')}`,
    });
  }
  const offOps = new Set(Object.entries(switches.operations).filter(([, on]) => !on).map(([id]) => id));

  const byId = new Map<string, GroupSetting>();
  const byName = new Map<string, GroupSetting>();
  for (const [key, setting] of Object.entries(groups)) {
    if (key === DEFAULT_GROUP) continue;
    byId.set(key, setting);
    byName.set(key.toLowerCase(), setting);
  }
  const fallback: GroupSetting = groups[DEFAULT_GROUP] ?? { enabled: false, tier: 'none' };

  const offGroupIds = new Set<string>();
  const offGroupNames = new Set<string>();
  for (const [key, on] of Object.entries(switches.groups)) {
    if (on) continue;
    offGroupIds.add(key);
    offGroupNames.add(key.toLowerCase());
  }

  const budgetIds = new Map<string, BudgetState>();
  const budgetNames = new Map<string, BudgetState>();
  for (const [key, state] of Object.entries(input.budgets ?? {})) {
    budgetIds.set(key, state);
    budgetNames.set(key.toLowerCase(), state);
  }

  const providerKind = input.providerKind ?? null;
  const allows = providerKind === null ? DATA_CLASSES.map(() => true) : policy.compiled.providerAllows[providerKind];
  const tierIndex = (tier: AiTier): number => AI_TIERS.indexOf(tier);
  const providerAllows = (index: number): boolean => allows[index] === true;
  const boundaries = [-1, ...DATA_CLASSES.keys()].map((dataClassIndex) =>
    boundaryOf({ dataClassIndex, providerAllows, provider: providerKind, otherGroups: policy.boundary.otherGroupsAsEvidence }),
  );
  const boundaryAt = (index: number): BoundaryEntry => boundaries[index + 1] ?? boundaries[0]!;
  // By operation id, the words for each class index + 1 (unknown first): one lookup per operation of a panel.
  const words = new Map<string, string[]>();

  return Object.freeze({
    policy,
    providerKind,
    globalOff: !switches.ai,
    operationOff: (id: string) => offOps.has(id),
    providerAllows,
    group(ref: Ref): ResolvedGroup {
      const name = typeof ref.name === 'string' && ref.name !== '' ? ref.name.toLowerCase() : undefined;
      const setting = byId.get(ref.id) ?? (name === undefined ? undefined : byName.get(name)) ?? fallback;
      return {
        enabled: setting.enabled,
        tierIndex: tierIndex(setting.tier),
        switchedOff: offGroupIds.has(ref.id) || (name !== undefined && offGroupNames.has(name)),
        budget: budgetIds.get(ref.id) ?? (name === undefined ? undefined : budgetNames.get(name)) ?? 'ok',
        shadow: setting.shadow ?? false,
      };
    },
    boundary: boundaryAt,
    boundaryWords(op: { readonly id: string; readonly sources: readonly SourceKind[] }, dataClassIndex: number): string {
      let texts = words.get(op.id);
      if (texts === undefined) {
        texts = boundaries.map((b) => boundaryText(op.sources, b.boundary));
        words.set(op.id, texts);
      }
      return texts[dataClassIndex + 1] ?? texts[0]!;
    },
  });
}
