/**
 * The start-up checks as `worker` and `start` run them (src/ops/preflight.ts):
 * the probe uses a connector of its own with a quiet log and few attempts, so
 * a failing start prints its one error, not a page of retry warnings.
 */
import { createServiceNowConnector } from '../../connectors/servicenow/servicenow-connector.js';
import { parseServiceNowConfig, type ServiceNowConfig } from '../../connectors/servicenow/config.js';
import type { RuntimeConfig } from '../config/runtime-config.js';
import { HandoffError } from '../errors.js';
import { loadMappings, mappingFor } from '../mapping/load-mappings.js';
import { preflight } from '../ops/preflight.js';
import { loadPolicy } from '../policy/index.js';
import { silentLogger } from '../util/log.js';
import { createProgress } from './progress.js';

export interface StartupCheckOptions {
  readonly config: RuntimeConfig;
  readonly serviceNow: ServiceNowConfig;
  readonly redisUrl: string;
  readonly integrationUser: string;
  /** Check every mapped field on the instance (sys_dictionary). */
  readonly mappingsCheck: boolean;
}

/** Attempts per call during the probe: enough to ride out one dropped connection, few enough to fail fast. */
const PROBE_ATTEMPTS = 3;

export async function runStartupChecks(options: StartupCheckOptions): Promise<void> {
  const { config } = options;
  const probeConfig = parseServiceNowConfig({ ...options.serviceNow, retry: { ...options.serviceNow.retry, maxAttempts: Math.min(PROBE_ATTEMPTS, options.serviceNow.retry.maxAttempts) } });
  const probe = createServiceNowConnector({ config: probeConfig, log: silentLogger, appScope: config.app.scope });
  const progress = createProgress(process.stderr);
  try {
    // The files first: a policy or mapping that does not load is a configuration error, named before any network check.
    loadPolicy(config.paths.policy);
    const mappings = loadMappings(config.paths.mappings);
    const tables = (config.worker.tables ?? [...mappings.byTable.keys()]).map((table) => mappingFor(mappings, table));
    await preflight({
      redisUrl: options.redisUrl,
      redisSafety: config.worker.redis,
      connector: probe,
      instance: new URL(options.serviceNow.instanceUrl).host,
      integrationUser: options.integrationUser,
      ...(options.mappingsCheck ? { mappings: { tables, check: (mapping) => probe.checkMapping(mapping) } } : {}),
      deadlineMs: config.ops.preflightMs,
      onStep: (step) => progress.update(`start-up: ${step}`),
    });
  } finally {
    progress.done();
    probe.close();
  }
}

/** `--no-mappings-check` / `--mappings-check`, else AI_HANDOFF_MAPPINGS_CHECK (on / off), else `fallback`. */
export function mappingsCheckWanted(flag: boolean | undefined, env: Readonly<Record<string, string | undefined>>, fallback: boolean): boolean {
  if (flag !== undefined) return flag;
  const value = env.AI_HANDOFF_MAPPINGS_CHECK?.trim().toLowerCase();
  if (value === undefined || value === '') return fallback;
  if (['1', 'on', 'true', 'yes'].includes(value)) return true;
  if (['0', 'off', 'false', 'no'].includes(value)) return false;
  throw new HandoffError('CONFIG_INVALID', `AI_HANDOFF_MAPPINGS_CHECK is '${env.AI_HANDOFF_MAPPINGS_CHECK}'`, { remedy: 'set AI_HANDOFF_MAPPINGS_CHECK to on or off' });
}
