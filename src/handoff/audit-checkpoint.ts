/**
 * Checkpoints: the ledger's head (its event count and the last event's hash)
 * written where someone with write access to Redis cannot reach: an
 * append-only local file (src/handoff/checkpoint-file.ts) and the instance's
 * insert-only `S_checkpoint` table (docs/contract.md). `audit verify` holds
 * the chain against every checkpoint: a chain shorter than a checkpoint's
 * count was cut (or deleted), a chain whose event at that count has another
 * hash was rewritten (docs/audit.md).
 */
import { z } from 'zod';
import { describeCause } from '../errors.js';

export const Checkpoint = z.strictObject({
  /** Which ledger (the worker's `audit.ledger`, default its Redis prefix). */
  ledger: z.string().min(1).max(100),
  /** Events in the chain at the checkpoint: the head's seq. */
  count: z.number().int().positive(),
  /** The hash of event `count`. */
  head: z.string().regex(/^[0-9a-f]{64}$/),
  /** The key that event was signed with. */
  keyId: z.string().min(1).max(40),
  /** When it was written (ISO 8601; the instance's own stamp for table rows). */
  at: z.string().min(1),
});
export type Checkpoint = z.infer<typeof Checkpoint>;

/** Somewhere checkpoints are kept: the worker may add, never change or remove. */
export interface CheckpointSink {
  /** Names the place in reports: `file /var/lib/…`, `instance x_acme_aihandoff_checkpoint`. */
  readonly name: string;
  append(checkpoint: Checkpoint): Promise<void>;
  /** Every checkpoint of one ledger, oldest first. */
  list(ledger: string): Promise<Checkpoint[]>;
}

export interface AnchorReport {
  readonly name: string;
  /** Checkpoints of this ledger found there; 0 when it could not be read. */
  readonly checkpoints: number;
  /** Why it could not be read. */
  readonly error?: string;
}

/** Reads every sink; a sink that fails is reported, never skipped silently. */
export async function collectCheckpoints(sinks: readonly CheckpointSink[], ledger: string): Promise<{ checkpoints: Array<Checkpoint & { source: string }>; anchors: AnchorReport[] }> {
  const checkpoints: Array<Checkpoint & { source: string }> = [];
  const anchors: AnchorReport[] = [];
  for (const sink of sinks) {
    try {
      const found = await sink.list(ledger);
      for (const c of found) checkpoints.push({ ...c, source: sink.name });
      anchors.push({ name: sink.name, checkpoints: found.length });
    } catch (error) {
      anchors.push({ name: sink.name, checkpoints: 0, error: describeCause(error) });
    }
  }
  return { checkpoints, anchors };
}
