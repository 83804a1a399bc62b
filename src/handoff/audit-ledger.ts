/**
 * The audit ledger: an append-only, keyed hash chain of events in Redis,
 * anchored outside it.
 *
 * Each event carries `seq` (1, 2, 3 … without gaps), `keyId`, `prev` (the
 * previous event's hash) and `hash` = HMAC-SHA-256(key, prev + canonical JSON
 * of the event without its hash), with an audit key that never enters Redis
 * (src/handoff/audit-keys.ts). A head record (last seq and hash, and `base`:
 * how many of the oldest events were rotated to the archive) is updated in the
 * same atomic script as the append, so concurrent workers never fork the
 * chain: an append whose expected head is stale is refused and retried with
 * the new head. Appends from one process are group-committed: while one batch
 * is in flight the next ones queue, and go in the following script call.
 *
 * Outside Redis: checkpoints of the head (src/handoff/audit-checkpoint.ts) and
 * the archive of rotated segments (src/handoff/audit-archive.ts). `verify`
 * (src/handoff/audit-verify.ts) walks the archive and Redis, checks every MAC
 * and link, the per-hand-off index lists, and the chain against every
 * checkpoint. docs/audit.md says what each attacker can and cannot hide.
 */
import type { Redis } from 'ioredis';
import { HandoffError } from '../errors.js';
import { luaScript } from '../queue/lua-script.js';
import { scrubValue } from '../util/secrets.js';
import type { AuditArchive, ArchivedSegment } from './audit-archive.js';
import { eventMac, GENESIS_HASH } from './audit-chain.js';
import type { CheckpointSink } from './audit-checkpoint.js';
import { AuditEvent, AuditEventInput } from './audit-event.js';
import type { AuditKeyring } from './audit-keys.js';
import { verifyLedger, type VerifyProgress, type VerifyResult } from './audit-verify.js';
import { createGroupCommit } from './group-commit.js';

export { eventMac, GENESIS_HASH };

/**
 * Atomically appends a batch of events if the head is still what the caller
 * chained them to. ARGV: expected seq, expected hash, genesis hash, count,
 * then per event its JSON, its seq and the index in KEYS of its hand-off's
 * list (0: none); the last event's seq and hash become the head.
 */
const APPEND = luaScript(`
local seq = redis.call('HGET', KEYS[2], 'seq') or '0'
local hash = redis.call('HGET', KEYS[2], 'hash') or ARGV[3]
if seq ~= ARGV[1] or hash ~= ARGV[2] then return 0 end
local n = tonumber(ARGV[4])
for i = 0, n - 1 do
  local at = 5 + i * 3
  redis.call('RPUSH', KEYS[1], ARGV[at])
  local k = tonumber(ARGV[at + 2])
  if k > 0 then redis.call('RPUSH', KEYS[k], ARGV[at + 1]) end
end
redis.call('HSET', KEYS[2], 'seq', ARGV[5 + n * 3], 'hash', ARGV[6 + n * 3])
return 1
`);

/**
 * Reads up to ARGV[2] stored events from seq ARGV[1] on, with the base they
 * were read against, in one step (a rotation between reading the base and the
 * list would shift the positions).
 */
const READ = luaScript(`
local base = tonumber(redis.call('HGET', KEYS[2], 'base') or '0')
local from = tonumber(ARGV[1]) - 1 - base
if from < 0 then return {base, {}} end
return {base, redis.call('LRANGE', KEYS[1], from, from + tonumber(ARGV[2]) - 1)}
`);

/** Most events appended in one script call. */
const MAX_BATCH = 100;

export interface LedgerKeys {
  readonly events: string;
  readonly head: string;
  handoff(id: string): string;
  /** SCAN pattern of the hand-off index lists. */
  readonly handoffPattern: string;
}

export function ledgerKeys(prefix: string): LedgerKeys {
  return {
    events: `${prefix}:audit:events`,
    head: `${prefix}:audit:head`,
    handoff: (id) => `${prefix}:audit:handoff:${id}`,
    handoffPattern: `${prefix.replace(/[*?[\]\\]/g, '\\$&')}:audit:handoff:*`,
  };
}

