/**
 * The `ops` section of the runtime config: how the worker judges its own
 * health, when it gives up, and what its dashboard shows. Where it listens
 * is environment (`AI_HANDOFF_HTTP`, docs/deploy.md), since it differs per
 * process while this file is shared by every worker of an instance.
 */
import { z } from 'zod';

const ms = (min: number, max: number) => z.number().int().min(min).max(max);

export const Ops = z.strictObject({
  /**
   * A dependency (Redis, the instance) failing for longer than this ends the
   * worker with exit code 3 and one line naming it, so its supervisor
   * (systemd, Kubernetes) restarts it and the operator is alerted; shorter
   * outages are retried with back-off and shown in /readyz and /metrics.
   * In ms; 0 never gives up. Default 300000 (5 minutes).
   */
  giveUpAfterMs: z.union([z.literal(0), ms(10_000, 86_400_000)]).default(300_000),
  /** How long the start-up checks (Redis, the instance, the mappings) may take in all, in ms. Default 12000, so a failing start exits within 15 s. */
  preflightMs: ms(1_000, 600_000).default(12_000),
  /**
   * How often the health checks run (Redis PING, an instance probe when no
   * call answered lately), in ms. Default 5000. Redis's safety settings are
   * read again every worker.redis.recheckEveryMs.
   */
  checkEveryMs: ms(200, 300_000).default(5_000),
  /**
   * With Redis behind Sentinel, every write to the instance first waits until
   * the Redis writes made before it have reached `replicas` replicas (Redis
   * WAIT, bounded by `timeoutMs`), so a failover to a replica cannot lose the
   * hand-off state an instance write (a note, a cleared request) depends on
   * (docs/deploy.md, "Redis Sentinel"). Skipped while the master has no
   * replica connected; a wait that times out is counted, and the write goes
   * ahead. `replicas: 0` turns it off.
   */
  replicaWait: z
    .strictObject({
      replicas: z.number().int().min(0).max(5).default(1),
      timeoutMs: ms(10, 10_000).default(1_000),
    })
    .prefault({}),
  readiness: z
    .strictObject({
      /** The instance must have answered with valid credentials within this long, in ms. Default 120000. */
      instanceFreshMs: ms(1_000, 86_400_000).default(120_000),
      /** A table whose last completed sync pass is older than this makes the worker not ready, in ms. Default 120000. */
      syncLagMs: ms(1_000, 86_400_000).default(120_000),
    })
    .prefault({}),
  dashboard: z
    .strictObject({
      /** The page reloads itself this often, in seconds. Default 15. */
      refreshSeconds: z.number().int().min(2).max(3_600).default(15),
      /**
       * How often the eligible / approval-bound / blocked split is computed
       * again, in ms: it reads every active ticket (as `ai-handoff report`
       * does), so on a large instance it is kept, not recomputed per view.
       * Default 60000.
       */
      classifyEveryMs: ms(1_000, 86_400_000).default(60_000),
    })
    .prefault({}),
});
export type Ops = z.infer<typeof Ops>;
