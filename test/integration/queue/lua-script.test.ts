import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { luaScript } from '../../../src/queue/lua-script.js';
import { startRedisServer, type RedisServer } from '../../support/redis-server.js';

// A redis-server of its own: the test flushes its script cache, which the suite's shared Redis must keep.
let server: RedisServer;
let redis: Redis;
beforeAll(async () => {
  server = await startRedisServer();
  redis = new Redis(server.url);
});
afterAll(async () => {
  redis.disconnect();
  await server.stop();
});

describe('a Lua script run by its SHA-1', () => {
  const incrBy = luaScript(`return redis.call('INCRBY', KEYS[1], ARGV[1])`);

  it('runs on a server that has never seen it, and by EVALSHA once it has', async () => {
    await redis.script('FLUSH');
    expect(await redis.script('EXISTS', incrBy.sha)).toEqual([0]);
    expect(await incrBy.run(redis, ['n'], [2])).toBe(2);
    // The fallback cached it: the next call goes by name alone.
    expect(await redis.script('EXISTS', incrBy.sha)).toEqual([1]);
    const before = Number(/cmdstat_evalsha:calls=(\d+)/.exec(await redis.info('commandstats'))?.[1] ?? 0);
    expect(await incrBy.run(redis, ['n'], [3])).toBe(5);
    const after = Number(/cmdstat_evalsha:calls=(\d+)/.exec(await redis.info('commandstats'))?.[1] ?? 0);
    expect(after - before).toBe(1);
  });

  it('survives the server forgetting its scripts (a restart or a failover)', async () => {
    await incrBy.run(redis, ['m'], [1]);
    await redis.script('FLUSH');
    expect(await incrBy.run(redis, ['m'], [1])).toBe(2);
  });

  it('passes the script\'s own errors through', async () => {
    const bad = luaScript(`return redis.call('INCRBY', KEYS[1], 'x')`);
    await expect(bad.run(redis, ['k'], [])).rejects.toThrow(/not an integer/);
  });
});
