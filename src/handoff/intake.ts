/**
 * Intake (docs/contract.md, "Intake: every request and review ends"): notices
 * the pending rows of the app's request and review tables and takes each one
 * (pickup.ts, review.ts).
 *
 * - It polls both tables, one call each, every `worker.intake.pollMs`
 *   (default 5 s), and at once when the doorbell rings; rings that arrive
 *   during a poll make one more poll after it, however many they are. Across
 *   worker processes one scheduled poll runs per interval (a Redis slot);
 *   rings are never held back by it.
 * - Each row is taken under a short lease (one worker at a time), renewed
 *   while it works. The instance, not Redis, holds what is waiting: the row
 *   stays `pending` until the worker has set it `queued`, `recorded` or
 *   `refused`, so a worker killed at any point, or a Redis that restarts
 *   empty, loses nothing; the next poll takes the row again, and the
 *   hand-off, keyed by the row, is made once.
 * - A transient failure (a lease held, 5xx, 429, a truncated or malformed
 *   answer, a timeout, Redis away) leaves the row pending and is tried again
 *   by the next polls, with back-off (1 s doubling to 30 s, jittered). Only a
 *   row that is itself invalid, or whose checks fail, is refused at once.
 * - A row pending `worker.intake.boundMs` (default 60 s) since it was created
 *   or first seen is finished on its next attempt: a hand-off if it can be
 *   taken, else refused with the last cause and "ask again". So every request
 *   and review ends within about a minute while the instance and Redis are up.
 */
import type { RawRecord, RowKind } from '../connector/connector.js';
import { describeCause, isHandoffError } from '../errors.js';
import type { MappingSet } from '../mapping/load-mappings.js';
import { acquireLease } from '../queue/lease.js';
import type { FlowDeps } from './flow-deps.js';
import { takeRequest } from './pickup.js';
import { refuseRow } from './refusal.js';
import { takeReview } from './review.js';

/**
 * How long one worker holds a row while taking it, in ms; renewed every third
 * of it while it works, so a slow instance never lets it lapse, and a worker
 * that died holding it lets it go within this bound.
 */
const ROW_LEASE_MS = 15_000;
/** First back-off after a transient failure, doubling per attempt up to the cap, in ms. */
const BACKOFF_BASE_MS = 1_000;
const BACKOFF_CAP_MS = 30_000;
/** How long closing waits for attempts in progress, in ms. */
const CLOSE_WAIT_MS = 10_000;
/**
 * How long a ring waits for more rings before its poll, in ms: a burst of
 * rows (an agent's batch, a forged flood) costs one poll, at a price in
 * pickup time too small to see.
 */
const RING_SETTLE_MS = 25;

export interface IntakeOptions {
  readonly deps: FlowDeps;
  readonly mappings: MappingSet;
  /** Time between scheduled polls, in ms (worker.intake.pollMs). */
  readonly pollMs: number;
  /** How long a row may stay pending before its next attempt is its last, in ms (worker.intake.boundMs). */
  readonly boundMs: number;
  /** Rows taken at once in this process (worker.concurrency.intake). */
  readonly concurrency: number;
  /** Keys the shared poll slot: one scheduled poll per instance and interval. */
  readonly instanceId: string;
  readonly random?: () => number;
}

export interface PollStats {
  readonly requests: number;
  readonly reviews: number;
  /** Rows an attempt was started for (others were in progress, backing off, or leased elsewhere). */
  readonly attempted: number;
}

export interface IntakeCounts {
  polls: number;
  rings: number;
  taken: number;
  refused: number;
  retried: number;
  /** Refused at the bound with their last cause. */
  expired: number;
}

export interface Intake {
  /** Polls now and then every pollMs. */
  start(): void;
  /** A doorbell ring: a poll now (coalesced with any in progress). */
  ring(): void;
  /**
   * Takes no new rows until `resume` (Redis became unsafe while running:
   * src/queue/redis-safety-monitor.ts). Rows stay pending on the instance, so
   * nothing is lost; attempts in progress finish.
   */
  pause(): void;
  /** Takes rows again, with a poll now. */
  resume(): void;
  /** One poll now; resolves when every attempt it started has ended (tests, the benchmark). */
  pollNow(): Promise<PollStats>;
  readonly counts: Readonly<IntakeCounts>;
  close(): Promise<void>;
}

interface Memo {
  readonly kind: RowKind;
  attempts: number;
  nextAt: number;
  cause: string | null;
  readonly firstSeen: number;
}

/** Whether trying again later can help: retryable errors, a malformed answer (a truncated page), and anything not ours (Redis away, a bug: bounded by boundMs). */
export function isTransient(error: unknown): boolean {
  if (!isHandoffError(error)) return true;
  return error.retryable || error.code === 'SN_BAD_RESPONSE';
}

