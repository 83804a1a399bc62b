import { afterAll, beforeAll, expect } from 'vitest';
import type { PanelHandoff } from '../../src/domain/panel.js';
import { startFlowHarness, type FlowHarness, type HarnessOptions, type TicketView } from './flow-harness.js';

/** Waits until the ticket's latest hand-off (or the status field) reaches `status`. */
export async function untilStatus(h: FlowHarness, number: string, status: string, timeoutMs?: number): Promise<TicketView> {
  return h.waitFor(`${number} to be ${status}`, async () => {
    const t = await h.ticket(number);
    return t.status === status ? t : undefined;
  }, timeoutMs);
}

/**
 * Waits until the hand-off's audit holds an event of `type`. The ticket shows
 * a step's status in the same call as its note; the flow records the step
 * right after, so a test reading the audit waits for it.
 */
export async function untilEvent(h: FlowHarness, handoffId: string, type: string, timeoutMs?: number): Promise<void> {
  await h.waitFor(`a ${type} event of ${handoffId}`, async () => (await h.worker!.ledger.forHandoff(handoffId)).some((e) => e.type === type), timeoutMs);
}

/** Waits until the ticket's panel shows a notice containing `text`. */
export async function untilNotice(h: FlowHarness, number: string, text: string): Promise<TicketView> {
  return h.waitFor(`a notice on ${number} saying "${text}"`, async () => {
    const t = await h.ticket(number);
    return t.panel?.notice?.message.includes(text) ? t : undefined;
  });
}

/** Requests an operation as `user` and waits for its note; returns the hand-off as the panel shows it. */
export async function handOff(h: FlowHarness, user: string, number: string, operation: string, note?: string): Promise<PanelHandoff> {
  await h.waitFor(`a panel on ${number}`, async () => (await h.ticket(number)).panel);
  await h.request(user, number, { operation, ...(note === undefined ? {} : { note }) });
  return untilAwaitingReview(h, number, operation);
}

/**
 * handOff through a request row whose `readable` the app's rule did not set:
 * an instance whose app predates the read check, or an admin's edit
 * (docs/boundary.md, "Fail closed"). The row is planted as `user` made it, for
 * the operation's current scope, with `readable` as given ("" by default).
 */
export async function handOffWithReadable(h: FlowHarness, user: string, number: string, operation: string, readable = ''): Promise<PanelHandoff> {
  const view = await h.waitFor(`a panel on ${number}`, async () => {
    const v = await h.ticket(number);
    return v.panel ? v : undefined;
  });
  const op = view.panel!.operations.find((o) => o.id === operation);
  if (!op) throw new Error(`${operation} is not offered on ${number}`);
  await h.plantRow('request', number, { operation, scope_digest: op.scopeDigest, note: '', readable, sys_created_by: user });
  return untilAwaitingReview(h, number, operation);
}

export async function untilAwaitingReview(h: FlowHarness, number: string, operation: string): Promise<PanelHandoff> {
  return h.waitFor(`${operation} on ${number} to await review`, async () => {
    const view = await h.ticket(number);
    const latest = view.panel?.handoffs.find((x) => x.operation === operation);
    return latest?.status === 'awaiting_review' ? latest : undefined;
  });
}

/**
 * The invariant, after every test: the integration user wrote nothing but
 * work notes and the AI fields of tickets, and the worker's columns of the
 * app's rows; and it wrote no ticket through the Table API (only through the
 * app's API).
 */
export function expectOnlyAllowedWrites(h: FlowHarness): void {
  const written = [...h.integrationFields()];
  const allowed = h.allowedFields();
  expect(written.filter((f) => !allowed.has(f))).toEqual([]);
  const tickets = new Set(h.mappings.byTable.keys());
  expect(h.sandbox.writeLog.entries({ user: 'svc.aihandoff', api: 'table' }).filter((e) => tickets.has(e.table))).toEqual([]);
  expect(h.sandbox.writeLog.dropped).toBe(0);
}

/** Fields that mean state, assignment, approval or priority: the product never changes them. */
export const STATE_FIELDS = ['state', 'incident_state', 'request_state', 'substate', 'active', 'approval', 'stage', 'close_code', 'close_notes', 'assigned_to', 'assignment_group', 'priority', 'impact', 'urgency'] as const;

export function stateOf(view: TicketView): Record<string, string | undefined> {
  return Object.fromEntries(STATE_FIELDS.map((f) => [f, view.record[f]]));
}

/**
 * sys_ids of `count` active incidents whose panel (as the worker wrote it)
 * offers `operation` as eligible and lists no hand-off: tickets a test may
 * request on, each once. Waits for the first sync to write them.
 */
export async function eligibleIncidents(h: FlowHarness, operation: string, count: number): Promise<string[]> {
  const field = h.sandbox.app.fields.panel;
  return h.waitFor(`${count} incidents offering ${operation}`, () => {
    const out: string[] = [];
    for (const row of h.sandbox.store.partitions('incident')[0]!.rows.values()) {
      const text = row.v[field] ?? '';
      if (row.v.active !== 'true' || text === '') continue;
      const panel = JSON.parse(text) as { operations: { id: string; outcome: string }[]; handoffs: unknown[] };
      if (panel.handoffs.length === 0 && panel.operations.some((o) => o.id === operation && o.outcome === 'eligible')) out.push(row.v.sys_id!);
    }
    return Promise.resolve(out.length >= count ? out.slice(0, count) : undefined);
  }, 60_000);
}

/**
 * Starts the flow harness before the enclosing block's tests and, after them,
 * checks the write invariant and closes it; `options` may be a function, run
 * at start. Read the harness as `run.h` inside tests.
 */
export function useFlowHarness(options: HarnessOptions | (() => HarnessOptions) = {}): { readonly h: FlowHarness } {
  let harness: FlowHarness | undefined;
  beforeAll(async () => {
    harness = await startFlowHarness(typeof options === 'function' ? options() : options);
  });
  afterAll(async () => {
    if (!harness) return;
    expectOnlyAllowedWrites(harness);
    await harness.close();
  });
  return {
    get h(): FlowHarness {
      if (!harness) throw new Error('the flow harness is not started: use it inside a test');
      return harness;
    },
  };
}

/** `useFlowHarness` as a getter, for describe blocks that read the harness through a function. */
export function sharedHarness(options?: HarnessOptions): () => FlowHarness {
  const run = useFlowHarness(options ?? {});
  return () => run.h;
}
