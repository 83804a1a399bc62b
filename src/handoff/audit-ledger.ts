/**
 * The audit ledger: an append-only, hash-chained list of events in Redis.
 *
 * Each event carries `seq` (1, 2, 3 … without gaps), `prev` (the previous
 * event's hash) and `hash` = SHA-256(prev + canonical JSON of the event
 * without its hash). A head record (last seq and hash) is updated in the same
 * atomic script as the append, so concurrent workers never fork the chain: an
 * append whose expected head is stale is refused and retried with the new head.
 * Appends from one process are group-committed: while one batch is in
 * flight the next ones queue, and go in the following script call.
 *
 * `verify` walks the chain and names the first event that was changed, removed
 * or reordered, or a tail that was cut off. What it cannot detect alone: an
 * attacker with write access to Redis who rewrites the whole chain and the head
 * consistently; export the head hash elsewhere (`audit export`) to anchor it.
 */
import type { Redis } from 'ioredis';
import { canonicalJson, sha256Hex } from '../util/canonical-json.js';
import { scrubValue } from '../util/secrets.js';
import { AuditEvent, AuditEventInput } from './audit-event.js';
import { createGroupCommit } from './group-commit.js';

export const GENESIS_HASH = '0'.repeat(64);

/**
 * Atomically appends a batch of events if the head is still what the caller
 * chained them to. ARGV: expected seq, expected hash, genesis hash, count,
 * then per event its JSON, its seq and the index in KEYS of its hand-off's
 * list (0: none); the last event's seq and hash become the head.
 */
const APPEND_SCRIPT = `
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
`;

/** Most events appended in one script call. */
const MAX_BATCH = 100;

export interface AuditLedgerOptions {
  readonly redis: Redis;
  /** Key prefix; use a hash tag (`{aih}`) on Redis Cluster. */
  readonly prefix: string;
  readonly now?: () => Date;
  /** How many times to retry an append that lost a race; default 50. */
  readonly maxAttempts?: number;
}

export type VerifyProblemKind = 'changed' | 'removed' | 'reordered' | 'truncated' | 'unparseable';

export interface VerifyResult {
  readonly ok: boolean;
  readonly events: number;
  readonly headSeq: number;
  readonly headHash: string;
  /** The first problem found, walking from the start. */
  readonly problem?: { readonly index: number; readonly seq: number | null; readonly kind: VerifyProblemKind; readonly message: string };
}

export interface AuditLedger {
  append(input: AuditEventInput): Promise<AuditEvent>;
  /** Events of one hand-off, in order. */
  forHandoff(handoffId: string): Promise<AuditEvent[]>;
  /** Streams every event in order, in chunks. */
  events(chunk?: number): AsyncIterable<AuditEvent>;
  /** Walks the chain; `onProgress` is told the events checked so far of the head's count, after each thousand. */
  verify(options?: { readonly onProgress?: (checked: number, total: number) => void }): Promise<VerifyResult>;
  head(): Promise<{ seq: number; hash: string }>;
}

export function eventHash(prev: string, body: Omit<AuditEvent, 'hash'>): string {
  return sha256Hex(prev + canonicalJson(body));
}

