/**
 * What `ai-handoff start` runs with, recorded in its data folder
 * (`<data>/run.json`, removed when it stops), so that `report`, `audit` and
 * `policy` in another terminal work on that run when no environment or flag
 * says otherwise: after `npm start -- --port 8095`, `npx ai-handoff report`
 * reports on the sandbox at 8095 (issue 14). No secret is written: the Redis
 * URL loses any password, and a real instance's credentials stay in the
 * environment.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { fromRoot } from '../util/paths.js';

/** The data folder the commands look in: AI_HANDOFF_DATA, else .data of the checkout (start's default). */
export function dataDir(env: Readonly<Record<string, string | undefined>> = process.env): string {
  return resolve(env.AI_HANDOFF_DATA?.trim() || fromRoot('.data'));
}

export const RunRecord = z.strictObject({
  pid: z.number().int().positive(),
  startedAt: z.string(),
  redisUrl: z.string().min(1),
  prefix: z.string().min(1),
  /** The instance's origin. */
  instanceUrl: z.string().min(1),
  /** True when it is the sandbox, whose integration user the commands may log in as. */
  sandbox: z.boolean(),
  /** The runtime config file. */
  config: z.string().min(1),
  /** Where health, metrics and the dashboard are served; null when off. */
  http: z.string().nullable(),
  /** The audit folder (checkpoints, archive), so `audit verify` in another terminal anchors against the run's checkpoints. */
  auditDir: z.string().min(1),
  /** The audit key file the run signs with (a path, never the key); null when the key came from AI_HANDOFF_AUDIT_KEY. */
  auditKeyFile: z.string().nullable(),
  /** The ServiceNow app's scope the run's worker uses (its tables, API and checkpoint table). */
  appScope: z.string().min(1).optional(),
});
export type RunRecord = z.infer<typeof RunRecord>;

const FILE = 'run.json';

export function writeRunRecord(dir: string, record: Omit<RunRecord, 'redisUrl'> & { readonly redisUrl: string }): void {
  mkdirSync(dir, { recursive: true });
  const safe: RunRecord = { ...record, redisUrl: withoutCredentials(record.redisUrl) };
  writeFileSync(join(dir, FILE), `${JSON.stringify(safe, null, 2)}\n`, { mode: 0o600 });
}

export function removeRunRecord(dir: string, pid: number = process.pid): void {
  const current = readRunRecord(dir, { checkAlive: false });
  if (current?.pid === pid) rmSync(join(dir, FILE), { force: true });
}

/** The record of a start that is still running (its process alive), or null. */
export function readRunRecord(dir: string = dataDir(), options: { readonly checkAlive?: boolean } = {}): RunRecord | null {
  let record: RunRecord;
  try {
    record = RunRecord.parse(JSON.parse(readFileSync(join(dir, FILE), 'utf8')));
  } catch {
    return null;
  }
  if (options.checkAlive !== false && !alive(record.pid)) return null;
  return record;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as { code?: string }).code === 'EPERM';
  }
}

function withoutCredentials(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^@/]*@/i, '$1');
}
