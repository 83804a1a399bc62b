import { describe, expect, it } from 'vitest';
import { createHealthState } from '../../../src/queue/health-state.js';

const gone = { code: 'REDIS_UNAVAILABLE', message: 'connect ECONNREFUSED 127.0.0.1:6379', remedy: null };
const lru = { code: 'REDIS_UNSAFE', message: "Redis maxmemory-policy is 'allkeys-lru'", remedy: null };

describe('the health state of Redis', () => {
  it('times an outage from its first failed check, keeps the last verdict on the settings through it, and is ready only when safe', () => {
    const health = createHealthState();
    expect(health.snapshot()).toMatchObject({ ready: false, redis: { state: 'unknown', settingsSafe: null, unreachableSince: null } });
    health.setRedis('unsafe', new Date(1_000), lru);
    health.setRedis('unreachable', new Date(2_000), gone);
    health.setRedis('unreachable', new Date(3_000), gone);
    expect(health.snapshot()).toMatchObject({ ready: false, redis: { state: 'unreachable', settingsSafe: false, unreachableSince: new Date(2_000).toISOString(), checkedAt: new Date(3_000).toISOString(), problem: gone } });
    health.setRedis('safe', new Date(4_000));
    expect(health.snapshot()).toMatchObject({ ready: true, redis: { state: 'safe', settingsSafe: true, unreachableSince: null, problem: null } });
  });
});
