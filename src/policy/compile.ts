/**
 * Compiles validated policy files once, at load, into what the evaluator runs:
 * per operation, the rules that can apply to it (conditions on the operation
 * itself are settled here), each a closure over bit masks of the ticket's facts;
 * message templates split into parts; the static part of every scope's
 * canonical JSON. A decision is then a short loop of integer tests.
 */
import { operationPartDigest } from '../domain/scope.js';
import { AI_TIERS, APPROVER_ROLES, DATA_CLASSES, SEVERITIES, TICKET_TYPES, type ApproverRole } from '../domain/ticket.js';
import type { Reason } from '../domain/decision.js';
import { BLOCKED_ACTIONS, EXECUTION_CLASS_IDS, type ExecutionClass, type Operation, type SourceKind } from '../domain/operation.js';
import type { Facts } from './facts.js';
import { missingBit } from './facts.js';
import { CHECKS, PROVIDER_KINDS, type CheckName, type Condition, type PolicyFile, type Placeholder, type ProviderKind, type RuleEffect } from './policy-schema.js';
import { providerClasses } from './providers.js';
import { reasonJson, type RenderedReason } from './reason-cache.js';
import { approvalJson } from './scope-digest.js';
import { compileTemplate, type Template } from './template.js';

export interface CompiledRule {
  readonly id: string;
  readonly effect: RuleEffect;
  readonly check: CheckName | null;
  readonly message: Template;
  readonly remedy: Template;
  /** Counts among the rules that decided an outcome (permits, and the approval requirement). */
  readonly decisive: boolean;
  /** The reason, shared by every decision, when message and remedy have no placeholders; else null. */
  readonly fixedReason: Reason | null;
  /** Canonical JSON of `fixedReason`, for the panel digest. */
  readonly fixedReasonJson: string | null;
  /** `fixedReason` with its JSON; null when the reason has placeholders. */
  readonly fixed: RenderedReason | null;
  /** The placeholders of message and remedy, each once: all a rendered reason depends on. */
  readonly slots: readonly Placeholder[];
  /** Rendered reasons by `reasonKey` (reason-cache.ts); the one mutable part of a compiled policy. */
  readonly rendered: Map<string, RenderedReason>;
}

type Test = (facts: Facts, op: CompiledOperation) => boolean;

export interface OperationRule {
  readonly rule: CompiledRule;
  readonly test: Test;
}

export interface CompiledOperation {
  readonly op: Operation;
  readonly classIndex: number;
  /** The class title in running text ("evidence gathering"). */
  readonly classWords: string;
  readonly role: ApproverRole | null;
  /** Index in APPROVER_ROLES; -1 when no approval is required. */
  readonly roleIndex: number;
  /** By ticket type index: whether the operation is for that type. */
  readonly fits: readonly boolean[];
  /** The rules that can apply to this operation, in file order (no-permit excluded). */
  readonly rules: readonly OperationRule[];
  /** Canonical JSON of `"operation":<digest of the scope members the operation fixes>,"policyVersion":…` (domain `scopeDigest`). */
  readonly scopeMiddle: string;
  /** Canonical JSON of the approval with no approver resolved (none required, or none found): `approvalJson` of it. */
  readonly noApproverJson: string;
  /** The scope's canonical JSON up to the boundary's, when the approval has no approver: `{"approval":…,"boundary":`. */
  readonly scopeHead: string;
  /** Bit i set: the operation blocks BLOCKED_ACTIONS[i]. */
  readonly blockedMask: number;
  /** Canonical JSON of `"id":…`, the start of the panel entry's digest form (domain `panelDigest`). */
  readonly panelId: string;
  /**
   * The panel entry's members that never change for this operation, as JSON
   * (`"id":…,"title":…,"class":…,"sources":…,"outputKind":…,"expectedOutput":…,
   * "stopConditions":…,"blockedActions":…`): the panel's text is assembled
   * from them (panel.ts, `panelTextOf`).
   */
  readonly panelStatic: string;
}

export interface CompiledPolicy {
  readonly operations: readonly CompiledOperation[];
  readonly opById: ReadonlyMap<string, CompiledOperation>;
  /** By ticket type index: the operations for that type, in catalog order. */
  readonly byType: readonly (readonly CompiledOperation[])[];
  readonly checkRule: Readonly<Record<CheckName, CompiledRule>>;
  /** By provider kind (its own key, else `external`: providers.ts), by data class index. */
  readonly providerAllows: Readonly<Record<ProviderKind, readonly boolean[]>>;
  /** By ticket type index: the source kinds its operations read (the panel's read check covers these). */
  readonly sourcesByType: readonly ReadonlySet<SourceKind>[];
  /** The source kinds any operation reads (a ticket of unknown type is offered every operation). */
  readonly allSources: ReadonlySet<SourceKind>;
}

const ANY = -1;

function maskOf<T>(values: readonly T[] | undefined, universe: readonly T[]): number {
  if (values === undefined) return ANY;
  let mask = 0;
  for (const v of values) mask |= 1 << universe.indexOf(v);
  return mask;
}

