/**
 * The shipped alert rules and the example scrape configuration, with
 * Prometheus's own tools: `promtool check rules`, `promtool test rules`
 * (alerts.test.yml), and a real Prometheus scraping a worker (with its token)
 * while it runs a hand-off, read back through the query API.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { fromRoot } from '../../src/util/paths.js';
import { expectOnlyAllowedWrites, handOff } from '../support/flow-steps.js';
import { startOpsHarness, type OpsHarness } from './support/ops-harness.js';
import { startPrometheus, type PrometheusServer } from './support/prometheus-server.js';

const RULES = fromRoot('deploy', 'prometheus', 'alerts.yml');
const TOKEN = 'prometheus-scrape-token-0d1e';

function promtool(...args: string[]): { status: number | null; output: string } {
  const run = spawnSync('promtool', args, { cwd: fromRoot('deploy', 'prometheus'), encoding: 'utf8' });
  if (run.error) throw new Error(`promtool is not installed: apt-get install prometheus (.ci/run does): ${run.error.message}`);
  return { status: run.status, output: run.stdout + run.stderr };
}

describe('deploy/prometheus/alerts.yml', () => {
  it('passes promtool check rules', () => {
    const check = promtool('check', 'rules', 'alerts.yml');
    expect(check.output).toContain('SUCCESS: 11 rules found');
    expect(check.status).toBe(0);
  });

  it('fires as alerts.test.yml expects (promtool test rules)', () => {
    const test = promtool('test', 'rules', 'alerts.test.yml');
    expect(test.output).toContain('SUCCESS');
    expect(test.status).toBe(0);
  });

  it('alerts on each thing issue 14 names', () => {
    const names = (parse(readFileSync(RULES, 'utf8')) as { groups: { rules: { alert: string }[] }[] }).groups.flatMap((g) => g.rules.map((r) => r.alert));
    expect(names).toEqual(
      expect.arrayContaining(['AiHandoffRequestsWaiting', 'AiHandoffSyncLag', 'AiHandoffInstanceThrottling', 'AiHandoffInstanceErrors', 'AiHandoffGuardRejectionsSpike', 'AiHandoffRedisUnsafe', 'AiHandoffBudgetExhausted', 'AiHandoffNotReady']),
    );
  });
});

describe('a real Prometheus scraping a worker', () => {
  let o: OpsHarness;
  let prometheus: PrometheusServer;
  beforeAll(async () => {
    o = await startOpsHarness({ token: TOKEN });
    // The shipped example, pointed at this worker: the target, the token file, the rules, a fast scrape.
    const example = parse(readFileSync(fromRoot('deploy', 'prometheus', 'prometheus.yml'), 'utf8')) as {
      global: Record<string, string>;
      rule_files: string[];
      scrape_configs: { authorization: { credentials_file: string }; static_configs: { targets: string[] }[] }[];
    };
    example.global = { scrape_interval: '1s', evaluation_interval: '1s' };
    example.rule_files = [RULES];
    example.scrape_configs[0]!.authorization.credentials_file = 'token';
    example.scrape_configs[0]!.static_configs = [{ targets: [new URL(o.url).host] }];
    prometheus = await startPrometheus(stringify(example), { token: TOKEN });
  }, 60_000);
  afterAll(async () => {
    await prometheus?.stop();
    expectOnlyAllowedWrites(o.h);
    await o?.close();
  });

  const value = async (expr: string): Promise<number | undefined> => {
    const result = await prometheus.query(expr);
    return result[0] === undefined ? undefined : Number(result[0].value[1]);
  };

  it('reads the hand-off counters, readiness and the loaded rules back through the query API', async () => {
    await o.h.waitFor('the target up', async () => (await value('up{job="ai-handoff"}')) === 1, 30_000);
    const before = (await value('sum(ai_handoff_handoffs_total{status="written"})')) ?? 0;

    await handOff(o.h, 'alex.rivera', 'INC0002041', 'gather-diagnostics');
    await o.h.waitFor('the written hand-off scraped', async () => (await value('sum(ai_handoff_handoffs_total{status="written"})')) === before + 1, 30_000);
    expect(await value('ai_handoff_handoffs_total{job="ai-handoff",operation="gather-diagnostics",status="requested"}')).toBe(1);
    expect(await value('ai_handoff_request_to_note_seconds_count')).toBe(1);
    expect(await value('sum(ai_handoff_instance_requests_total{code="200"})')).toBeGreaterThan(0);
    expect(await value('ai_handoff_ready')).toBe(1);

    const rules = await prometheus.api<{ groups: { name: string; rules: { name: string; health: string; state?: string }[] }[] }>('/api/v1/rules');
    const group = rules.groups.find((g) => g.name === 'ai-handoff');
    expect(group?.rules).toHaveLength(11);
    expect(group?.rules.every((r) => r.health === 'ok' || r.health === 'unknown')).toBe(true);
    const alerts = await prometheus.api<{ alerts: { labels: { alertname: string }; state: string }[] }>('/api/v1/alerts');
    expect(alerts.alerts.filter((a) => a.state === 'firing').map((a) => a.labels.alertname)).toEqual([]);
  }, 60_000);
});
