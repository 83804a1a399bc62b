/**
 * Token and cost accounting per hand-off and per group, and budget caps per
 * group per period: `ok`, then `warning` at the configured share of a cap,
 * then `exhausted` (the next external call is refused with
 * AI_BUDGET_EXCEEDED). The policy takes a group's state as an input and
 * shows `exhausted` in the panel as a blocking reason.
 *
 * Costs are kept in millionths of the price currency (integers), so Redis
 * increments never accumulate float error. Usage is recorded for every
 * call, accepted or rejected: the tokens were spent either way.
 */
import { HandoffError } from '../errors.js';
import type { AiConfig, BudgetCap } from './config.js';
import type { Usage } from './provider.js';

export const BUDGET_STATES = ['ok', 'warning', 'exhausted'] as const;
export type BudgetState = (typeof BUDGET_STATES)[number];

export interface UsageTotals {
  readonly promptTokens: number;
  readonly completionTokens: number;
  /** Cost in millionths of the price currency. */
  readonly costMicros: number;
  readonly calls: number;
}

export const ZERO: UsageTotals = { promptTokens: 0, completionTokens: 0, costMicros: 0, calls: 0 };

/** Where totals live; Redis in production (budget-redis.ts). */
export interface UsageStore {
  /** Adds to a group's totals for a period and returns the new totals; keeps them for `ttlSeconds`. */
  addGroup(group: string, period: string, delta: UsageTotals, ttlSeconds: number): Promise<UsageTotals>;
  group(group: string, period: string): Promise<UsageTotals>;
  addHandoff(handoffId: string, delta: UsageTotals): Promise<UsageTotals>;
  handoff(handoffId: string): Promise<UsageTotals>;
  /** Every group with usage recorded in a period (the keys `addGroup` was called with). */
  groups(period: string): Promise<readonly string[]>;
}

export interface BudgetStatus {
  readonly group: string;
  /** `2025-03` (month) or `2025-03-04` (day), UTC. */
  readonly period: string;
  readonly state: BudgetState;
  readonly used: { readonly tokens: number; readonly cost: number; readonly calls: number };
  /** The cap that applies; null when the group has none. */
  readonly cap: BudgetCap | null;
  /** Highest share of a cap used (0 with no cap). */
  readonly share: number;
  /** ISO time the period ends. */
  readonly resetsAt: string;
}

export interface Recorded {
  /** Cost of this call in the price currency. */
  readonly cost: number;
  /** False when no price is configured for the model (the cost is then 0). */
  readonly priced: boolean;
  readonly handoff: UsageTotals;
  readonly status: BudgetStatus | null;
}

export interface Budget {
  status(group: string): Promise<BudgetStatus>;
  /**
   * The status of every group that spent anything this period, under the key
   * its usage is recorded by (budgetGroupKey). Caps are positive, so a group
   * that spent nothing is `ok` and need not be listed.
   */
  statuses(): Promise<BudgetStatus[]>;
  /** The status, or AI_BUDGET_EXCEEDED when the group's budget is spent. */
  assertAvailable(group: string): Promise<BudgetStatus>;
  record(entry: { readonly handoffId: string; readonly group: string | null; readonly model: string; readonly usage: Usage }): Promise<Recorded>;
  handoffUsage(handoffId: string): Promise<UsageTotals>;
}

export interface BudgetDeps {
  readonly store: UsageStore;
  readonly config: Pick<AiConfig, 'budgets' | 'prices'>;
  /** Default Date.now. */
  readonly now?: () => number;
}

/**
 * The key a ticket's owning group is accounted under: its name, else its
 * sys_id. The panel's budget states are keyed the same way, and the policy
 * context matches a key against the group's sys_id or name (any case), so
 * accounting and panel agree for every group.
 */
export function budgetGroupKey(group: { readonly id: string; readonly name?: string | undefined } | null): string | null {
  if (group === null) return null;
  return group.name !== undefined && group.name !== '' ? group.name : group.id;
}

export function periodOf(at: number, period: 'day' | 'month'): { id: string; resetsAt: string; seconds: number } {
  const d = new Date(at);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth();
  const start = period === 'day' ? Date.UTC(y, m, d.getUTCDate()) : Date.UTC(y, m, 1);
  const end = period === 'day' ? Date.UTC(y, m, d.getUTCDate() + 1) : Date.UTC(y, m + 1, 1);
  const id = new Date(start).toISOString().slice(0, period === 'day' ? 10 : 7);
  return { id, resetsAt: new Date(end).toISOString(), seconds: Math.ceil((end - at) / 1000) };
}

export function costMicros(usage: Usage, model: string, prices: AiConfig['prices']): { micros: number; priced: boolean } {
  const price = prices[model];
  if (price === undefined) return { micros: 0, priced: false };
  const cost = (usage.promptTokens / 1000) * price.promptPer1k + (usage.completionTokens / 1000) * price.completionPer1k;
  return { micros: Math.round(cost * 1_000_000), priced: true };
}