/** A glide date-time (UTC `YYYY-MM-DD HH:mm:ss`) in ms, or NaN. */
function glideMs(text: string | undefined): number {
  return text === undefined ? Number.NaN : Date.parse(`${text.replace(' ', 'T')}Z`);
}

export function createIntake(options: IntakeOptions): Intake {
  const { deps, mappings, pollMs, boundMs } = options;
  const random = options.random ?? Math.random;
  const now = (): number => deps.now().getTime();
  const counts: IntakeCounts = { polls: 0, rings: 0, taken: 0, refused: 0, retried: 0, expired: 0 };
  const memos = new Map<string, Memo>();
  const inFlight = new Map<string, Promise<void>>();
  let polling: Promise<void> | null = null;
  let again = false;
  let ringing: NodeJS.Timeout | undefined;
  let closed = false;
  let paused = false;
  let timer: NodeJS.Timeout | undefined;

  // At most `concurrency` attempts at once; the rest wait their turn in order.
  let active = 0;
  const waiting: (() => void)[] = [];
  const limited = async (task: () => Promise<void>): Promise<void> => {
    if (active >= options.concurrency) await new Promise<void>((resolve) => waiting.push(resolve));
    active++;
    try {
      await task();
    } finally {
      active--;
      waiting.shift()?.();
    }
  };

  /** When the row's next attempt is its last: boundMs after it was created, or first seen here if that is earlier. */
  const deadlineOf = (raw: RawRecord, memo: Memo): number => {
    const created = glideMs(raw.sys_created_on);
    return Math.min(Number.isFinite(created) ? created : memo.firstSeen, memo.firstSeen) + boundMs;
  };

  const backOff = (memo: Memo, raw: RawRecord, error: unknown): void => {
    memo.attempts++;
    memo.cause = describeCause(error);
    const hint = isHandoffError(error) && error.retryAfterMs !== undefined ? error.retryAfterMs : 0;
    const wait = Math.max(hint, Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** (memo.attempts - 1)) * (0.5 + random() / 2));
    memo.nextAt = Math.min(now() + wait, deadlineOf(raw, memo));
    counts.retried++;
    deps.log.warn(`${memo.kind} not taken yet; trying again`, { row: raw.sys_id, attempts: memo.attempts, inMs: Math.max(0, Math.round(memo.nextAt - now())), cause: memo.cause });
  };

  /** The row's ticket, for a refusal: when the row names a table the worker serves. */
  const ticketOf = (raw: RawRecord): { mapping: NonNullable<ReturnType<MappingSet['byTable']['get']>>; sysId: string; number: string } | null => {
    const mapping = mappings.byTable.get(raw.ticket_table ?? '');
    return mapping && /^[0-9a-f]{32}$/.test(raw.ticket ?? '') ? { mapping, sysId: raw.ticket!, number: raw.number ?? '' } : null;
  };

  /** Whether the row got as far as a hand-off or a recorded decision: then it is finished by being taken again, never refused. */
  const underway = async (kind: RowKind, raw: RawRecord): Promise<boolean> => {
    const id = raw.sys_id ?? '';
    if (kind === 'request') return (await deps.store.forRequestRow(id)) !== null;
    const handoff = /^ho_/.test(raw.handoff ?? '') ? await deps.store.get(raw.handoff!) : null;
    return handoff?.review?.row === id;
  };

  const refuse = async (kind: RowKind, raw: RawRecord, code: string, message: string, remedy: string): Promise<void> => {
    await refuseRow(deps, { kind, row: raw.sys_id ?? '', code, message, remedy, actor: raw.sys_created_by || null, handoff: null, ticket: ticketOf(raw), input: raw });
  };

  const attempt = async (kind: RowKind, raw: RawRecord, memo: Memo): Promise<void> => {
    const id = raw.sys_id ?? '';
    const final = now() >= deadlineOf(raw, memo);
    // The row's hand-off is read in the same round trip as the lease is taken (Redis runs them in order, and
    // nobody makes the row's hand-off but the lease's holder); a failed read is read again by pickup.
    const [lease, taken] = await Promise.all([
      acquireLease(deps.redis, `${deps.prefix}:lease:intake:${id}`, ROW_LEASE_MS),
      kind === 'request' ? deps.store.forRequestRow(id).then((handoff) => ({ handoff }), () => undefined) : Promise.resolve(undefined),
    ]);
    // Another worker is taking the row: it ends there, or comes back pending to the next poll.
    if (!lease) return;
    const renew = setInterval(() => void lease.extend(ROW_LEASE_MS).catch(() => false), ROW_LEASE_MS / 3);
    try {
      await deps.fault('intake-row-locked');
      const outcome = kind === 'request' ? await takeRequest(deps, mappings, raw, taken) : await takeReview(deps, mappings, raw);
      memos.delete(id);
      if (outcome.kind === 'refused') counts.refused++;
      else if (outcome.kind !== 'skipped') counts.taken++;
    } catch (error) {
      if (!isTransient(error)) {
        // The row's own checks failed in a way no retry changes (an ACL, a refused write): it ends now.
        const what = kind === 'request' ? 'request was not taken' : 'review was not recorded';
        await refuse(kind, raw, isHandoffError(error) ? error.code : 'INTERNAL', `The ${what}: ${describeCause(error)}`, 'Ask again; if it fails again, ask an admin to check the AI worker.');
        memos.delete(id);
        counts.refused++;
      } else if (final && !(await underway(kind, raw))) {
        const what = kind === 'request' ? 'request' : 'review';
        const seconds = Math.round(boundMs / 1000);
        await refuse(kind, raw, 'INTAKE_EXPIRED', `The ${what} could not be taken within ${seconds} s: ${describeCause(error)}`, `Ask again (${kind === 'request' ? 'Assign To AI Operation' : 'Accept, Reject or Escalate'}); if it keeps failing, ask an admin to check the AI worker and the instance.`);
        memos.delete(id);
        counts.expired++;
      } else {
        backOff(memo, raw, error);
      }
    } finally {
      clearInterval(renew);
      await lease.release().catch(() => undefined);
    }
  };

  const pollOnce = async (): Promise<{ stats: PollStats; started: Promise<void>[] }> => {
    counts.polls++;
    const started: Promise<void>[] = [];
    const found = { request: 0, review: 0 };
    for (const kind of ['request', 'review'] as const) {
      let rows: RawRecord[];
      try {
        rows = await deps.connector.pendingRows(kind);
      } catch (error) {
        deps.log.warn(`intake: polling the ${kind} table failed; the next poll tries again`, { error: describeCause(error) });
        continue;
      }
      found[kind] = rows.length;
      const pending = new Set(rows.map((r) => r.sys_id ?? ''));
      // Forget the back-off of rows that ended (elsewhere, or by a person's change).
      for (const [id, memo] of memos) if (memo.kind === kind && !pending.has(id) && !inFlight.has(id)) memos.delete(id);
      for (const raw of rows) {
        const id = raw.sys_id ?? '';
        if (id === '' || inFlight.has(id)) continue;
        let memo = memos.get(id);
        if (!memo) memos.set(id, (memo = { kind, attempts: 0, nextAt: 0, cause: null, firstSeen: now() }));
        if (memo.nextAt > now()) continue;
        const row = memo;
        const task = limited(() => attempt(kind, raw, row))
          .catch((error: unknown) => {
            // The refusal itself failed (the instance or Redis away): the row stays pending for the next poll.
            backOff(row, raw, error);
          })
          .finally(() => inFlight.delete(id));
        inFlight.set(id, task);
        started.push(task);
      }
    }
    return { stats: { requests: found.request, reviews: found.review, attempted: started.length }, started };
  };

  /** Polls now, or once more after the poll in progress: any number of rings in between make one poll. */
  const trigger = (): Promise<void> => {
    if (closed || paused) return Promise.resolve();
    if (polling) {
      again = true;
      return polling;
    }
    polling = (async () => {
      do {
        again = false;
        await pollOnce();
      } while (again && !closed);
    })().finally(() => {
      polling = null;
    });
    return polling;
  };

  /** One scheduled poll per interval across processes (a ring bypasses it); a Redis away does not stop the poll. */
  const slotIsOurs = async (): Promise<boolean> => {
    try {
      return (await deps.redis.set(`${deps.prefix}:intake:slot:${options.instanceId}`, '1', 'PX', Math.max(50, pollMs - 100), 'NX')) === 'OK';
    } catch {
      return true;
    }
  };

  return {
    counts,
    start() {
      void trigger();
      timer = setInterval(() => {
        void slotIsOurs().then((ours) => (ours ? trigger() : undefined));
      }, pollMs);
      timer.unref();
    },
    ring() {
      counts.rings++;
      ringing ??= setTimeout(() => {
        ringing = undefined;
        void trigger();
      }, RING_SETTLE_MS);
    },
    pause() {
      paused = true;
    },
    resume() {
      paused = false;
      void trigger();
    },
    async pollNow() {
      if (polling) await polling;
      const { stats, started } = await pollOnce();
      await Promise.all(started);
      return stats;
    },
    async close() {
      closed = true;
      if (timer) clearInterval(timer);
      if (ringing) clearTimeout(ringing);
      const settled = Promise.all([polling, ...inFlight.values()]).then(() => undefined);
      await Promise.race([settled, new Promise<void>((resolve) => setTimeout(resolve, CLOSE_WAIT_MS).unref())]);
    },
  };
}
