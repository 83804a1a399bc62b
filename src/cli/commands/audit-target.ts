/**
 * Where the audit commands and the worker find the ledger's key, folder and
 * checkpoint sinks (docs/audit.md):
 * - key: AI_HANDOFF_AUDIT_KEY or AI_HANDOFF_AUDIT_KEY_FILE; `start` and the
 *   reading commands fall back to a key file: the one a running `npm start`
 *   recorded in run.json, else `<audit dir>/audit.key` (npm start writes it);
 *   `worker` has no fallback and refuses to start without a key;
 * - folder: --audit-dir, else AI_HANDOFF_AUDIT_DIR, else a running `npm start`'s
 *   (run.json), else .data/audit;
 * - the instance's checkpoint table (`S_checkpoint` of the connector's app
 *   scope: SN_APP_SCOPE, else the running `npm start`'s, else the runtime
 *   config's `app.scope`), when there is an instance to reach.
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
  /** Fall back to a key file when no variable names a key (not for `worker`): `keyFile`, else `<dir>/audit.key`. */
  readonly localKey?: boolean;
  /** The key file to fall back to (the one a running `npm start` recorded in its run.json). */
  readonly keyFile?: string;
  /** Create that key file when missing (`start`). */
  readonly generateKey?: boolean;
  /** Where to write and read the instance's checkpoints; none when absent or `instance` is false. */
  readonly connector?: ServiceNowConnector;
  readonly instance?: boolean;
  /** The ledger's name (config `audit.ledger`). */
  readonly name?: string;
}

/** The audit folder and the key read from it or from the environment: no network. */
export interface AuditKeys {
  readonly dir: string;
  readonly keySource: LoadedKeys;
}

/**
 * The key and the folder alone, for `worker` and `start` to read before any
 * start-up check connects: a missing key is a configuration error, and it
 * must be the one line a worker with no key prints, whatever else is down.
 */
export function auditKeys(env: Env, options: Pick<AuditTargetOptions, 'dir' | 'localKey' | 'keyFile' | 'generateKey'> = {}): AuditKeys {
  const dir = options.dir ?? auditDirFrom(env);
  return { dir, keySource: loadAuditKeys(env, options.localKey === true ? { fallbackFile: options.keyFile ?? localKeyFile(dir), generate: options.generateKey === true } : {}) };
}

/** The ledger's setup: the key and folder (`keys` when already read, else read now) and the instance's checkpoint sink. */
export function auditTarget(env: Env, options: AuditTargetOptions & { readonly keys?: AuditKeys } = {}): AuditSetup & { readonly keySource: LoadedKeys } {
  const { dir, keySource } = options.keys ?? auditKeys(env, options);
  const sinks = options.connector && options.instance !== false ? [options.connector.checkpoints()] : [];
  return { keys: keySource.keyring, dir, sinks, keySource, ...(options.name === undefined ? {} : { name: options.name }) };
}