export interface AuditLedgerOptions {
  readonly redis: Redis;
  /** Key prefix; use a hash tag (`{aih}`) on Redis Cluster. */
  readonly prefix: string;
  /** The audit keys; the current one signs. */
  readonly keys: AuditKeyring;
  /** The ledger's name in checkpoints and the archive; default the prefix. */
  readonly name?: string;
  /** Where rotated segments are (required to read a ledger that has rotated). */
  readonly archive?: AuditArchive;
  /** Where checkpoints are written and read. */
  readonly anchors?: readonly CheckpointSink[];
  readonly now?: () => Date;
  /** How many times to retry an append that lost a race; default 50. */
  readonly maxAttempts?: number;
}

export interface LedgerHead {
  readonly seq: number;
  readonly hash: string;
  /** Events rotated out of Redis to the archive: seqs 1..base. */
  readonly base: number;
}

export interface AuditLedger {
  readonly name: string;
  readonly prefix: string;
  readonly redis: Redis;
  readonly keyring: AuditKeyring;
  readonly archive: AuditArchive | undefined;
  readonly anchors: readonly CheckpointSink[];
  append(input: AuditEventInput): Promise<AuditEvent>;
  /** Events of one hand-off, in order (from the archive where rotated). */
  forHandoff(handoffId: string): Promise<AuditEvent[]>;
  /** Streams every event in order: the archive's, then Redis's. */
  events(chunk?: number): AsyncIterable<AuditEvent>;
  /** The chain, the indexes and the checkpoints (src/handoff/audit-verify.ts). */
  /** `onProgress` is told the events checked so far of the head's count, after each thousand. */
  verify(options?: { readonly onProgress?: VerifyProgress }): Promise<VerifyResult>;
  head(): Promise<LedgerHead>;
  /** Up to `count` stored events from `fromSeq` on, as stored, and the base they were read against. */
  readStored(fromSeq: number, count: number): Promise<{ base: number; raws: string[] }>;
  /** The last event this process appended (it computed its MAC itself), or null. */
  lastAppended(): AppendedHead | null;
  /**
   * Called when this process finds the head behind an event it appended:
   * events were cut from Redis. The checkpointer anchors what was cut.
   */
  onRegression(listener: (seen: AppendedHead, head: LedgerHead) => Promise<void>): void;
}

export interface AppendedHead {
  readonly seq: number;
  readonly hash: string;
  readonly keyId: string;
}

