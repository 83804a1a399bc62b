/**
 * `verify`: walks the whole ledger (archived segments, then Redis) and reports
 * the first thing that does not hold:
 * - an event that does not parse, has no key id (written before keyed chains),
 *   names a key this ring lacks, or whose HMAC does not verify (changed, or
 *   written by someone without the key: a forged append);
 * - an event missing, out of order, or no longer chained to its predecessor;
 * - a head record that does not match the last event, or events stored past it;
 * - a segment file missing, cut, edited (its MACed trailer) or overlapping;
 * - a per-hand-off index list that misses an event, names another hand-off's
 *   event, or names one that does not exist;
 * - a checkpoint (outside Redis) whose event has another hash (the chain was
 *   rewritten) or whose count the chain no longer reaches (it was cut, or
 *   deleted: "0 events" fails against a checkpoint).
 * A checkpoint source that cannot be read is a problem too: a check that
 * could not run never reads as a pass.
 */
import { GENESIS_HASH, eventMac } from './audit-chain.js';
import { trailerBody, type ArchivedSegment } from './audit-archive.js';
import { collectCheckpoints, type AnchorReport, type Checkpoint } from './audit-checkpoint.js';
import { AuditEvent } from './audit-event.js';
import { sameMac } from './audit-keys.js';
import { ledgerKeys, type AuditLedger } from './audit-ledger.js';

export type VerifyProblemKind =
  | 'unparseable'
  | 'unkeyed'
  | 'unknown_key'
  | 'changed'
  | 'removed'
  | 'reordered'
  | 'truncated'
  | 'beyond_head'
  | 'segment'
  | 'index'
  | 'rewritten'
  | 'shortened'
  | 'missing'
  | 'anchor';

export interface VerifyProblem {
  /** Position in the walk (0-based). */
  readonly index: number;
  readonly seq: number | null;
  readonly kind: VerifyProblemKind;
  readonly message: string;
}

export interface VerifyResult {
  readonly ok: boolean;
  /** Events walked and verified. */
  readonly events: number;
  readonly headSeq: number;
  readonly headHash: string;
  /** Events rotated out of Redis into archived segments. */
  readonly rotated: number;
  readonly segments: number;
  readonly oldest: { readonly seq: number; readonly at: string } | null;
  readonly newest: { readonly seq: number; readonly at: string } | null;
  readonly checkpoints: {
    /** Checkpoints of this ledger found, over every source. */
    readonly found: number;
    /** The highest checkpoint the chain matched. */
    readonly latest: (Checkpoint & { readonly source: string }) | null;
    /** Events after the latest checkpoint: checked for MAC and links, not yet anchored. */
    readonly unanchored: number;
  };
  readonly anchors: readonly AnchorReport[];
  /** The first problem found, walking from the start. */
  readonly problem?: VerifyProblem;
}

const CHUNK = 1000;
/** Walks restarted when a rotation moved the base under a walk. */
const MAX_WALKS = 4;

/** Ends the walk at the first problem (thrown from deep in the walk, caught once). */
class Stop extends Error {
  constructor(readonly problem: VerifyProblem) {
    super(problem.message);
  }
}

/** Told the events checked so far of the head's count, after each thousand and at the end (a progress line: src/cli/progress.ts). */
export type VerifyProgress = (checked: number, total: number) => void;

export async function verifyLedger(ledger: AuditLedger, onProgress?: VerifyProgress): Promise<VerifyResult> {
  const { checkpoints, anchors } = await collectCheckpoints(ledger.anchors, ledger.name);
  for (let walk = 1; ; walk++) {
    const result = await walkOnce(ledger, checkpoints, anchors, onProgress);
    if (result !== 'rotated') return result;
    if (walk >= MAX_WALKS) throw new Error('the audit ledger kept rotating while it was verified; run verify again');
  }
}

type Source = Checkpoint & { readonly source: string };

