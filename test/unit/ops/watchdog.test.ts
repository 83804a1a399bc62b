/**
 * The give-up bound reads Redis from the worker's one record of it (the Redis
 * monitor's health state): an outage past ops.giveUpAfterMs ends the worker;
 * a shorter one, or Redis unsafe, does not.
 */
import { describe, expect, it } from 'vitest';
import { Ops } from '../../../src/config/ops.js';
import type { HandoffError } from '../../../src/errors.js';
import { createHealth } from '../../../src/ops/health.js';
import { startWatchdog } from '../../../src/ops/watchdog.js';
import { createHealthState } from '../../../src/queue/health-state.js';

describe('the give-up bound on Redis', () => {
  it('gives up once Redis has not answered for ops.giveUpAfterMs, timed from the first failed check', () => {
    let now = 1_000_000;
    const redis = createHealthState();
    const health = createHealth(() => redis.snapshot().redis, () => now);
    health.instanceAttempt(200, 'list');
    const given: HandoffError[] = [];
    const watchdog = startWatchdog({ health, redisWhere: '127.0.0.1:6379', instanceWhere: 'acme.service-now.com', probe: () => Promise.resolve(), ops: Ops.parse({ giveUpAfterMs: 60_000, checkEveryMs: 300_000 }), onGiveUp: (e) => given.push(e), now: () => now });
    try {
      redis.setRedis('unsafe', new Date(now), { code: 'REDIS_UNSAFE', message: "Redis maxmemory-policy is 'allkeys-lru'", remedy: null });
      now += 120_000;
      watchdog.check();
      expect(given).toEqual([]);

      const gone = { code: 'REDIS_UNAVAILABLE', message: 'connect ECONNREFUSED 127.0.0.1:6379', remedy: null };
      redis.setRedis('unreachable', new Date(now), gone);
      now += 59_000;
      redis.setRedis('unreachable', new Date(now), gone);
      watchdog.check();
      expect(given).toEqual([]);
      now += 2_000;
      watchdog.check();
      watchdog.check();
      expect(given).toHaveLength(1);
      expect(given[0]!.code).toBe('REDIS_UNAVAILABLE');
      expect(given[0]!.message).toBe('Redis at 127.0.0.1:6379 has not answered for 61 s (connect ECONNREFUSED 127.0.0.1:6379); giving up after ops.giveUpAfterMs');
    } finally {
      watchdog.stop();
    }
  });
});
