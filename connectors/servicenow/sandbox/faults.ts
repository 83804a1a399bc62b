/**
 * Fault injection: the failures a real instance and the networks in front of
 * it produce, on demand. Each rule matches requests (method, table, path
 * prefix, user) and fires on the next `count` of them, on a fraction
 * (`rate`), or after letting `skip` through first.
 *
 * Kinds:
 * - `error`: a 5xx (default 503; 502/503/504 come as the HTML a proxy sends,
 *   500 as the Table API's JSON error);
 * - `busy`: 429 without rate-limit headers (the instance's integration
 *   thread pool is full, ../shared/reference/servicenow.md "Rate limits");
 * - `unauthorized`: 401 User Not Authenticated (a token revoked mid-run);
 * - `empty202`: an empty 202 on a GET (requests queued on one session); never fires on writes;
 * - `delay`: waits `delayMs` before handling (combines with other rules);
 * - `drop`: destroys the socket, `before` handling or `after` (a write applied
 *   and its answer lost: the case retries must survive without writing twice);
 * - `truncate`: the normal answer cut off halfway.
 */
import { z } from 'zod';
import { createPrng } from './prng.js';

export const FAULT_KINDS = ['error', 'busy', 'unauthorized', 'empty202', 'delay', 'drop', 'truncate'] as const;

export const FaultRule = z.strictObject({
  kind: z.enum(FAULT_KINDS),
  /** For `error`: the status, 500 to 599; default 503. */
  status: z.number().int().min(500).max(599).optional(),
  /** For `drop`: before handling (nothing applied) or after (applied, answer lost); default before. */
  when: z.enum(['before', 'after']).optional(),
  /** For `delay`: milliseconds, up to 120,000. */
  delayMs: z.number().int().min(0).max(120_000).optional(),
  /** Only requests with this HTTP method (GET, POST, PATCH, PUT). */
  method: z.enum(['GET', 'POST', 'PATCH', 'PUT', 'DELETE']).optional(),
  /** Only Table API requests on this table. */
  table: z.string().min(1).optional(),
  /** Only requests whose path starts with this (e.g. /oauth_token.do). */
  path: z.string().startsWith('/').optional(),
  /** Only requests authenticated as this user_name. */
  user: z.string().min(1).optional(),
  /** Fire on this many matching requests, then expire. Default: until cleared. */
  count: z.number().int().positive().optional(),
  /** Fire on this fraction of matching requests (seeded, repeatable). Default 1. */
  rate: z.number().min(0).max(1).optional(),
  /** Let this many matching requests through before firing. Default 0. */
  skip: z.number().int().min(0).optional(),
});
export type FaultRule = z.infer<typeof FaultRule>;

export interface RequestFacts {
  readonly method: string;
  readonly path: string;
  readonly table: string | undefined;
  readonly user: string | undefined;
}

export interface FaultState extends FaultRule {
  readonly id: number;
  readonly fired: number;
  readonly seen: number;
}

export interface Faults {
  /** Replaces every rule. Spent rules stay listed (with their `fired` count) until replaced or cleared. */
  set(rules: FaultRule | readonly FaultRule[]): void;
  /** Adds one rule; returns its id. */
  add(rule: FaultRule): number;
  clear(): void;
  list(): FaultState[];
  /** The rules that fire for this request: delays first, then at most one other. Counts them as fired. */
  pick(facts: RequestFacts): { delayMs: number; fault: FaultRule | undefined };
}

export function createFaults(initial: readonly FaultRule[] = [], seed = 1): Faults {
  const prng = createPrng(seed);
  let nextId = 1;
  let rules: { id: number; rule: FaultRule; fired: number; seen: number }[] = [];
  const add = (rule: FaultRule): number => {
    const parsed = FaultRule.parse(rule);
    const id = nextId++;
    rules.push({ id, rule: parsed, fired: 0, seen: 0 });
    return id;
  };
  const matches = (rule: FaultRule, f: RequestFacts): boolean =>
    (rule.kind !== 'empty202' || f.method === 'GET') &&
    (rule.method === undefined || rule.method === f.method) &&
    (rule.table === undefined || rule.table === f.table) &&
    (rule.path === undefined || f.path.startsWith(rule.path)) &&
    (rule.user === undefined || rule.user === f.user);

  for (const rule of initial) add(rule);
  return {
    set(input) {
      rules = [];
      for (const rule of Array.isArray(input) ? (input as readonly FaultRule[]) : [input as FaultRule]) add(rule);
    },
    add,
    clear() {
      rules = [];
    },
    list: () => rules.map((r) => ({ ...r.rule, id: r.id, fired: r.fired, seen: r.seen })),
    pick(facts) {
      let delayMs = 0;
      let fault: FaultRule | undefined;
      for (const entry of rules) {
        const { rule } = entry;
        if (!matches(rule, facts)) continue;
        if (rule.kind !== 'delay' && fault !== undefined) continue;
        entry.seen++;
        if (entry.seen <= (rule.skip ?? 0)) continue;
        if (rule.count !== undefined && entry.fired >= rule.count) continue;
        if (rule.rate !== undefined && !prng.chance(rule.rate)) continue;
        entry.fired++;
        if (rule.kind === 'delay') delayMs += rule.delayMs ?? 0;
        else fault = rule;
      }
      return { delayMs, fault };
    },
  };
}
