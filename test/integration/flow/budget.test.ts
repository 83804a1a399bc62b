/**
 * Budget states reach the panel for any owning group: a group capped only by
 * `ai.budgets.default`, opted in by its sys_id (usage is recorded under its
 * name), spends its budget through a real hand-off with an external model;
 * the next sync shows the exhausted reason in its tickets' panels. A second
 * group's warning, recorded straight into the store, shows as an advice.
 */
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBudget, createRedisUsageStore } from '../../../src/ai/index.js';
import { createObedientProvider } from '../../../src/ai/obedient/obedient-provider.js';
import type { RuntimeConfig } from '../../../src/config/runtime-config.js';
import { startFlowHarness, type FlowHarness } from '../../support/flow-harness.js';
import { expectOnlyAllowedWrites, handOff } from '../../support/flow-steps.js';
import { redisUrl } from '../../support/redis.js';

describe('budget states in the panel, end to end', () => {
  let h: FlowHarness;
  let redis: Redis;
  let ai: RuntimeConfig['ai'];
  beforeAll(async () => {
    h = await startFlowHarness({ noWorker: true, provider: createObedientProvider() });
    redis = new Redis(redisUrl(), { maxRetriesPerRequest: 1 });
    const networkOps = (await h.ticket('INC0002041')).record.assignment_group ?? '';
    expect(networkOps).toMatch(/^[0-9a-f]{32}$/);
    // Every group is capped by the default alone: 100 tokens a period.
    ai = { ...h.config.ai, budgets: { ...h.config.ai.budgets, default: { tokens: 100, cost: null }, groups: {} } };
    await h.startWorker((config): RuntimeConfig => {
      // Network Operations is opted in by sys_id only; its usage is recorded under its name.
      const { 'Network Operations': byName, ...groups } = config.groups;
      expect(byName?.enabled).toBe(true);
      return { ...config, groups: { ...groups, [networkOps]: { enabled: true, tier: 'standard' } }, ai };
    });
  });
  afterAll(async () => {
    expectOnlyAllowedWrites(h);
    await redis.quit();
    await h.close();
  });

  const reasonsOf = async (number: string, operation: string): Promise<string[]> => {
    const panel = (await h.ticket(number)).panel;
    return panel?.operations.find((o) => o.id === operation)?.reasons.map((r) => r.rule) ?? [];
  };

  it("shows a default-capped group's exhausted budget, spent by a real hand-off, in its panels", async () => {
    expect(await h.waitFor('a panel on INC0002041', async () => (await h.ticket('INC0002041')).panel)).not.toBeNull();
    expect(await reasonsOf('INC0002041', 'gather-diagnostics')).not.toContain('forbid.budget.exhausted');
    await handOff(h, 'alex.rivera', 'INC0002041', 'gather-diagnostics');

    const spent = await createBudget({ store: createRedisUsageStore(redis, { prefix: h.prefix }), config: ai }).status('Network Operations');
    expect(spent.used.tokens).toBeGreaterThan(100);

    const panel = await h.waitFor('the exhausted budget in the panel of INC0002041', async () => {
      const view = await h.ticket('INC0002041');
      const op = view.panel?.operations.find((o) => o.id === 'gather-diagnostics');
      return op?.reasons.some((r) => r.rule === 'forbid.budget.exhausted') ? view.panel : undefined;
    });
    const op = panel.operations.find((o) => o.id === 'gather-diagnostics')!;
    expect(op.outcome).toBe('blocked');
    expect(op.reasons.find((r) => r.rule === 'forbid.budget.exhausted')!.message).toContain('Network Operations');
  });

  it("shows another group's warning, recorded under its name, as an advice", async () => {
    const budget = createBudget({ store: createRedisUsageStore(redis, { prefix: h.prefix }), config: ai });
    const recorded = await budget.record({ handoffId: 'ho_budget_seed', group: 'Service Desk', model: 'unpriced', usage: { promptTokens: 85, completionTokens: 0 } });
    expect(recorded.status?.state).toBe('warning');
    await h.waitFor('the budget warning in the panel of INC0002047', async () => (await reasonsOf('INC0002047', 'gather-diagnostics')).includes('advise.budget.warning'));
    expect(await reasonsOf('INC0002047', 'gather-diagnostics')).not.toContain('forbid.budget.exhausted');
  });
});
