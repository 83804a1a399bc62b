import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isHandoffError } from '../../../src/errors.js';
import { assertRedisSafe } from '../../../src/queue/redis-safety.js';
import { startRedisServer, type RedisServer } from '../../support/redis-server.js';

async function refusal(server: RedisServer, options = {}): Promise<string> {
  const redis = new Redis(server.url);
  try {
    await assertRedisSafe(redis, options);
    return 'safe';
  } catch (error) {
    if (isHandoffError(error, 'REDIS_UNSAFE')) return `${error.message} | ${error.remedy ?? ''}`;
    throw error;
  } finally {
    await redis.quit();
  }
}

describe('Redis safety check against real redis-server processes', () => {
  const servers: RedisServer[] = [];
  let lru: RedisServer;
  let volatile: RedisServer;
  let safe: RedisServer;

  beforeAll(async () => {
    [lru, volatile, safe] = await Promise.all([
      startRedisServer({ maxmemoryPolicy: 'allkeys-lru' }),
      startRedisServer({ appendonly: false }),
      startRedisServer(),
    ]);
    servers.push(lru, volatile, safe);
  });
  afterAll(() => Promise.all(servers.map((s) => s.stop())));

  it('refuses an eviction policy other than noeviction, naming the setting', async () => {
    const text = await refusal(lru);
    expect(text).toContain("maxmemory-policy is 'allkeys-lru'");
    expect(text).toContain('set maxmemory-policy noeviction');
  });

  it('refuses persistence off unless explicitly allowed for tests', async () => {
    expect(await refusal(volatile)).toContain('append-only persistence is off');
    expect(await refusal(volatile, { allowNoPersistence: true })).toBe('safe');
  });

  it('accepts noeviction with AOF', async () => {
    expect(await refusal(safe)).toBe('safe');
  });
});

describe('appendfsync', () => {
  it('refuses appendfsync no, naming the setting, and accepts everysec and always', async () => {
    const server = await startRedisServer();
    const admin = new Redis(server.url);
    try {
      await admin.config('SET', 'appendfsync', 'no');
      const text = await refusal(server);
      expect(text).toContain("appendfsync is 'no'");
      expect(text).toContain('set appendfsync everysec');
      await admin.config('SET', 'appendfsync', 'always');
      expect(await refusal(server)).toBe('safe');
    } finally {
      await admin.quit();
      await server.stop();
    }
  });
});

describe('a Redis that refuses CONFIG (as managed services do)', () => {
  it('is named as such, unless the operator vouches for its settings', async () => {
    const managed = await startRedisServer({ args: ['--rename-command', 'CONFIG', ''] });
    try {
      expect(await refusal(managed)).toContain('cannot read the Redis configuration (CONFIG GET is disabled)');
      expect(await refusal(managed, { assumeSafeWithoutConfig: true })).toBe('safe');
    } finally {
      await managed.stop();
    }
  });
});
