/**
 * `ai-handoff report`: the seed's dashboard over active work, the share of
 * tickets eligible, approval-bound and blocked under the current policy, and
 * the hand-offs by status. Reads the instance from SN_* (or, when unset, the
 * instance of the running `npm start`, as its integration user when that is
 * the sandbox) and the worker's Redis (REDIS_URL, or npm start's). With AI
 * switched off or no group opted in, it says so instead of a 100 % blocked
 * split.
 */
import type { Command } from 'commander';
import { createServiceNowConnector } from '../../../connectors/servicenow/servicenow-connector.js';
import { parseServiceNowConfig } from '../../../connectors/servicenow/config.js';
import { serviceNowConfigFromEnv } from '../../../connectors/servicenow/env-config.js';
import { INTEGRATION_PASSWORD, INTEGRATION_USER } from '../../../connectors/servicenow/sandbox/index.js';
import { loadRuntimeConfig, PRODUCTION_CONFIG_FILE } from '../../config/load-runtime-config.js';
import type { RuntimeConfig } from '../../config/runtime-config.js';
import { createHandoffStore } from '../../handoff/handoff-store.js';
import { buildDashboard, formatDashboard } from '../../handoff/report.js';
import { loadMappings } from '../../mapping/load-mappings.js';
import { connectOnce } from '../../queue/redis-connection.js';
import { policyPortFor } from '../../queue/wiring.js';
import { createLogger } from '../../util/log.js';
import { readRunRecord } from '../run-file.js';
import { redisTarget } from './redis-target.js';
import { DEFAULT_SANDBOX_PORT } from './sandbox.js';

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
    .option('--config <file>', 'runtime config (default: AI_HANDOFF_CONFIG, else the running npm start\'s, else config/production.yaml with SN_INSTANCE_URL set, else config/sandbox.yaml)')
    .option('--redis-url <url>', 'Redis URL (default: REDIS_URL, or the Redis of the running npm start)')
    .option('--prefix <prefix>', 'key prefix (default: AI_HANDOFF_PREFIX, the running npm start\'s, or the config)')
    .option('--json', 'print the dashboard as JSON')
    .action(async (opts: { config?: string; redisUrl?: string; prefix?: string; json?: boolean }) => {
      const log = createLogger({ level: 'warn' });
      // With no environment, the run `npm start` recorded in its data folder (run-file.ts): its instance, Redis, prefix and config.
      const fromEnv = (process.env.SN_INSTANCE_URL?.trim() ?? '') !== '';
      const run = fromEnv ? null : readRunRecord();
      // Against a real instance the worker runs on production.yaml unless told otherwise: so does its dashboard.
      const realInstance = fromEnv || (run !== null && !run.sandbox);
      const file = opts.config ?? (process.env.AI_HANDOFF_CONFIG?.trim() ? undefined : run?.config);
      const loaded = loadRuntimeConfig({ ...(file ? { file } : {}), ...(realInstance ? { fallback: PRODUCTION_CONFIG_FILE } : {}) });
      const { config } = loaded;
      const notice = aiOffNotice(config, loaded.file);
      if (notice !== null) {
        console.log(opts.json ? JSON.stringify({ aiEnabled: false, config: loaded.file, notice }) : notice);
        return;
      }
      const target = redisTarget({ ...opts, prefix: opts.prefix ?? process.env.AI_HANDOFF_PREFIX ?? run?.prefix ?? config.worker.prefix }, run);
      const snConfig = fromEnv
        ? serviceNowConfigFromEnv(process.env)
        : run !== null && !run.sandbox
          ? serviceNowConfigFromEnv({ ...process.env, SN_INSTANCE_URL: run.instanceUrl })
          : parseServiceNowConfig({ instanceUrl: run?.instanceUrl ?? `http://127.0.0.1:${DEFAULT_SANDBOX_PORT}`, auth: { kind: 'basic', username: INTEGRATION_USER, password: INTEGRATION_PASSWORD } });
      const connector = createServiceNowConnector({ config: snConfig, log });
      const redis = await connectOnce(target.url);
      try {
        const dashboard = await buildDashboard(connector, loadMappings(config.paths.mappings), policyPortFor(config, redis, target.prefix), createHandoffStore({ redis, prefix: target.prefix }));
        console.log(opts.json ? JSON.stringify(dashboard) : formatDashboard(dashboard));
      } finally {
        redis.disconnect();
        connector.close();
      }
    });
}
