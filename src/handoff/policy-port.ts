/**
 * The policy engine behind the flow's PanelPolicy port: builds the evaluation
 * context from the runtime config (switches, groups), the provider kind and
 * the groups' budget states, and answers panels, the note check, shadow
 * mode and the read boundary's rules from it. The mappings give each panel
 * the fields of its read check's related queries.
 */
import type { BoundaryRules } from '../boundary/containment.js';
import type { RawRecord } from '../connector/connector.js';
import type { Reason } from '../domain/decision.js';
import { DEFAULT_ESCALATION } from '../domain/operation.js';
import type { Panel } from '../domain/panel.js';
import type { Ticket } from '../domain/ticket.js';
import type { RuntimeConfig } from '../config/runtime-config.js';
import type { MappingSet } from '../mapping/load-mappings.js';
import type { TableMapping } from '../mapping/mapping-schema.js';
import { toTicket } from '../mapping/to-ticket.js';
import { buildPanel, checkIntent, createPolicyContext, describeFinding, type BudgetState, type Policy, type PolicyContext, type ProviderKind } from '../policy/index.js';
import { digestOf } from '../util/canonical-json.js';
import type { PanelPolicy } from './ports.js';

export interface PolicyPortOptions {
  readonly policy: Policy;
  readonly config: Pick<RuntimeConfig, 'switches' | 'groups'>;
  /** The configured provider's kind (`ai.provider.kind`); its data-class allowance is enforced in every panel, and it is part of the context digest. */
  readonly providerKind: ProviderKind;
  /** Current budget state per group (sys_id or name); read before each sync pass. */
  readonly budgets?: () => Promise<Readonly<Record<string, BudgetState>>>;
  /** The mappings, for each panel's read check (the related queries' fields); without them only the CI record is checked. */
  readonly mappings?: MappingSet;
  /** The clock for lowering the class (the panel carries a lowering until its cool-down ends); default the system's. */
  readonly now?: () => Date;
}

export function createPolicyPort(options: PolicyPortOptions): PanelPolicy {
  const { policy, config, providerKind } = options;
  let budgets: Readonly<Record<string, BudgetState>> = {};
  let context: PolicyContext = build();

  function build(): PolicyContext {
    return createPolicyContext({ policy, switches: config.switches, groups: config.groups, providerKind, budgets });
  }

  const noteRule = policy.compiled.checkRule['note.action-request'];
  const now = options.now ?? (() => new Date());
  const rules: BoundaryRules = {
    groupUsesAi(group) {
      const resolved = context.group(group);
      return resolved.enabled && !resolved.switchedOff;
    },
    ciRecordClass: policy.boundary.ciRecordClass,
    classLowering: { coolDownMs: policy.boundary.classLowering.coolDownHours * 3_600_000, refuse: policy.boundary.classLowering.refuse },
  };

  /**
   * The ticket and its bare panel (no hand-offs, no notice, no earlier panel:
   * the eligibility and scope check) per record object, for the policy
   * context it was computed under. Pickup checks the ticket it read, and
   * execute checks the same record again (the ticket cache hands it the same
   * object within worker.ticketFreshMs): the same inputs give the same panel,
   * so the second check reuses it; a changed context (a switch, a budget
   * state) or another record computes afresh (issue 13: panel recomputation).
   */
  const tickets = new WeakMap<RawRecord, { readonly mapping: TableMapping; readonly ticket: Ticket }>();
  const bare = new WeakMap<Ticket, { readonly context: PolicyContext; readonly panel: Panel }>();

  return {
    version: policy.version,
    async contextDigest() {
      if (options.budgets) {
        const next = await options.budgets();
        if (digestOf(next) !== digestOf(budgets)) {
          budgets = next;
          context = build();
        }
      }
      return digestOf({ version: policy.version, switches: config.switches, groups: config.groups, providerKind, budgets });
    },
    toTicket(mapping, record) {
      const hit = tickets.get(record);
      if (hit !== undefined && hit.mapping === mapping) return hit.ticket;
      const ticket = toTicket(mapping, record);
      tickets.set(record, { mapping, ticket });
      return ticket;
    },
    panel(ticket, extras) {
      const related = options.mappings?.byTable.get(ticket.ref.table) ?? null;
      const isBare = extras.handoffs.length === 0 && extras.notice === null && extras.previous === undefined;
      const hit = isBare ? bare.get(ticket) : undefined;
      if (hit !== undefined && hit.context === context) return Promise.resolve(hit.panel);
      const lowering = extras.previous === undefined ? {} : { lowering: { previous: extras.previous, now: now() } };
      const panel = buildPanel(ticket, context, { handoffs: extras.handoffs, notice: extras.notice, related, ...lowering });
      if (isBare) bare.set(ticket, { context, panel });
      return Promise.resolve(panel);
    },
    boundaryRules: () => rules,
    escalateTo: (operation) => policy.compiled.opById.get(operation)?.op.approval.escalateTo ?? DEFAULT_ESCALATION,
    checkNote(note): Reason | null {
      const check = checkIntent(note);
      const finding = check.findings[0];
      if (!check.blocked || finding === undefined) return null;
      const intent = describeFinding(finding);
      const values = (name: string): string => (name === 'intent' ? intent : '');
      return { rule: noteRule.id, message: noteRule.message.render(values), remedy: noteRule.remedy.render(values) };
    },
    shadow(ticket: Ticket) {
      const group = ticket.owner.group;
      return group === null ? false : context.group(group).shadow;
    },
  };
}
