/**
 * The `audit` section of the runtime config: how the ledger is anchored and
 * rotated (docs/audit.md). The key never goes here (this file is reviewed and
 * versioned): it comes from AI_HANDOFF_AUDIT_KEY or AI_HANDOFF_AUDIT_KEY_FILE.
 * The folder for the checkpoint file and the archive comes from
 * AI_HANDOFF_AUDIT_DIR (default .data/audit in the package).
 */
import { z } from 'zod';

export const Audit = z.strictObject({
  /** The ledger's name in checkpoints and the archive; default the worker's Redis prefix. Separate worker fleets sharing an instance need separate names. */
  ledger: z
    .string()
    .regex(/^[A-Za-z0-9{}_-]+$/, 'use letters, digits, _ - and braces')
    .max(100)
    .optional(),
  /** Least time between two checkpoints of a moving head, in ms; the window in which a cut tail goes unanchored. Default 300000 (5 minutes). */
  checkpointEveryMs: z.number().int().min(1_000).max(86_400_000).default(300_000),
  /** Also write checkpoints to the instance's insert-only checkpoint table (docs/contract.md). Default true. */
  instanceCheckpoints: z.boolean().default(true),
  retention: z
    .strictObject({
      /** Days an event stays in Redis before it is rotated to the archive. Default 30. */
      hotDays: z.number().positive().max(3_650).default(30),
      /** Most events per archived segment. Default 10000. */
      segmentMaxEvents: z.number().int().min(10).max(100_000).default(10_000),
    })
    .prefault({}),
});
export type Audit = z.infer<typeof Audit>;
