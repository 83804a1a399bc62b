/**
 * Redis becoming unsafe while the worker runs (issue 11): a CONFIG SET to
 * allkeys-lru, or appendfsync no, is seen by the periodic re-check; the
 * worker logs one clear error, reports not ready, and takes no new work
 * until Redis is safe again; then the waiting request is handled.
 */
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../../src/util/log.js';
import { startFlowHarness, type FlowHarness } from '../../support/flow-harness.js';
import { untilStatus } from '../../support/flow-steps.js';
import { startRedisServer, type RedisServer } from '../../support/redis-server.js';

describe('Redis made unsafe while the worker runs', () => {
  let server: RedisServer;
  let admin: Redis;
  let h: FlowHarness;
  const lines: string[] = [];

  beforeAll(async () => {
    server = await startRedisServer();
    admin = new Redis(server.url);
    h = await startFlowHarness({
      redisUrl: server.url,
      log: createLogger({ level: 'warn', write: (line) => lines.push(line) }),
      config: (c) => ({ ...c, worker: { ...c.worker, redis: { ...c.worker.redis, recheckEveryMs: 200 } } }),
    });
  }, 60_000);
  afterAll(async () => {
    await h.close();
    await admin.quit();
    await server.stop();
  });

  const errors = (): Array<{ msg: string; code?: string; message?: string; remedy?: string }> =>
    lines.map((l) => JSON.parse(l) as { level: string; msg: string }).filter((l) => l.level === 'error');

  it('stops taking work with one error and a not-ready health state, and resumes when fixed', async () => {
    await h.waitFor('the first panel', async () => (await h.ticket('INC0002041')).panel, 30_000);
    expect(h.worker!.health.snapshot()).toMatchObject({ ready: true, redis: { state: 'safe' } });

    await admin.config('SET', 'maxmemory-policy', 'allkeys-lru');
    await h.waitFor('the worker to see Redis unsafe', () => Promise.resolve(!h.worker!.health.snapshot().ready), 10_000);
    expect(h.worker!.health.snapshot().redis).toMatchObject({ state: 'unsafe', problem: { code: 'REDIS_UNSAFE' } });
    expect(h.worker!.health.snapshot().redis.problem!.message).toContain("maxmemory-policy is 'allkeys-lru'");

    // A request made now waits: nothing picks it up while Redis is unsafe.
    await h.request('alex.rivera', 'INC0002041', { operation: 'gather-diagnostics' });
    await new Promise((r) => setTimeout(r, 1_500));
    expect((await h.ticket('INC0002041')).panel!.handoffs).toHaveLength(0);
    const unsafeErrors = errors().filter((e) => e.msg.startsWith('Redis became unsafe'));
    expect(unsafeErrors).toHaveLength(1);
    expect(unsafeErrors[0]).toMatchObject({ code: 'REDIS_UNSAFE' });

    await admin.config('SET', 'maxmemory-policy', 'noeviction');
    await h.waitFor('the worker to see Redis safe', () => Promise.resolve(h.worker!.health.snapshot().ready), 10_000);
    const done = await untilStatus(h, 'INC0002041', 'awaiting_review', 30_000);
    expect(done.panel!.handoffs).toHaveLength(1);

    await admin.config('SET', 'appendfsync', 'no');
    await h.waitFor('the worker to see appendfsync no', () => Promise.resolve(h.worker!.health.snapshot().redis.problem?.message.includes("appendfsync is 'no'") === true), 10_000);
    await admin.config('SET', 'appendfsync', 'everysec');
    await h.waitFor('the worker to see Redis safe', () => Promise.resolve(h.worker!.health.snapshot().ready), 10_000);
    expect(errors().filter((e) => e.msg.startsWith('Redis became unsafe'))).toHaveLength(2);
  }, 90_000);
});
