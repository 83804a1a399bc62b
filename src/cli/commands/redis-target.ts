/** Where the CLI's Redis-reading commands look: flag, then environment, then npm start's local Redis. */
export const LOCAL_REDIS_PORT = 6390;
export const DEFAULT_PREFIX = 'aih';

export function redisTarget(opts: { redisUrl?: string; prefix?: string }): { url: string; prefix: string } {
  return {
    url: opts.redisUrl ?? process.env.REDIS_URL ?? `redis://127.0.0.1:${LOCAL_REDIS_PORT}`,
    prefix: opts.prefix ?? process.env.AI_HANDOFF_PREFIX ?? DEFAULT_PREFIX,
  };
}
