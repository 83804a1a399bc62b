/** The `paths` section of the runtime config: where the policy and the mappings live. */
import { z } from 'zod';

export const Paths = z.strictObject({
  /** The policy folder (policy.yaml, classes.yaml, catalog.yaml), relative to the config file. */
  policy: z.string().min(1),
  /** The folder of field mappings (<table>.yaml), relative to the config file. */
  mappings: z.string().min(1),
});
export type Paths = z.infer<typeof Paths>;
