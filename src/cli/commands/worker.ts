/**
 * `ai-handoff worker`: runs the connector worker against any
 * ServiceNow-compatible instance, configured from the environment:
 * SN_INSTANCE_URL and credentials (docs/servicenow-connector.md), REDIS_URL,
 * SYNC_INTERVAL_MS, SN_APP_SCOPE (the app's scope, else the config's
 * `app.scope`), AI_HANDOFF_DOORBELL (host:port to listen for the app's
 * doorbell, with AI_HANDOFF_DOORBELL_TOKEN or _FILE), and AI_HANDOFF_CONFIG
 * for the runtime config (default config/production.yaml: AI off until a
 * group opts in; `ai-handoff start` is the command that runs the sandbox
 * config). Stops gracefully on SIGTERM and SIGINT; reads the config, policy
 * and mappings again on SIGHUP (src/queue/reloader.ts).
 */
import type { Command } from 'commander';
import { createServiceNowConnector } from '../../../connectors/servicenow/servicenow-connector.js';
import { instanceIdOf } from '../../../connectors/servicenow/config.js';
import { readSecret, serviceNowConfigFromEnv } from '../../../connectors/servicenow/env-config.js';
import { loadRuntimeConfig, PRODUCTION_CONFIG_FILE, type LoadedConfig } from '../../config/load-runtime-config.js';
import type { RuntimeConfig } from '../../config/runtime-config.js';
import { AppScope } from '../../domain/app-names.js';
import { HandoffError } from '../../errors.js';
import { httpListenFromEnv } from '../../ops/http-listen.js';
import { createOpsRuntime } from '../../ops/ops-runtime.js';
import { startWiredWorker, type WiredWorker } from '../../queue/wiring.js';
import { createLogger, type Logger } from '../../util/log.js';
import { auditKeys, auditTarget } from './audit-target.js';
import { redisUrlFromEnv } from '../redis-env.js';
import { mappingsCheckWanted, runStartupChecks } from '../startup-checks.js';
import { withSyncProgress } from '../sync-progress.js';
import { attachOps, reloadTriggersFor, superviseWorker } from '../worker-ops.js';
import { semiSpaceSetting } from '../young-generation.js';
import { faultFromEnv } from './fault.js';

export interface WorkerSettings {
  readonly syncIntervalMs: number | undefined;
  readonly prefix: string | undefined;
  readonly integrationUser: string;
  /** SN_APP_SCOPE: overrides the config's app.scope. */
  readonly appScope: string | undefined;
  /** AI_HANDOFF_DOORBELL (+ token): where to listen for the app's doorbell. */
  readonly doorbell: { readonly host: string; readonly port: number; readonly token?: string } | undefined;
}

export interface WorkerEnvSettings extends WorkerSettings {
  readonly redisUrl: string;
}

/** The runtime config with SN_APP_SCOPE applied. */
export function withEnvScope(config: RuntimeConfig, env: Pick<WorkerSettings, 'appScope'>): RuntimeConfig {
  return env.appScope === undefined ? config : { ...config, app: { ...config.app, scope: env.appScope } };
}

/** AI_HANDOFF_DOORBELL=host:port, and its token from AI_HANDOFF_DOORBELL_TOKEN or _FILE (a secret: scrubbed from logs). */
function doorbellFrom(env: Readonly<Record<string, string | undefined>>): WorkerSettings['doorbell'] {
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
  const redisUrl = redisUrlFromEnv(env);
  if (!redisUrl) {
    throw new HandoffError('CONFIG_INVALID', 'REDIS_URL is not set', {
      remedy: 'set REDIS_URL to a Redis 7 with maxmemory-policy noeviction and appendonly yes, e.g. redis://127.0.0.1:6379, or REDIS_SENTINELS and REDIS_SENTINEL_NAME (docs/deploy.md)',
    });
  }
  return { redisUrl, ...workerSettings(env, authUser) };
}

/** The variables besides Redis (`start` reads them before it has a Redis to name). */
export function workerSettings(env: Readonly<Record<string, string | undefined>>, authUser: string | undefined): WorkerSettings {
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
  return { syncIntervalMs, prefix, integrationUser, appScope: appScopeFromEnv(env), doorbell: doorbellFrom(env) };
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
    .option('--no-mappings-check', 'start without checking every mapped field on the instance (default: AI_HANDOFF_MAPPINGS_CHECK, else on)')
    .action(async (opts: { config?: string; logLevel: string; mappingsCheck?: boolean }) => {
      const log = createLogger({ level: opts.logLevel as 'info' });
      // Configuration first, all of it read without the network, so a worker that cannot run for want of a
      // setting (the audit key above all) says so in one line whatever else is down.
      const loaded = loadWorkerConfig(opts.config, process.env);
      const snConfig = serviceNowConfigFromEnv(process.env);
      const authUser = 'username' in snConfig.auth ? snConfig.auth.username : undefined;
      const env = workerEnv(process.env, authUser);
      const http = httpListenFromEnv(process.env);
      const mappingsCheck = mappingsCheckWanted(opts.mappingsCheck === false ? false : undefined, process.env, true);
      // No key, no worker: a ledger signed with a key nobody kept could not be verified (docs/audit.md).
      const keys = auditKeys(process.env);
      // Fail fast (issue 14): Redis, the instance and the mappings are checked before anything starts.
      const config = withEnvScope(loaded.config, env);
      await runStartupChecks({ config, serviceNow: snConfig, redisUrl: env.redisUrl, integrationUser: env.integrationUser, mappingsCheck });
      const ops = createOpsRuntime({ config, redisUrl: env.redisUrl, prefix: env.prefix ?? config.worker.prefix, instanceId: instanceIdOf(snConfig.instanceUrl), http, log });
      const connector = ops.guardWrites(createServiceNowConnector({ config: snConfig, log, appScope: config.app.scope, observe: ops.observeInstanceCall }));
      const audit = auditTarget(process.env, { keys, connector, instance: config.audit.instanceCheckpoints });
      const worker: WiredWorker = await startWiredWorker({
        // A full sync of a large instance takes minutes: a progress line on a terminal, nothing in logs.
        ...withSyncProgress(ops.hooks, process.stderr),
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
        reloadFrom: { file: loaded.file, adjust: (c) => withEnvScope(c, env) },
      });
      await attachOps(ops, worker, connector, env.integrationUser);
      const stopReloads = reloadTriggersFor(worker, config, loaded.file, log);
      log.info('worker started', { instance: connector.instanceId, config: loaded.file, prefix: worker.prefix, policyVersion: worker.policy.version, appScope: config.app.scope, doorbell: worker.doorbellUrl ?? 'off', http: ops.url, auditKey: audit.keys.current.id, auditDir: audit.dir, semiSpaceMb: semiSpaceSetting() });
      await superviseWorker(ops, async () => {
        stopReloads();
        await worker.close(15_000);
        connector.close();
      }, log);
      log.info('worker stopped');
    });
}
