import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFlowHarness, type FlowHarness } from '../../support/flow-harness.js';
import { expectOnlyAllowedWrites, handOff } from '../../support/flow-steps.js';
import { redisUrl } from '../../support/redis.js';
import { fromRoot } from '../../../src/util/paths.js';
import { runCli } from '../../support/run-cli.js';

describe('ai-handoff report', () => {
  let h: FlowHarness;
  beforeAll(async () => {
    h = await startFlowHarness({ sandbox: { seed: { tickets: 400 } } });
  });
  afterAll(async () => {
    // The invariant holds with the report's reads in the run too.
    expectOnlyAllowedWrites(h);
    await h.close();
  });

  it("prints the seed's dashboard over active work and the hand-offs by status", async () => {
    await handOff(h, 'alex.rivera', 'INC0002041', 'gather-diagnostics');
    const saved = { ...process.env };
    Object.assign(process.env, { SN_INSTANCE_URL: h.sandbox.url, SN_USERNAME: 'svc.aihandoff', SN_PASSWORD: 'integration-sandbox' });
    try {
      // The sandbox's groups opt in to AI through config/sandbox.yaml; against an instance named by SN_INSTANCE_URL
      // the report falls back to production.yaml (AI off everywhere), as the worker does, and says so rather than
      // reporting every ticket blocked as if the policy had judged them (issue 14).
      const sandboxConfig = ['--config', fromRoot('config', 'sandbox.yaml')];
      const production = await runCli(['report', '--redis-url', redisUrl(), '--prefix', h.prefix, '--json']);
      expect(production.code).toBe(0);
      expect(JSON.parse(production.stdout)).toEqual({ aiEnabled: false, config: fromRoot('config', 'production.yaml'), notice: expect.stringMatching(/^No group has AI enabled in .*production\.yaml, so every ticket is blocked by the configuration, not by the policy's judgement\./) });
      const productionText = await runCli(['report', '--redis-url', redisUrl(), '--prefix', h.prefix]);
      expect(productionText.stdout).not.toMatch(/blocked\s+100%/);
      expect(productionText.stdout).toContain('No group has AI enabled');

      const run = await runCli(['report', ...sandboxConfig, '--redis-url', redisUrl(), '--prefix', h.prefix, '--json']);
      expect(run.code).toBe(0);
      const d = JSON.parse(run.stdout) as { total: { active: number; eligible: number; approvalBound: number; blocked: number }; shares: Record<string, number>; handoffs: Record<string, number> };
      expect(d.total.active).toBeGreaterThan(200);
      expect(d.total.eligible + d.total.approvalBound + d.total.blocked).toBe(d.total.active);
      expect(d.total.eligible).toBeGreaterThan(0);
      expect(d.total.approvalBound).toBeGreaterThan(0);
      expect(d.total.blocked).toBeGreaterThan(0);
      expect(d.handoffs.awaiting_review).toBe(1);
      console.log(`dashboard over ${d.total.active} active tickets: eligible ${(d.shares.eligible! * 100).toFixed(1)}%, approval-bound ${(d.shares['approval-bound']! * 100).toFixed(1)}%, blocked ${(d.shares.blocked! * 100).toFixed(1)}%`);
      const text = await runCli(['report', ...sandboxConfig, '--redis-url', redisUrl(), '--prefix', h.prefix]);
      expect(text.stdout).toMatch(/eligible\s+\d+%/);
      expect(text.stdout).toContain('awaiting_review');
    } finally {
      for (const key of ['SN_INSTANCE_URL', 'SN_USERNAME', 'SN_PASSWORD']) if (saved[key] === undefined) delete process.env[key];
      Object.assign(process.env, saved);
    }
  });
});
