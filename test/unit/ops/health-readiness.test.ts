import { describe, expect, it } from 'vitest';
import { createHealth, instanceOutcome } from '../../../src/ops/health.js';
import { readiness } from '../../../src/ops/readiness.js';
import { createHealthState } from '../../../src/queue/health-state.js';

const bounds = { instanceFreshMs: 60_000, syncLagMs: 30_000 };

describe('instance outcomes', () => {
  it('reads what each status says of the instance and the credentials', () => {
    expect([200, 201, 400, 403, 404, 409].map((s) => instanceOutcome(s, 'list'))).toEqual(Array(6).fill('ok'));
    expect(instanceOutcome(401, 'get')).toBe('auth');
    expect(instanceOutcome(400, 'token')).toBe('auth');
    expect(instanceOutcome(429, 'list')).toBe('throttled');
    expect([0, 202, 500, 503].map((s) => instanceOutcome(s, 'list'))).toEqual(Array(4).fill('down'));
  });
});

/** The instance's health over the worker's record of Redis, as the ops runtime builds it. */
function healthAt(clock: () => number) {
  const redis = createHealthState();
  redis.setRedis('safe', new Date(clock()));
  return { redis, health: createHealth(() => redis.snapshot().redis, clock) };
}

describe('readiness', () => {
  it('is ready with Redis safe, a recent authenticated answer and every table within its lag', () => {
    let now = 1_000_000;
    const { health } = healthAt(() => now);
    health.instanceAttempt(200, 'list');
    now += 10_000;
    const r = readiness(health.snapshot(), { incident: 5, sc_request: 29 }, bounds, now);
    expect(r).toEqual({
      ready: true,
      checks: { redis: { ok: true, detail: 'reachable and safe' }, instance: { ok: true, detail: 'answered 10 s ago' }, sync: { ok: true, detail: '2 table(s) within 30 s' } },
    });
  });

  it('names each failure: Redis down or unsafe, credentials refused, no recent answer, a lagging or never-synced table, unreadable lags', () => {
    let now = 1_000_000;
    const { redis, health } = healthAt(() => now);
    health.instanceAttempt(200, 'list');
    now += 5_000;
    const refused = { code: 'REDIS_UNAVAILABLE', message: 'ECONNREFUSED', remedy: null };
    redis.setRedis('unreachable', new Date(now), refused);
    health.instanceAttempt(401, 'get');
    now += 7_000;
    // A later failed check does not restart the outage's clock.
    redis.setRedis('unreachable', new Date(now), refused);
    let r = readiness(health.snapshot(), { incident: 31, sc_request: null }, bounds, now);
    expect(r.ready).toBe(false);
    expect(r.checks.redis.detail).toBe('unreachable for 7 s: ECONNREFUSED');
    expect(r.checks.instance.detail).toBe('credentials refused (401) for 7 s');
    health.instanceAttempt(503, 'list');
    expect(readiness(health.snapshot(), {}, bounds, now).checks.instance.ok).toBe(false);
    health.instanceAttempt(200, 'list');
    health.instanceAttempt(503, 'list');
    // Briefly away after a fresh answer: still ready.
    expect(readiness(health.snapshot(), {}, bounds, now).checks.instance).toEqual({ ok: true, detail: 'answered 0 s ago' });
    health.instanceAttempt(401, 'list');
    expect(r.checks.sync.detail).toBe('lagging more than 30 s: incident 31 s');

    now += 60_000;
    redis.setRedis('unsafe', new Date(now), { code: 'REDIS_UNSAFE', message: "Redis maxmemory-policy is 'allkeys-lru'", remedy: null });
    r = readiness(health.snapshot(), { incident: 1, sc_request: null }, bounds, now);
    expect(r.checks.redis).toEqual({ ok: false, detail: "unsafe: Redis maxmemory-policy is 'allkeys-lru'" });
    expect(r.checks.instance).toEqual({ ok: false, detail: 'credentials refused (401) for 60 s' });
    // Never synced, judged from the process's start (72 s ago).
    expect(r.checks.sync.detail).toBe('lagging more than 30 s: sc_request 72 s');
    expect(readiness(health.snapshot(), undefined, bounds, now).checks.sync.ok).toBe(false);
    // Back and safe: the outage is over, and a later one is timed from its own start.
    redis.setRedis('safe', new Date(now));
    expect(readiness(health.snapshot(), {}, bounds, now).checks.redis).toEqual({ ok: true, detail: 'reachable and safe' });
    redis.setRedis('unreachable', new Date(now), refused);
    expect(readiness(health.snapshot(), {}, bounds, now + 2_000).checks.redis.detail).toBe('unreachable for 2 s: ECONNREFUSED');
  });

  it('is not ready before the worker has checked Redis at all', () => {
    const health = createHealth(() => createHealthState().snapshot().redis, () => 0);
    expect(readiness(health.snapshot(), {}, bounds, 0).checks.redis).toEqual({ ok: false, detail: 'not checked yet' });
  });

  it('is not ready before the instance has answered at all; a 429 changes nothing', () => {
    const { health } = healthAt(() => 0);
    health.instanceAttempt(429, 'list');
    expect(readiness(health.snapshot(), {}, bounds, 0).checks.instance).toEqual({ ok: false, detail: 'has not answered yet' });
  });
});