export function stateOf(totals: UsageTotals, cap: BudgetCap | null, warnAt: number): { state: BudgetState; share: number } {
  if (cap === null) return { state: 'ok', share: 0 };
  const shares = [
    cap.tokens === null ? 0 : (totals.promptTokens + totals.completionTokens) / cap.tokens,
    cap.cost === null ? 0 : totals.costMicros / Math.round(cap.cost * 1_000_000),
  ];
  const share = Math.max(...shares);
  return { state: share >= 1 ? 'exhausted' : share >= warnAt ? 'warning' : 'ok', share };
}

/** Keep a period's totals a while after it ends, for reports. */
const KEEP_AFTER_PERIOD_SECONDS = 35 * 24 * 3600;

export function createBudget(deps: BudgetDeps): Budget {
  const { store, config } = deps;
  const now = deps.now ?? Date.now;
  // Caps are keyed by group name, matched without regard to case like the runtime config's groups.
  const capsByName = new Map(Object.entries(config.budgets.groups).map(([name, cap]) => [name.toLowerCase(), cap]));
  const capOf = (group: string): BudgetCap | null => config.budgets.groups[group] ?? capsByName.get(group.toLowerCase()) ?? config.budgets.default;
  const statusFrom = (group: string, period: ReturnType<typeof periodOf>, totals: UsageTotals): BudgetStatus => {
    const cap = capOf(group);
    const { state, share } = stateOf(totals, cap, config.budgets.warnAt);
    return {
      group,
      period: period.id,
      state,
      used: { tokens: totals.promptTokens + totals.completionTokens, cost: totals.costMicros / 1_000_000, calls: totals.calls },
      cap,
      share,
      resetsAt: period.resetsAt,
    };
  };
  const status = async (group: string): Promise<BudgetStatus> => {
    const period = periodOf(now(), config.budgets.period);
    return statusFrom(group, period, await store.group(group, period.id));
  };
  return {
    status,
    async statuses() {
      const period = periodOf(now(), config.budgets.period);
      const groups = await store.groups(period.id);
      return Promise.all(groups.map(async (group) => statusFrom(group, period, await store.group(group, period.id))));
    },
    async assertAvailable(group) {
      const current = await status(group);
      if (current.state === 'exhausted') {
        throw new HandoffError('AI_BUDGET_EXCEEDED', `the AI budget of group '${group}' for ${current.period} is spent`, {
          details: { group, period: current.period, resetsAt: current.resetsAt },
          remedy: `wait until ${current.resetsAt}, use the built-in provider, or ask an admin to raise the group's cap`,
        });
      }
      return current;
    },
    async record({ handoffId, group, model, usage }) {
      const { micros, priced } = costMicros(usage, model, config.prices);
      const delta: UsageTotals = { promptTokens: usage.promptTokens, completionTokens: usage.completionTokens, costMicros: micros, calls: 1 };
      // Both at once: on an auto-pipelined connection they go out in one write.
      const period = group === null ? null : periodOf(now(), config.budgets.period);
      const [handoff, groupTotals] = await Promise.all([
        store.addHandoff(handoffId, delta),
        group === null || period === null ? Promise.resolve(null) : store.addGroup(group, period.id, delta, period.seconds + KEEP_AFTER_PERIOD_SECONDS),
      ]);
      const current: BudgetStatus | null = group === null || period === null || groupTotals === null ? null : statusFrom(group, period, groupTotals);
      return { cost: micros / 1_000_000, priced, handoff, status: current };
    },
    handoffUsage: (id) => store.handoff(id),
  };
}

/** An in-memory store, for the CLI's dry runs and tests that do not need Redis. */
export function createMemoryUsageStore(): UsageStore {
  const groups = new Map<string, UsageTotals>();
  const handoffs = new Map<string, UsageTotals>();
  const add = (map: Map<string, UsageTotals>, key: string, d: UsageTotals): UsageTotals => {
    const t = map.get(key) ?? ZERO;
    const next = { promptTokens: t.promptTokens + d.promptTokens, completionTokens: t.completionTokens + d.completionTokens, costMicros: t.costMicros + d.costMicros, calls: t.calls + d.calls };
    map.set(key, next);
    return next;
  };
  return {
    addGroup: (group, period, delta) => Promise.resolve(add(groups, `${group}\u0000${period}`, delta)),
    group: (group, period) => Promise.resolve(groups.get(`${group}\u0000${period}`) ?? ZERO),
    addHandoff: (id, delta) => Promise.resolve(add(handoffs, id, delta)),
    handoff: (id) => Promise.resolve(handoffs.get(id) ?? ZERO),
    groups: (period) => Promise.resolve([...groups.keys()].filter((key) => key.endsWith(`\u0000${period}`)).map((key) => key.slice(0, key.indexOf('\u0000')))),
  };
}
