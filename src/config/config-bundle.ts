/**
 * The worker's whole configuration as one value: the runtime config, the
 * policy and the mappings, validated in full and together, the way the
 * worker starts with them and `policy check` checks them. A reload
 * (src/queue/reloader.ts) builds a new bundle before anything changes, so a
 * bad file leaves the running bundle in place; the error names the file,
 * the key and the fix (the loaders' own messages).
 */
import { HandoffError } from '../errors.js';
import { loadMappings, type MappingSet } from '../mapping/load-mappings.js';
import { approverCoverageProblems } from '../policy/coverage.js';
import { createPolicyContext, loadPolicy, type Policy } from '../policy/index.js';
import { loadRuntimeConfig } from './load-runtime-config.js';
import type { RuntimeConfig } from './runtime-config.js';

export interface ConfigBundle {
  /** The runtime config file (absolute). */
  readonly file: string;
  readonly config: RuntimeConfig;
  readonly policy: Policy;
  readonly mappings: MappingSet;
}

export interface BundleOptions {
  /** Applied to the file's config before anything is checked (the worker's environment overrides, e.g. SN_APP_SCOPE). */
  readonly adjust?: (config: RuntimeConfig) => RuntimeConfig;
  /** The app scope the mappings' AI fields must belong to; default the config's `app.scope`. */
  readonly scope?: string;
}

/** Loads and checks the config file, then the policy and mappings it names; throws the first file's error (CONFIG_, POLICY_ or MAPPING_INVALID). */
export function loadConfigBundle(file: string, options: BundleOptions = {}): ConfigBundle {
  const loaded = loadRuntimeConfig({ file });
  const config = options.adjust ? options.adjust(loaded.config) : loaded.config;
  return bundleOf(loaded.file, config, options.scope);
}

/** Checks a config already read (the worker's start) and loads its policy and mappings. */
export function bundleOf(file: string, config: RuntimeConfig, scope?: string): ConfigBundle {
  const policy = loadPolicy(config.paths.policy);
  const mappings = loadMappings(config.paths.mappings, { scope: scope ?? config.app.scope });
  // The switches must name operations of this catalog: a typo would leave an operation on (context.ts).
  try {
    createPolicyContext({ policy, switches: config.switches, groups: config.groups });
  } catch (error) {
    if (error instanceof HandoffError) throw new HandoffError(error.code, `runtime config ${file}: ${error.message}`, { ...(error.remedy === undefined ? {} : { remedy: error.remedy }) });
    throw error;
  }
  const uncovered = approverCoverageProblems(policy, mappings.byTable.values());
  if (uncovered.length > 0) {
    throw new HandoffError('POLICY_INVALID', `policy ${policy.version} cannot be served by the mappings in ${mappings.dir}:\n  ${uncovered.join('\n  ')}`, {
      remedy: 'map the approver roles, or change the operations that need them',
    });
  }
  return Object.freeze({ file, config, policy, mappings });
}
