/**
 * Keeps a ticket's panel and status fields current. The panel is a pure
 * function of the ticket, the policy context, the ticket's hand-offs and its
 * notice, sealed with a digest; the fields are written only when the digest
 * or the status differs from what the ticket holds, so the worker's own
 * writes never cause a loop of rewrites.
 */
import type { Redis } from 'ioredis';
import type { Connector, RawRecord } from '../connector/connector.js';
import type { Handoff } from '../domain/handoff.js';
import type { Panel, PanelHandoff, PanelNotice } from '../domain/panel.js';
import type { AiStatus } from '../domain/status.js';
import type { Ticket } from '../domain/ticket.js';
import { HandoffError } from '../errors.js';
import type { TableMapping } from '../mapping/mapping-schema.js';
import { acquireLease } from '../queue/lease.js';
import type { HandoffStore } from './handoff-store.js';
import type { NoticeStore } from './notices.js';
import type { PanelPolicy } from './ports.js';

/** How many recent hand-offs the panel lists. */
export const PANEL_HANDOFFS = 5;
/** How long one panel computation and write may hold the ticket, in ms. */
const PANEL_LEASE_MS = 15_000;
/** How long a flow step waits for another writer of the same ticket's panel, in ms. */
const PANEL_WAIT_MS = 5_000;

export interface PanelWriterDeps {
  readonly connector: Connector;
  readonly store: HandoffStore;
  readonly notices: NoticeStore;
  readonly policy: PanelPolicy;
  readonly redis: Redis;
  readonly prefix: string;
}

export interface RefreshOptions {
  /** Extra guarded fields to write in the same PATCH (clearing the request or review field, a work note). */
  readonly alsoWrite?: Readonly<Record<string, string>>;
  /** Whether to skip (rather than fail) when another writer holds the ticket; default false. */
  readonly skipIfBusy?: boolean;
}

export interface RefreshResult {
  readonly written: boolean;
  readonly skipped: boolean;
  readonly panel: Panel | null;
  readonly ticket: Ticket | null;
}

export interface PanelWriter {
  /** Recomputes the panel for a record and writes what changed. */
  refresh(mapping: TableMapping, record: RawRecord, options?: RefreshOptions): Promise<RefreshResult>;
  /** Re-reads the record first (use after the flow changed a hand-off). */
  refreshById(mapping: TableMapping, sysId: string, options?: RefreshOptions): Promise<RefreshResult>;
}

export function toPanelHandoff(h: Handoff): PanelHandoff {
  return { id: h.id, operation: h.operation, status: h.status, requestedBy: h.requester.userName, approval: h.approval, updatedAt: h.updatedAt };
}

/** The status field: the latest hand-off's status, else what the panel offers. */
export function statusFor(panel: Panel, handoffs: readonly Handoff[]): AiStatus {
  const latest = handoffs[0];
  if (latest) return latest.status;
  if (panel.operations.length === 0) return 'none';
  return panel.operations.some((op) => op.outcome !== 'blocked') ? 'eligible' : 'blocked';
}

function digestInField(value: string | undefined): string | null {
  if (!value) return null;
  try {
    const parsed = JSON.parse(value) as { digest?: unknown };
    return typeof parsed.digest === 'string' ? parsed.digest : null;
  } catch {
    return null;
  }
}

export function createPanelWriter(deps: PanelWriterDeps): PanelWriter {
  const { connector, store, notices, policy, redis, prefix } = deps;

  const compute = async (mapping: TableMapping, record: RawRecord): Promise<{ panel: Panel; ticket: Ticket; status: AiStatus }> => {
    const ticket = policy.toTicket(mapping, record);
    const handoffs = await store.forTicket(mapping.table, ticket.ref.sysId, PANEL_HANDOFFS);
    const notice: PanelNotice | null = await notices.get(mapping.table, ticket.ref.sysId);
    const panel = await policy.panel(ticket, { handoffs: handoffs.map(toPanelHandoff), notice, previous: record[mapping.ai.panel] ?? null });
    return { panel, ticket, status: statusFor(panel, handoffs) };
  };

  const refresh = async (mapping: TableMapping, record: RawRecord, options: RefreshOptions = {}): Promise<RefreshResult> => {
    const sysId = record.sys_id ?? '';
    const key = `${prefix}:lease:panel:${mapping.table}:${sysId}`;
    let lease = await acquireLease(redis, key, PANEL_LEASE_MS);
    // Another writer holds the ticket only for one compute-and-write; the flow waits it out, a sync pass moves on.
    for (let waited = 0; !lease && !options.skipIfBusy && waited < PANEL_WAIT_MS; waited += 50) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      lease = await acquireLease(redis, key, PANEL_LEASE_MS);
    }
    if (!lease) {
      if (options.skipIfBusy) return { written: false, skipped: true, panel: null, ticket: null };
      throw new HandoffError('LEASE_HELD', `another worker is writing the panel of ${mapping.table} ${sysId}`, { details: { table: mapping.table, sysId } });
    }
    try {
      const { panel, ticket, status } = await compute(mapping, record);
      const body: Record<string, string> = { ...options.alsoWrite };
      if (digestInField(record[mapping.ai.panel]) !== panel.digest) body[mapping.ai.panel] = JSON.stringify(panel);
      if ((record[mapping.ai.status] ?? '') !== status) body[mapping.ai.status] = status;
      if (Object.keys(body).length === 0) return { written: false, skipped: false, panel, ticket };
      await connector.write(mapping, sysId, body);
      return { written: true, skipped: false, panel, ticket };
    } finally {
      await lease.release();
    }
  };

  return {
    refresh,
    async refreshById(mapping, sysId, options) {
      const record = await connector.get(mapping, sysId);
      if (!record) throw new HandoffError('SN_NOT_FOUND', `${mapping.table} ${sysId} is gone or hidden`, { details: { table: mapping.table, sysId } });
      return refresh(mapping, record, options);
    },
  };
}
