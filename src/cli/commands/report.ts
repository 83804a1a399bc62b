/**
 * `ai-handoff report`: the seed's dashboard over active work, the share of
 * tickets eligible, approval-bound and blocked under the current policy, and
 * the hand-offs by status. Reads the instance from SN_* (or, when unset, the
 * instance of the running `npm start`, as its integration user when that is
 * the sandbox: instance.ts) and the worker's Redis (REDIS_URL, or npm
 * start's). With AI switched off or no group opted in, it says so instead of
 * a 100 % blocked split.
 */
import type { Command } from 'commander';
import type { RuntimeConfig } from '../../config/runtime-config.js';
import { createHandoffStore } from '../../handoff/handoff-store.js';
import { buildDashboard, formatDashboard } from '../../handoff/report.js';
import { loadMappings } from '../../mapping/load-mappings.js';
import { connectOnce } from '../../queue/redis-connection.js';
import { policyPortFor } from '../../queue/wiring.js';
import { instanceTarget, withInstance } from './instance.js';
import { redisTarget } from './redis-target.js';

/**
 * Why the report would say nothing of the policy, or null: with AI switched
 * off, or no group opted in, every ticket is blocked by the configuration, and
 * a 100 % blocked split would read as the policy's verdict (issue 14).
 */
export function aiOffNotice(config: RuntimeConfig, file: string): string | null {
  if (!config.switches.ai) return `AI is switched off in ${file} (switches.ai: false), so every ticket is blocked by that switch, not by the policy's judgement.`;
  if (!Object.values(config.groups).some((g) => g.enabled)) {
    return `No group has AI enabled in ${file}, so every ticket is blocked by the configuration, not by the policy's judgement. Opt groups in under groups: (docs/policy.md), or pass --config with the config the worker runs.`;
  }
  return null;
}

export function registerReport(program: Command): void {
  program
    .command('report')
    .description("print the seed's dashboard over active work: eligible, approval-bound and blocked shares, and hand-offs by status")
    .option('--config <file>', "runtime config (default: AI_HANDOFF_CONFIG, else the running npm start's, else config/production.yaml with SN_INSTANCE_URL set, else config/sandbox.yaml)")
    .option('--redis-url <url>', 'Redis URL (default: REDIS_URL, or the Redis of the running npm start)')
    .option('--prefix <prefix>', "key prefix (default: AI_HANDOFF_PREFIX, the running npm start's, or the config)")
    .option('--json', 'print the dashboard as JSON')
    .action(async (opts: { config?: string; redisUrl?: string; prefix?: string; json?: boolean }) => {
      const instance = instanceTarget({ config: opts.config });
      const { config, file } = instance.loaded;
      const notice = aiOffNotice(config, file);
      if (notice !== null) {
        console.log(opts.json ? JSON.stringify({ aiEnabled: false, config: file, notice }) : notice);
        return;
      }
      const target = redisTarget({ ...opts, prefix: opts.prefix ?? process.env.AI_HANDOFF_PREFIX ?? instance.run?.prefix ?? config.worker.prefix }, instance.run);
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
