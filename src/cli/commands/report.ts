/**
 * `ai-handoff report`: the seed's dashboard over active work, the share of
 * tickets eligible, approval-bound and blocked under the current policy, and
 * the hand-offs by status. Reads the instance from SN_* (or, when unset, the
 * local sandbox of `npm start` as its integration user) and the worker's
 * Redis (REDIS_URL, or npm start's local Redis).
 */
import type { Command } from 'commander';
import { createHandoffStore } from '../../handoff/handoff-store.js';
import { buildDashboard, formatDashboard } from '../../handoff/report.js';
import { loadMappings } from '../../mapping/load-mappings.js';
import { connectOnce } from '../../queue/redis-connection.js';
import { policyPortFor } from '../../queue/wiring.js';
import { instanceTarget, withInstance } from './instance.js';
import { redisTarget } from './redis-target.js';

export function registerReport(program: Command): void {
  program
    .command('report')
    .description("print the seed's dashboard over active work: eligible, approval-bound and blocked shares, and hand-offs by status")
    .option('--config <file>', 'runtime config (default: AI_HANDOFF_CONFIG, else config/production.yaml with SN_INSTANCE_URL set, else config/sandbox.yaml)')
    .option('--redis-url <url>', 'Redis URL (default: REDIS_URL, or the local Redis of npm start)')
    .option('--prefix <prefix>', 'key prefix (default: AI_HANDOFF_PREFIX or the config)')
    .option('--json', 'print the dashboard as JSON')
    .action(async (opts: { config?: string; redisUrl?: string; prefix?: string; json?: boolean }) => {
      const instance = instanceTarget({ config: opts.config });
      const { config } = instance.loaded;
      const target = redisTarget({ ...opts, prefix: opts.prefix ?? process.env.AI_HANDOFF_PREFIX ?? config.worker.prefix });
      const redis = await connectOnce(target.url);
      try {
        const dashboard = await withInstance(instance, (connector) =>
          buildDashboard(connector, loadMappings(config.paths.mappings), policyPortFor(config, redis, target.prefix), createHandoffStore({ redis, prefix: target.prefix })),
        );
        console.log(opts.json ? JSON.stringify(dashboard) : formatDashboard(dashboard));
      } finally {
        redis.disconnect();
      }
    });
}
