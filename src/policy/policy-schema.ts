/**
 * The shape of the three policy files in config/policy/: classes.yaml (the
 * seed's execution classes), catalog.yaml (the operations) and policy.yaml
 * (version, tiers, provider allowances, rules). Strict at every depth: an
 * unknown key is an error, never silently dropped.
 */
import { z } from 'zod';
import { ExecutionClass, ExecutionClassId, Operation } from '../domain/operation.js';
import { AiTier, DataClass, Severity, TicketType } from '../domain/ticket.js';

export const RULE_EFFECTS = ['permit', 'forbid', 'advise'] as const;
export const RuleEffect = z.enum(RULE_EFFECTS);
export type RuleEffect = z.infer<typeof RuleEffect>;

/**
 * Conditions built into the engine. Each must have exactly one rule in
 * policy.yaml (so its id, message and remedy are policy, not code), with the
 * effect given here.
 */
export const CHECKS = {
  'input.unknown-type': 'forbid',
  'input.type-mismatch': 'forbid',
  'operation.unknown': 'forbid',
  'input.unknown-severity': 'forbid',
  'input.unknown-data-class': 'forbid',
  'input.unknown-tier': 'forbid',
  'switch.global': 'forbid',
  'switch.operation': 'forbid',
  'switch.group': 'forbid',
  'scope.owner-missing': 'forbid',
  'group.not-opted-in': 'forbid',
  'ticket.inactive': 'forbid',
  'tier.insufficient': 'forbid',
  'provider.data-class': 'forbid',
  'approval.no-approver': 'forbid',
  'approval.required': 'advise',
  'budget.exhausted': 'forbid',
  'budget.warning': 'advise',
  'note.action-request': 'forbid',
  'no-permit': 'forbid',
} as const satisfies Record<string, RuleEffect>;
export type CheckName = keyof typeof CHECKS;
export const CHECK_NAMES = Object.keys(CHECKS) as CheckName[];
export const Check = z.enum(CHECK_NAMES as [CheckName, ...CheckName[]]);

/** Ticket fields a `missing` condition can test for emptiness. */
export const MISSABLE_FIELDS = ['configurationItem', 'caller', 'assignee', 'title', 'description'] as const;
export const MissableField = z.enum(MISSABLE_FIELDS);
export type MissableField = z.infer<typeof MissableField>;

/** Placeholders a rule's message and remedy may use; anything else in braces is an error. */
export const PLACEHOLDERS = [
  'operation',
  'title',
  'class',
  'role',
  'approver',
  'approvalReason',
  'group',
  'tier',
  'severity',
  'dataClass',
  'provider',
  'ticketType',
  'number',
  'intent',
] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];

/**
 * The provider kinds a decision can name: the runtime config's `ai.provider.kind`
 * (`builtin` in the worker; `azure-openai`, `openai-compatible` an LLM endpoint),
 * and `external` for an endpoint of no kind of its own (a stand-in model, or
 * `policy explain --provider external`), which only the generic key decides.
 */
export const PROVIDER_KINDS = ['builtin', 'azure-openai', 'openai-compatible', 'external'] as const;
export const ProviderKind = z.enum(PROVIDER_KINDS);
export type ProviderKind = z.infer<typeof ProviderKind>;
/** The kinds that may have a key of their own in `providers`; without one, `external` decides for them. */
export const SPECIFIC_PROVIDER_KINDS = ['azure-openai', 'openai-compatible'] as const satisfies readonly ProviderKind[];

/** A list condition: matches when the value is any of the listed ones. */
const anyOf = <T extends z.ZodType>(item: T) => z.array(item).min(1, 'list at least one value, or leave the key out');

export const Condition = z
  .strictObject({
    ticketType: anyOf(TicketType).optional(),
    severity: anyOf(Severity).optional(),
    dataClass: anyOf(DataClass).optional(),
    tier: anyOf(AiTier).optional(),
    class: anyOf(ExecutionClassId).optional(),
    operation: anyOf(z.string().min(1)).optional(),
    approvalRequired: z.boolean().optional(),
    /** Matches when every listed ticket field is empty. */
    missing: anyOf(MissableField).optional(),
  })
  .refine((c) => Object.keys(c).length > 0, { message: 'an empty condition would match everything: name what it matches' });
