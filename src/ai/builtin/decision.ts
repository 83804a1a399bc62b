/**
 * Who decides, from the policy's approval need (never from ticket text):
 * every draft that needs approval says the decision is someone else's.
 */
import type { Statement } from '../output-schema.js';
import { ROLE_LABELS } from '../render/labels.js';
import { said } from './compose.js';
import type { Ctx } from './context.js';

export function decisionLine(ctx: Ctx): Statement | null {
  const role = ctx.input.approval.role;
  if (!ctx.input.approval.required || role === null || ctx.ticket === undefined) return null;
  return said(ctx, `Decision needed on ${ctx.number}: it rests with the ${ROLE_LABELS[role]}; this draft decides nothing.`, [ctx.ticket.id], [], () => null);
}
