/**
 * The `worker` section of the runtime config: how the worker runs, not what
 * policy allows. Environment variables named in the comments override the
 * file (src/queue/worker-env.ts).
 */
import { z } from 'zod';

export const Worker = z.strictObject({
  /** Prefix of every Redis key the product writes (queues, hand-offs, audit). Env: AI_HANDOFF_PREFIX. Default "aih". */
  prefix: z.string().regex(/^[A-Za-z0-9{}_-]+$/, 'use letters, digits, _ - and braces (a Redis Cluster hash tag)').default('aih'),
  /**
   * Time between sync passes per table, in ms. Env: SYNC_INTERVAL_MS. Default
   * 10000. Sync only keeps panels current; requests and reviews are noticed by
   * the intake (below), so this can be long: five tables at one pass every
   * 10 s plus the two intake polls every 5 s is 54 idle calls a minute
   * (issue 13's budget: 60).
   */
  syncIntervalMs: z.number().int().min(200).max(3_600_000).default(10_000),
  /** How requests and reviews are noticed and taken (docs/contract.md, "Intake"). */
  intake: z
    .strictObject({
      /** Time between polls of the request and review tables, in ms (a doorbell ring polls at once). Default 5000. */
      pollMs: z.number().int().min(100).max(600_000).default(5_000),
      /**
       * A row still pending this long after it was created is finished on its
       * next attempt: a hand-off if it can be taken, else refused with the
       * last cause ("ask again"). In ms; default 60000.
       */
      boundMs: z.number().int().min(1_000).max(3_600_000).default(60_000),
    })
    .default({ pollMs: 5_000, boundMs: 60_000 }),
  /**
   * How long a person's active flag, roles and group memberships are cached,
   * in ms: a role removed or a user deactivated is seen within this bound.
   * 0 reads them every time. Default 120000.
   */
  userCacheMs: z.number().int().min(0).max(3_600_000).default(120_000),
  /**
   * How long the ticket read at pickup serves the execute step, in ms: the
   * scope digest, eligibility and kill switches are checked against the
   * ticket as read at most this long ago, else it is read again. 0 always
   * reads again. Default 5000.
   */
  ticketFreshMs: z.number().int().min(0).max(60_000).default(5_000),
  /** How long a written draft waits for its review before it expires, in hours. Default 72. */
  reviewWindowHours: z.number().positive().max(24 * 90).default(72),
  /** Jobs processed at once per queue in one worker process (intake: rows taken at once). */
  concurrency: z
    .strictObject({
      intake: z.number().int().min(1).max(64).default(4),
      execute: z.number().int().min(1).max(256).default(8),
      writeback: z.number().int().min(1).max(64).default(4),
    })
    .default({ intake: 4, execute: 8, writeback: 4 }),
  /**
   * How long a job's lock lasts without renewal, in ms (BullMQ lockDuration).
   * A worker that dies holding a job loses it after this long; another worker
   * then runs it again (its side effects are idempotent). Default 30000.
   */
  lockDurationMs: z.number().int().min(1_000).max(600_000).default(30_000),
  /** A hand-off that has not moved for this long is re-enqueued by the maintenance sweep, in ms. Default 60000. */
  stuckAfterMs: z.number().int().min(1_000).max(86_400_000).default(60_000),
  /** How often the maintenance sweep runs (review expiry, stuck hand-offs), in ms. Default 15000. */
  maintenanceEveryMs: z.number().int().min(500).max(3_600_000).default(15_000),
  /**
   * Reloading the config, policy and mappings while running (docs/admin.md, "Roll out a change"): always on
   * SIGHUP; with `watch`, also when the config file or a file in the policy or mappings folder changes.
   */
  reload: z
    .strictObject({
      /** Also reload when the files change (fs.watch on the config file and the two folders named at start). Default false. */
      watch: z.boolean().default(false),
      /** Wait this long after the last change before reloading, in ms (an editor writes a file in several steps). Default 1000. */
      settleMs: z.number().int().min(100).max(60_000).default(1_000),
    })
    .default({ watch: false, settleMs: 1_000 }),
  /** Only these tables are synced; default every mapped table. */
  tables: z.array(z.string().min(1)).min(1).optional(),
  redis: z
    .strictObject({
      /** Run without append-only persistence: throwaway tests only. Default false. */
      allowNoPersistence: z.boolean().default(false),
      /** The Redis service disables CONFIG; the operator asserts noeviction and persistence. Default false. */
      assumeSafeWithoutConfig: z.boolean().default(false),
      /** How often eviction policy and persistence are checked again while running, in ms; unsafe stops new work. Default 30000. */
      recheckEveryMs: z.number().int().min(200).max(3_600_000).default(30_000),
    })
    .default({ allowNoPersistence: false, assumeSafeWithoutConfig: false, recheckEveryMs: 30_000 }),
});
export type Worker = z.infer<typeof Worker>;
