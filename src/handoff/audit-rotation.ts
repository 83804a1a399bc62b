/**
 * Rotation: events older than the hot window leave Redis for the archive
 * (src/handoff/audit-archive.ts), a segment at a time, so Redis holds weeks
 * while the archive holds as long as the operator keeps its files (at least
 * six months: docs/audit.md).
 *
 * A segment is verified (every MAC and link, and its link to the segment
 * before) before it is written, written and synced before Redis is trimmed,
 * and the trim is one script that first checks nothing moved meanwhile. A
 * crash between the write and the trim leaves a segment whose events are still
 * in Redis: verify skips it, and the next rotation writes it again. The head
 * event always stays in Redis (the checkpointer reads it there). Index lists
 * of hand-offs whose every event was archived are dropped with the trim;
 * forHandoff reads archived events from the segments.
 */
import type { Logger } from '../util/log.js';
import { GENESIS_HASH, eventMac } from './audit-chain.js';
import { AuditEvent } from './audit-event.js';
import { sameMac } from './audit-keys.js';
import { ledgerKeys, type AuditLedger } from './audit-ledger.js';

/**
 * KEYS: events, head, then index lists to drop when wholly archived. ARGV:
 * expected base, events to trim, the first stored event as read, new base.
 */
const TRIM_SCRIPT = `
local base = redis.call('HGET', KEYS[2], 'base') or '0'
if base ~= ARGV[1] then return 0 end
if redis.call('LINDEX', KEYS[1], 0) ~= ARGV[3] then return 0 end
redis.call('LTRIM', KEYS[1], tonumber(ARGV[2]), -1)
redis.call('HSET', KEYS[2], 'base', ARGV[4])
for i = 3, #KEYS do
  local last = redis.call('LINDEX', KEYS[i], -1)
  if last and tonumber(last) <= tonumber(ARGV[4]) then redis.call('DEL', KEYS[i]) end
end
return 1
`;

export interface RotationOptions {
  readonly ledger: AuditLedger;
  /** Events younger than this stay in Redis, in ms. */
  readonly hotMs: number;
  /** Most events per segment. */
  readonly segmentMaxEvents: number;
  readonly now: () => Date;
  readonly log: Logger;
}

export interface Rotation {
  /** Rotates what is due, up to `maxSegments` segments; returns the events moved. */
  run(maxSegments?: number): Promise<number>;
}

export function createRotation(options: RotationOptions): Rotation {
  const { ledger, log } = options;
  const keys = ledgerKeys(ledger.prefix);

  const isDue = (raw: string, cutoff: number): AuditEvent | undefined => {
    const parsed = AuditEvent.safeParse(JSON.parse(raw));
    return parsed.success && Date.parse(parsed.data.at) < cutoff ? parsed.data : undefined;
  };

  /** The hash the archive ends at (the genesis hash when empty). */
  const archivedHead = async (base: number): Promise<string | undefined> => {
    if (base === 0) return GENESIS_HASH;
    const segments = await ledger.archive!.segments();
    const last = segments.filter((s) => s.last === base).pop();
    return last ? ((await ledger.archive!.read(last)).trailer?.head ?? undefined) : undefined;
  };

  const once = async (): Promise<number> => {
    const cutoff = options.now().getTime() - options.hotMs;
    const head = await ledger.head();
    const { base: firstBase, raws: first } = await ledger.readStored(head.base + 1, 1);
    if (first[0] === undefined || firstBase !== head.base || !isDue(first[0], cutoff)) return 0;

    const { base, raws } = await ledger.readStored(head.base + 1, options.segmentMaxEvents);
    if (base !== head.base) return 0;
    const events: AuditEvent[] = [];
    for (const raw of raws) {
      const event = isDue(raw, cutoff);
      // The head event stays in Redis.
      if (!event || event.seq >= head.seq) break;
      events.push(event);
    }
    if (events.length === 0) return 0;

    let prev = await archivedHead(base);
    for (const [i, event] of events.entries()) {
      const key = ledger.keyring.byId(event.keyId);
      const { hash, ...body } = event;
      if (event.seq !== base + 1 + i || event.prev !== prev || !key || !sameMac(eventMac(key, event.prev, body), hash)) {
        log.error('audit rotation stopped: the oldest events in Redis do not verify, so they stay there; run `ai-handoff audit verify`', { ledger: ledger.name, seq: base + 1 + i });
        return 0;
      }
      prev = hash;
    }
    const last = events[events.length - 1]!;
    const file = await ledger.archive!.write(raws.slice(0, events.length), { first: base + 1, last: last.seq, prev: events[0]!.prev, head: last.hash });
    const handoffs = [...new Set(events.flatMap((e) => (e.handoff === null ? [] : [keys.handoff(e.handoff)])))];
    const applied = await ledger.redis.eval(TRIM_SCRIPT, 2 + handoffs.length, keys.events, keys.head, ...handoffs, String(base), String(events.length), raws[0]!, String(last.seq));
    if (applied !== 1) return 0;
    log.info('audit events rotated to the archive', { ledger: ledger.name, first: base + 1, last: last.seq, file });
    return events.length;
  };

  return {
    async run(maxSegments = 10) {
      if (!ledger.archive) return 0;
      let moved = 0;
      for (let i = 0; i < maxSegments; i++) {
        const n = await once();
        if (n === 0) break;
        moved += n;
      }
      return moved;
    },
  };
}
