/**
 * The policy port reuses a bare panel (the eligibility and scope check) for
 * the same record under the same policy context (src/handoff/policy-port.ts):
 * pickup's check serves execute's; a new budget state, another record, or a
 * panel with hand-offs is computed afresh, and the answer is what a fresh
 * port computes.
 */
import { describe, expect, it } from 'vitest';
import { createPolicyPort } from '../../../src/handoff/policy-port.js';
import type { BudgetState } from '../../../src/policy/index.js';
import { mappings, policy, sandbox, seedRecord } from '../policy/support.js';

describe('a bare panel reused for the same record and context', () => {
  it('answers the same panel for the same record, and a fresh one when the budget state changes', async () => {
    let budgets: Record<string, BudgetState> = {};
    const port = createPolicyPort({ policy, config: sandbox, providerKind: 'builtin', mappings, budgets: () => Promise.resolve(budgets) });
    const mapping = mappings.byTable.get('incident')!;
    const record = seedRecord('INC-2041');
    const ticket = port.toTicket(mapping, record);
    expect(port.toTicket(mapping, record)).toBe(ticket);
    const first = await port.panel(ticket, { handoffs: [], notice: null });
    expect(await port.panel(port.toTicket(mapping, record), { handoffs: [], notice: null })).toBe(first);
    // The same values from another record object: computed again, equal.
    const again = await port.panel(port.toTicket(mapping, { ...record }), { handoffs: [], notice: null });
    expect(again).not.toBe(first);
    expect(again).toEqual(first);

    // The group's budget is spent: the context changes, and so does the answer.
    const group = ticket.owner.group!;
    budgets = { [group.name ?? group.id]: 'exhausted' };
    await port.contextDigest();
    const spent = await port.panel(ticket, { handoffs: [], notice: null });
    expect(spent).not.toBe(first);
    expect(spent.digest).not.toBe(first.digest);
    const fresh = createPolicyPort({ policy, config: sandbox, providerKind: 'builtin', mappings, budgets: () => Promise.resolve(budgets) });
    await fresh.contextDigest();
    expect(spent).toEqual(await fresh.panel(fresh.toTicket(mapping, record), { handoffs: [], notice: null }));
  });
});
