/**
 * A Lua script run by its SHA-1 (`EVALSHA`), so a call sends the script's
 * 40-character name instead of its text: the flow runs a handful of scripts
 * dozens of times per hand-off, and sending their text each time was a
 * visible share of the worker's socket writes (issue 13's profile). A server
 * that does not know the script yet (a fresh Redis, a restart, a Sentinel
 * failover to a replica, `SCRIPT FLUSH`) answers NOSCRIPT; the call is then
 * made once with the text (`EVAL`), which also caches it there. A script is a
 * pure function of its keys and arguments, so running it by either name is
 * the same.
 */
import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';

export interface LuaScript {
  readonly sha: string;
  run(redis: Redis, keys: readonly string[], args: readonly (string | number)[]): Promise<unknown>;
}

export function luaScript(source: string): LuaScript {
  const sha = createHash('sha1').update(source).digest('hex');
  return {
    sha,
    async run(redis, keys, args) {
      try {
        return await redis.evalsha(sha, keys.length, ...keys, ...args);
      } catch (error) {
        if (error instanceof Error && error.message.startsWith('NOSCRIPT')) return redis.eval(source, keys.length, ...keys, ...args);
        throw error;
      }
    },
  };
}
