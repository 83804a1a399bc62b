/**
 * `ai-handoff worker`: runs the connector worker against any
 * ServiceNow-compatible instance, configured from the environment:
 * SN_INSTANCE_URL and credentials (docs/servicenow-connector.md), REDIS_URL,
 * SYNC_INTERVAL_MS, SN_APP_SCOPE (the app's scope, else the config's
 * `app.scope`), AI_HANDOFF_DOORBELL (host:port to listen for the app's
 * doorbell, with AI_HANDOFF_DOORBELL_TOKEN or _FILE), and AI_HANDOFF_CONFIG
 * for the runtime config (default config/production.yaml: AI off until a
 * group opts in; `ai-handoff start` is the command that runs the sandbox
 * config). Stops gracefully on SIGTERM and SIGINT.
 */
import type { Command } from 'commander';
import { createServiceNowConnector } from '../../../connectors/servicenow/servicenow-connector.js';
import { readSecret, serviceNowConfigFromEnv } from '../../../connectors/servicenow/env-config.js';
import { loadRuntimeConfig, PRODUCTION_CONFIG_FILE, type LoadedConfig } from '../../config/load-runtime-config.js';
import type { RuntimeConfig } from '../../config/runtime-config.js';
import { AppScope } from '../../domain/app-names.js';
import { HandoffError } from '../../errors.js';
import { startWiredWorker, type WiredWorker } from '../../queue/wiring.js';
import { createLogger, type Logger } from '../../util/log.js';
import { auditTarget } from './audit-target.js';
import { faultFromEnv } from './fault.js';

export interface WorkerEnvSettings {
  readonly redisUrl: string;
  readonly syncIntervalMs: number | undefined;
  readonly prefix: string | undefined;
  readonly integrationUser: string;
  /** SN_APP_SCOPE: overrides the config's app.scope. */
  readonly appScope: string | undefined;
  /** AI_HANDOFF_DOORBELL (+ token): where to listen for the app's doorbell. */
  readonly doorbell: { readonly host: string; readonly port: number; readonly token?: string } | undefined;
}

/** The runtime config with SN_APP_SCOPE applied. */
export function withEnvScope(config: RuntimeConfig, env: Pick<WorkerEnvSettings, 'appScope'>): RuntimeConfig {
  return env.appScope === undefined ? config : { ...config, app: { ...config.app, scope: env.appScope } };
}

/** AI_HANDOFF_DOORBELL=host:port, and its token from AI_HANDOFF_DOORBELL_TOKEN or _FILE (a secret: scrubbed from logs). */
function doorbellFrom(env: Readonly<Record<string, string | undefined>>): WorkerEnvSettings['doorbell'] {
  const text = env.AI_HANDOFF_DOORBELL?.trim();
  if (!text) return undefined;
  const match = /^(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.-]+):(\d{1,5})$/.exec(text);
  const port = match ? Number(match[2]) : Number.NaN;
  if (!match || port > 65_535) {
    throw new HandoffError('CONFIG_INVALID', `AI_HANDOFF_DOORBELL is '${text}'`, { remedy: 'set AI_HANDOFF_DOORBELL to host:port to listen on, e.g. 127.0.0.1:8091 (port 0 picks a free one)' });
  }
  const token = readSecret(env, 'AI_HANDOFF_DOORBELL_TOKEN');
  return { host: match[1]!.replace(/^\[|\]$/g, ''), port, ...(token === undefined ? {} : { token }) };
}

/** Reads the worker's own variables, with errors that name the variable and the fix. */
export function workerEnv(env: Readonly<Record<string, string | undefined>>, authUser: string | undefined): WorkerEnvSettings {
  const redisUrl = env.REDIS_URL?.trim();
  if (!redisUrl) {
    throw new HandoffError('CONFIG_INVALID', 'REDIS_URL is not set', { remedy: 'set REDIS_URL to a Redis 7 with maxmemory-policy noeviction and appendonly yes, e.g. redis://127.0.0.1:6379' });
  }
  let syncIntervalMs: number | undefined;
  if (env.SYNC_INTERVAL_MS !== undefined && env.SYNC_INTERVAL_MS.trim() !== '') {
    syncIntervalMs = Number(env.SYNC_INTERVAL_MS);
    if (!Number.isInteger(syncIntervalMs) || syncIntervalMs < 200) {
      throw new HandoffError('CONFIG_INVALID', `SYNC_INTERVAL_MS is '${env.SYNC_INTERVAL_MS}'`, { remedy: 'set SYNC_INTERVAL_MS to whole milliseconds, at least 200 (e.g. 2000)' });
    }
  }
  const integrationUser = env.SN_INTEGRATION_USER?.trim() || authUser;
  if (!integrationUser) {
    throw new HandoffError('CONFIG_INVALID', 'the integration user name is unknown (token authentication carries none)', {
      remedy: 'set SN_INTEGRATION_USER to the user_name the instance runs the integration as',
    });
  }
  const prefix = env.AI_HANDOFF_PREFIX?.trim() || undefined;
  return { redisUrl, syncIntervalMs, prefix, integrationUser, appScope: appScopeFromEnv(env), doorbell: doorbellFrom(env) };
}

