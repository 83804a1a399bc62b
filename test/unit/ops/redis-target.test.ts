import { describe, expect, it } from 'vitest';
import { isHandoffError } from '../../../src/errors.js';
import { describeRedisTarget, parseRedisTarget, redisOptionsFor } from '../../../src/queue/redis-target.js';

describe('Redis targets', () => {
  it('passes a plain URL to ioredis as it is', () => {
    expect(parseRedisTarget('redis://:pw@10.0.0.5:6380/2')).toEqual({ kind: 'url', url: 'redis://:pw@10.0.0.5:6380/2' });
  });

  it('reads Sentinels, the master name, credentials, db and TLS from a Sentinel URL', () => {
    const target = parseRedisTarget('redis-sentinel://app:p%40ss@10.0.0.1:26379,10.0.0.2,[::1]:26380/orders?db=3&tls=1&sentinelPassword=sp');
    expect(target).toEqual({
      kind: 'sentinel',
      sentinels: [{ host: '10.0.0.1', port: 26379 }, { host: '10.0.0.2', port: 26379 }, { host: '::1', port: 26380 }],
      name: 'orders',
      options: { username: 'app', password: 'p@ss', db: 3, sentinelPassword: 'sp', tls: {}, sentinelTLS: {}, enableTLSForSentinelMode: true },
    });
  });

  it('defaults the master name to mymaster, and lets a role override the retry defaults', () => {
    const target = parseRedisTarget('redis-sentinel://127.0.0.1:26379');
    if (target.kind !== 'sentinel') throw new Error('expected a Sentinel target');
    expect(target.name).toBe('mymaster');
    const never = (): null => null;
    const options = redisOptionsFor(target, { sentinelRetryStrategy: never, connectionName: 'x' });
    expect(options.sentinelRetryStrategy).toBe(never);
    expect(options).toMatchObject({ name: 'mymaster', failoverDetector: true, connectionName: 'x', sentinels: [{ host: '127.0.0.1', port: 26379 }] });
  });

  it('refuses a Sentinel URL without hosts, or with a bad port or db, naming the fix', () => {
    for (const bad of ['redis-sentinel:///mymaster', 'redis-sentinel://h:99999/m', 'redis-sentinel://h:1/m?db=x']) {
      let caught: unknown;
      try {
        parseRedisTarget(bad);
      } catch (error) {
        caught = error;
      }
      expect(isHandoffError(caught, 'CONFIG_INVALID'), bad).toBe(true);
      expect((caught as Error).message).toContain('Sentinel URL is invalid');
    }
  });

  it('describes a target by host and port, never its credentials', () => {
    expect(describeRedisTarget('redis://:secret@10.0.0.5:6380/2')).toBe('10.0.0.5:6380');
    expect(describeRedisTarget('rediss://user:secret@cache.internal')).toBe('cache.internal:6379 (TLS)');
    expect(describeRedisTarget('redis-sentinel://:secret@a:26379,b:26379/mymaster')).toBe("Sentinel master 'mymaster' via a:26379, b:26379");
    expect(describeRedisTarget('not a url')).not.toContain('not a url');
  });
});
