/**
 * Which instance and which runtime config the read-only admin commands
 * (`report`, `policy what-if`, `mappings preview`, `mappings init`) use: the
 * instance named by SN_* (docs/servicenow-connector.md, "Configuration"), with
 * config/production.yaml as the config fallback, as the worker would run;
 * else the instance and config of the running `npm start`, as recorded in its
 * data folder (src/cli/run-file.ts; as its integration user when that is the
 * sandbox); else the local sandbox at its default port with config/sandbox.yaml.
 */
import { parseServiceNowConfig, type ServiceNowConfig } from '../../../connectors/servicenow/config.js';
import { serviceNowConfigFromEnv, type Env } from '../../../connectors/servicenow/env-config.js';
import { INTEGRATION_PASSWORD, INTEGRATION_USER } from '../../../connectors/servicenow/sandbox/index.js';
import { createServiceNowConnector, type ServiceNowConnector } from '../../../connectors/servicenow/servicenow-connector.js';
import { loadRuntimeConfig, PRODUCTION_CONFIG_FILE, type LoadedConfig } from '../../config/load-runtime-config.js';
import { HandoffError, isHandoffError } from '../../errors.js';
import { createLogger } from '../../util/log.js';
import { readRunRecord, type RunRecord } from '../run-file.js';
import { DEFAULT_SANDBOX_PORT } from './sandbox.js';
import { appScopeFromEnv } from './worker.js';

export interface InstanceTarget {
  /** Whether SN_INSTANCE_URL names an instance (else the local sandbox). */
  readonly realInstance: boolean;
  readonly sn: ServiceNowConfig;
  readonly loaded: LoadedConfig;
  /** The running `npm start` this target came from, when no SN_INSTANCE_URL was set. */
  readonly run: RunRecord | null;
  /** The app's scope: SN_APP_SCOPE, else the running npm start's, else the config's `app.scope`. */
  readonly appScope: string;
}

/** The instance and the runtime config (`--config`, else AI_HANDOFF_CONFIG, else the running npm start's, else the fallback above). */
export function instanceTarget(options: { readonly config?: string | undefined; readonly env?: Env; readonly run?: RunRecord | null } = {}): InstanceTarget {
  const env = options.env ?? process.env;
  const fromEnv = (env.SN_INSTANCE_URL?.trim() ?? '') !== '';
  const run = fromEnv ? null : options.run === undefined ? readRunRecord() : options.run;
  // Against a real instance the worker runs on production.yaml unless told otherwise: so do the admin's views of it.
  const realInstance = fromEnv || (run !== null && !run.sandbox);
  const file = options.config ?? (env.AI_HANDOFF_CONFIG?.trim() ? undefined : run?.config);
  const loaded = loadRuntimeConfig({ env, ...(file === undefined ? {} : { file }), ...(realInstance ? { fallback: PRODUCTION_CONFIG_FILE } : {}) });
  const sn = fromEnv
    ? serviceNowConfigFromEnv(env)
    : run !== null && !run.sandbox
      ? serviceNowConfigFromEnv({ ...env, SN_INSTANCE_URL: run.instanceUrl })
      : parseServiceNowConfig({ instanceUrl: run?.instanceUrl ?? `http://127.0.0.1:${DEFAULT_SANDBOX_PORT}`, auth: { kind: 'basic', username: INTEGRATION_USER, password: INTEGRATION_PASSWORD } });
  const appScope = appScopeFromEnv(env) ?? run?.appScope ?? loaded.config.app.scope;
  return { realInstance, sn, loaded, run, appScope };
}

/** A connector to the target; connector warnings go to stderr. */
function connectTo(target: InstanceTarget, err: (text: string) => void = (text) => process.stderr.write(text)): ServiceNowConnector {
  return createServiceNowConnector({ config: target.sn, appScope: target.appScope, log: createLogger({ level: 'warn', write: err }) });
}

/**
 * Runs `work` with a connector to the target and closes it. An unreachable
 * local sandbox says how to start one, instead of a bare connection error.
 */
export async function withInstance<T>(target: InstanceTarget, work: (connector: ServiceNowConnector) => Promise<T>): Promise<T> {
  const connector = connectTo(target);
  try {
    return await work(connector);
  } catch (error) {
    throw explainUnreachable(target, error);
  } finally {
    connector.close();
  }
}

/** A connection failure to the local sandbox says how to start one, instead of a bare connection error; any other error as it is. */
export function explainUnreachable(target: InstanceTarget, error: unknown): unknown {
  if (target.realInstance || !isHandoffError(error, 'SN_NETWORK')) return error;
  return new HandoffError('SN_NETWORK', `no sandbox answers at ${target.sn.instanceUrl} and SN_INSTANCE_URL is not set`, {
    remedy: 'start it (npm start, or ai-handoff sandbox), or set SN_INSTANCE_URL and the SN_* credentials for your instance',
  });
}