const hit = (mask: number, index: number): boolean => mask === ANY || (index >= 0 && ((mask >>> index) & 1) === 1);

/** Splits a condition into what the operation settles now and what the ticket settles later. */
function compileCondition(condition: Condition): { statically: (op: Operation) => boolean; dynamic: ((f: Facts) => boolean) | null } {
  const statically = (op: Operation): boolean =>
    (condition.class === undefined || condition.class.includes(op.class)) &&
    (condition.operation === undefined || condition.operation.includes(op.id)) &&
    (condition.approvalRequired === undefined || condition.approvalRequired === op.approval.required);
  const type = maskOf(condition.ticketType, TICKET_TYPES);
  const severity = maskOf(condition.severity, SEVERITIES);
  const dataClass = maskOf(condition.dataClass, DATA_CLASSES);
  const tier = maskOf(condition.tier, AI_TIERS);
  let missing = 0;
  for (const field of condition.missing ?? []) missing |= missingBit(field);
  if (type === ANY && severity === ANY && dataClass === ANY && tier === ANY && missing === 0) return { statically, dynamic: null };
  const dynamic = (f: Facts): boolean =>
    hit(type, f.typeIndex) &&
    hit(severity, f.severityIndex) &&
    hit(dataClass, f.dataClassIndex) &&
    hit(tier, f.tierIndex) &&
    (missing === 0 || (f.missing & missing) === missing);
  return { statically, dynamic };
}

function checkTests(tierAllows: readonly (readonly boolean[])[]): Record<CheckName, Test> {
  return {
    'input.unknown-type': (f) => f.typeIndex < 0,
    'input.type-mismatch': (f, op) => f.typeIndex >= 0 && op.fits[f.typeIndex] !== true,
    // Decided by the request evaluator before any operation is compiled in.
    'operation.unknown': () => false,
    'input.unknown-severity': (f) => f.severityIndex < 0,
    'input.unknown-data-class': (f) => f.dataClassIndex < 0,
    'input.unknown-tier': (f) => f.tierInvalid,
    'switch.global': (f) => f.ctx.globalOff,
    'switch.operation': (f, op) => f.ctx.operationOff(op.op.id),
    'switch.group': (f) => f.groupSwitchedOff,
    'scope.owner-missing': (f) => !f.hasGroup,
    'group.not-opted-in': (f) => f.hasGroup && !f.groupEnabled,
    'ticket.inactive': (f) => !f.active,
    'tier.insufficient': (f, op) => f.tierIndex >= 0 && tierAllows[f.tierIndex]?.[op.classIndex] !== true,
    'provider.data-class': (f) => f.dataClassIndex >= 0 && !f.ctx.providerAllows(f.dataClassIndex),
    'approval.no-approver': (f, op) => op.roleIndex >= 0 && f.approvers[op.roleIndex] === null,
    'approval.required': (f, op) => op.roleIndex >= 0 && f.approvers[op.roleIndex] !== null,
    'budget.exhausted': (f) => f.budget === 'exhausted',
    'budget.warning': (f) => f.budget === 'warning',
    'note.action-request': (f) => f.intent !== null,
    // Decided after the loop: no permit rule matched.
    'no-permit': () => false,
  };
}

/** Canonical JSON (keys sorted) of the scope's middle members: the digest of what the operation fixes, and the policy version. */
function scopeMiddle(op: Operation, policyVersion: string): string {
  const j = JSON.stringify;
  const fixed = operationPartDigest({
    operation: op.id,
    class: op.class,
    sources: op.sources,
    outputKind: op.outputKind,
    expectedOutput: op.expectedOutput,
    stopConditions: op.stopConditions,
    blockedActions: op.blockedActions,
  });
  return `"operation":${j(fixed)},"policyVersion":${j(policyVersion)}`;
}