export function createAuditLedger(options: AuditLedgerOptions): AuditLedger {
  const { redis, prefix } = options;
  const now = options.now ?? (() => new Date());
  const maxAttempts = options.maxAttempts ?? 50;
  const eventsKey = `${prefix}:audit:events`;
  const headKey = `${prefix}:audit:head`;
  const handoffKey = (id: string): string => `${prefix}:audit:handoff:${id}`;

  const head = async (): Promise<{ seq: number; hash: string }> => {
    const [seq, hash] = await redis.hmget(headKey, 'seq', 'hash');
    return { seq: seq === null ? 0 : Number(seq), hash: hash ?? GENESIS_HASH };
  };

  /**
   * Chains a batch onto the head and appends it in one script call. The head
   * is cached between batches (this process's own appends move it); when
   * another process appended meanwhile the script refuses, and the batch is
   * chained again onto the fresh head.
   */
  let cachedHead: { seq: number; hash: string } | null = null;
  const commit = async (inputs: readonly AuditEventInput[]): Promise<AuditEvent[]> => {
    for (let attempt = 0; attempt < maxAttempts; attempt++) {
      const start = cachedHead ?? (await head());
      const at = now().toISOString();
      const events: AuditEvent[] = [];
      let prev = start;
      for (const input of inputs) {
        const body: Omit<AuditEvent, 'hash'> = { ...input, seq: prev.seq + 1, at, prev: prev.hash };
        const event: AuditEvent = { ...body, hash: eventHash(prev.hash, body) };
        events.push(event);
        prev = { seq: event.seq, hash: event.hash };
      }
      const keys = [eventsKey, headKey];
      const args: string[] = [String(start.seq), start.hash, GENESIS_HASH, String(events.length)];
      for (const event of events) {
        let index = 0;
        if (event.handoff !== null) {
          keys.push(handoffKey(event.handoff));
          index = keys.length;
        }
        args.push(JSON.stringify(event), String(event.seq), String(index));
      }
      args.push(String(prev.seq), prev.hash);
      let applied: unknown;
      try {
        applied = await redis.eval(APPEND_SCRIPT, keys.length, ...keys, ...args);
      } catch (error) {
        cachedHead = null;
        throw error;
      }
      if (applied === 1) {
        cachedHead = prev;
        return events;
      }
      cachedHead = null;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 5));
    }
    throw new Error(`audit append lost the race ${maxAttempts} times`);
  };
  const submit = createGroupCommit(commit, MAX_BATCH);

  const append = async (input: AuditEventInput): Promise<AuditEvent> => submit(AuditEventInput.parse(scrubValue(input)));

  const forHandoff = async (handoffId: string): Promise<AuditEvent[]> => {
    const seqs = await redis.lrange(handoffKey(handoffId), 0, -1);
    const out: AuditEvent[] = [];
    for (const seq of seqs) {
      const raw = await redis.lindex(eventsKey, Number(seq) - 1);
      if (raw !== null) out.push(AuditEvent.parse(JSON.parse(raw)));
    }
    return out;
  };

  async function* events(chunk = 1000): AsyncIterable<AuditEvent> {
    for (let start = 0; ; start += chunk) {
      const raws = await redis.lrange(eventsKey, start, start + chunk - 1);
      for (const raw of raws) yield AuditEvent.parse(JSON.parse(raw));
      if (raws.length < chunk) return;
    }
  }

  /** Whether an event with `seq` is stored at or after list position `from` (only on a failure path). */
  const appearsLater = async (from: number, seq: number): Promise<boolean> => {
    for (let start = from; ; start += 1000) {
      const raws = await redis.lrange(eventsKey, start, start + 999);
      for (const raw of raws) {
        try {
          if ((JSON.parse(raw) as { seq?: unknown }).seq === seq) return true;
        } catch {
          // unparseable events are reported on their own turn
        }
      }
      if (raws.length < 1000) return false;
    }
  };

  const verify = async (options: { readonly onProgress?: (checked: number, total: number) => void } = {}): Promise<VerifyResult> => {
    const h = await head();
    let prev = GENESIS_HASH;
    let expectedSeq = 1;
    let index = 0;
    const fail = (seq: number | null, kind: VerifyProblemKind, message: string): VerifyResult => ({
      ok: false,
      events: index,
      headSeq: h.seq,
      headHash: h.hash,
      problem: { index, seq, kind, message },
    });
    for (let start = 0; ; start += 1000) {
      const raws = await redis.lrange(eventsKey, start, start + 999);
      for (const raw of raws) {
        let event: AuditEvent;
        try {
          event = AuditEvent.parse(JSON.parse(raw));
        } catch {
          return fail(null, 'unparseable', `event at position ${index + 1} is not a valid audit event`);
        }
        if (event.seq < expectedSeq) return fail(event.seq, 'reordered', `event seq ${event.seq} appears after seq ${expectedSeq - 1}`);
        if (event.seq > expectedSeq) {
          if (await appearsLater(start + raws.indexOf(raw) + 1, expectedSeq)) {
            return fail(event.seq, 'reordered', `event seq ${event.seq} appears before seq ${expectedSeq}`);
          }
          return fail(event.seq, 'removed', `event seq ${expectedSeq}${event.seq - expectedSeq > 1 ? `..${event.seq - 1}` : ''} is missing before seq ${event.seq}`);
        }
        const { hash, ...body } = event;
        if (eventHash(event.prev, body) !== hash) return fail(event.seq, 'changed', `event seq ${event.seq} was changed after it was written (its hash does not match its content)`);
        if (event.prev !== prev) {
          // Event seq-1 verified on its own, so it was rewritten with a fresh hash.
          index--;
          return fail(event.seq - 1, 'changed', `event seq ${event.seq - 1} was rewritten: event seq ${event.seq} no longer chains to it`);
        }
        prev = hash;
        expectedSeq++;
        index++;
      }
      options.onProgress?.(index, h.seq);
      if (raws.length < 1000) break;
    }
    if (h.seq !== expectedSeq - 1 || h.hash !== prev) {
      return fail(h.seq, 'truncated', `the ledger ends at seq ${expectedSeq - 1} but its head records seq ${h.seq}: events were removed from the end`);
    }
    return { ok: true, events: index, headSeq: h.seq, headHash: h.hash };
  };

  return { append, forHandoff, events, verify, head };
}
