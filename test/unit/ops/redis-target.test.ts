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
    expect(options).toMatchObject({ name: 'mymaster', connectionName: 'x', sentinels: [{ host: '127.0.0.1', port: 26379 }] });
    expect(options.failoverDetector).toBeUndefined();
    expect(typeof options.reconnectOnError === 'function' && options.reconnectOnError(new Error('READONLY You can\'t write against a read only replica.'))).toBe(2);
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

describe('Redis from the environment', () => {
  it('builds a Sentinel URL from REDIS_SENTINELS, its master name, passwords (also from files) and TLS', async () => {
    const { redisUrlFromEnv } = await import('../../../src/cli/redis-env.js');
    const files: Record<string, string> = { '/run/secrets/redis': 'p@ss word\n', '/run/secrets/sentinel': 'sent' };
    const url = redisUrlFromEnv({ REDIS_SENTINELS: '10.0.0.1:26379,10.0.0.2:26379', REDIS_SENTINEL_NAME: 'orders', REDIS_PASSWORD_FILE: '/run/secrets/redis', REDIS_SENTINEL_PASSWORD_FILE: '/run/secrets/sentinel', REDIS_TLS: '1' }, (p) => files[p]!);
    expect(url).toBe('redis-sentinel://:p%40ss%20word@10.0.0.1:26379,10.0.0.2:26379/orders?sentinelPassword=sent&tls=1');
    expect(parseRedisTarget(url!)).toMatchObject({ kind: 'sentinel', name: 'orders', options: { password: 'p@ss word', sentinelPassword: 'sent', tls: {} } });
  });

  it('takes REDIS_URL otherwise, adding REDIS_PASSWORD when the URL has none, and nothing when unset', async () => {
    const { redisUrlFromEnv } = await import('../../../src/cli/redis-env.js');
    expect(redisUrlFromEnv({})).toBeUndefined();
    expect(redisUrlFromEnv({ REDIS_URL: 'redis://cache:6379' })).toBe('redis://cache:6379');
    expect(redisUrlFromEnv({ REDIS_URL: 'rediss://cache:6380/1', REDIS_PASSWORD: 'secret-pw' })).toBe('rediss://:secret-pw@cache:6380/1');
    expect(redisUrlFromEnv({ REDIS_URL: 'redis://:own-pw@cache:6379', REDIS_PASSWORD: 'secret-pw' })).toBe('redis://:own-pw@cache:6379');
    expect(() => redisUrlFromEnv({ REDIS_URL: 'x', REDIS_PASSWORD_FILE: '/nowhere' }, () => {
      throw new Error('ENOENT');
    })).toThrow(/cannot read REDIS_PASSWORD_FILE/);
  });
});
