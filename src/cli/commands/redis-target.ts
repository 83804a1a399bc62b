/**
 * Where the CLI's Redis-reading commands look: the flag, then the
 * environment, then the running `npm start` recorded in its data folder
 * (run-file.ts), then npm start's default local Redis.
 */
import { redisUrlFromEnv } from '../redis-env.js';
import { readRunRecord, type RunRecord } from '../run-file.js';

export const LOCAL_REDIS_PORT = 6390;
export const DEFAULT_PREFIX = 'aih';

export function redisTarget(opts: { redisUrl?: string; prefix?: string }, run: RunRecord | null = readRunRecord()): { url: string; prefix: string } {
  return {
    url: opts.redisUrl ?? redisUrlFromEnv(process.env) ?? run?.redisUrl ?? `redis://127.0.0.1:${LOCAL_REDIS_PORT}`,
    prefix: opts.prefix ?? process.env.AI_HANDOFF_PREFIX ?? run?.prefix ?? DEFAULT_PREFIX,
  };
}
