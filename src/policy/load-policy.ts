/**
 * Loads the policy folder (config/policy: policy.yaml, classes.yaml,
 * catalog.yaml) at start-up. All three load and validate, or nothing does: a
 * bad file stops the load with every problem listed, each naming the file, the
 * key or rule and the fix. The result is compiled and frozen.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { z } from 'zod';
import { parseYamlText } from '../config/yaml-text.js';
import { HandoffError } from '../errors.js';
import { sha256Hex } from '../util/canonical-json.js';
import { fromRoot } from '../util/paths.js';
import { formatIssues } from '../util/zod-issues.js';
import { compilePolicy } from './compile.js';
import { crossCheck } from './cross-check.js';
import type { Policy, PolicyRule } from './policy.js';
import { CatalogFile, ClassesFile, POLICY_FILES, PolicyFile, type PolicyFileName } from './policy-schema.js';

/** The repository's policy. */
export const DEFAULT_POLICY_DIR = fromRoot('config', 'policy');

/** Length of the content digest in the version, in hex digits. */
const VERSION_DIGEST_LENGTH = 8;

export function loadPolicy(dir: string = DEFAULT_POLICY_DIR): Policy {
  const folder = resolve(dir);
  const texts = {} as Record<PolicyFileName, string>;
  const unreadable: string[] = [];
  for (const name of POLICY_FILES) {
    try {
      texts[name] = readFileSync(join(folder, name), 'utf8');
    } catch (cause) {
      unreadable.push(`${name}: cannot be read (${cause instanceof Error && 'code' in cause ? String(cause.code) : 'error'}): the policy folder needs ${POLICY_FILES.join(', ')}`);
    }
  }
  if (unreadable.length > 0) throw invalid(folder, unreadable);
  return parsePolicy(texts, folder);
}

/** Validates and compiles the three files' text; `dir` is only reported. */
export function parsePolicy(texts: Readonly<Record<PolicyFileName, string>>, dir: string): Policy {
  const problems: string[] = [];
  const policyFile = parseFile(texts['policy.yaml'], 'policy.yaml', PolicyFile, problems);
  const classesFile = parseFile(texts['classes.yaml'], 'classes.yaml', ClassesFile, problems);
  const catalogFile = parseFile(texts['catalog.yaml'], 'catalog.yaml', CatalogFile, problems);
  if (policyFile === undefined || classesFile === undefined || catalogFile === undefined) throw invalid(dir, problems);

  problems.push(...crossCheck(policyFile, classesFile.classes, catalogFile.operations));
  if (problems.length > 0) throw invalid(dir, problems);

  const digest = sha256Hex(POLICY_FILES.map((name) => `${name}\n${texts[name].length}\n${texts[name]}`).join('\n'));
  const version = `${policyFile.version}+${digest.slice(0, VERSION_DIGEST_LENGTH)}`;
  const rules: PolicyRule[] = Object.entries(policyFile.rules).map(([id, rule]) => ({ id, ...rule }));
  return deepFreeze({
    version,
    declaredVersion: policyFile.version,
    dir,
    classes: classesFile.classes,
    operations: catalogFile.operations,
    tiers: policyFile.tiers,
    providers: policyFile.providers,
    boundary: policyFile.boundary,
    rules,
    compiled: compilePolicy(policyFile, classesFile.classes, catalogFile.operations, version),
  });
}

function parseFile<T extends z.ZodType>(text: string, file: string, schema: T, problems: string[]): z.infer<T> | undefined {
  const yaml = parseYamlText(text, file);
  if (!yaml.ok) {
    problems.push(yaml.problem);
    return undefined;
  }
  const parsed = schema.safeParse(yaml.data);
  if (!parsed.success) {
    problems.push(...formatIssues(file, parsed.error));
    return undefined;
  }
  return parsed.data;
}

function invalid(dir: string, problems: readonly string[]): HandoffError {
  return new HandoffError('POLICY_INVALID', `policy in ${dir} is invalid; nothing was loaded:\n  ${problems.join('\n  ')}`, {
    details: { dir, problems },
    remedy: 'fix each listed key and run `ai-handoff policy check` again',
  });
}

/** Freezes plain objects and arrays at every depth; Maps and functions inside the compiled policy are left as they are. */
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !(value instanceof Map) && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const member of Object.values(value)) deepFreeze(member);
  }
  return value;
}
