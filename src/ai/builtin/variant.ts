/**
 * Which form of its output kind an operation asks for, read from the
 * catalog's own words for it (id, title, expected output). The catalog is
 * policy's; this only picks a template.
 */
import type { ProviderOperation } from '../provider-types.js';
import { VARIANTS, type Variant } from '../output-schema.js';

export function variantFor(operation: Pick<ProviderOperation, 'id' | 'title' | 'expectedOutput' | 'outputKind'>): Variant {
  const words = `${operation.id} ${operation.title} ${operation.expectedOutput}`.toLowerCase();
  switch (operation.outputKind) {
    case 'draft':
      if (/vendor|escalation packet/.test(words)) return 'vendor_escalation';
      if (/trade-?off/.test(words)) return 'tradeoff_brief';
      if (/dependenc/.test(words)) return 'dependency_summary';
      if (/status/.test(words)) return 'status_update';
      if (/review/.test(words)) return 'review_summary';
      return 'status_update';
    case 'checklist':
      if (/least[- ]privilege|access/.test(words)) return 'least_privilege';
      if (/roll-?back/.test(words)) return 'rollback';
      if (/pre-?check/.test(words)) return 'pre_check';
      return 'validation';
    case 'summary':
      if (/dependenc/.test(words)) return 'dependency_summary';
      if (/review/.test(words)) return 'review_summary';
      return 'standard';
    default:
      return VARIANTS[operation.outputKind][0];
  }
}
