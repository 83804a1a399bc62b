/**
 * Writes checkpoints of the ledger's head to every sink, at most every
 * `everyMs` and only when the head moved; `force` writes one now (at start and
 * at a clean stop). Before anchoring a head it checks that the head event
 * verifies under the audit key, and that the chain still holds this process's
 * previous checkpoint: a head someone forged in Redis is never anchored, and a
 * rewrite is logged as an error as soon as it is seen (issue 11).
 *
 * It also closes the window between two checkpoints: when events this
 * process appended are no longer in Redis as it wrote them (the ledger sees
 * the head go backwards on its next append, or the tick finds them gone),
 * it anchors the last of them at once, so the cut fails verify.
 */
import { describeCause } from '../errors.js';
import type { Logger } from '../util/log.js';
import { eventMac } from './audit-chain.js';
import type { Checkpoint } from './audit-checkpoint.js';
import { AuditEvent } from './audit-event.js';
import { sameMac } from './audit-keys.js';
import type { AppendedHead, AuditLedger, LedgerHead } from './audit-ledger.js';

export interface CheckpointerOptions {
  readonly ledger: AuditLedger;
  /** Least time between two checkpoints, in ms. */
  readonly everyMs: number;
  readonly now: () => Date;
  readonly log: Logger;
}

export interface Checkpointer {
  /** Writes a checkpoint if the head moved and `everyMs` passed (or `force`); returns it, or null when none was written anywhere. */
  tick(options?: { readonly force?: boolean }): Promise<Checkpoint | null>;
}

export function createCheckpointer(options: CheckpointerOptions): Checkpointer {
  const { ledger, log } = options;
  let last: Checkpoint | null = null;
  let lastAt = 0;
  const failing = new Set<string>();

  /** The stored event `seq` if it is in Redis and verifies, else a reason. */
  const storedEvent = async (seq: number): Promise<AuditEvent | string> => {
    const { raws } = await ledger.readStored(seq, 1);
    const raw = raws[0];
    if (raw === undefined) return `event seq ${seq} is not in Redis`;
    const parsed = AuditEvent.safeParse(JSON.parse(raw));
    if (!parsed.success || parsed.data.seq !== seq) return `event seq ${seq} is not a valid audit event`;
    const key = ledger.keyring.byId(parsed.data.keyId);
    const { hash, ...body } = parsed.data;
    if (!key || !sameMac(eventMac(key, body.prev, body), hash)) return `event seq ${seq} does not verify under the audit key`;
    return parsed.data;
  };

  /** Writes one checkpoint to every sink; false when none took it. */
  const anchor = async (checkpoint: Checkpoint): Promise<boolean> => {
    let written = 0;
    for (const sink of ledger.anchors) {
      try {
        await sink.append(checkpoint);
        written++;
        if (failing.delete(sink.name)) log.info('audit checkpoints are written again', { sink: sink.name });
      } catch (error) {
        if (!failing.has(sink.name)) log.warn('audit checkpoint could not be written; the other anchors still get them', { sink: sink.name, error: describeCause(error) });
        failing.add(sink.name);
      }
    }
    return written > 0;
  };

  /**
   * Events this process appended are gone, or changed, in Redis: anchor the
   * last one as this process wrote it, so verify reports the cut (a cut after
   * the last periodic checkpoint would otherwise leave no trace).
   */
  const anchorCut = async (seen: AppendedHead, at: Date): Promise<void> => {
    log.error('audit events this worker appended are gone from Redis: anchoring them so `ai-handoff audit verify` reports the cut', { ledger: ledger.name, seq: seen.seq });
    await anchor({ ledger: ledger.name, count: seen.seq, head: seen.hash, keyId: seen.keyId, at: at.toISOString() });
  };
  let cutAnchored: string | null = null;
  const checkAppended = async (head: LedgerHead, at: Date): Promise<void> => {
    const seen = ledger.lastAppended();
    if (seen === null || cutAnchored === seen.hash) return;
    const stored = seen.seq <= head.seq ? await storedEvent(seen.seq) : null;
    if (stored !== null && typeof stored !== 'string' && stored.hash === seen.hash) return;
    if (stored !== null && typeof stored === 'string' && seen.seq <= head.base) return; // rotated to the archive, not cut
    cutAnchored = seen.hash;
    await anchorCut(seen, at);
  };
  ledger.onRegression(async (seen) => {
    if (cutAnchored === seen.hash) return;
    cutAnchored = seen.hash;
    await anchorCut(seen, options.now()).catch((error: unknown) => log.error('could not anchor the cut audit events', { error: describeCause(error) }));
  });

  return {
    async tick(tickOptions = {}) {
      const at = options.now();
      // Every sweep, whatever the interval: a cut of this process's own events is anchored at once.
      const head = await ledger.head();
      await checkAppended(head, at);
      if (tickOptions.force !== true && at.getTime() - lastAt < options.everyMs) return null;
      if (head.seq === 0 || (last !== null && last.count === head.seq && last.head === head.hash)) return null;
      const event = await storedEvent(head.seq);
      if (typeof event === 'string' || event.hash !== head.hash) {
        log.error('audit head does not verify: no checkpoint written; run `ai-handoff audit verify`', { ledger: ledger.name, seq: head.seq, problem: typeof event === 'string' ? event : 'the head record names another hash' });
        return null;
      }
      if (last !== null && last.count < head.seq) {
        const before = await storedEvent(last.count);
        if (typeof before !== 'string' && before.hash !== last.head) {
          log.error('the audit chain no longer holds an earlier checkpoint: it was rewritten; run `ai-handoff audit verify`', { ledger: ledger.name, seq: last.count, checkpointAt: last.at });
        }
      }
      const checkpoint: Checkpoint = { ledger: ledger.name, count: head.seq, head: head.hash, keyId: event.keyId, at: at.toISOString() };
      // Nothing anchored: the next tick tries again.
      if (!(await anchor(checkpoint))) return null;
      last = checkpoint;
      lastAt = at.getTime();
      return checkpoint;
    },
  };
}
