/**
 * The `groups` section of the runtime config: AI is opt-in per owning group.
 * Keys are a group's name (sys_user_group.name, matched without regard to case)
 * or its sys_id; `default` applies to every group not listed.
 */
import { z } from 'zod';
import { AiTier } from '../domain/ticket.js';

export const GroupSetting = z.strictObject({
  /** Whether the group has opted in to AI hand-off. */
  enabled: z.boolean(),
  /** What the group is cleared for (config/policy/policy.yaml `tiers`). */
  tier: AiTier,
  /**
   * Shadow mode: the whole flow runs and the would-be note is recorded in the
   * audit, but no note is written to the ticket. Default false.
   */
  shadow: z.boolean().optional(),
});
export type GroupSetting = z.infer<typeof GroupSetting>;

/** The key of the entry that applies to groups not listed. */
export const DEFAULT_GROUP = 'default';

export const Groups = z
  .record(z.string().trim().min(1, 'a group key is a group name or sys_id'), GroupSetting)
  .superRefine((groups, ctx) => {
    if (!Object.hasOwn(groups, DEFAULT_GROUP)) {
      ctx.addIssue({ code: 'custom', message: `add a '${DEFAULT_GROUP}' entry (for groups not listed), e.g. default: { enabled: false, tier: none }`, path: [] });
    }
    const seen = new Map<string, string>();
    for (const key of Object.keys(groups)) {
      const folded = key.toLowerCase();
      const other = seen.get(folded);
      if (other !== undefined) {
        ctx.addIssue({ code: 'custom', message: `'${key}' and '${other}' name the same group (names match without regard to case): keep one`, path: [key] });
      }
      seen.set(folded, key);
    }
  });
export type Groups = z.infer<typeof Groups>;