export function compilePolicy(
  file: PolicyFile,
  classes: readonly ExecutionClass[],
  operations: readonly Operation[],
  policyVersion: string,
): CompiledPolicy {
  const tierAllows = AI_TIERS.map((tier) => EXECUTION_CLASS_IDS.map((c) => file.tiers[tier].classes.includes(c)));
  const tests = checkTests(tierAllows);
  const ruleEntries = Object.entries(file.rules).map(([id, rule]) => {
    const message = compileTemplate(rule.message);
    const remedy = compileTemplate(rule.remedy);
    const fixedReason: Reason | null =
      message.fixed === null || remedy.fixed === null ? null : Object.freeze({ rule: id, message: message.fixed, remedy: remedy.fixed });
    const fixedReasonJson = fixedReason === null ? null : reasonJson(fixedReason);
    const compiled: CompiledRule = Object.freeze({
      id,
      effect: rule.effect,
      check: rule.check ?? null,
      message,
      remedy,
      decisive: rule.effect === 'permit' || rule.check === 'approval.required',
      fixedReason,
      fixedReasonJson,
      fixed: fixedReason === null || fixedReasonJson === null ? null : Object.freeze({ reason: fixedReason, json: fixedReasonJson }),
      slots: Object.freeze([...new Set([...message.slots, ...remedy.slots])]),
      rendered: new Map<string, RenderedReason>(),
    });
    return { rule, compiled };
  });

  const checkRule = {} as Record<CheckName, CompiledRule>;
  for (const { compiled } of ruleEntries) if (compiled.check !== null) checkRule[compiled.check] = compiled;

  const compiledOps = operations.map((op): CompiledOperation => {
    const rules: OperationRule[] = [];
    for (const { rule, compiled } of ruleEntries) {
      if (compiled.check !== null) {
        if (compiled.check === 'no-permit' || compiled.check === 'operation.unknown') continue;
        if (!op.approval.required && compiled.check.startsWith('approval.')) continue;
        rules.push({ rule: compiled, test: tests[compiled.check] });
        continue;
      }
      if (rule.when === undefined) continue;
      const when = compileCondition(rule.when);
      if (!when.statically(op)) continue;
      let test: Test = when.dynamic === null ? () => true : when.dynamic;
      if (rule.unless !== undefined) {
        const unless = compileCondition(rule.unless);
        if (unless.statically(op)) {
          if (unless.dynamic === null) continue;
          const matchesWhen = test;
          const matchesUnless = unless.dynamic;
          test = (f, o) => matchesWhen(f, o) && !matchesUnless(f);
        }
      }
      rules.push({ rule: compiled, test });
    }
    const classIndex = EXECUTION_CLASS_IDS.indexOf(op.class);
    const role = op.approval.required ? (op.approval.role ?? null) : null;
    const roleIndex = role === null ? -1 : APPROVER_ROLES.indexOf(role);
    const middle = scopeMiddle(op, policyVersion);
    const noApproverJson = approvalJson({ required: roleIndex >= 0, role, approver: null });
    let blockedMask = 0;
    for (const action of op.blockedActions) blockedMask |= 1 << BLOCKED_ACTIONS.indexOf(action);
    return Object.freeze({
      op,
      classIndex,
      classWords: (classes.find((c) => c.id === op.class)?.title ?? op.class).toLowerCase(),
      role,
      roleIndex,
      fits: TICKET_TYPES.map((t) => op.ticketTypes.includes(t)),
      rules: Object.freeze(rules),
      scopeMiddle: middle,
      noApproverJson,
      scopeHead: `{"approval":${noApproverJson},"boundary":`,
      blockedMask,
      panelId: `"id":${JSON.stringify(op.id)}`,
      panelStatic: [
        ['id', op.id],
        ['title', op.title],
        ['class', op.class],
        ['sources', op.sources],
        ['outputKind', op.outputKind],
        ['expectedOutput', op.expectedOutput],
        ['stopConditions', op.stopConditions],
        ['blockedActions', op.blockedActions],
      ]
        .map(([name, value]) => `"${name as string}":${JSON.stringify(value)}`)
        .join(','),
    });
  });

  const providerAllows = {} as Record<ProviderKind, readonly boolean[]>;
  for (const kind of PROVIDER_KINDS) {
    const classes = providerClasses(file.providers, kind);
    providerAllows[kind] = Object.freeze(DATA_CLASSES.map((c) => classes.includes(c)));
  }

  const byType = TICKET_TYPES.map((_, i) => Object.freeze(compiledOps.filter((c) => c.fits[i] === true)));
  const sourcesOf = (ops: readonly CompiledOperation[]): ReadonlySet<SourceKind> => new Set(ops.flatMap((c) => c.op.sources));
  return Object.freeze({
    operations: Object.freeze(compiledOps),
    opById: new Map(compiledOps.map((c) => [c.op.id, c])),
    byType: Object.freeze(byType),
    sourcesByType: Object.freeze(byType.map(sourcesOf)),
    allSources: sourcesOf(compiledOps),
    checkRule: Object.freeze(checkRule),
    providerAllows: Object.freeze(providerAllows),
  });
}

/** Every check must have exactly one rule with the check's effect; the loader reports the ones that do not. */
export function checkCoverageProblems(file: PolicyFile): string[] {
  const problems: string[] = [];
  const owners = new Map<CheckName, string[]>();
  for (const [id, rule] of Object.entries(file.rules)) {
    if (rule.check === undefined) continue;
    owners.set(rule.check, [...(owners.get(rule.check) ?? []), id]);
    const effect = CHECKS[rule.check];
    if (rule.effect !== effect) problems.push(`rules.${id}.effect: check '${rule.check}' is a ${effect} check: set effect: ${effect}`);
  }
  for (const check of Object.keys(CHECKS) as CheckName[]) {
    const ids = owners.get(check) ?? [];
    if (ids.length === 0) {
      problems.push(`rules: no rule has check: ${check}: add one (e.g. ${CHECKS[check]}.${check.replace(/\./g, '-')}) with its message and remedy`);
    } else if (ids.length > 1) {
      problems.push(`rules: check ${check} is used by ${ids.join(' and ')}: keep exactly one rule per check`);
    }
  }
  return problems;
}
