import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { createRedisWatermarkStore } from '../../../connectors/servicenow/redis-watermark-store.js';
import { redisUrl, testPrefix } from '../../support/redis.js';

const clients: Redis[] = [];
function connect(): Redis {
  const redis = new Redis(redisUrl(), { lazyConnect: false, maxRetriesPerRequest: 1 });
  clients.push(redis);
  return redis;
}
afterAll(async () => {
  await Promise.all(clients.map((c) => c.quit()));
});

const ID = (n: number): string => n.toString(16).padStart(32, '0');

describe('Redis watermark store (real Redis)', () => {
  it('survives a new connection (a restarted worker), moves only forward, and resets', async () => {
    const prefix = testPrefix('wm');
    const first = createRedisWatermarkStore({ redis: connect(), prefix });
    await first.advance('acme.service-now.com', 'incident', { updatedOn: '2025-01-01 10:00:00', sysId: ID(5) });
    await first.advance('acme.service-now.com', 'incident', { updatedOn: '2025-01-01 09:00:00', sysId: ID(9) });
    await first.advance('acme.service-now.com', 'incident', { updatedOn: '2025-01-01 10:00:00', sysId: '' });

    const redis = connect();
    const restarted = createRedisWatermarkStore({ redis, prefix });
    expect(await restarted.get('acme.service-now.com', 'incident')).toEqual({ updatedOn: '2025-01-01 10:00:00', sysId: ID(5) });
    expect(await restarted.get('acme.service-now.com', 'sc_request')).toBeNull();
    expect(await redis.get(`${prefix}:keyset:acme.service-now.com:incident`)).toBe(`2025-01-01 10:00:00|${ID(5)}`);

    await restarted.advance('acme.service-now.com', 'incident', { updatedOn: '2025-01-01 10:00:00', sysId: ID(6) });
    expect(await first.get('acme.service-now.com', 'incident')).toEqual({ updatedOn: '2025-01-01 10:00:00', sysId: ID(6) });
    await restarted.reset('acme.service-now.com', 'incident');
    expect(await first.get('acme.service-now.com', 'incident')).toBeNull();
  });

  it('refuses to store or read back a malformed watermark', async () => {
    const prefix = testPrefix('wm-bad');
    const redis = connect();
    const store = createRedisWatermarkStore({ redis, prefix });
    await expect(store.advance('i', 'incident', { updatedOn: 'yesterday', sysId: ID(1) })).rejects.toMatchObject({ code: 'INPUT_INVALID' });
    await redis.set(`${prefix}:keyset:i:incident`, 'garbage');
    await expect(store.get('i', 'incident')).rejects.toMatchObject({ code: 'INPUT_INVALID' });
  });
});