async function walkOnce(ledger: AuditLedger, checkpoints: readonly Source[], anchors: readonly AnchorReport[], onProgress: VerifyProgress | undefined): Promise<VerifyResult | 'rotated'> {
  const { redis, keyring } = ledger;
  const keys = ledgerKeys(ledger.prefix);
  const start = await ledger.head();
  const byCount = new Map<number, Source[]>();
  for (const c of checkpoints) byCount.set(c.count, [...(byCount.get(c.count) ?? []), c]);

  let prev = GENESIS_HASH;
  let expected = 1;
  let position = 0;
  let oldest: VerifyResult['oldest'] = null;
  let newest: VerifyResult['newest'] = null;
  let latest: Source | null = null;
  let segmentsWalked = 0;
  let head = start;

  const result = (problem?: VerifyProblem): VerifyResult => ({
    ok: problem === undefined,
    events: position,
    headSeq: head.seq,
    headHash: head.hash,
    rotated: head.base,
    segments: segmentsWalked,
    oldest,
    newest,
    checkpoints: { found: checkpoints.length, latest, unanchored: Math.max(0, expected - 1 - (latest?.count ?? 0)) },
    anchors,
    ...(problem ? { problem } : {}),
  });
  const stop = (seq: number | null, kind: VerifyProblemKind, message: string): Stop => new Stop({ index: position, seq, kind, message });

  const unreadable = anchors.find((a) => a.error !== undefined);
  if (unreadable) return result({ index: 0, seq: null, kind: 'anchor', message: `cannot read checkpoints from ${unreadable.name}: ${unreadable.error}` });

  const index = await readIndex(redis, keys.handoffPattern, keys.handoff(''));
  if (index instanceof Stop) return result(index.problem);

  /**
   * Checks one stored event against the chain so far. `later(seq)` says
   * whether an event with that seq is stored further on (a swap, not a loss).
   */
  const check = async (raw: string, inRedis: boolean, later: (seq: number) => Promise<boolean>): Promise<void> => {
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      throw stop(null, 'unparseable', `event at position ${position + 1} is not JSON`);
    }
    const parsed = AuditEvent.safeParse(json);
    if (!parsed.success) {
      const shape = json as { seq?: unknown; hash?: unknown; keyId?: unknown } | null;
      if (shape && typeof shape === 'object' && typeof shape.seq === 'number' && typeof shape.hash === 'string' && shape.keyId === undefined) {
        throw stop(shape.seq, 'unkeyed', `event seq ${shape.seq} has no key id: it was written without the audit key (a forgery, or a ledger from before keyed chains: start a fresh prefix and keep its export)`);
      }
      throw stop(null, 'unparseable', `event at position ${position + 1} is not a valid audit event`);
    }
    const event = parsed.data;
    if (event.seq < expected) throw stop(event.seq, 'reordered', `event seq ${event.seq} appears after seq ${expected - 1}`);
    if (event.seq > expected) {
      if (await later(expected)) throw stop(event.seq, 'reordered', `event seq ${event.seq} appears before seq ${expected}`);
      throw stop(event.seq, 'removed', `event seq ${expected}${event.seq - expected > 1 ? `..${event.seq - 1}` : ''} is missing before seq ${event.seq}`);
    }
    const key = keyring.byId(event.keyId);
    if (!key) throw stop(event.seq, 'unknown_key', `event seq ${event.seq} names audit key ${event.keyId}, which this keyring does not hold (a forgery, or a retired key missing from AI_HANDOFF_AUDIT_KEY_FILE)`);
    const { hash, ...body } = event;
    if (!sameMac(eventMac(key, event.prev, body), hash)) {
      throw stop(event.seq, 'changed', `event seq ${event.seq} does not verify under key ${event.keyId}: it was changed after it was written, or written by someone without the audit key`);
    }
    if (event.prev !== prev) {
      // This event verifies on its own, so its predecessor was replaced by another that verifies too.
      position--;
      throw stop(event.seq - 1, 'changed', `event seq ${event.seq - 1} was rewritten: event seq ${event.seq} no longer chains to it`);
    }
    for (const c of byCount.get(event.seq) ?? []) {
      if (c.head !== hash) {
        throw stop(event.seq, 'rewritten', `event seq ${event.seq} is not the one checkpointed at ${c.at} in ${c.source}: the chain was rewritten up to there`);
      }
      latest = c;
    }
    const listed = index.get(event.seq);
    if (listed !== undefined && listed !== event.handoff) {
      throw stop(event.seq, 'index', `the index of hand-off ${listed} lists event seq ${event.seq}, which belongs to ${event.handoff ?? 'no hand-off'}`);
    }
    if (listed === undefined && event.handoff !== null && inRedis) {
      throw stop(event.seq, 'index', `event seq ${event.seq} of hand-off ${event.handoff} is missing from that hand-off's index`);
    }
    index.delete(event.seq);
    oldest ??= { seq: event.seq, at: event.at };
    newest = { seq: event.seq, at: event.at };
    prev = hash;
    expected++;
    position++;
    if (position % 1000 === 0) onProgress?.(position, head.seq);
  };

  try {
    // The archive: 1..base, segment by segment.
    const segments = start.base > 0 || ledger.archive ? ((await ledger.archive?.segments()) ?? []) : [];
    for (const segment of segments) {
      if (segment.first > start.base) continue; // written by a rotation that had not trimmed Redis yet: those events are still in Redis
      await checkSegment(ledger, segment, expected, prev, stop, async (lines) => {
        for (let i = 0; i < lines.length; i++) await check(lines[i]!, false, (seq) => Promise.resolve(lines.slice(i + 1).some((l) => seqOf(l) === seq)));
        return prev;
      });
      segmentsWalked++;
    }
    if (expected !== start.base + 1) {
      const where = ledger.archive ? `the archive ${ledger.archive.dir}` : 'no archive (none was given)';
      throw stop(expected, 'segment', `events ${expected}..${start.base} were rotated out of Redis, but ${where} holds no segment for them`);
    }

    // Redis: up to the head, following it while appends continue.
    let target = start.seq;
    for (;;) {
      while (expected <= target) {
        const { base, raws } = await ledger.readStored(expected, CHUNK);
        if (base !== start.base) return 'rotated';
        if (raws.length === 0) break;
        for (let i = 0; i < raws.length && expected <= target; i++) {
          // The list position right after this event's (event `expected` sits at expected - 1 - base).
          const after = expected - base;
          await check(raws[i]!, true, (seq) => storedLater(redis, keys.events, after, seq));
        }
        if (raws.length < CHUNK) break;
      }
      const [[, fields], [, length]] = (await redis.multi().hmget(keys.head, 'seq', 'hash', 'base').llen(keys.events).exec()) as [[null, (string | null)[]], [null, number]];
      head = { seq: fields[0] === null ? 0 : Number(fields[0]), hash: fields[1] ?? GENESIS_HASH, base: fields[2] === null ? 0 : Number(fields[2]) };
      if (head.base !== start.base) return 'rotated';
      if (head.seq > target && expected > target) {
        target = head.seq;
        continue;
      }
      if (head.seq !== expected - 1 || head.hash !== prev) {
        throw stop(head.seq, 'truncated', `the ledger ends at seq ${expected - 1} but its head records seq ${head.seq}: events were removed from the end`);
      }
      if (length > head.seq - head.base) {
        throw stop(head.seq + 1, 'beyond_head', `${length - (head.seq - head.base)} event(s) are stored after the head (seq ${head.seq}): appended outside the ledger`);
      }
      break;
    }

    // A chain shorter than a checkpoint first: it says more than the index lists it leaves behind.
    const beyond = checkpoints.filter((c) => c.count > expected - 1).sort((a, b) => b.count - a.count)[0];
    if (beyond) {
      const have = expected - 1;
      throw stop(have, have === 0 ? 'missing' : 'shortened', `the checkpoint written at ${beyond.at} in ${beyond.source} records ${beyond.count} events, but the ledger ${have === 0 ? 'holds none' : `ends at seq ${have}`}: ${have === 0 ? 'it was deleted' : 'events were cut from the end'}`);
    }
    for (const [seq, handoff] of index) {
      throw stop(seq, 'index', `the index of hand-off ${handoff} lists event seq ${seq}, which the ledger does not hold`);
    }
  } catch (error) {
    if (error instanceof Stop) return result(error.problem);
    throw error;
  }
  if (position % 1000 !== 0) onProgress?.(position, head.seq);
  return result();
}

