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
  const t = await h.waitFor(`${operation} on ${number} to await review`, async () => {
    const view = await h.ticket(number);
    const latest = view.panel?.handoffs.find((x) => x.operation === operation);
    return latest?.status === 'awaiting_review' ? latest : undefined;
  });
  return t;
}

/** The invariant, after every test: the integration user wrote nothing but work notes and the AI fields. */
export function expectOnlyAllowedWrites(h: FlowHarness): void {
  const written = [...h.integrationFields()];
  const allowed = h.allowedFields();
  expect(written.filter((f) => !allowed.has(f))).toEqual([]);
}

/** Fields that mean state, assignment, approval or priority: the product never changes them. */
export const STATE_FIELDS = ['state', 'incident_state', 'request_state', 'substate', 'active', 'approval', 'stage', 'close_code', 'close_notes', 'assigned_to', 'assignment_group', 'priority', 'impact', 'urgency'] as const;

export function stateOf(view: TicketView): Record<string, string | undefined> {
  return Object.fromEntries(STATE_FIELDS.map((f) => [f, view.record[f]]));
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
