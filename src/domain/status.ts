import { z } from 'zod';

/**
 * Values of the AI status field (`x_acme_aihandoff_status` by default). `none` and
 * `eligible` describe the ticket before any hand-off; the rest follow the
 * latest hand-off. `expired`: its approval did not come in time.
 */
export const AI_STATUSES = [
  'none',
  'eligible',
  'queued',
  'running',
  'awaiting_review',
  'accepted',
  'rejected',
  'escalated',
  'expired',
  'blocked',
  'failed',
] as const;
export const AiStatus = z.enum(AI_STATUSES);
export type AiStatus = z.infer<typeof AiStatus>;
