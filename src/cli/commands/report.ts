/**
 * `ai-handoff report`: the seed's dashboard over active work, the share of
 * tickets eligible, approval-bound and blocked under the current policy, and
 * the hand-offs by status. Reads the instance from SN_* (or, when unset, the
 * local sandbox of `npm start` as its integration user) and the worker's
 * Redis (REDIS_URL, or npm start's local Redis).
 */
import type { Command } from 'commander';
import { createServiceNowConnector } from '../../../connectors/servicenow/servicenow-connector.js';
import { parseServiceNowConfig } from '../../../connectors/servicenow/config.js';
import { serviceNowConfigFromEnv } from '../../../connectors/servicenow/env-config.js';
import { INTEGRATION_PASSWORD, INTEGRATION_USER } from '../../../connectors/servicenow/sandbox/index.js';
import { loadRuntimeConfig, PRODUCTION_CONFIG_FILE } from '../../config/load-runtime-config.js';
import { createHandoffStore } from '../../handoff/handoff-store.js';
import { buildDashboard, formatDashboard } from '../../handoff/report.js';
import { loadMappings } from '../../mapping/load-mappings.js';
import { connectOnce } from '../../queue/redis-connection.js';
import { policyPortFor } from '../../queue/wiring.js';
import { createLogger } from '../../util/log.js';
import { redisTarget } from './redis-target.js';
import { DEFAULT_SANDBOX_PORT } from './sandbox.js';

export function registerReport(program: Command): void {
  program
    .command('report')
    .description("print the seed's dashboard over active work: eligible, approval-bound and blocked shares, and hand-offs by status")
    .option('--config <file>', 'runtime config (default: AI_HANDOFF_CONFIG, else config/production.yaml with SN_INSTANCE_URL set, else config/sandbox.yaml)')
    .option('--redis-url <url>', 'Redis URL (default: REDIS_URL, or the local Redis of npm start)')
    .option('--prefix <prefix>', 'key prefix (default: AI_HANDOFF_PREFIX or the config)')
    .option('--json', 'print the dashboard as JSON')
    .action(async (opts: { config?: string; redisUrl?: string; prefix?: string; json?: boolean }) => {
      const log = createLogger({ level: 'warn' });
      // Against a real instance the worker runs on production.yaml unless told otherwise: so does its dashboard.
      const realInstance = (process.env.SN_INSTANCE_URL?.trim() ?? '') !== '';
      const { config } = loadRuntimeConfig({ ...(opts.config ? { file: opts.config } : {}), ...(realInstance ? { fallback: PRODUCTION_CONFIG_FILE } : {}) });
      const target = redisTarget({ ...opts, prefix: opts.prefix ?? process.env.AI_HANDOFF_PREFIX ?? config.worker.prefix });
      const snConfig = realInstance
        ? serviceNowConfigFromEnv(process.env)
        : parseServiceNowConfig({ instanceUrl: `http://127.0.0.1:${DEFAULT_SANDBOX_PORT}`, auth: { kind: 'basic', username: INTEGRATION_USER, password: INTEGRATION_PASSWORD } });
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