function seqOf(raw: string): number | undefined {
  try {
    const seq = (JSON.parse(raw) as { seq?: unknown }).seq;
    return typeof seq === 'number' ? seq : undefined;
  } catch {
    return undefined;
  }
}

/** Whether an event with `seq` is stored at or after list position `from` (only on a failure path). */
async function storedLater(redis: AuditLedger['redis'], key: string, from: number, seq: number): Promise<boolean> {
  for (let start = from; ; start += CHUNK) {
    const raws = await redis.lrange(key, start, start + CHUNK - 1);
    if (raws.some((raw) => seqOf(raw) === seq)) return true;
    if (raws.length < CHUNK) return false;
  }
}

/** One segment: its name, its MACed trailer, its link to what came before, then its events. */
async function checkSegment(
  ledger: AuditLedger,
  segment: ArchivedSegment,
  expected: number,
  prev: string,
  stop: (seq: number | null, kind: VerifyProblemKind, message: string) => Stop,
  walk: (lines: readonly string[]) => Promise<string>,
): Promise<void> {
  if (segment.last < expected) throw stop(segment.first, 'segment', `segment ${segment.file} repeats events ${segment.first}..${segment.last}`);
  if (segment.first > expected) throw stop(expected, 'segment', `events ${expected}..${segment.first - 1} are missing from the archive (the next segment is ${segment.file})`);
  const { lines, trailer } = await ledger.archive!.read(segment);
  if (!trailer) throw stop(segment.first, 'segment', `segment ${segment.file} has no valid trailer: it was cut short or edited`);
  const { mac, ...body } = trailer;
  const key = ledger.keyring.byId(trailer.keyId);
  if (!key || !sameMac(key.mac(trailerBody(body)), mac)) throw stop(segment.first, 'segment', `segment ${segment.file}'s trailer does not verify: it was edited, or written without the audit key`);
  if (trailer.ledger !== ledger.name || trailer.first !== segment.first || trailer.last !== segment.last || trailer.count !== segment.last - segment.first + 1) {
    throw stop(segment.first, 'segment', `segment ${segment.file}'s trailer (ledger ${trailer.ledger}, ${trailer.first}..${trailer.last}) does not match its name: it was renamed or moved`);
  }
  if (trailer.prev !== prev) throw stop(segment.first, 'segment', `segment ${segment.file} does not follow the chain before it`);
  if (lines.length !== trailer.count) throw stop(segment.first, 'segment', `segment ${segment.file} holds ${lines.length} events, its trailer ${trailer.count}: lines were added or removed`);
  const last = await walk(lines);
  if (last !== trailer.head) throw stop(segment.last, 'segment', `segment ${segment.file} does not end at the hash its trailer records`);
}

