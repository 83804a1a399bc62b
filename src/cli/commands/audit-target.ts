/**
 * Where the audit commands and the worker find the ledger's key, folder and
 * checkpoint sinks (docs/audit.md):
 * - key: AI_HANDOFF_AUDIT_KEY or AI_HANDOFF_AUDIT_KEY_FILE; `start` and the
 *   reading commands fall back to `<audit dir>/audit.key` (npm start writes it);
 *   `worker` has no fallback and refuses to start without a key;
 * - folder: --audit-dir, else AI_HANDOFF_AUDIT_DIR, else .data/audit;
 * - the instance's checkpoint table (`S_checkpoint` of the connector's app
 *   scope: SN_APP_SCOPE, else the runtime config's `app.scope`), when there
 *   is an instance to reach.
 */
import { join } from 'node:path';
import type { ServiceNowConnector } from '../../../connectors/servicenow/servicenow-connector.js';
import { loadAuditKeys, type LoadedKeys } from '../../handoff/audit-key-source.js';
import { auditDirFrom, type AuditSetup } from '../../handoff/audit-setup.js';

type Env = Readonly<Record<string, string | undefined>>;

/** The key file npm start generates inside the audit folder. */
export function localKeyFile(dir: string): string {
  return join(dir, 'audit.key');
}

export interface AuditTargetOptions {
  /** --audit-dir. */
  readonly dir?: string;
  /** Fall back to `<dir>/audit.key` when no variable names a key (not for `worker`). */
  readonly localKey?: boolean;
  /** Create that key file when missing (`start`). */
  readonly generateKey?: boolean;
  /** Where to write and read the instance's checkpoints; none when absent or `instance` is false. */
  readonly connector?: ServiceNowConnector;
  readonly instance?: boolean;
  /** The ledger's name (config `audit.ledger`). */
  readonly name?: string;
}

export function auditTarget(env: Env, options: AuditTargetOptions = {}): AuditSetup & { readonly keySource: LoadedKeys } {
  const dir = options.dir ?? auditDirFrom(env);
  const keySource = loadAuditKeys(env, options.localKey === true ? { fallbackFile: localKeyFile(dir), generate: options.generateKey === true } : {});
  const sinks = options.connector && options.instance !== false ? [options.connector.checkpoints()] : [];
  return { keys: keySource.keyring, dir, sinks, keySource, ...(options.name === undefined ? {} : { name: options.name }) };
}
