/**
 * The policy engine behind the flow's PanelPolicy port: builds the evaluation
 * context from the runtime config (switches, groups), the provider kind and
 * the groups' budget states, and answers panels, the note check and shadow
 * mode from it.
 */
import type { Reason } from '../domain/decision.js';
import type { Ticket } from '../domain/ticket.js';
import type { RuntimeConfig } from '../config/runtime-config.js';
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
}

export function createPolicyPort(options: PolicyPortOptions): PanelPolicy {
  const { policy, config, providerKind } = options;
  let budgets: Readonly<Record<string, BudgetState>> = {};
  let context: PolicyContext = build();

  function build(): PolicyContext {
    return createPolicyContext({ policy, switches: config.switches, groups: config.groups, providerKind, budgets });
  }

  const noteRule = policy.compiled.checkRule['note.action-request'];

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
    toTicket,
    panel(ticket, extras) {
      return Promise.resolve(buildPanel(ticket, context, extras));
    },
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
