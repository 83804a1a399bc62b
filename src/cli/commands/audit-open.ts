/**
 * Opens the ledger for the commands that read it (audit verify, audit export,
 * evidence): Redis from --redis-url / REDIS_URL / npm start's, the key and the
 * audit folder (audit-target.ts; a running `npm start`'s from its run.json),
 * and the instance's checkpoint table when SN_INSTANCE_URL is set or
 * `npm start` is running, unless --no-instance, under the app scope the
 * worker uses (SN_APP_SCOPE, else the run's, else `app.scope` of its config).
 */
import type { Command } from 'commander';
import { createServiceNowConnector, type ServiceNowConnector } from '../../../connectors/servicenow/servicenow-connector.js';
import type { AuditLedger } from '../../handoff/audit-ledger.js';
import { AUDIT_DIR_ENV, openAuditLedger } from '../../handoff/audit-setup.js';
import { connectOnce } from '../../queue/redis-connection.js';
import { silentLogger } from '../../util/log.js';
import { readRunRecord } from '../run-file.js';
import { auditTarget } from './audit-target.js';
import { instanceTarget } from './instance.js';
import { redisTarget } from './redis-target.js';

export interface LedgerFlags {
  readonly redisUrl?: string;
  readonly prefix?: string;
  readonly auditDir?: string;
  readonly ledger?: string;
  /** false with --no-instance. */
  readonly instance?: boolean;
}

/** Adds the flags every ledger-reading command takes. */
export function ledgerOptions(command: Command): Command {
  return command
    .option('--redis-url <url>', 'Redis URL (default: REDIS_URL, or the local Redis of npm start)')
    .option('--prefix <prefix>', 'key prefix (default: AI_HANDOFF_PREFIX or aih)')
    .option('--audit-dir <dir>', 'folder of the checkpoint file and the archived segments (default: AI_HANDOFF_AUDIT_DIR or .data/audit)')
    .option('--ledger <name>', 'the ledger name in checkpoints and the archive (default: the prefix)')
    .option('--no-instance', "do not read the instance's checkpoint table even when SN_INSTANCE_URL is set");
}

export interface OpenedLedger {
  readonly ledger: AuditLedger;
  /** What was read besides Redis, for the report. */
  readonly sources: { readonly dir: string; readonly instance: string | null; readonly keyIds: readonly string[] };
  close(): void;
}

export async function openLedgerFromFlags(flags: LedgerFlags, env: Readonly<Record<string, string | undefined>> = process.env): Promise<OpenedLedger> {
  const run = readRunRecord();
  const { url, prefix } = redisTarget(flags, run);
  let connector: ServiceNowConnector | undefined;
  if (flags.instance !== false && (env.SN_INSTANCE_URL?.trim() || run !== null)) {
    // SN_* when set; else the instance of the running `npm start` (run.json), whose checkpoints anchor its ledger.
    const instance = instanceTarget({ env, run: env.SN_INSTANCE_URL?.trim() ? null : run });
    connector = createServiceNowConnector({ config: instance.sn, log: silentLogger, appScope: instance.appScope });
  }
  // The folder and key file of the running `npm start`, unless a flag or a variable names others.
  const fromRun = run !== null && !flags.auditDir && !env[AUDIT_DIR_ENV]?.trim() ? { dir: run.auditDir, ...(run.auditKeyFile === null ? {} : { keyFile: run.auditKeyFile }) } : {};
  const target = auditTarget(env, { localKey: true, ...fromRun, ...(flags.auditDir ? { dir: flags.auditDir } : {}), ...(connector ? { connector } : {}), ...(flags.ledger ? { name: flags.ledger } : {}) });
  const redis = await connectOnce(url);
  return {
    ledger: openAuditLedger(redis, prefix, target),
    sources: { dir: target.dir, instance: connector ? connector.instanceId : null, keyIds: target.keys.ids },
    close() {
      redis.disconnect();
      connector?.close();
    },
  };
}
