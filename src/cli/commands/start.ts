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
import { parseServiceNowConfig, type ServiceNowConfig } from '../../../connectors/servicenow/config.js';
import { serviceNowConfigFromEnv } from '../../../connectors/servicenow/env-config.js';
import { createSandbox, INTEGRATION_PASSWORD, INTEGRATION_USER, type Sandbox } from '../../../connectors/servicenow/sandbox/index.js';
import { loadRuntimeConfig, SANDBOX_CONFIG_FILE } from '../../config/load-runtime-config.js';
import { HandoffError } from '../../errors.js';
import { startWiredWorker } from '../../queue/wiring.js';
import { createLogger } from '../../util/log.js';
import { fromRoot } from '../../util/paths.js';
import { startLocalRedis, type LocalRedis } from '../local-redis.js';
import { auditTarget } from './audit-target.js';
import { faultFromEnv } from './fault.js';
import { LOCAL_REDIS_PORT } from './redis-target.js';
import { DEFAULT_SANDBOX_PORT, usersTable } from './sandbox.js';
import { registerSecret } from '../../util/secrets.js';
import { appScopeFromEnv, stopOnSignals, withEnvScope, workerEnv } from './worker.js';

interface StartFlags {
  readonly port: string;
  readonly tickets: string;
  readonly data: string;
  readonly config?: string;
  readonly logLevel: string;
  readonly fresh?: boolean;
}

export function registerStart(program: Command): void {
  program
    .command('start')
    .description('run everything locally: Redis, the sandbox instance (unless SN_INSTANCE_URL is set) and the worker')
    .option('--port <n>', 'sandbox port', String(DEFAULT_SANDBOX_PORT))
    .option('--tickets <n>', 'generated tickets to add to the sandbox seed', '0')
    .option('--data <dir>', 'folder for the local Redis and sandbox state', fromRoot('.data'))
    .option('--fresh', 'start the sandbox from its seed, ignoring saved state')
    .option('--config <file>', 'runtime config (default: AI_HANDOFF_CONFIG or config/sandbox.yaml)')
    .option('--log-level <level>', 'debug, info, warn or error', 'warn')
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

      let localRedis: LocalRedis | undefined;
      const redisUrl = process.env.REDIS_URL?.trim() || (localRedis = await startLocalRedis({ dir: join(data, 'redis'), port: LOCAL_REDIS_PORT })).url;

      let sandbox: Sandbox | undefined;
      let snConfig: ServiceNowConfig;
      const external = Boolean(process.env.SN_INSTANCE_URL?.trim());
      if (external) {
        snConfig = serviceNowConfigFromEnv(process.env);
      } else {
        sandbox = await createSandbox({ port, seed: { tickets }, appScope: appScopeFromEnv(process.env) ?? loaded.config.app.scope, ...(flags.fresh ? {} : { persistFile: join(data, 'sandbox.jsonl') }), log });
        snConfig = parseServiceNowConfig({ instanceUrl: sandbox.url, auth: { kind: 'basic', username: INTEGRATION_USER, password: INTEGRATION_PASSWORD } });
      }
      const authUser = 'username' in snConfig.auth ? snConfig.auth.username : undefined;
      const env = workerEnv({ ...process.env, REDIS_URL: redisUrl }, authUser);
      const config = withEnvScope(loaded.config, env);
      // With the sandbox the doorbell is on by default, on loopback, with a token of this run.
      const token = randomBytes(18).toString('base64url');
      if (!external) registerSecret(token);
      const doorbell = env.doorbell ?? (external ? undefined : { host: '127.0.0.1', port: 0, token });
      const connector = createServiceNowConnector({ config: snConfig, log, appScope: config.app.scope });
      // The local run makes its own audit key on first start, beside its checkpoints (docs/audit.md).
      const auditDir = process.env.AI_HANDOFF_AUDIT_DIR?.trim() || join(data, 'audit');
      const audit = auditTarget(process.env, { dir: auditDir, localKey: true, generateKey: true, connector, instance: config.audit.instanceCheckpoints });
      const worker = await startWiredWorker({
        config,
        connector,
        audit,
        redisUrl,
        integrationUser: env.integrationUser,
        log,
        ...(env.syncIntervalMs === undefined ? {} : { syncIntervalMs: env.syncIntervalMs }),
        ...(env.prefix === undefined ? {} : { prefix: env.prefix }),
        ...(doorbell === undefined ? {} : { doorbell }),
        fault: faultFromEnv(process.env, log),
      });
      if (sandbox && worker.doorbellUrl) sandbox.doorbell.set({ url: worker.doorbellUrl, ...(doorbell?.token === undefined ? {} : { token: doorbell.token }) });

      const lines = [
        '',
        'ai-handoff is running.',
        `  Redis            ${redisUrl}${localRedis ? `  (local redis-server, data in ${join(data, 'redis')})` : ''}`,
        `  ServiceNow       ${snConfig.instanceUrl}${sandbox ? '  (the sandbox instance)' : ''}`,
        `  worker           config ${loaded.file}, policy ${worker.policy.version}, provider ${config.ai.provider.kind}, app ${config.app.scope}, sync every ${env.syncIntervalMs ?? config.worker.syncIntervalMs} ms`,
        `  requests         polled every ${config.worker.intake.pollMs} ms${worker.doorbellUrl ? `; doorbell ${worker.doorbellUrl}${sandbox ? ' (the sandbox rings it)' : ''}` : ' (no doorbell: set AI_HANDOFF_DOORBELL=host:port)'}`,
        `  audit            key ${audit.keys.current.id} (${audit.keySource.generated ? 'generated into ' : ''}${audit.keySource.source}), checkpoints and archive in ${audit.dir}`,
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
      const instanceVars = sandbox ? `SN_INSTANCE_URL=${sandbox.url} SN_USERNAME=${INTEGRATION_USER} SN_PASSWORD=${INTEGRATION_PASSWORD} ` : '';
      lines.push('', `Audit: ${instanceVars}npx ai-handoff audit verify --redis-url ${redisUrl} --audit-dir ${audit.dir}`, 'Ctrl-C stops everything.', '');
      console.log(lines.join('\n'));

      await stopOnSignals(async () => {
        await worker.close(10_000);
        connector.close();
        await sandbox?.close();
        await localRedis?.stop();
      }, log);
      console.log('stopped');
    });
}
