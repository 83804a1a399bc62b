/**
 * The worker's endpoints against the real product (sandbox, Redis, BullMQ):
 * /healthz, /readyz and /metrics after a hand-off and its review, the token,
 * and `promtool check metrics` on the output.
 */
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INTEGRATION_PASSWORD } from '../../connectors/servicenow/sandbox/index.js';
import { expectOnlyAllowedWrites, handOff, untilStatus } from '../support/flow-steps.js';
import { labelValues, sample } from './support/metrics-text.js';
import { startOpsHarness, type OpsHarness } from './support/ops-harness.js';

const TOKEN = 'a-long-enough-test-token-3f9c';

describe('/healthz, /readyz and /metrics on a working worker', () => {
  let o: OpsHarness;
  beforeAll(async () => {
    o = await startOpsHarness({ token: TOKEN });
  });
  afterAll(async () => {
    expectOnlyAllowedWrites(o.h);
    await o.close();
  });
  const auth = { authorization: `Bearer ${TOKEN}` };

  it('is alive, and ready once every table has synced', async () => {
    expect((await o.get('/healthz')).status).toBe(200);
    const ready = await o.h.waitFor('ready', async () => {
      const r = await o.get('/readyz');
      return r.status === 200 ? r : undefined;
    });
    expect(JSON.parse(ready.text)).toMatchObject({ ready: true, checks: { redis: { ok: true }, instance: { ok: true }, sync: { ok: true, detail: '5 table(s) within 120 s' } } });
  });

  it('counts a hand-off and its review from the audit events, and the instance calls, with bounded labels only', async () => {
    const handoff = await handOff(o.h, 'alex.rivera', 'INC0002041', 'gather-diagnostics');
    await o.h.review('alex.rivera', 'INC0002041', { handoff: handoff.id, decision: 'accept' });
    await untilStatus(o.h, 'INC0002041', 'accepted');

    const text = await o.h.waitFor('the review counted', async () => {
      const r = await o.get('/metrics', auth);
      return sample(r.text, 'ai_handoff_handoffs_total', { operation: 'gather-diagnostics', status: 'accepted' }) === 1 ? r.text : undefined;
    });
    for (const status of ['requested', 'queued', 'executed', 'written']) {
      expect(sample(text, 'ai_handoff_handoffs_total', { operation: 'gather-diagnostics', status }), status).toBe(1);
    }
    expect(sample(text, 'ai_handoff_request_to_note_seconds_count')).toBe(1);
    expect(sample(text, 'ai_handoff_request_to_note_seconds_sum')).toBeGreaterThan(0);
    expect(sample(text, 'ai_handoff_review_seconds_count', { decision: 'accept' })).toBe(1);
    expect(sample(text, 'ai_handoff_instance_requests_total', { kind: 'write', code: '200' })).toBeGreaterThan(0);
    expect(sample(text, 'ai_handoff_instance_requests_total', { kind: 'list', code: '200' })).toBeGreaterThan(0);
    expect(sample(text, 'ai_handoff_ready')).toBe(1);
    expect(sample(text, 'ai_handoff_redis_safe')).toBe(1);
    expect(sample(text, 'ai_handoff_sync_lag_seconds', { table: 'incident' })).toBeLessThan(120);
    expect(sample(text, 'ai_handoff_queue_jobs', { queue: 'execute', state: 'failed' })).toBe(0);
    expect(sample(text, 'process_cpu_user_seconds_total')).toBeGreaterThan(0);

    // No label value is a ticket number, a person, the integration user or a secret.
    const values = labelValues(text).join('\n');
    for (const forbidden of ['INC0002041', 'alex.rivera', 'svc.aihandoff', INTEGRATION_PASSWORD, handoff.id, 'Remote access']) expect(values).not.toContain(forbidden);
  });

  it('passes promtool check metrics', async () => {
    const text = (await o.get('/metrics', auth)).text;
    const check = spawnSync('promtool', ['check', 'metrics'], { input: text, encoding: 'utf8' });
    expect(check.error, 'promtool is not installed: apt-get install prometheus (.ci/run does)').toBeUndefined();
    expect(check.stdout + check.stderr).toBe('');
    expect(check.status).toBe(0);
  });

  it('asks for the token on /metrics and the dashboard, not on the probes', async () => {
    expect((await o.get('/metrics')).status).toBe(401);
    expect((await o.get('/metrics', { authorization: 'Bearer wrong-token-of-some-length' })).status).toBe(401);
    const denied = await o.get('/dashboard.json');
    expect(denied.status).toBe(401);
    expect(denied.headers.get('www-authenticate')).toContain('Basic');
    expect((await o.get('/metrics', { authorization: `Basic ${Buffer.from(`anyone:${TOKEN}`).toString('base64')}` })).status).toBe(200);
    expect((await o.get('/readyz')).status).toBe(200);
    expect((await o.get('/nowhere', auth)).status).toBe(404);
    const res = await fetch(`${o.url}/healthz`, { method: 'POST' });
    expect(res.status).toBe(405);
  });
  it('shows a refused reload in /readyz (still ready: the running configuration stays) and in /metrics', async () => {
    const before = JSON.parse((await o.get('/readyz')).text) as { checks: { config: { ok: boolean; detail: string } } };
    expect(before.checks.config).toEqual({ ok: true, detail: expect.stringContaining(`policy ${o.worker.policy.version} from`) as string });
    // This worker was given its config in code: there is no file to read again, so the reload is refused.
    expect(await o.worker.reload({ via: 'test', by: 'os:tester' })).toMatchObject({ ok: false, problem: { code: 'CONFIG_INVALID' } });
    const ready = await o.get('/readyz');
    expect(ready.status).toBe(200);
    const body = JSON.parse(ready.text) as { ready: boolean; checks: { config: { ok: boolean; detail: string } } };
    expect(body.ready).toBe(true);
    expect(body.checks.config.ok).toBe(false);
    expect(body.checks.config.detail).toContain('reload (test) at');
    expect(body.checks.config.detail).toContain('refused: this worker was given its config in code');
    const text = (await o.get('/metrics', auth)).text;
    expect(sample(text, 'ai_handoff_config_reload_ok')).toBe(0);
    expect(sample(text, 'ai_handoff_config_reloads_total', { outcome: 'refused' })).toBe(1);
    expect(sample(text, 'ai_handoff_config_reloads_total', { outcome: 'applied' })).toBe(0);
    expect(sample(text, 'ai_handoff_config_loaded_timestamp_seconds')).toBeGreaterThan(1_700_000_000);
  });
});
