import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBudget, createMemoryUsageStore, periodOf, stateOf, ZERO } from '../../../src/ai/budget.js';
import { createRedisUsageStore } from '../../../src/ai/budget-redis.js';
import { parseAiConfig } from '../../../src/ai/config.js';
import { createBuiltinProvider } from '../../../src/ai/builtin/provider.js';
import type { Provider } from '../../../src/ai/provider.js';
import { runOperation } from '../../../src/ai/run.js';
import { isHandoffError } from '../../../src/errors.js';
import { redisUrl, testPrefix } from '../../support/redis.js';
import { seedAnswer, seedInput } from './support/provider-fixtures.js';

const config = parseAiConfig({
  prices: { 'gpt-4o': { promptPer1k: 0.0025, completionPer1k: 0.01 } },
  budgets: { period: 'month', warnAt: 0.8, default: { tokens: 10_000 }, groups: { 'Network Operations': { cost: 0.05 } } },
});
const MARCH = Date.UTC(2025, 2, 4, 10, 0, 0);

describe('budget rules', () => {
  it('names periods in UTC and when they reset', () => {
    expect(periodOf(MARCH, 'month')).toMatchObject({ id: '2025-03', resetsAt: '2025-04-01T00:00:00.000Z' });
    expect(periodOf(Date.UTC(2025, 11, 31, 23, 59), 'day')).toMatchObject({ id: '2025-12-31', resetsAt: '2026-01-01T00:00:00.000Z', seconds: 60 });
  });

  it('turns warning at the configured share and exhausted at the cap, on tokens or cost', () => {
    const cap = { tokens: 1000, cost: null };
    expect(stateOf({ ...ZERO, promptTokens: 500 }, cap, 0.8).state).toBe('ok');
    expect(stateOf({ ...ZERO, promptTokens: 700, completionTokens: 100 }, cap, 0.8).state).toBe('warning');
    expect(stateOf({ ...ZERO, promptTokens: 1000 }, cap, 0.8).state).toBe('exhausted');
    expect(stateOf({ ...ZERO, costMicros: 2_000_000 }, { tokens: null, cost: 2 }, 0.8).state).toBe('exhausted');
    expect(stateOf({ ...ZERO, promptTokens: 1e9 }, null, 0.8)).toEqual({ state: 'ok', share: 0 });
  });
});

describe('budget on a real Redis', () => {
  let redis: Redis;
  beforeAll(() => {
    redis = new Redis(redisUrl(), { lazyConnect: false, maxRetriesPerRequest: 1 });
  });
  afterAll(async () => {
    await redis.quit();
  });

  it('accounts tokens and cost per hand-off and per group, and moves ok → warning → exhausted', async () => {
    const prefix = testPrefix('budget');
    const budget = createBudget({ store: createRedisUsageStore(redis, { prefix }), config, now: () => MARCH });
    const group = 'Network Operations';
    const usage = { promptTokens: 4000, completionTokens: 1000 };
    const first = await budget.record({ handoffId: 'ho_a', group, model: 'gpt-4o', usage });
    expect(first.cost).toBeCloseTo(0.02, 6);
    expect(first.priced).toBe(true);
    expect(first.status).toMatchObject({ group, period: '2025-03', state: 'ok', used: { tokens: 5000, calls: 1 } });
    const second = await budget.record({ handoffId: 'ho_b', group, model: 'gpt-4o', usage });
    expect(second.status?.state).toBe('warning');
    await budget.record({ handoffId: 'ho_b', group, model: 'gpt-4o', usage });
    expect((await budget.status(group)).state).toBe('exhausted');
    expect(await budget.handoffUsage('ho_b')).toEqual({ promptTokens: 8000, completionTokens: 2000, costMicros: 40_000, calls: 2 });
    await expect(budget.assertAvailable(group)).rejects.toSatisfy((e: unknown) => isHandoffError(e, 'AI_BUDGET_EXCEEDED'));
    // Other groups fall back to the default token cap and are untouched.
    expect((await budget.status('Service Desk')).state).toBe('ok');
    const ttl = await redis.ttl(`${prefix}:ai:usage:group:${encodeURIComponent(group)}:2025-03`);
    expect(ttl).toBeGreaterThan(0);
  });

  it('lists the state of every group that spent this period, default-capped ones included, on Redis and in memory', async () => {
    for (const store of [createRedisUsageStore(redis, { prefix: testPrefix('budget-all') }), createMemoryUsageStore()]) {
      const budget = createBudget({ store, config, now: () => MARCH });
      expect(await budget.statuses()).toEqual([]);
      // Default cap: 10,000 tokens. The named cap matches any case of the name.
      await budget.record({ handoffId: 'ho_1', group: 'Payroll Systems', model: 'unpriced', usage: { promptTokens: 8500, completionTokens: 0 } });
      await budget.record({ handoffId: 'ho_2', group: 'network operations', model: 'gpt-4o', usage: { promptTokens: 20_000, completionTokens: 0 } });
      await budget.record({ handoffId: 'ho_3', group: 'Service Desk', model: 'unpriced', usage: { promptTokens: 10, completionTokens: 0 } });
      const states = Object.fromEntries((await budget.statuses()).map((s) => [s.group, s.state]));
      expect(states).toEqual({ 'Payroll Systems': 'warning', 'network operations': 'exhausted', 'Service Desk': 'ok' });
      expect((await budget.status('network operations')).cap).toEqual({ tokens: null, cost: 0.05 });
    }
  });

  it('loses no update under parallel records', async () => {
    const budget = createBudget({ store: createRedisUsageStore(redis, { prefix: testPrefix('budget-par') }), config, now: () => MARCH });
    await Promise.all(Array.from({ length: 50 }, (_, i) => budget.record({ handoffId: `ho_${i % 5}`, group: 'Service Desk', model: 'unpriced', usage: { promptTokens: 10, completionTokens: 1 } })));
    const status = await budget.status('Service Desk');
    expect(status.used).toEqual({ tokens: 550, cost: 0, calls: 50 });
  });
});

describe('runOperation with a budget', () => {
  const external = (calls: string[]): Provider => ({
    name: 'stub-model',
    kind: 'external',
    model: 'gpt-4o',
    generate: () => (calls.push('called'), Promise.resolve({ output: { text: seedAnswer, truncated: false }, usage: { promptTokens: 9000, completionTokens: 2000 }, provider: 'stub-model', model: 'gpt-4o-2024-08-06' })),
  });
  const request = { handoffId: 'ho_x', operation: seedInput.operation, ticket: seedInput.ticket, sources: seedInput.sources, note: null, approval: seedInput.approval, group: 'Service Desk' };

  it('records usage under the configured model price, and refuses before calling once the budget is spent', async () => {
    const calls: string[] = [];
    const budget = createBudget({ store: createMemoryUsageStore(), config, now: () => MARCH });
    const outcome = await runOperation({ provider: external(calls), config, budget }, request);
    expect(outcome.cost).toEqual({ amount: 0.0425, priced: true });
    expect(outcome.budget).toMatchObject({ state: 'exhausted', used: { tokens: 11_000 } });
    await expect(runOperation({ provider: external(calls), config, budget }, request)).rejects.toSatisfy((e: unknown) => isHandoffError(e, 'AI_BUDGET_EXCEEDED'));
    expect(calls).toHaveLength(1);
    // The built-in provider spends nothing and is never capped.
    const builtin = await runOperation({ provider: createBuiltinProvider(), config, budget }, request);
    expect(builtin.verdict.ok).toBe(true);
  });
});