/** The index lists as seq → hand-off; a malformed list stops the check. */
async function readIndex(redis: AuditLedger['redis'], pattern: string, keyPrefix: string): Promise<Map<number, string> | Stop> {
  const out = new Map<number, string>();
  let cursor = '0';
  do {
    const [next, found] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
    cursor = next;
    // One round trip for the lists of a SCAN batch (there is one list per hand-off).
    const pipeline = redis.pipeline();
    for (const key of found) pipeline.lrange(key, 0, -1);
    const lists = (await pipeline.exec()) ?? [];
    for (const [i, key] of found.entries()) {
      const handoff = key.slice(keyPrefix.length);
      const [error, value] = lists[i] ?? [new Error('no reply'), null];
      if (error) throw error;
      const seqs = value as string[];
      let last = 0;
      for (const text of seqs) {
        const seq = Number(text);
        if (!Number.isInteger(seq) || seq <= last) {
          return new Stop({ index: 0, seq: Number.isInteger(seq) ? seq : null, kind: 'index', message: `the index of hand-off ${handoff} is not a rising list of event numbers (${seqs.slice(0, 10).join(', ')}): it was edited` });
        }
        const other = out.get(seq);
        if (other !== undefined) return new Stop({ index: 0, seq, kind: 'index', message: `event seq ${seq} is listed for both hand-off ${other} and ${handoff}` });
        out.set(seq, handoff);
        last = seq;
      }
    }
  } while (cursor !== '0');
  return out;
}
