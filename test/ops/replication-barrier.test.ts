/**
 * The replication barrier against real Redis: on a primary with a replica,
 * WAIT confirms the writes before an instance write; with no replica it is
 * skipped; and the guarded connector runs it before every write, never
 * before a read.
 */
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '../../src/connector/connector.js';
import { createReplicationBarrier, withReplicationBarrier, type BarrierOutcome } from '../../src/ops/replication-barrier.js';
import { silentLogger } from '../../src/util/log.js';
import { redisUrl, testPrefix } from '../support/redis.js';
import { startSentinelCluster, type SentinelCluster } from './support/sentinel-cluster.js';

describe('the replication barrier', () => {
  let cluster: SentinelCluster;
  const connections: Redis[] = [];
  const connect = (url: string): Redis => {
    const r = new Redis(url, { maxRetriesPerRequest: 1 });
    connections.push(r);
    return r;
  };
  beforeAll(async () => {
    cluster = await startSentinelCluster();
  }, 60_000);
  afterAll(async () => {
    for (const r of connections) r.disconnect();
    await cluster?.stop();
  });

  it('waits for the replica on a primary that has one, and the replica then holds every earlier write', async () => {
    const primary = connect(`redis://127.0.0.1:${cluster.primaryPort}`);
    const outcomes: BarrierOutcome[] = [];
    const barrier = createReplicationBarrier({ redis: primary, prefix: testPrefix('barrier'), replicas: 1, timeoutMs: 2_000, log: silentLogger, onOutcome: (o) => outcomes.push(o) });
    // Written on another connection: WAIT on the barrier's own covers it, the stream being one.
    const other = connect(`redis://127.0.0.1:${cluster.primaryPort}`);
    await other.set('barrier-test-key', 'before the instance write');
    await barrier();
    expect(outcomes).toEqual(['acked']);
    const replica = connect(`redis://127.0.0.1:${cluster.replicaPort}`);
    expect(await replica.get('barrier-test-key')).toBe('before the instance write');
  });

  it('is skipped on a Redis with no replica', async () => {
    const outcomes: BarrierOutcome[] = [];
    const barrier = createReplicationBarrier({ redis: connect(redisUrl()), prefix: testPrefix('barrier'), replicas: 1, timeoutMs: 2_000, log: silentLogger, onOutcome: (o) => outcomes.push(o) });
    const started = Date.now();
    await barrier();
    expect(outcomes).toEqual(['skipped']);
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('runs before every write of the guarded connector and never before a read', async () => {
    const calls: string[] = [];
    const connector = {
      instanceId: 'x',
      writeTicket: () => {
        calls.push('writeTicket');
        return Promise.resolve({});
      },
      finishRow: () => {
        calls.push('finishRow');
        return Promise.resolve();
      },
      get: () => {
        calls.push('get');
        return Promise.resolve(null);
      },
    } as unknown as Connector;
    const guarded = withReplicationBarrier(connector, () => {
      calls.push('barrier');
      return Promise.resolve();
    });
    await guarded.get({} as never, 's');
    await guarded.writeTicket({} as never, 's', {});
    await guarded.finishRow('request', {} as never);
    expect(calls).toEqual(['get', 'barrier', 'writeTicket', 'barrier', 'finishRow']);
    expect(guarded.instanceId).toBe('x');
  });
});
