/**
 * inspectRedis tells a refused CONFIG (an error reply: a managed service)
 * from no answer: a connection lost between INFO and CONFIG GET must surface
 * as an error (Redis unreachable), never as "CONFIG GET is disabled" (Redis
 * unsafe). The moment between the two replies cannot be hit reliably with a
 * real server, so the connection here is a stand-in answering INFO.
 */
import type { Redis } from 'ioredis';
import { ReplyError } from 'ioredis';
import { describe, expect, it } from 'vitest';
import { inspectRedis, unsafeReason } from '../../../src/queue/redis-safety.js';

function redisThat(config: () => Promise<unknown>): Redis {
  return { info: () => Promise.resolve('# Server\r\nredis_version:7.2.4\r\n'), config } as unknown as Redis;
}

describe('inspectRedis', () => {
  it('reads a refused CONFIG as unknown settings, which unsafeReason names', async () => {
    const report = await inspectRedis(redisThat(() => Promise.reject(new (ReplyError as new (message: string) => Error)("ERR unknown command 'CONFIG'"))));
    expect(report).toMatchObject({ maxmemoryPolicy: null, version: '7.2.4' });
    expect(unsafeReason(report)?.message).toBe('cannot read the Redis configuration (CONFIG GET is disabled)');
  });

  it('throws when the connection is lost or times out instead', async () => {
    await expect(inspectRedis(redisThat(() => Promise.reject(new Error('Connection is closed.'))))).rejects.toThrow('Connection is closed.');
    await expect(inspectRedis(redisThat(() => Promise.reject(new Error('Command timed out'))))).rejects.toThrow('Command timed out');
  });
});
