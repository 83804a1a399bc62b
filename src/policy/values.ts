/** The values a rule's {placeholders} take for one operation on one ticket. */
import { AI_TIERS, DATA_CLASSES, type ApproverRole, type Party } from '../domain/ticket.js';
import type { CompiledOperation } from './compile.js';
import type { Facts } from './facts.js';
import type { Placeholder } from './policy-schema.js';
import type { Values } from './template.js';

const ROLE_WORDS: Readonly<Record<ApproverRole, string>> = {
  incident_commander: 'incident commander',
  requester_manager: "requester's manager",
  security_owner: 'security owner',
  sponsor: 'sponsor',
};

export function valuesFor(facts: Facts, cop: CompiledOperation | null, approver: Party | null): Values {
  return (name: Placeholder): string => {
    switch (name) {
      case 'operation':
        return cop?.op.id ?? '';
      case 'title':
        return cop?.op.title ?? '';
      case 'class':
        return cop?.classWords ?? '';
      case 'role':
        return cop === null || cop.role === null ? 'no' : ROLE_WORDS[cop.role];
      case 'approver':
        return approver?.name ?? approver?.id ?? 'the approver';
      case 'approvalReason':
        return cop?.op.approval.reason ?? '';
      case 'group':
        return facts.groupLabel;
      case 'tier':
        return AI_TIERS[facts.tierIndex] ?? 'unknown';
      case 'severity':
        return facts.severityIndex < 0 ? 'unknown' : String(facts.severityIndex + 1);
      case 'dataClass':
        return DATA_CLASSES[facts.dataClassIndex] ?? 'unknown';
      case 'provider':
        return facts.ctx.providerKind ?? 'none';
      case 'ticketType':
        return facts.typeText;
      case 'number':
        return facts.ref.number || 'this ticket';
      case 'intent':
        return facts.intent ?? '';
    }
  };
}
