/**
 * Starts one real Redis for the whole test run, unless REDIS_URL names one.
 * It listens on 127.0.0.1 only, on a free port, with append-only persistence
 * and `noeviction` (as production must run), in a temporary folder removed at
 * the end. Tests reach it through `inject('redisUrl')` (test/support/redis.ts).
 */
import type { TestProject } from 'vitest/node';
import { startRedisServer, type RedisServer } from './redis-server.js';

let server: RedisServer | undefined;

export async function setup(project: TestProject): Promise<void> {
  const fromEnv = process.env.REDIS_URL;
  if (fromEnv) {
    project.provide('redisUrl', fromEnv);
    return;
  }
  server = await startRedisServer();
  project.provide('redisUrl', server.url);
}

export async function teardown(): Promise<void> {
  await server?.stop();
}

declare module 'vitest' {
  export interface ProvidedContext {
    redisUrl: string;
  }
}
