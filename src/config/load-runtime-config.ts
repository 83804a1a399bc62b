/**
 * Loads the runtime config once at start-up: the YAML file named by the
 * command's --config, else `AI_HANDOFF_CONFIG`, else the command's fallback
 * (config/production.yaml for `worker`, which points at real instances;
 * config/sandbox.yaml for the local commands).
 * Validated with the composed schema, paths resolved against the file's
 * folder, deep-frozen. A bad file fails fast, naming the file, the key and the
 * fix.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { HandoffError } from '../errors.js';
import { fromRoot } from '../util/paths.js';
import { formatIssues } from '../util/zod-issues.js';
import { RuntimeConfig } from './runtime-config.js';
import { parseYamlText } from './yaml-text.js';

/** The environment variable naming the config file. */
export const CONFIG_ENV = 'AI_HANDOFF_CONFIG';

/** The config `npm start` runs with: the sandbox instance and its cast, AI on for the cast's groups. */
export const SANDBOX_CONFIG_FILE = fromRoot('config', 'sandbox.yaml');

/**
 * The config `ai-handoff worker` falls back to: AI off for every group. The
 * seed makes AI opt-in per group, so a worker pointed at a real instance must
 * not inherit the sandbox's opt-ins just because no file was named.
 */
export const PRODUCTION_CONFIG_FILE = fromRoot('config', 'production.yaml');

/** The fallback when the caller names none: the sandbox (local commands). */
export const DEFAULT_CONFIG_FILE = SANDBOX_CONFIG_FILE;

export interface LoadedConfig {
  /** The absolute path of the file read. */
  readonly file: string;
  /** The validated config; `paths` are absolute. */
  readonly config: RuntimeConfig;
}

export interface LoadConfigOptions {
  /** An explicit file (e.g. --config); wins over the environment. */
  readonly file?: string;
  /** The environment to read `AI_HANDOFF_CONFIG` from; default process.env. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** The file when neither `file` nor the environment names one; default config/sandbox.yaml. */
  readonly fallback?: string;
}

/** Which file to load: the explicit one, else AI_HANDOFF_CONFIG, else the fallback (default config/sandbox.yaml). */
export function configFilePath(options: LoadConfigOptions = {}): string {
  const fromEnv = (options.env ?? process.env)[CONFIG_ENV];
  const chosen = options.file ?? (fromEnv !== undefined && fromEnv.trim() !== '' ? fromEnv : (options.fallback ?? DEFAULT_CONFIG_FILE));
  return resolve(chosen);
}

export function loadRuntimeConfig(options: LoadConfigOptions = {}): LoadedConfig {
  const file = configFilePath(options);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (cause) {
    throw new HandoffError('CONFIG_INVALID', `cannot read the runtime config ${file}`, {
      cause,
      remedy: `set ${CONFIG_ENV} (or --config) to a YAML config file such as config/production.yaml`,
    });
  }
  return parseRuntimeConfig(text, file);
}

/** Validates config text; `file` names it in errors and anchors relative paths. */
export function parseRuntimeConfig(text: string, file: string): LoadedConfig {
  const yaml = parseYamlText(text, file);
  if (!yaml.ok) throw new HandoffError('CONFIG_INVALID', yaml.problem, { remedy: 'fix the YAML syntax at that line' });
  const parsed = RuntimeConfig.safeParse(yaml.data ?? {});
  if (!parsed.success) {
    const problems = formatIssues(file, parsed.error);
    throw new HandoffError('CONFIG_INVALID', `runtime config ${file} is invalid:\n  ${problems.join('\n  ')}`, {
      details: { file, problems },
      remedy: 'fix each listed key, then start (or reload) again',
    });
  }
  const base = dirname(file);
  const config: RuntimeConfig = {
    ...parsed.data,
    paths: { policy: resolve(base, parsed.data.paths.policy), mappings: resolve(base, parsed.data.paths.mappings) },
  };
  return deepFreeze({ file, config });
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const member of Object.values(value)) deepFreeze(member);
  }
  return value;
}
