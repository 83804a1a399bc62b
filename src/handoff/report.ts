/**
 * The seed's dashboard over active work: for every active ticket of every
 * mapped table, its classification under the current policy (eligible: some
 * operation may be used without approval; approval-bound: only with
 * approval; blocked: none), and the hand-offs by status.
 */
import type { Connector } from '../connector/connector.js';
import { HANDOFF_STATUSES, type HandoffStatus } from '../domain/handoff.js';
import type { Classification } from '../domain/decision.js';
import type { MappingSet } from '../mapping/load-mappings.js';
import type { HandoffStore } from './handoff-store.js';
import type { PanelPolicy } from './ports.js';

export interface DashboardRow {
  readonly table: string;
  readonly active: number;
  readonly eligible: number;
  readonly approvalBound: number;
  readonly blocked: number;
}

export interface Dashboard {
  readonly policyVersion: string;
  readonly tables: readonly DashboardRow[];
  readonly total: DashboardRow;
  /** Shares of active tickets, 0..1. */
  readonly shares: Readonly<Record<Classification, number>>;
  readonly handoffs: Readonly<Record<HandoffStatus, number>>;
}

export async function buildDashboard(connector: Connector, mappings: MappingSet, policy: PanelPolicy, store: HandoffStore): Promise<Dashboard> {
  await policy.contextDigest();
  const tables: DashboardRow[] = [];
  for (const mapping of mappings.byTable.values()) {
    const row = { table: mapping.table, active: 0, eligible: 0, approvalBound: 0, blocked: 0 };
    for await (const page of connector.pull(mapping, null)) {
      for (const record of page.records) {
        const panel = await policy.panel(policy.toTicket(mapping, record), { handoffs: [], notice: null });
        row.active++;
        if (panel.classification === 'eligible') row.eligible++;
        else if (panel.classification === 'approval-bound') row.approvalBound++;
        else row.blocked++;
      }
    }
    tables.push(row);
  }
  const total = tables.reduce((a, r) => ({ table: 'all', active: a.active + r.active, eligible: a.eligible + r.eligible, approvalBound: a.approvalBound + r.approvalBound, blocked: a.blocked + r.blocked }), { table: 'all', active: 0, eligible: 0, approvalBound: 0, blocked: 0 });
  const share = (n: number): number => (total.active === 0 ? 0 : n / total.active);
  const handoffs = {} as Record<HandoffStatus, number>;
  for (const status of HANDOFF_STATUSES) handoffs[status] = (await store.idsWithStatus(status)).length;
  return {
    policyVersion: policy.version,
    tables,
    total,
    shares: { eligible: share(total.eligible), 'approval-bound': share(total.approvalBound), blocked: share(total.blocked) },
    handoffs,
  };
}

export function formatDashboard(d: Dashboard): string {
  const pct = (x: number): string => `${Math.round(x * 100)}%`;
  const lines = [
    `Active work under policy ${d.policyVersion}: ${d.total.active} tickets`,
    `  eligible        ${pct(d.shares.eligible).padStart(4)}  (${d.total.eligible})  some bounded AI operation may be used without approval`,
    `  approval-bound  ${pct(d.shares['approval-bound']).padStart(4)}  (${d.total.approvalBound})  AI output needs a named human approval before use`,
    `  blocked         ${pct(d.shares.blocked).padStart(4)}  (${d.total.blocked})  not eligible: severity, data, owner or control limits`,
    '',
    'By table:',
    ...d.tables.map((r) => `  ${r.table.padEnd(16)} ${String(r.active).padStart(6)} active  ${String(r.eligible).padStart(6)} eligible  ${String(r.approvalBound).padStart(6)} approval-bound  ${String(r.blocked).padStart(6)} blocked`),
    '',
    'Hand-offs by status:',
    ...Object.entries(d.handoffs).map(([status, n]) => `  ${status.padEnd(16)} ${n}`),
  ];
  return lines.join('\n');
}