export type Condition = z.infer<typeof Condition>;

export const RULE_ID = /^(permit|forbid|advise)(\.[a-z0-9]+(?:-[a-z0-9]+)*)+$/;

export const Rule = z.strictObject({
  effect: RuleEffect,
  /** A condition built into the engine (see CHECKS); exclusive with `when`. */
  check: Check.optional(),
  /** Conditions on the ticket and the operation; all must hold. */
  when: Condition.optional(),
  /** The rule does not apply when this holds (only with `when`). */
  unless: Condition.optional(),
  /** Shown to the operator: why. */
  message: z.string().min(1),
  /** Shown to the operator: what they can do about it. */
  remedy: z.string().min(1),
});
export type Rule = z.infer<typeof Rule>;

export const TierDefinition = z.strictObject({
  description: z.string().min(1),
  /** The execution classes this tier permits; the rules may forbid more. */
  classes: z.array(ExecutionClassId),
});
export type TierDefinition = z.infer<typeof TierDefinition>;

export const ClassesFile = z.strictObject({
  classes: z.array(ExecutionClass).min(1),
});

export const CatalogFile = z.strictObject({
  operations: z.array(Operation).min(1),
});

/** Who a request within the cool-down after a lowering of the ticket's class is refused for. */
export const LOWERING_REFUSALS = ['everyone', 'lowerer'] as const;

/**
 * The read boundary's policy (docs/boundary.md). Every key has a default, so
 * a policy without the block is the strictest reading: other groups' tickets
 * withheld, the CI record counted as confidential, 24 hours' cool-down for
 * everyone after a lowering.
 */
export const BoundaryPolicy = z.strictObject({
  /** Tickets of groups that have not opted in to AI may be used read-only as evidence in other groups' hand-offs; default false. */
  otherGroupsAsEvidence: z.boolean().default(false),
  /**
   * The class a configuration item record counts as: the CMDB has no
   * classification field the app installs, and a table without a default
   * counts as confidential (issue 10), so that is the default.
   */
  ciRecordClass: DataClass.default('confidential'),
  classLowering: z
    .strictObject({
      /** After the ticket's class is lowered, requests are refused this long, in hours; 0 turns the cool-down off. Default 24. */
      coolDownHours: z.number().min(0).max(24 * 30).default(24),
      /** `everyone` (default): refused whoever asks; `lowerer`: only when the requester lowered it, or who did is unknown. */
      refuse: z.enum(LOWERING_REFUSALS).default('everyone'),
    })
    .prefault({}),
});
export type BoundaryPolicy = z.infer<typeof BoundaryPolicy>;

export const PolicyFile = z.strictObject({
  /** The declared version; the loaded version adds a digest of the files' content. */
  version: z.string().regex(/^[0-9A-Za-z][0-9A-Za-z.-]*$/, 'use a version such as 2026.11.1 (letters, digits, dots, hyphens)'),
  tiers: z.strictObject({
    none: TierDefinition,
    assist: TierDefinition,
    standard: TierDefinition,
    extended: TierDefinition,
  }),
  /** Which data classes each provider kind may receive; a specific kind's key, when present, overrides `external` for it. */
  providers: z.strictObject(
    {
      builtin: z.array(DataClass),
      external: z.array(DataClass),
      'azure-openai': z.array(DataClass).optional(),
      'openai-compatible': z.array(DataClass).optional(),
    },
    { error: (issue) => (issue.code === 'unrecognized_keys' ? `use builtin, external, ${SPECIFIC_PROVIDER_KINDS.join(' or ')} (a kind of the runtime config's ai.provider.kind), or remove it` : undefined) },
  ),
  /** What a hand-off may read beyond its ticket, and the cool-down after a lowered class. */
  boundary: BoundaryPolicy.prefault({}),
  /** Keyed by rule id; ids are checked in cross-check.ts, where the message can name the id. */
  rules: z.record(z.string(), Rule),
});
export type PolicyFile = z.infer<typeof PolicyFile>;

/** The files of a policy folder, in the order their content enters the version digest. */
export const POLICY_FILES = ['policy.yaml', 'classes.yaml', 'catalog.yaml'] as const;
export type PolicyFileName = (typeof POLICY_FILES)[number];
