/**
 * `ai-handoff start` (what `npm start` runs): the whole product locally, in
 * one process:
 * - Redis: REDIS_URL, else a redis-server of its own (noeviction, AOF) with
 *   its data in .data/redis;
 * - the ServiceNow instance: SN_INSTANCE_URL and credentials when set, else
 *   the sandbox instance, seeded, with its state in .data/sandbox.jsonl;
 * - the worker with the runtime config (AI_HANDOFF_CONFIG, default
 *   config/sandbox.yaml) and its provider (the built-in one by default);
 *   with the sandbox, the worker's doorbell listens on 127.0.0.1 (a random
 *   port and token) and the sandbox's app rings it when a request or review
 *   row is created, so pickup takes well under a second.
 * It prints where to look, and stops everything on Ctrl-C.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { createServiceNowConnector } from '../../../connectors/servicenow/servicenow-connector.js';
import { instanceIdOf, parseServiceNowConfig, type ServiceNowConfig } from '../../../connectors/servicenow/config.js';
import { serviceNowConfigFromEnv } from '../../../connectors/servicenow/env-config.js';
import { createSandbox, INTEGRATION_PASSWORD, INTEGRATION_USER, type Sandbox } from '../../../connectors/servicenow/sandbox/index.js';
import { loadRuntimeConfig, SANDBOX_CONFIG_FILE } from '../../config/load-runtime-config.js';
import { HandoffError } from '../../errors.js';
import { httpListenFromEnv } from '../../ops/http-listen.js';
import { createOpsRuntime } from '../../ops/ops-runtime.js';
import { startWiredWorker } from '../../queue/wiring.js';
import { createLogger } from '../../util/log.js';
import { startLocalRedis, type LocalRedis } from '../local-redis.js';
import { auditKeys, auditTarget } from './audit-target.js';
import { redisUrlFromEnv } from '../redis-env.js';
import { dataDir, removeRunRecord, writeRunRecord } from '../run-file.js';
import { mappingsCheckWanted, runStartupChecks } from '../startup-checks.js';
import { sandboxRunPrefix } from '../sandbox-prefix.js';
import { withSyncProgress } from '../sync-progress.js';
import { attachOps, reloadTriggersFor, superviseWorker } from '../worker-ops.js';
import { faultFromEnv } from './fault.js';
import { LOCAL_REDIS_PORT } from './redis-target.js';
import { DEFAULT_SANDBOX_PORT, usersTable } from './sandbox.js';
import { registerSecret } from '../../util/secrets.js';
import { withEnvScope, workerSettings } from './worker.js';

interface StartFlags {
  readonly port: string;
  readonly tickets: string;
  readonly data: string;
  readonly config?: string;
  readonly logLevel: string;
  readonly fresh?: boolean;
  readonly mappingsCheck?: boolean;
  readonly http?: string;
  readonly redisPort: string;
}

export function registerStart(program: Command): void {
  program
    .command('start')
    .description('run everything locally: Redis, the sandbox instance (unless SN_INSTANCE_URL is set) and the worker')
    .option('--port <n>', 'sandbox port', String(DEFAULT_SANDBOX_PORT))
    .option('--tickets <n>', 'generated tickets to add to the sandbox seed', '0')
    .option('--data <dir>', 'folder for the local Redis, the sandbox state and run.json (default: AI_HANDOFF_DATA, else .data)', dataDir())
    .option('--fresh', 'start the sandbox from its seed, ignoring saved state')
    .option('--config <file>', 'runtime config (default: AI_HANDOFF_CONFIG or config/sandbox.yaml)')
    .option('--log-level <level>', 'debug, info, warn or error', 'warn')
    .option('--mappings-check', 'check every mapped field on the instance before starting (default: AI_HANDOFF_MAPPINGS_CHECK, else off)')
    .option('--redis-port <n>', 'port of the local Redis (without REDIS_URL); another folder\'s Redis there is left alone and a free port taken', String(LOCAL_REDIS_PORT))
    .option('--http <host:port>', 'health, metrics and the dashboard (default: AI_HANDOFF_HTTP, else 127.0.0.1 on the sandbox port + 1; off turns it off)')
    .action(async (flags: StartFlags) => {
      const log = createLogger({ level: flags.logLevel as 'warn' });
      const port = Number(flags.port);
      const tickets = Number(flags.tickets);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new HandoffError('INPUT_INVALID', `--port must be 0 to 65535, got '${flags.port}'`, { remedy: 'pass for example --port 8090' });
      if (!Number.isInteger(tickets) || tickets < 0) throw new HandoffError('INPUT_INVALID', `--tickets must be a whole number, got '${flags.tickets}'`, { remedy: 'pass for example --tickets 1000' });
      // The sandbox config, on purpose: start runs the sandbox and its cast (`worker` falls back to production.yaml).
      const loaded = loadRuntimeConfig({ fallback: SANDBOX_CONFIG_FILE, ...(flags.config ? { file: flags.config } : {}) });
      const data = resolve(flags.data);
      // The sandbox's state and the audit folder live here even when REDIS_URL names a Redis elsewhere.
      mkdirSync(data, { recursive: true });
      const http = httpListenFromEnv(flags.http === undefined ? process.env : { ...process.env, AI_HANDOFF_HTTP: flags.http }, `127.0.0.1:${port === 0 || port === 65535 ? 0 : port + 1}`);

      const redisPort = Number(flags.redisPort);
      if (!Number.isInteger(redisPort) || redisPort < 1 || redisPort > 65535) throw new HandoffError('INPUT_INVALID', `--redis-port must be 1 to 65535, got '${flags.redisPort}'`, { remedy: 'pass for example --redis-port 6390' });
      // Every setting is read before anything is started or reached (as `worker` does): a bad one is the one line printed.
      const snFromEnv = process.env.SN_INSTANCE_URL?.trim() ? serviceNowConfigFromEnv(process.env) : undefined;
      const settings = workerSettings(process.env, snFromEnv ? ('username' in snFromEnv.auth ? snFromEnv.auth.username : undefined) : INTEGRATION_USER);
      const mappingsCheck = mappingsCheckWanted(flags.mappingsCheck, process.env, false);
      const config = withEnvScope(loaded.config, settings);
      // The local run makes its own audit key on first start, beside its checkpoints (docs/audit.md).
      const keys = auditKeys(process.env, { dir: process.env.AI_HANDOFF_AUDIT_DIR?.trim() || join(data, 'audit'), localKey: true, generateKey: true });

      let localRedis: LocalRedis | undefined;
      const redisUrl = redisUrlFromEnv(process.env) || (localRedis = await startLocalRedis({ dir: join(data, 'redis'), port: redisPort })).url;

      let sandbox: Sandbox | undefined;
      let snConfig: ServiceNowConfig;
      if (snFromEnv) {
        snConfig = snFromEnv;
      } else {
        sandbox = await createSandbox({ port, seed: { tickets }, appScope: config.app.scope, ...(flags.fresh ? {} : { persistFile: join(data, 'sandbox.jsonl') }), log });
        snConfig = parseServiceNowConfig({ instanceUrl: sandbox.url, auth: { kind: 'basic', username: INTEGRATION_USER, password: INTEGRATION_PASSWORD } });
      }
      await runStartupChecks({ config, serviceNow: snConfig, redisUrl, integrationUser: settings.integrationUser, mappingsCheck }).catch(async (error: unknown) => {
        await sandbox?.close();
        await localRedis?.stop();
        throw error;
      });
      // With the sandbox the doorbell is on by default, on loopback, with a token of this run.
      const token = randomBytes(18).toString('base64url');
      if (sandbox) registerSecret(token);
      const doorbell = settings.doorbell ?? (sandbox ? { host: '127.0.0.1', port: 0, token } : undefined);
      // A sandbox seeded afresh gets worker state of its own in Redis (src/cli/sandbox-prefix.ts).
      const prefix = settings.prefix ?? (sandbox ? sandboxRunPrefix({ data, seededAfresh: sandbox.seeded !== undefined, base: config.worker.prefix }) : config.worker.prefix);
      const ops = createOpsRuntime({ config, redisUrl, prefix, instanceId: instanceIdOf(snConfig.instanceUrl), http, log });
      const connector = ops.guardWrites(createServiceNowConnector({ config: snConfig, log, appScope: config.app.scope, observe: ops.observeInstanceCall }));
      const audit = auditTarget(process.env, { keys, connector, instance: config.audit.instanceCheckpoints });
      const worker = await startWiredWorker({
        // A full sync of a large instance takes minutes: a progress line on a terminal, nothing in logs.
        ...withSyncProgress(ops.hooks, process.stderr),
        config,
        connector,
        audit,
        redisUrl,
        integrationUser: settings.integrationUser,
        log,
        ...(settings.syncIntervalMs === undefined ? {} : { syncIntervalMs: settings.syncIntervalMs }),
        prefix,
        ...(doorbell === undefined ? {} : { doorbell }),
        fault: faultFromEnv(process.env, log),
        reloadFrom: { file: loaded.file, adjust: (c) => withEnvScope(c, settings) },
      });
      if (sandbox && worker.doorbellUrl) sandbox.doorbell.set({ url: worker.doorbellUrl, ...(doorbell?.token === undefined ? {} : { token: doorbell.token }) });
      await attachOps(ops, worker, connector, settings.integrationUser);
      const stopReloads = reloadTriggersFor(worker, config, loaded.file, log);

      const lines = [
        '',
        'ai-handoff is running.',
        `  Redis            ${redisUrl}, prefix ${worker.prefix}${localRedis ? `  (${localRedis.note})` : ''}`,
        `  ServiceNow       ${snConfig.instanceUrl}${sandbox ? '  (the sandbox instance)' : ''}`,
        `  worker           config ${loaded.file}, policy ${worker.policy.version}, provider ${config.ai.provider.kind}, app ${config.app.scope}, sync every ${settings.syncIntervalMs ?? config.worker.syncIntervalMs} ms`,
        `  requests         polled every ${config.worker.intake.pollMs} ms${worker.doorbellUrl ? `; doorbell ${worker.doorbellUrl}${sandbox ? ' (the sandbox rings it)' : ''}` : ' (no doorbell: set AI_HANDOFF_DOORBELL=host:port)'}`,
        `  audit            key ${audit.keys.current.id} (${audit.keySource.generated ? 'generated into ' : ''}${audit.keySource.source}), checkpoints and archive in ${audit.dir}`,
        `  dashboard        ${ops.url === null ? 'off (--http or AI_HANDOFF_HTTP)' : `${ops.url}/   (health ${ops.url}/healthz, readiness ${ops.url}/readyz, metrics ${ops.url}/metrics)`}`,
      ];
      if (sandbox) {
        lines.push(
          '',
          `Open ${sandbox.url}/tickets and pick INC0002041. Act as alex.rivera (an agent) to`,
          'Assign To AI Operation; switch to irene.costa (the incident commander) to accept a draft.',
          '',
          `Seeded users (every person's password is 'sandbox'):`,
          usersTable(),
        );
      }
      // report, audit and policy in another terminal read this run's endpoints and config from here.
      writeRunRecord(data, { pid: process.pid, startedAt: new Date().toISOString(), redisUrl, prefix: worker.prefix, instanceUrl: snConfig.instanceUrl, sandbox: sandbox !== undefined, config: loaded.file, http: ops.url, auditDir: audit.dir, auditKeyFile: audit.keySource.file, appScope: config.app.scope });
      lines.push('', `In another terminal (they read ${join(data, 'run.json')}): npx ai-handoff report | audit verify | policy check`, 'Ctrl-C stops everything.', '');
      console.log(lines.join('\n'));

      await superviseWorker(ops, async () => {
        stopReloads();
        await worker.close(10_000);
        connector.close();
        await sandbox?.close();
        await localRedis?.stop();
        removeRunRecord(data);
      }, log);
      console.log('stopped');
    });
}
