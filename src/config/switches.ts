/**
 * The `switches` section of the runtime config: kill switches an admin flips
 * without touching policy. A switch only ever takes AI away; it never permits
 * what policy forbids.
 */
import { z } from 'zod';

export const Switches = z.strictObject({
  /** The global kill switch: false blocks every AI operation on every ticket. Default true. */
  ai: z.boolean().default(true),
  /** Per operation id (catalog.yaml): false blocks that operation everywhere. Default: none off. */
  operations: z.record(z.string().min(1), z.boolean()).default({}),
  /** Per group (name or sys_id, as in `groups`): false blocks every operation on the group's tickets. */
  groups: z.record(z.string().min(1), z.boolean()).default({}),
});
export type Switches = z.infer<typeof Switches>;
