/**
 * Drafts: vendor escalation packet, status update, review summary, trade-off
 * brief, dependency summary. Factual, source-grounded sentences only (the
 * seed: "Only factual, source-grounded content may be drafted"): quotes of
 * what the sources say, arranged under the headings each draft needs. Where
 * the sources say nothing for a heading, the draft says so as a gap.
 */
import type { Gap, OutputOf, Statement } from '../output-schema.js';
import type { ApproverRole } from '../../domain/ticket.js';
import type { Source } from '../sources.js';
import { fieldStatement, noteStatement, sentenceStatements, statement, STATE_FIELDS } from './compose.js';
import { contradictionsOf, gapsOf, sections, type Ctx } from './context.js';
import { relatedStatement } from './evidence.js';
import { variantFor } from './variant.js';

export const ROLE_LABELS: Readonly<Record<ApproverRole, string>> = {
  incident_commander: 'incident commander',
  requester_manager: "requester's manager",
  security_owner: 'security owner',
  sponsor: 'leadership sponsor',
};

const OPTIONS = /\boptions?\b|\balternatives?\b|\beither\b|\binstead\b|\bapproach\b|\bphase\b|\bscope\b/i;
const TRADE_OFFS = /trade-?offs?|\bcosts?\b|\bbenefits?\b|\beffort\b|\bdelays?\b|\bsaving|\bvalue\b|\bsequenc/i;
const DEPENDENCIES = /\bdepend|\bprerequisite|\brequires?\b|\bblocked by\b|\bwaiting (?:on|for)\b|\bupstream\b|\bdownstream\b|\bintegration\b|\bfeed\b/i;
const RISKS = /\brisks?\b|\bconcerns?\b|\bexposure\b|\bimpact\b/i;
const IMPACT_FIELDS = /(?:^|_)(?:priority|impact|urgency|severity)$|affected|users?$/;

export function draft(ctx: Ctx): OutputOf<'draft'> {
  const variant = variantFor(ctx.input.operation) as OutputOf<'draft'>['variant'];
  const t = ctx.ticket;
  const field = (test: (name: string) => boolean, chunks = 2) => (t === undefined ? [] : t.fields.filter((f) => test(f.name)).map((f) => fieldStatement(t, f, ctx.number, ctx.budget, chunks)));
  const context = field((n) => n === 'short_description' || n === 'description');
  const impact = field((n) => IMPACT_FIELDS.test(n), 1);
  const state = field((n) => STATE_FIELDS.test(n) && !IMPACT_FIELDS.test(n), 1);
  const all: Source[] = [...(t === undefined ? [] : [t]), ...ctx.notes, ...ctx.related];
  const matching = (pattern: RegExp) => all.flatMap((s) => sentenceStatements(s, pattern, ctx.budget, 3)).slice(0, 10);
  const missing: Gap[] = [];
  const need = (what: string, found: readonly Statement[]) => {
    if (found.length === 0) missing.push({ kind: 'other', text: `The sources state no ${what}; this draft does not supply any.` });
    return found;
  };
  const decision = decisionStatement(ctx);

  switch (variant) {
    case 'vendor_escalation': {
      const ciName = ctx.ci?.ref.ci;
      const evidence = [...ctx.related.filter((r) => r.kind === 'related_by_ci').map((r) => relatedStatement(ctx, r)), ...(ctx.ci === undefined ? [] : ctx.ci.fields.slice(0, 6).map((f) => fieldStatement(ctx.ci as Source, f, `configuration item ${ciName ?? ''}`.trim(), ctx.budget, 1)))];
      const anchor = ctx.ci ?? t;
      const request = anchor === undefined ? null : statement(ciName === undefined ? 'Request to the vendor: review the symptoms and evidence quoted in this packet.' : `Request to the vendor: review the symptoms and evidence quoted in this packet for ${ciName}.`, [anchor.id]);
      return out('draft', variant, ctx, [
        ['context', context],
        ['impact', impact],
        ['timeline', ctx.notes.map((n) => noteStatement(n, ctx.budget, 1))],
        ['evidence', evidence],
        ['request', [request]],
      ], missing);
    }
    case 'status_update':
      return out('draft', variant, ctx, [
        ['context', [...context, ...state]],
        ['impact', impact],
        ['timeline', ctx.notes.slice(-3).map((n) => noteStatement(n, ctx.budget, 1))],
      ], missing);
    case 'review_summary':
      return out('draft', variant, ctx, [
        ['context', [...context, ...state]],
        ['history', [...ctx.related.map((r) => relatedStatement(ctx, r)), ...ctx.notes.map((n) => noteStatement(n, ctx.budget, 1))]],
        ['evidence', ctx.ci === undefined ? [] : ctx.ci.fields.slice(0, 8).map((f) => fieldStatement(ctx.ci as Source, f, `configuration item ${ctx.ci?.ref.ci ?? ''}`.trim(), ctx.budget, 1))],
        ['risks', matching(RISKS)],
        ['decision_needed', [decision]],
      ], missing);
    case 'tradeoff_brief':
      return out('draft', variant, ctx, [
        ['context', context],
        ['options', need('options', matching(OPTIONS))],
        ['trade_offs', need('trade-offs', matching(TRADE_OFFS))],
        ['dependencies', matching(DEPENDENCIES)],
        ['decision_needed', [decision]],
      ], missing);
    case 'dependency_summary':
      return out('draft', variant, ctx, [
        ['context', context],
        ['dependencies', [...need('dependencies', matching(DEPENDENCIES)), ...ctx.related.map((r) => relatedStatement(ctx, r))]],
        ['risks', matching(RISKS)],
      ], missing);
  }
}

/** Who decides, from the policy's approval need; cites the ticket it concerns. */
function decisionStatement(ctx: Ctx): Statement | null {
  const role = ctx.input.approval.role;
  if (!ctx.input.approval.required || role === null || ctx.ticket === undefined) return null;
  return statement(`Decision needed on ${ctx.number}: it rests with the ${ROLE_LABELS[role]}; this draft decides nothing.`, [ctx.ticket.id]);
}

type Entries = readonly (readonly [OutputOf<'draft'>['sections'][number]['heading'], readonly (Statement | null)[]])[];

function out(kind: 'draft', variant: OutputOf<'draft'>['variant'], ctx: Ctx, entries: Entries, missing: readonly Gap[]): OutputOf<'draft'> {
  return { kind, variant, sections: sections(entries), gaps: gapsOf(ctx, missing), contradictions: contradictionsOf(ctx) };
}