/** SN_APP_SCOPE, checked as the ServiceNow SDK would; undefined when unset. */
export function appScopeFromEnv(env: Readonly<Record<string, string | undefined>>): string | undefined {
  const scopeText = env.SN_APP_SCOPE?.trim() || undefined;
  const scope = scopeText === undefined ? undefined : AppScope.safeParse(scopeText);
  if (scope && !scope.success) {
    throw new HandoffError('CONFIG_INVALID', `SN_APP_SCOPE is '${scopeText}': ${scope.error.issues[0]?.message ?? 'not a scope'}`, { remedy: 'set SN_APP_SCOPE to the scope the ServiceNow app was built with, e.g. x_acme_aihandoff' });
  }
  return scope?.data;
}

/**
 * The worker's runtime config: --config, else AI_HANDOFF_CONFIG, else
 * config/production.yaml. Never the sandbox's: AI is opt-in per group (the
 * seed), and the sandbox config opts in common group names.
 */
export function loadWorkerConfig(file: string | undefined, env: Readonly<Record<string, string | undefined>>): LoadedConfig {
  return loadRuntimeConfig({ env, fallback: PRODUCTION_CONFIG_FILE, ...(file ? { file } : {}) });
}

/** Stops the worker on SIGTERM/SIGINT; a second signal exits at once. */
export function stopOnSignals(stop: () => Promise<void>, log: Logger): Promise<void> {
  return new Promise((resolve) => {
    let stopping = false;
    const handler = (signal: NodeJS.Signals): void => {
      if (stopping) process.exit(130);
      stopping = true;
      log.info('stopping', { signal });
      stop().then(resolve, (error: unknown) => {
        log.error('shutdown failed', { error });
        resolve();
      });
    };
    process.once('SIGTERM', handler);
    process.once('SIGINT', handler);
  });
}

export function registerWorker(program: Command): void {
  program
    .command('worker')
    .description('run the connector worker: keep panels current, take requests and reviews, run and write hand-offs')
    .option('--config <file>', 'runtime config file (default: AI_HANDOFF_CONFIG or config/production.yaml, AI off for every group)')
    .option('--log-level <level>', 'debug, info, warn or error', 'info')
    .action(async (opts: { config?: string; logLevel: string }) => {
      const log = createLogger({ level: opts.logLevel as 'info' });
      const loaded = loadWorkerConfig(opts.config, process.env);
      const snConfig = serviceNowConfigFromEnv(process.env);
      const authUser = 'username' in snConfig.auth ? snConfig.auth.username : undefined;
      const env = workerEnv(process.env, authUser);
      const config = withEnvScope(loaded.config, env);
      const connector = createServiceNowConnector({ config: snConfig, log, appScope: config.app.scope });
      // No key, no worker: a ledger signed with a key nobody kept could not be verified (docs/audit.md).
      const audit = auditTarget(process.env, { connector, instance: config.audit.instanceCheckpoints });
      const worker: WiredWorker = await startWiredWorker({
        config,
        connector,
        audit,
        redisUrl: env.redisUrl,
        integrationUser: env.integrationUser,
        log,
        ...(env.syncIntervalMs === undefined ? {} : { syncIntervalMs: env.syncIntervalMs }),
        ...(env.prefix === undefined ? {} : { prefix: env.prefix }),
        ...(env.doorbell === undefined ? {} : { doorbell: env.doorbell }),
        fault: faultFromEnv(process.env, log),
      });
      log.info('worker started', { instance: connector.instanceId, config: loaded.file, prefix: worker.prefix, policyVersion: worker.policy.version, appScope: config.app.scope, doorbell: worker.doorbellUrl ?? 'off', auditKey: audit.keys.current.id, auditDir: audit.dir });
      await stopOnSignals(async () => {
        await worker.close(15_000);
        connector.close();
      }, log);
      log.info('worker stopped');
    });
}
