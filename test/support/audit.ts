/**
 * The audit key and folder for tests: one random key per test file (each file
 * loads its own copy of this module), shared by the in-process worker and any
 * worker child process the same file starts, so either can verify what the
 * other wrote. Folders are fresh temporary ones.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CheckpointSink } from '../../src/handoff/audit-checkpoint.js';
import { createKeyring, type AuditKeyring } from '../../src/handoff/audit-keys.js';
import type { AuditSetup } from '../../src/handoff/audit-setup.js';

/** The test file's audit key, in hex (as AI_HANDOFF_AUDIT_KEY takes it). */
export const TEST_AUDIT_KEY = randomBytes(32).toString('hex');

export function testAuditKeys(): AuditKeyring {
  return createKeyring([Buffer.from(TEST_AUDIT_KEY, 'hex')]);
}

export function tempAuditDir(): string {
  return mkdtempSync(join(tmpdir(), 'aih-audit-'));
}

export function testAuditSetup(options: { dir?: string; sinks?: readonly CheckpointSink[] } = {}): AuditSetup {
  return { keys: testAuditKeys(), dir: options.dir ?? tempAuditDir(), sinks: options.sinks ?? [] };
}

/**
 * The variables a child process (`ai-handoff worker`, `audit verify`) reads the
 * test file's key and an audit folder from; pass the same `dir` to a verify
 * that must find the worker's checkpoints.
 */
export function auditEnv(dir: string = tempAuditDir()): { AI_HANDOFF_AUDIT_KEY: string; AI_HANDOFF_AUDIT_DIR: string } {
  return { AI_HANDOFF_AUDIT_KEY: TEST_AUDIT_KEY, AI_HANDOFF_AUDIT_DIR: dir };
}