export function createAuditLedger(options: AuditLedgerOptions): AuditLedger {
  const { redis, prefix, keys: keyring } = options;
  const now = options.now ?? (() => new Date());
  const maxAttempts = options.maxAttempts ?? 50;
  const keys = ledgerKeys(prefix);
  const name = options.name ?? prefix;

  const head = async (): Promise<LedgerHead> => {
    const [seq, hash, base] = await redis.hmget(keys.head, 'seq', 'hash', 'base');
    return { seq: seq === null ? 0 : Number(seq), hash: hash ?? GENESIS_HASH, base: base === null ? 0 : Number(base) };
  };

  /**
   * Chains a batch onto the head and appends it in one script call. The head
   * is cached between batches (this process's own appends move it); when
   * another process appended meanwhile the script refuses, and the batch is
   * chained again onto the fresh head.
   */
  let cachedHead: { seq: number; hash: string } | null = null;
  let appended: AppendedHead | null = null;
  const listeners: Array<(seen: AppendedHead, head: LedgerHead) => Promise<void>> = [];
  const freshHead = async (): Promise<LedgerHead> => {
    const h = await head();
    const seen = appended;
    if (seen !== null && h.seq < seen.seq) await Promise.all(listeners.map((listener) => listener(seen, h)));
    return h;
  };
  const commit = async (inputs: readonly AuditEventInput[]): Promise<AuditEvent[]> => {
    const key = keyring.current;
    for (let attempt = 0; attempt < maxAttempts; attempt++) {
      const start = cachedHead ?? (await freshHead());
      const at = now().toISOString();
      const events: AuditEvent[] = [];
      let prev = { seq: start.seq, hash: start.hash };
      for (const input of inputs) {
        const body: Omit<AuditEvent, 'hash'> = { ...input, seq: prev.seq + 1, at, keyId: key.id, prev: prev.hash };
        const event: AuditEvent = { ...body, hash: eventMac(key, prev.hash, body) };
        events.push(event);
        prev = { seq: event.seq, hash: event.hash };
      }
      const redisKeys = [keys.events, keys.head];
      const args: string[] = [String(start.seq), start.hash, GENESIS_HASH, String(events.length)];
      for (const event of events) {
        let index = 0;
        if (event.handoff !== null) {
          redisKeys.push(keys.handoff(event.handoff));
          index = redisKeys.length;
        }
        args.push(JSON.stringify(event), String(event.seq), String(index));
      }
      args.push(String(prev.seq), prev.hash);
      let applied: unknown;
      try {
        applied = await APPEND.run(redis, redisKeys, args);
      } catch (error) {
        cachedHead = null;
        throw error;
      }
      if (applied === 1) {
        cachedHead = prev;
        appended = { ...prev, keyId: key.id };
        return events;
      }
      cachedHead = null;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 5));
    }
    throw new Error(`audit append lost the race ${maxAttempts} times`);
  };
  const submit = createGroupCommit(commit, MAX_BATCH);

  const append = async (input: AuditEventInput): Promise<AuditEvent> => submit(AuditEventInput.parse(scrubValue(input)));

  const readStored = async (fromSeq: number, count: number): Promise<{ base: number; raws: string[] }> => {
    const [base, raws] = (await READ.run(redis, [keys.events, keys.head], [String(fromSeq), String(count)])) as [number, string[]];
    return { base: Number(base), raws };
  };

  /** The archived segment holding `seq`, read (cached per call site). */
  const archivedReader = () => {
    let segments: ArchivedSegment[] | undefined;
    const cache = new Map<string, readonly string[]>();
    return async (seq: number): Promise<{ lines: readonly string[]; first: number; last: number } | undefined> => {
      if (!options.archive) return undefined;
      segments ??= await options.archive.segments();
      let segment = segments.find((s) => s.first <= seq && seq <= s.last);
      if (!segment) {
        // Rotated since the list was read.
        segments = await options.archive.segments();
        segment = segments.find((s) => s.first <= seq && seq <= s.last);
      }
      if (!segment) return undefined;
      let lines = cache.get(segment.file);
      if (!lines) {
        lines = (await options.archive.read(segment)).lines;
        cache.clear();
        cache.set(segment.file, lines);
      }
      return { lines, first: segment.first, last: segment.last };
    };
  };

  const forHandoff = async (handoffId: string): Promise<AuditEvent[]> => {
    const seqs = await redis.lrange(keys.handoff(handoffId), 0, -1);
    const archived = archivedReader();
    const out: AuditEvent[] = [];
    for (const text of seqs) {
      const seq = Number(text);
      const { raws } = await readStored(seq, 1);
      let raw = raws[0];
      if (raw === undefined) {
        const segment = await archived(seq);
        raw = segment?.lines[seq - segment.first];
      }
      if (raw === undefined) continue;
      const parsed = AuditEvent.safeParse(JSON.parse(raw));
      // An index entry that points elsewhere (edited) never lends another hand-off's event; verify reports it.
      if (parsed.success && parsed.data.seq === seq && parsed.data.handoff === handoffId) out.push(parsed.data);
    }
    return out;
  };

  async function* events(chunk = 1000): AsyncIterable<AuditEvent> {
    const archived = archivedReader();
    let next = 1;
    for (;;) {
      const { base, raws } = await readStored(next, chunk);
      if (next <= base) {
        const segment = await archived(next);
        if (!segment) {
          throw new HandoffError('AUDIT_CHAIN_BROKEN', `audit events ${next}..${base} were rotated out of Redis, but no archived segment holds event ${next}`, {
            remedy: 'point the command at the audit folder that holds the segments (--audit-dir or AI_HANDOFF_AUDIT_DIR)',
          });
        }
        for (let seq = next; seq <= segment.last; seq++) yield AuditEvent.parse(JSON.parse(segment.lines[seq - segment.first] ?? 'null'));
        next = segment.last + 1;
        continue;
      }
      for (const raw of raws) yield AuditEvent.parse(JSON.parse(raw));
      next += raws.length;
      if (raws.length < chunk) return;
    }
  }

  const ledger: AuditLedger = {
    name,
    prefix,
    redis,
    keyring,
    archive: options.archive,
    anchors: options.anchors ?? [],
    append,
    forHandoff,
    events,
    head,
    readStored,
    lastAppended: () => appended,
    onRegression: (listener) => void listeners.push(listener),
    verify: (options) => verifyLedger(ledger, options?.onProgress),
  };
  return ledger;
}
