/**
 * The runtime config: the sandbox and production files load, validate and
 * freeze; AI_HANDOFF_CONFIG picks the file; a bad file names the key and fix.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadWorkerConfig } from '../../../src/cli/commands/worker.js';
import { CONFIG_ENV, DEFAULT_CONFIG_FILE, loadRuntimeConfig, parseRuntimeConfig, PRODUCTION_CONFIG_FILE, SANDBOX_CONFIG_FILE } from '../../../src/config/load-runtime-config.js';
import { RUNTIME_CONFIG_SECTIONS } from '../../../src/config/runtime-config.js';
import { isHandoffError } from '../../../src/errors.js';
import { decideTicket } from '../../../src/policy/index.js';
import { fromRoot } from '../../../src/util/paths.js';
import { context, policyWith, seedTicket } from './support.js';

function configError(text: string): string {
  try {
    parseRuntimeConfig(text, '/etc/ai-handoff/bad.yaml');
  } catch (error) {
    if (isHandoffError(error, 'CONFIG_INVALID')) return error.message;
    throw error;
  }
  throw new Error('the config loaded');
}

const minimal = 'paths: { policy: policy, mappings: ../mappings/servicenow }\ngroups:\n  default: { enabled: false, tier: none }\n';

describe('runtime config files', () => {
  it('the sandbox config opts in the cast groups with their tiers, Payroll Systems off', () => {
    const { file, config } = loadRuntimeConfig({ env: {} });
    expect(file).toBe(DEFAULT_CONFIG_FILE);
    expect(config.groups['Network Operations']).toEqual({ enabled: true, tier: 'standard' });
    expect(config.groups['Legal Hold']).toEqual({ enabled: true, tier: 'assist' });
    expect(config.groups['Payroll Systems']?.enabled).toBe(false);
    expect(config.paths.policy).toBe(fromRoot('config', 'policy'));
    expect(config.paths.mappings).toBe(fromRoot('mappings', 'servicenow'));
    expect(Object.isFrozen(config.groups)).toBe(true);
  });

  it('the production config, named by AI_HANDOFF_CONFIG, has AI off for every group', () => {
    const { file, config } = loadRuntimeConfig({ env: { [CONFIG_ENV]: fromRoot('config', 'production.yaml') } });
    expect(file).toBe(fromRoot('config', 'production.yaml'));
    expect(Object.keys(config.groups)).toEqual(['default']);
    expect(config.groups.default).toEqual({ enabled: false, tier: 'none' });
    expect(decideTicket(seedTicket('INC-2041'), context({ groups: config.groups })).classification).toBe('blocked');
  });

  it('an explicit file wins over the environment, and switches default to on', () => {
    const dir = mkdtempSync(join(tmpdir(), 'config-'));
    const file = join(dir, 'mine.yaml');
    writeFileSync(file, minimal);
    const { config } = loadRuntimeConfig({ file, env: { [CONFIG_ENV]: '/nowhere.yaml' } });
    expect(config.switches).toEqual({ ai: true, operations: {}, groups: {} });
    expect(config.paths.policy).toBe(join(dir, 'policy'));
  });

  it('the worker, given no file, loads production.yaml (AI off), never the sandbox opt-ins', () => {
    const { file, config } = loadWorkerConfig(undefined, {});
    expect(file).toBe(PRODUCTION_CONFIG_FILE);
    expect(config.groups['Network Operations']).toBeUndefined();
    expect(decideTicket(seedTicket('INC-2041'), context({ groups: config.groups })).classification).toBe('blocked');
    // A blank variable is no choice either.
    expect(loadWorkerConfig(undefined, { [CONFIG_ENV]: '  ' }).file).toBe(PRODUCTION_CONFIG_FILE);
  });

  it('the worker takes AI_HANDOFF_CONFIG, and --config over it', () => {
    expect(loadWorkerConfig(undefined, { [CONFIG_ENV]: SANDBOX_CONFIG_FILE }).file).toBe(SANDBOX_CONFIG_FILE);
    expect(loadWorkerConfig(SANDBOX_CONFIG_FILE, { [CONFIG_ENV]: PRODUCTION_CONFIG_FILE }).file).toBe(SANDBOX_CONFIG_FILE);
  });

  it('is one composed schema that other sections join', () => {
    expect(Object.keys(RUNTIME_CONFIG_SECTIONS)).toEqual(['paths', 'switches', 'groups', 'worker', 'app', 'ai', 'audit', 'ops']);
  });
});

describe('the app section', () => {
  it('defaults to the shipped scope, and refuses one the ServiceNow SDK would not build', () => {
    expect(parseRuntimeConfig(minimal, '/etc/ai-handoff/ok.yaml').config.app).toEqual({ scope: 'x_acme_aihandoff' });
    expect(parseRuntimeConfig(`${minimal}app: { scope: x_globx_aih }\n`, '/etc/ai-handoff/ok.yaml').config.app.scope).toBe('x_globx_aih');
    expect(configError(`${minimal}app: { scope: AI-Handoff }\n`)).toContain('app.scope: use a ServiceNow application scope');
    expect(configError(`${minimal}app: { scope: x_acme_aihandoff_tool }\n`)).toContain('at most 18 characters');
  });
});

describe('a bad runtime config', () => {
  it('names an unknown key at any depth', () => {
    expect(configError(`${minimal}switches: { ai: true, kill: true }\n`)).toContain("bad.yaml: switches: unknown key 'kill'");
    expect(configError(minimal.replace('tier: none }', 'tier: none, budget: 3 }'))).toContain("groups.default: unknown key 'budget'");
    expect(configError(`${minimal}workers: {}\n`)).toContain("unknown key 'workers'");
  });

  it('requires a default group entry, a known tier, and distinct group names', () => {
    expect(configError(minimal.replace('default', 'Network Operations'))).toContain("add a 'default' entry");
    expect(configError(minimal.replace('tier: none', 'tier: gold'))).toContain('groups.default.tier');
    expect(configError(`${minimal}  Service Desk: { enabled: true, tier: standard }\n  service desk: { enabled: false, tier: none }\n`)).toContain("'service desk' and 'Service Desk' name the same group");
  });

  it('names a missing section, a wrong type and broken YAML', () => {
    expect(configError('groups:\n  default: { enabled: false, tier: none }\n')).toContain('paths: is missing');
    expect(configError(`${minimal}switches: { ai: "no" }\n`)).toContain('switches.ai');
    expect(configError('paths: [')).toMatch(/bad\.yaml: line \d+: not valid YAML/);
  });

  it('an unreadable file says which and how to fix it', () => {
    expect(() => loadRuntimeConfig({ file: '/nowhere/ai-handoff.yaml' })).toThrow(/cannot read the runtime config \/nowhere\/ai-handoff.yaml/);
  });
});

describe('policy version in scopes', () => {
  it('an edited policy changes every scope digest', () => {
    const edited = policyWith('classes.yaml', (t) => `${t}\n# reviewed\n`);
    const before = decideTicket(seedTicket('INC-2041'), context()).scopes;
    const after = decideTicket(seedTicket('INC-2041'), context({ policy: edited })).scopes;
    after.forEach((entry, i) => {
      expect(entry.scope.policyVersion).toBe(edited.version);
      expect(entry.digest).not.toBe(before[i]?.digest);
    });
  });
});
