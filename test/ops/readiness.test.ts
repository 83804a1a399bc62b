/**
 * Readiness and the give-up bound against real failures: Redis killed and
 * brought back (not ready, then ready; short outages are not fatal), the
 * instance refusing the credentials mid-run (not ready, then given up after
 * ops.giveUpAfterMs), and one table's sync failing (lag past its bound).
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { RuntimeConfig } from '../../src/config/runtime-config.js';
import { startRedisServer, type RedisServer } from '../support/redis-server.js';
import { sample } from './support/metrics-text.js';
import { startOpsHarness, type OpsHarness } from './support/ops-harness.js';

const quick = (ops: Partial<RuntimeConfig['ops']> = {}, readiness: Partial<RuntimeConfig['ops']['readiness']> = {}) => (c: RuntimeConfig): RuntimeConfig => ({
  ...c,
  worker: { ...c.worker, redis: { ...c.worker.redis, recheckEveryMs: 1_000 } },
  ops: { ...c.ops, checkEveryMs: 300, ...ops, readiness: { ...c.ops.readiness, instanceFreshMs: 3_000, ...readiness } },
});

async function readyz(o: OpsHarness): Promise<{ status: number; body: { ready: boolean; checks: Record<string, { ok: boolean; detail: string }> } }> {
  const r = await o.get('/readyz');
  return { status: r.status, body: JSON.parse(r.text) as never };
}

async function until(o: OpsHarness, what: string, check: (r: Awaited<ReturnType<typeof readyz>>) => boolean, timeoutMs = 20_000): Promise<Awaited<ReturnType<typeof readyz>>> {
  return o.h.waitFor(what, async () => {
    const r = await readyz(o);
    return check(r) ? r : undefined;
  }, timeoutMs);
}

let o: OpsHarness | undefined;
let redis: RedisServer | undefined;
afterEach(async () => {
  o?.h.sandbox.faults.clear();
  await o?.close();
  await redis?.stop();
  o = undefined;
  redis = undefined;
});

describe('readiness when Redis goes away and comes back', () => {
  it('answers 503 naming Redis while it is down, and 200 again once it is back, without giving up', async () => {
    redis = await startRedisServer();
    o = await startOpsHarness({ redisUrl: redis.url, config: quick({ giveUpAfterMs: 60_000 }) });
    const h = o;
    await until(h, 'ready', (r) => r.status === 200);

    await redis.kill();
    const down = await until(h, 'not ready', (r) => r.status === 503 && !r.body.checks.redis!.ok);
    expect(down.body.ready).toBe(false);
    expect(down.body.checks.redis!.detail).toMatch(/^unreachable for \d+ s: /);
    const metrics = (await h.get('/metrics')).text;
    expect(sample(metrics, 'ai_handoff_redis_up')).toBe(0);
    // Down is not unsafe: the last read of its settings stands.
    expect(sample(metrics, 'ai_handoff_redis_safe')).toBe(1);
    expect(sample(metrics, 'ai_handoff_ready')).toBe(0);
    // Redis-read gauges are left out while Redis is away, not reported as zero.
    expect(sample(metrics, 'ai_handoff_sync_lag_seconds', { table: 'incident' })).toBeUndefined();

    await redis.restart();
    await until(h, 'ready again', (r) => r.status === 200, 30_000);
    const gaveUp = await Promise.race([h.ops.gaveUp.then(() => true), new Promise((r) => setTimeout(() => r(false), 100))]);
    expect(gaveUp).toBe(false);
  }, 90_000);
});

describe('readiness and the give-up bound when the instance refuses the credentials mid-run', () => {

  it('answers 503 naming the refused credentials, then gives up with SN_AUTH_FAILED after ops.giveUpAfterMs', async () => {
    o = await startOpsHarness({ config: quick({ giveUpAfterMs: 10_000 }) });
    const h = o;
    await until(h, 'ready', (r) => r.status === 200);
    const revokedAt = Date.now();
    h.h.sandbox.faults.set([{ kind: 'unauthorized', user: 'svc.aihandoff' }]);

    const refused = await until(h, 'not ready', (r) => r.status === 503 && !r.body.checks.instance!.ok);
    expect(refused.body.checks.instance!.detail).toMatch(/^credentials refused \(401\) for \d+ s$/);

    const error = await h.ops.gaveUp;
    expect(Date.now() - revokedAt).toBeGreaterThanOrEqual(10_000);
    expect(Date.now() - revokedAt).toBeLessThan(20_000);
    expect(error.code).toBe('SN_AUTH_FAILED');
    expect(error.message).toMatch(/^ServiceNow at 127\.0\.0\.1:\d+: credentials refused \(401\) for 1\d s; giving up after ops\.giveUpAfterMs$/);
  }, 60_000);
});

describe('readiness when one table stops syncing', () => {

  it('names the lagging table once its last pass is older than ops.readiness.syncLagMs', async () => {
    o = await startOpsHarness({ config: quick({}, { syncLagMs: 2_000 }) });
    const h = o;
    await until(h, 'ready', (r) => r.status === 200);
    h.h.sandbox.faults.set([{ kind: 'error', status: 503, method: 'GET', table: 'sc_request' }]);
    const lagging = await until(h, 'sc_request lagging', (r) => r.status === 503 && !r.body.checks.sync!.ok);
    // Other tables may lag too: sync passes run one at a time per process, and the failing one retries with back-off.
    expect(lagging.body.checks.sync!.detail).toMatch(/^lagging more than 2 s: .*sc_request \d+ s/);
    expect(lagging.body.checks.instance!.ok).toBe(true);
    expect(lagging.body.checks.redis!.ok).toBe(true);
    h.h.sandbox.faults.clear();
    await until(h, 'ready again', (r) => r.status === 200);
  }, 60_000);
});
