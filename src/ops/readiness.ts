/**
 * Readiness (GET /readyz): ready only when Redis is reachable and safe, the
 * instance answered an authenticated call recently, and no table's sync lags
 * more than its bound (issue 14). Pure: the caller supplies what was observed.
 * The body names what is wrong in words and codes; never hosts' credentials,
 * ticket text or user names.
 */
import type { ConfigSnapshot } from '../queue/reload-state.js';
import type { HealthSnapshot } from './health.js';

export interface ReadinessBounds {
  /** ops.readiness.instanceFreshMs */
  readonly instanceFreshMs: number;
  /** ops.readiness.syncLagMs */
  readonly syncLagMs: number;
}

export interface Check {
  readonly ok: boolean;
  readonly detail: string;
}

export interface Readiness {
  readonly ready: boolean;
  /**
   * `config` (present once a worker is attached): the configuration running and the last reload. A refused reload
   * shows here (ok false) but does not make the worker unready: it keeps running the previous, valid configuration.
   */
  readonly checks: { readonly redis: Check; readonly instance: Check; readonly sync: Check; readonly config?: Check };
}

/**
 * Seconds since each table's last completed sync pass; null for a table never
 * synced. `undefined` when the lags could not be read (Redis away).
 */
export type SyncLags = Readonly<Record<string, number | null>> | undefined;

export function readiness(snapshot: HealthSnapshot, lags: SyncLags, bounds: ReadinessBounds, now: number, config?: ConfigSnapshot): Readiness {
  const { redis, instance } = snapshot;
  const redisCheck = redisReadiness(redis, now);
  const age = instance.lastOkAt === null ? null : now - instance.lastOkAt;
  // Refused credentials fail at once; an instance briefly away (a 503, a timeout) is tolerated while its last answer is fresh.
  const instanceCheck: Check =
    age !== null && age <= bounds.instanceFreshMs && !instance.refused
      ? { ok: true, detail: `answered ${Math.round(age / 1000)} s ago` }
      : { ok: false, detail: instance.problem !== null ? `${instance.problem} for ${secondsSince(instance.failingSince, now)} s` : age === null ? 'has not answered yet' : `no authenticated answer for ${Math.round(age / 1000)} s` };

  const sync = syncCheck(snapshot, lags, bounds, now);
  const checks = { redis: redisCheck, instance: instanceCheck, sync, ...(config === undefined ? {} : { config: configCheck(config) }) };
  return { ready: redisCheck.ok && instanceCheck.ok && sync.ok, checks };
}

/** The running configuration, and a refused reload with its reason (the file, the key, the fix). */
function configCheck(config: ConfigSnapshot): Check {
  const running = `policy ${config.policyVersion} from ${config.file}, loaded ${config.loadedAt}`;
  const last = config.lastAttempt;
  if (last === null || last.ok) return { ok: true, detail: running };
  const fix = last.problem?.remedy ? ` (${last.problem.remedy})` : '';
  return { ok: false, detail: `reload (${last.trigger}) at ${last.at} refused: ${last.problem?.message ?? 'unknown'}${fix}; still running ${running}` };
}

/** Unreachable and unsafe are told apart: the monitor records which (src/queue/health-state.ts). */
function redisReadiness(redis: HealthSnapshot['redis'], now: number): Check {
  const problem = redis.problem?.message;
  switch (redis.state) {
    case 'safe':
      return { ok: true, detail: 'reachable and safe' };
    case 'unsafe':
      return { ok: false, detail: `unsafe: ${problem ?? 'unknown reason'}` };
    case 'unreachable':
      return { ok: false, detail: `unreachable for ${secondsSince(redis.unreachableSince === null ? null : Date.parse(redis.unreachableSince), now)} s: ${problem ?? 'no answer'}` };
    case 'unknown':
      return { ok: false, detail: 'not checked yet' };
  }
}

function syncCheck(snapshot: HealthSnapshot, lags: SyncLags, bounds: ReadinessBounds, now: number): Check {
  if (lags === undefined) return { ok: false, detail: 'unknown: the sync times could not be read from Redis' };
  const limit = bounds.syncLagMs / 1000;
  // A table not synced yet is judged from the process's start: a first sync gets the bound to finish.
  const sinceStart = (now - snapshot.startedAt) / 1000;
  const behind = Object.entries(lags)
    .map(([table, lag]) => [table, lag ?? sinceStart] as const)
    .filter(([, lag]) => lag > limit)
    .map(([table, lag]) => `${table} ${Math.round(lag)} s`);
  if (behind.length > 0) return { ok: false, detail: `lagging more than ${Math.round(limit)} s: ${behind.join(', ')}` };
  return { ok: true, detail: `${Object.keys(lags).length} table(s) within ${Math.round(limit)} s` };
}

function secondsSince(at: number | null, now: number): number {
  return at === null ? 0 : Math.round((now - at) / 1000);
}
