/**
 * Checks across the three policy files that their schemas alone cannot make:
 * every class defined once, operation ids unique, drafting that always needs
 * approval, rules that name real operations, ids that match their effect,
 * placeholders that exist. Each problem names the file, the key and the fix.
 */
import { EXECUTION_CLASS_IDS, type ExecutionClass, type Operation } from '../domain/operation.js';
import { checkCoverageProblems } from './compile.js';
import type { Condition, PolicyFile } from './policy-schema.js';
import { PLACEHOLDERS, RULE_ID } from './policy-schema.js';
import { unknownPlaceholders } from './template.js';

export function crossCheck(file: PolicyFile, classes: readonly ExecutionClass[], operations: readonly Operation[]): string[] {
  return [...checkClasses(classes), ...checkOperations(classes, operations), ...checkRules(file, operations)];
}

function checkClasses(classes: readonly ExecutionClass[]): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  classes.forEach((c, i) => {
    if (seen.has(c.id)) problems.push(`classes.yaml: classes[${i}].id: '${c.id}' is defined twice: keep one`);
    seen.add(c.id);
  });
  for (const id of EXECUTION_CLASS_IDS) {
    if (!seen.has(id)) problems.push(`classes.yaml: classes: class '${id}' is missing: define all four execution classes of the seed`);
  }
  return problems;
}

function checkOperations(classes: readonly ExecutionClass[], operations: readonly Operation[]): string[] {
  const problems: string[] = [];
  const standing = new Map(classes.map((c) => [c.id, c.standing]));
  const seen = new Set<string>();
  operations.forEach((op, i) => {
    const at = `catalog.yaml: operations[${i}] (${op.id})`;
    if (seen.has(op.id)) problems.push(`${at}.id: '${op.id}' is used twice: give each operation its own id`);
    seen.add(op.id);
    if (!standing.has(op.class)) problems.push(`${at}.class: '${op.class}' is not defined in classes.yaml: define it or use a defined class`);
    if (standing.get(op.class) === 'review_required' && !op.approval.required) {
      problems.push(`${at}.approval.required: class ${op.class} is review_required, so its output always needs approval: set required: true with a role and reason`);
    }
    if (op.approval.required && op.approval.reason === undefined) {
      problems.push(`${at}.approval.reason: is missing: say why approval is needed, in the operator's words`);
    }
    if (!op.approval.required && (op.approval.role !== undefined || op.approval.reason !== undefined)) {
      problems.push(`${at}.approval: role or reason given but required is false: set required: true, or remove them`);
    }
    const lists: readonly (readonly [string, readonly string[]])[] = [
      ['ticketTypes', op.ticketTypes],
      ['sources', op.sources],
      ['blockedActions', op.blockedActions],
    ];
    for (const [key, list] of lists) {
      const dupes = list.filter((v, j) => list.indexOf(v) !== j);
      if (dupes.length > 0) problems.push(`${at}.${key}: '${dupes[0]}' is listed twice: list each once`);
    }
  });
  return problems;
}

function checkRules(file: PolicyFile, operations: readonly Operation[]): string[] {
  const problems: string[] = [];
  const opIds = new Set(operations.map((op) => op.id));
  let permits = 0;
  for (const [id, rule] of Object.entries(file.rules)) {
    const at = `policy.yaml: rules.${id}`;
    const prefix = id.split('.')[0];
    if (!RULE_ID.test(id)) {
      problems.push(`${at}: a rule id starts with permit., forbid. or advise. and continues in lowercase words joined by dots, e.g. forbid.data-class.restricted`);
    } else if (prefix !== rule.effect) problems.push(`${at}: the id starts with '${prefix}.' but effect is ${rule.effect}: make them agree`);
    if (rule.effect === 'permit') permits++;
    if (rule.check !== undefined && rule.when !== undefined) problems.push(`${at}: has both check and when: a rule has one or the other`);
    if (rule.check === undefined && rule.when === undefined) problems.push(`${at}: has neither check nor when: say when the rule applies`);
    if (rule.unless !== undefined && rule.when === undefined) problems.push(`${at}.unless: only a rule with when can have unless`);
    if (rule.effect === 'permit' && rule.check !== undefined) problems.push(`${at}.check: a permit rule uses when, not a built-in check`);
    for (const [key, condition] of [
      ['when', rule.when],
      ['unless', rule.unless],
    ] as const) {
      for (const [i, opId] of (condition?.operation ?? []).entries()) {
        if (!opIds.has(opId)) problems.push(`${at}.${key}.operation[${i}]: '${opId}' is not in catalog.yaml: use an operation id from the catalog`);
      }
      if (condition !== undefined) problems.push(...conditionProblems(`${at}.${key}`, condition));
    }
    for (const key of ['message', 'remedy'] as const) {
      for (const name of unknownPlaceholders(rule[key])) {
        problems.push(`${at}.${key}: unknown placeholder {${name}}: use one of ${PLACEHOLDERS.map((p) => `{${p}}`).join(', ')}`);
      }
    }
  }
  if (permits === 0) problems.push('policy.yaml: rules: no permit rule: nothing could ever be offered; add permit rules');
  problems.push(...checkCoverageProblems(file).map((p) => `policy.yaml: ${p}`));
  return problems;
}

function conditionProblems(at: string, condition: Condition): string[] {
  const problems: string[] = [];
  for (const [key, list] of Object.entries(condition)) {
    if (!Array.isArray(list)) continue;
    const values = list as unknown[];
    const dupes = values.filter((v, j) => values.indexOf(v) !== j);
    if (dupes.length > 0) problems.push(`${at}.${key}: '${String(dupes[0])}' is listed twice: list each once`);
  }
  return problems;
}
