/**
 * Which instance and which runtime config the read-only admin commands
 * (`report`, `policy what-if`, `mappings preview`, `mappings init`) use: the
 * instance named by SN_* (docs/servicenow-connector.md, "Configuration"), with
 * config/production.yaml as the config fallback, as the worker would run;
 * else the local sandbox of `npm start` as its integration user, with
 * config/sandbox.yaml.
 */
import { parseServiceNowConfig, type ServiceNowConfig } from '../../../connectors/servicenow/config.js';
import { serviceNowConfigFromEnv, type Env } from '../../../connectors/servicenow/env-config.js';
import { INTEGRATION_PASSWORD, INTEGRATION_USER } from '../../../connectors/servicenow/sandbox/index.js';
import { createServiceNowConnector, type ServiceNowConnector } from '../../../connectors/servicenow/servicenow-connector.js';
import { loadRuntimeConfig, PRODUCTION_CONFIG_FILE, type LoadedConfig } from '../../config/load-runtime-config.js';
import { HandoffError, isHandoffError } from '../../errors.js';
import { createLogger } from '../../util/log.js';
import { DEFAULT_SANDBOX_PORT } from './sandbox.js';

export interface InstanceTarget {
  /** Whether SN_INSTANCE_URL names an instance (else the local sandbox). */
  readonly realInstance: boolean;
  readonly sn: ServiceNowConfig;
  readonly loaded: LoadedConfig;
}

/** The instance and the runtime config (`--config`, else AI_HANDOFF_CONFIG, else the fallback above). */
export function instanceTarget(options: { readonly config?: string | undefined; readonly env?: Env } = {}): InstanceTarget {
  const env = options.env ?? process.env;
  // Against a real instance the worker runs on production.yaml unless told otherwise: so do the admin's views of it.
  const realInstance = (env.SN_INSTANCE_URL?.trim() ?? '') !== '';
  const loaded = loadRuntimeConfig({ env, ...(options.config === undefined ? {} : { file: options.config }), ...(realInstance ? { fallback: PRODUCTION_CONFIG_FILE } : {}) });
  const sn = realInstance
    ? serviceNowConfigFromEnv(env)
    : parseServiceNowConfig({ instanceUrl: `http://127.0.0.1:${DEFAULT_SANDBOX_PORT}`, auth: { kind: 'basic', username: INTEGRATION_USER, password: INTEGRATION_PASSWORD } });
  return { realInstance, sn, loaded };
}

/** A connector to the target; connector warnings go to stderr. */
function connectTo(target: InstanceTarget, err: (text: string) => void = (text) => process.stderr.write(text)): ServiceNowConnector {
  return createServiceNowConnector({ config: target.sn, log: createLogger({ level: 'warn', write: err }) });
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
