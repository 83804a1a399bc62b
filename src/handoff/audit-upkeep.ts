/**
 * The ledger's periodic care, run by the worker's maintenance sweep:
 * checkpoint the head (src/handoff/audit-checkpointer.ts), then rotate what
 * is older than the hot window (src/handoff/audit-rotation.ts). Neither
 * throws into the sweep: a failure is logged and retried next time.
 */
import { describeCause } from '../errors.js';
import type { Logger } from '../util/log.js';
import { createCheckpointer } from './audit-checkpointer.js';
import type { AuditLedger } from './audit-ledger.js';
import { createRotation } from './audit-rotation.js';

export interface AuditUpkeepOptions {
  readonly ledger: AuditLedger;
  /** Least time between checkpoints, in ms. */
  readonly checkpointEveryMs: number;
  /** Events younger than this stay in Redis, in ms. */
  readonly hotMs: number;
  readonly segmentMaxEvents: number;
  readonly now: () => Date;
  readonly log: Logger;
}

export interface AuditUpkeep {
  /** Checkpoints (now, with `force`) and rotates; returns what it did. */
  tick(options?: { readonly force?: boolean }): Promise<{ checkpoint: number | null; rotated: number }>;
}

export function createAuditUpkeep(options: AuditUpkeepOptions): AuditUpkeep {
  const { log } = options;
  const checkpointer = createCheckpointer({ ledger: options.ledger, everyMs: options.checkpointEveryMs, now: options.now, log });
  const rotation = createRotation({ ledger: options.ledger, hotMs: options.hotMs, segmentMaxEvents: options.segmentMaxEvents, now: options.now, log });
  return {
    async tick(tickOptions = {}) {
      let checkpoint: number | null = null;
      let rotated = 0;
      try {
        checkpoint = (await checkpointer.tick(tickOptions))?.count ?? null;
      } catch (error) {
        log.warn('audit checkpoint failed; retried at the next sweep', { error: describeCause(error) });
      }
      try {
        rotated = await rotation.run();
      } catch (error) {
        log.warn('audit rotation failed; retried at the next sweep', { error: describeCause(error) });
      }
      return { checkpoint, rotated };
    },
  };
}
