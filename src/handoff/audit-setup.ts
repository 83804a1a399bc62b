/**
 * Opens the ledger with its anchors and archive as the worker and the CLI
 * both need it: one folder (AI_HANDOFF_AUDIT_DIR) holds the checkpoint file
 * and the archived segments, so `audit verify` on the worker's host finds
 * what the worker wrote.
 *
 *   <dir>/checkpoints.jsonl          the local anchor (every ledger, one line per checkpoint)
 *   <dir>/segments/<ledger>/seg-…    rotated segments
 */
import { join } from 'node:path';
import type { Redis } from 'ioredis';
import { fromRoot } from '../util/paths.js';
import { createAuditArchive } from './audit-archive.js';
import type { CheckpointSink } from './audit-checkpoint.js';
import type { AuditKeyring } from './audit-keys.js';
import { createAuditLedger, type AuditLedger } from './audit-ledger.js';
import { createCheckpointFile } from './checkpoint-file.js';

export const AUDIT_DIR_ENV = 'AI_HANDOFF_AUDIT_DIR';

/** The audit folder: the variable, else the package's .data/audit (where npm start keeps its state). */
export function auditDirFrom(env: Readonly<Record<string, string | undefined>>): string {
  return env[AUDIT_DIR_ENV]?.trim() || fromRoot('.data', 'audit');
}

export interface AuditSetup {
  readonly keys: AuditKeyring;
  /** The folder of the checkpoint file and the archive. */
  readonly dir: string;
  /** The ledger's name; default the Redis prefix. */
  readonly name?: string;
  /** Checkpoint sinks besides the local file (the instance's table). */
  readonly sinks?: readonly CheckpointSink[];
}

export function checkpointFileIn(dir: string): string {
  return join(dir, 'checkpoints.jsonl');
}

export function openAuditLedger(redis: Redis, prefix: string, setup: AuditSetup, now?: () => Date): AuditLedger {
  const name = setup.name ?? prefix;
  return createAuditLedger({
    redis,
    prefix,
    keys: setup.keys,
    name,
    archive: createAuditArchive({ dir: join(setup.dir, 'segments'), ledger: name, keys: setup.keys, ...(now ? { now } : {}) }),
    anchors: [createCheckpointFile(checkpointFileIn(setup.dir)), ...(setup.sinks ?? [])],
    ...(now ? { now } : {}),
  });
}
