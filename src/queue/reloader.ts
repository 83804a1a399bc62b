/**
 * Safe reload (issue 15): the worker reads its configuration again on
 * SIGHUP (or a file change, when asked). The new config file, policy and
 * mappings are validated in full first (config-bundle.ts); a bad file keeps
 * the running configuration, logs the error naming the file, the key and
 * the fix, and is recorded for readiness and /metrics (reload-state.ts). A
 * good one is swapped in at once (live-config.ts): every panel follows
 * through the context digest, a pending request whose scope changed is
 * refused as stale at pickup, and the sync schedule follows the mapped
 * tables. Every applied reload is a `reload` audit event with the old and
 * new policy versions and who asked, as far as the platform can tell.
 *
 * What is swapped: the policy, the mappings, and the config's `switches`,
 * `groups` and `paths`. Every other key (worker, ai, app, audit, ops) is
 * read at start only; a reload that changes one applies the rest and names
 * the keys that wait for a restart.
 */
import type { ConfigBundle } from '../config/config-bundle.js';
import { describeCause, isHandoffError } from '../errors.js';
import type { AuditLedger } from '../handoff/audit-ledger.js';
import { digestOf } from '../util/canonical-json.js';
import type { Logger } from '../util/log.js';
import type { LiveConfig } from './live-config.js';
import type { ReloadProblem, ReloadState } from './reload-state.js';

/** Who or what asked for a reload. */
export interface ReloadTrigger {
  /** `SIGHUP`, `file-change`, `test`. */
  readonly via: string;
  /** The audit actor's user name: the best the platform tells of the sender. */
  readonly by: string;
  /** Secret-free facts about the sender (pid, OS user, the file that changed). */
  readonly sender?: Readonly<Record<string, string | number | null>>;
}

/** Sections a reload swaps; the rest are read at start only. */
const LIVE_SECTIONS = new Set(['switches', 'groups', 'paths']);

export interface ReloadChanges {
  readonly policy: { readonly from: string; readonly to: string } | null;
  readonly tables: { readonly added: readonly string[]; readonly removed: readonly string[]; readonly changed: readonly string[] };
  readonly switches: boolean;
  readonly groups: boolean;
  /** Keys that differ but take effect only at the next start. */
  readonly restartNeeded: readonly string[];
}

export type ReloadOutcome = { readonly ok: true; readonly changes: ReloadChanges; readonly policyVersion: string } | { readonly ok: false; readonly problem: ReloadProblem };

export interface ReloaderOptions {
  /** Reads and validates the whole configuration again (throws on any problem). */
  readonly load: () => ConfigBundle;
  readonly live: LiveConfig;
  readonly ledger: Pick<AuditLedger, 'append'>;
  readonly state: ReloadState;
  /** Brings the sync schedule to the mapped tables (called when tables were added or removed). */
  readonly syncTables?: (tables: readonly string[]) => Promise<void>;
  readonly log: Logger;
  readonly now?: () => Date;
}

export interface Reloader {
  /** Reloads once; concurrent calls run one after another. Never throws for a bad file. */
  reload(trigger: ReloadTrigger): Promise<ReloadOutcome>;
}

export function createReloader(options: ReloaderOptions): Reloader {
  const { live, log } = options;
  const now = options.now ?? (() => new Date());
  let queue: Promise<unknown> = Promise.resolve();

  async function reloadOnce(trigger: ReloadTrigger): Promise<ReloadOutcome> {
    const before = live.current();
    let next: ConfigBundle;
    try {
      next = options.load();
    } catch (error) {
      const problem: ReloadProblem = isHandoffError(error)
        ? { code: error.code, message: error.message, remedy: error.remedy ?? null }
        : { code: 'INTERNAL', message: describeCause(error), remedy: null };
      options.state.refused(now(), trigger.via, problem);
      log.error('reload refused: the running configuration is kept', { trigger: trigger.via, code: problem.code, error: problem.message, remedy: problem.remedy ?? undefined, policyVersion: before.policy.version });
      return { ok: false, problem };
    }
    const changes = changesOf(before, next);
    live.swap(next, now());
    // Reads the groups' budget states into the new context now, not at the next sync pass.
    await live.policy.contextDigest().catch((error: unknown) => log.warn('budget states not read after the reload', { error: describeCause(error) }));
    const tablesMoved = changes.tables.added.length + changes.tables.removed.length > 0;
    if (tablesMoved && options.syncTables && next.config.worker.tables === undefined) await options.syncTables([...next.mappings.byTable.keys()]);
    options.state.applied(now(), trigger.via, { file: next.file, policyVersion: next.policy.version });
    await options.ledger.append({
      type: 'reload',
      handoff: null,
      ticket: null,
      actors: [{ role: 'system', userName: trigger.by }],
      policyVersion: next.policy.version,
      inputDigest: digestOf({ config: next.config, mappings: [...next.mappings.byTable.values()] }),
      outputDigest: null,
      details: {
        trigger: trigger.via,
        ...(trigger.sender ? { sender: trigger.sender } : {}),
        file: next.file,
        previousPolicyVersion: before.policy.version,
        policyChanged: changes.policy !== null,
        tables: changes.tables,
        switchesChanged: changes.switches,
        groupsChanged: changes.groups,
        restartNeeded: changes.restartNeeded,
      },
    });
    log.info('reloaded', {
      trigger: trigger.via,
      by: trigger.by,
      policyVersion: next.policy.version,
      previousPolicyVersion: before.policy.version,
      tables: changes.tables,
      switches: changes.switches,
      groups: changes.groups,
    });
    if (changes.restartNeeded.length > 0) log.warn('reloaded; these keys take effect at the next start', { keys: changes.restartNeeded.join(', ') });
    return { ok: true, changes, policyVersion: next.policy.version };
  }

  return {
    reload(trigger) {
      const run = queue.then(() => reloadOnce(trigger));
      queue = run.catch(() => undefined);
      return run;
    },
  };
}

/** What a reload from `before` to `next` changes, and which changed keys wait for a restart. */
export function changesOf(before: ConfigBundle, next: ConfigBundle): ReloadChanges {
  const was = before.mappings.byTable;
  const now = next.mappings.byTable;
  const added = [...now.keys()].filter((t) => !was.has(t)).sort();
  const removed = [...was.keys()].filter((t) => !now.has(t)).sort();
  const changed = [...now.keys()].filter((t) => was.has(t) && digestOf(was.get(t)) !== digestOf(now.get(t))).sort();
  const restartNeeded: string[] = [];
  for (const section of Object.keys(next.config) as (keyof ConfigBundle['config'])[]) {
    if (LIVE_SECTIONS.has(section)) continue;
    restartNeeded.push(...differingKeys(section, before.config[section], next.config[section]));
  }
  return {
    policy: before.policy.version === next.policy.version ? null : { from: before.policy.version, to: next.policy.version },
    tables: { added, removed, changed },
    switches: digestOf(before.config.switches) !== digestOf(next.config.switches),
    groups: digestOf(before.config.groups) !== digestOf(next.config.groups),
    restartNeeded,
  };
}

/** Dotted keys (two levels deep) whose values differ. */
function differingKeys(path: string, a: unknown, b: unknown, depth = 0): string[] {
  if (digestOf(a ?? null) === digestOf(b ?? null)) return [];
  const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  if (depth >= 1 || !isObject(a) || !isObject(b)) return [path];
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  return keys.flatMap((key) => differingKeys(`${path}.${key}`, a[key], b[key], depth + 1));
}
