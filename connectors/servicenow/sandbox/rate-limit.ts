/**
 * Rate limiting like an instance's REST rate-limit rules
 * (../shared/reference/servicenow.md, "Rate limits and time limits"): a
 * fixed window (hourly by default, aligned to the clock), counted per user or
 * for the whole instance. Every counted answer carries X-RateLimit-Limit,
 * X-RateLimit-Reset (UNIX seconds of the next reset) and X-RateLimit-Rule;
 * over the limit the answer is 429 with Retry-After in seconds.
 */
import { z } from 'zod';
import type { Clock } from './time.js';

export const RateLimitConfig = z.strictObject({
  /** Requests allowed per window. */
  limit: z.number().int().positive(),
  /** Window length in milliseconds; default one hour, as instance rules are hourly. */
  windowMs: z.number().int().positive().optional(),
  /** Count per user (default) or across the instance. */
  per: z.enum(['user', 'instance']).optional(),
});
export type RateLimitConfig = z.infer<typeof RateLimitConfig>;

/** The sys_id the sandbox reports as the rule that limited a call. */
export const RATE_LIMIT_RULE_ID = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';

export interface RateDecision {
  readonly allowed: boolean;
  readonly headers: Record<string, string>;
}

export interface RateLimiter {
  set(config: RateLimitConfig | null): void;
  config(): RateLimitConfig | null;
  /** Counts one call; undefined when no rule is configured. */
  check(user: string): RateDecision | undefined;
  reset(): void;
  /** How many calls were answered 429, for one user or in all, since the last set(). */
  limited(user?: string): number;
}

export function createRateLimiter(clock: Clock, initial: RateLimitConfig | null = null): RateLimiter {
  let config: RateLimitConfig | null = initial === null ? null : RateLimitConfig.parse(initial);
  let counts = new Map<string, number>();
  let refused = new Map<string, number>();
  let window = -1;
  return {
    set(next) {
      config = next === null ? null : RateLimitConfig.parse(next);
      counts = new Map();
      refused = new Map();
    },
    limited: (user) => (user === undefined ? [...refused.values()].reduce((a, b) => a + b, 0) : (refused.get(user) ?? 0)),
    config: () => config,
    reset() {
      counts = new Map();
    },
    check(user) {
      if (config === null) return undefined;
      const windowMs = config.windowMs ?? 3_600_000;
      const now = clock();
      const current = Math.floor(now / windowMs);
      if (current !== window) {
        window = current;
        counts = new Map();
      }
      const key = config.per === 'instance' ? '*' : user;
      const used = (counts.get(key) ?? 0) + 1;
      counts.set(key, used);
      const resetAt = (current + 1) * windowMs;
      const headers: Record<string, string> = {
        'X-RateLimit-Limit': String(config.limit),
        'X-RateLimit-Reset': String(Math.ceil(resetAt / 1000)),
        'X-RateLimit-Rule': RATE_LIMIT_RULE_ID,
      };
      if (used <= config.limit) return { allowed: true, headers };
      headers['Retry-After'] = String(Math.max(1, Math.ceil((resetAt - now) / 1000)));
      refused.set(user, (refused.get(user) ?? 0) + 1);
      return { allowed: false, headers };
    },
  };
}
