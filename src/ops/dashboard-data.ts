/**
 * The dashboard's figures (GET /dashboard.json, and the page built from
 * them): the seed's split of active work into eligible, approval-bound and
 * blocked (computed as `ai-handoff report` computes it, kept for
 * ops.dashboard.classifyEveryMs since it reads every active ticket), the
 * hand-offs by status, the flow's figures per operation and per group from the
 * ledger, budgets, queues, sync lag and readiness. Aggregates only: no ticket
 * text, numbers or people.
 */
import type { BudgetStatus } from '../ai/index.js';
import type { HandoffStatus } from '../domain/handoff.js';
import type { Dashboard } from '../handoff/report.js';
import type { Tally, TallyView } from './ledger-tally.js';
import type { Readiness, SyncLags } from './readiness.js';

export interface DashboardSources {
  /** The report's classification of every active ticket (src/handoff/report.ts buildDashboard). */
  classify(): Promise<Dashboard>;
  readonly tally: Tally;
  handoffs(): Promise<Readonly<Record<HandoffStatus, number>>>;
  budgets(): Promise<readonly BudgetStatus[]>;
  queueJobs(): Promise<Readonly<Record<string, Readonly<Record<string, number>>>>>;
  syncLags(): Promise<SyncLags>;
  readiness(): Promise<Readiness>;
  /** Operation titles by id (the catalog's). */
  readonly titles: ReadonlyMap<string, string>;
  readonly classifyEveryMs: number;
  readonly refreshSeconds: number;
  readonly now?: () => number;
}

export interface Classification {
  /** ISO time it was computed. */
  readonly at: string;
  readonly dashboard: Dashboard;
}

export interface DashboardView {
  readonly generatedAt: string;
  readonly refreshSeconds: number;
  /** null until the first classification is done; `error` when the last one failed. */
  readonly classification: Classification | null;
  readonly classificationError: string | null;
  readonly handoffs: Readonly<Record<HandoffStatus, number>>;
  readonly flow: TallyView;
  readonly titles: Readonly<Record<string, string>>;
  readonly budgets: readonly { readonly group: string; readonly state: string; readonly share: number; readonly period: string; readonly resetsAt: string }[];
  readonly queues: Readonly<Record<string, Readonly<Record<string, number>>>>;
  readonly syncLag: Readonly<Record<string, number | null>> | null;
  readonly readiness: Readiness;
}

export interface DashboardData {
  view(): Promise<DashboardView>;
}

export function createDashboardData(sources: DashboardSources): DashboardData {
  const now = sources.now ?? Date.now;
  let classification: Classification | null = null;
  let classificationError: string | null = null;
  let computing: Promise<void> | null = null;
  let computedAt = 0;

  const classifyNow = (): Promise<void> =>
    (computing ??= (async () => {
      try {
        const dashboard = await sources.classify();
        classification = { at: new Date(now()).toISOString(), dashboard };
        classificationError = null;
      } catch (error) {
        classificationError = error instanceof Error ? error.message : String(error);
      } finally {
        computedAt = now();
        computing = null;
      }
    })());
  // The first split starts at once, so the page has it by the time someone looks.
  void classifyNow();

  return {
    async view() {
      if (now() - computedAt >= sources.classifyEveryMs) void classifyNow();
      if (classification === null && computing !== null) await computing;
      const [flow, handoffs, budgets, queues, syncLag, readiness] = await Promise.all([
        sources.tally.refresh(),
        sources.handoffs(),
        sources.budgets(),
        sources.queueJobs(),
        sources.syncLags().catch(() => undefined),
        sources.readiness(),
      ]);
      return {
        generatedAt: new Date(now()).toISOString(),
        refreshSeconds: sources.refreshSeconds,
        classification,
        classificationError,
        handoffs,
        flow,
        titles: Object.fromEntries(sources.titles),
        budgets: budgets.map((b) => ({ group: b.group, state: b.state, share: b.share, period: b.period, resetsAt: b.resetsAt })),
        queues,
        syncLag: syncLag ?? null,
        readiness,
      };
    },
  };
}
