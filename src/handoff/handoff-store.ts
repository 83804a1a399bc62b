/**
 * Hand-offs in Redis. Each is a hash {json, rev}; every change is a
 * compare-and-set on `rev` in one Lua script that also keeps the indexes
 * (by ticket, by status, the one active hand-off per ticket and operation),
 * so concurrent workers never lose an update or leave an index stale.
 *
 * Rules kept here: at most one unfinished hand-off per ticket and operation
 * (a second request for the same operation while one is queued, running or
 * awaiting review is a duplicate), and one hand-off per request row (`SET
 * NX` on the row's key in the same script: a row taken twice, by a
 * redelivery or by two workers, gives one hand-off).
 */
import type { Redis } from 'ioredis';
import { FINAL_STATUSES, Handoff, type HandoffStatus } from '../domain/handoff.js';
import { HandoffError } from '../errors.js';
import { luaScript } from '../queue/lua-script.js';

// KEYS: active (ticket, operation), the hand-off, the ticket's list, the status set, the request row's key.
const CREATE = luaScript(`
if KEYS[5] ~= '' then
  local byRow = redis.call('GET', KEYS[5])
  if byRow then return 'row:' .. byRow end
end
local existing = redis.call('GET', KEYS[1])
if existing then return 'active:' .. existing end
redis.call('SET', KEYS[1], ARGV[1])
redis.call('HSET', KEYS[2], 'json', ARGV[2], 'rev', '1')
redis.call('ZADD', KEYS[3], ARGV[3], ARGV[1])
redis.call('SADD', KEYS[4], ARGV[1])
if KEYS[5] ~= '' then redis.call('SET', KEYS[5], ARGV[1], 'EX', ARGV[4]) end
return ''
`);

const UPDATE = luaScript(`
local rev = redis.call('HGET', KEYS[1], 'rev')
if rev ~= ARGV[1] then return 0 end
redis.call('HSET', KEYS[1], 'json', ARGV[2], 'rev', tostring(tonumber(rev) + 1))
if KEYS[2] ~= KEYS[3] then
  redis.call('SREM', KEYS[2], ARGV[3])
  redis.call('SADD', KEYS[3], ARGV[3])
end
if ARGV[4] == '1' and redis.call('GET', KEYS[4]) == ARGV[3] then redis.call('DEL', KEYS[4]) end
return 1
`);

/**
 * Takes a short lease (KEYS[1], `SET NX PX`) and, only when it was free, reads
 * under it in the same step: the values of KEYS[3..] (strings), then the
 * newest ARGV[3] hand-offs of the ticket's list (KEYS[2]) as id, json, rev.
 * ARGV: the lease's owner and ms, the limit, the hand-off key prefix. The
 * hand-off keys are built in the script from the ids it reads (one Redis, no
 * Cluster: docs/deploy.md). 0 when the lease is held elsewhere.
 */
const LEASED_READ = luaScript(`
if not redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2], 'NX') then return 0 end
local out = {}
for i = 3, #KEYS do out[#out + 1] = redis.call('GET', KEYS[i]) end
local ids = redis.call('ZREVRANGE', KEYS[2], 0, tonumber(ARGV[3]) - 1)
for _, id in ipairs(ids) do
  local v = redis.call('HMGET', ARGV[4] .. id, 'json', 'rev')
  out[#out + 1] = id
  out[#out + 1] = v[1]
  out[#out + 1] = v[2]
end
return out
`);

/** A lease to take (`SET key owner NX PX ms`) before reading. */
export interface LeaseToTake {
  readonly key: string;
  readonly owner: string;
  readonly ms: number;
}

export interface HandoffStoreOptions {
  readonly redis: Redis;
  readonly prefix: string;
  readonly now?: () => Date;
}

/** Hand-offs whose parsed value is kept (parseOnce); the oldest go first. */
const PARSED_MAX = 10_000;

/** Sets `key` as the newest entry of `map`, dropping the oldest beyond PARSED_MAX. */
function putNewest<V>(map: Map<string, V>, key: string, value: V): void {
  map.delete(key);
  map.set(key, value);
  if (map.size > PARSED_MAX) map.delete(map.keys().next().value!);
}

/** Frozen, so a value handed out twice can never be changed by one reader under another. */
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

/** How long a request row's key names its hand-off, in seconds: a row ends within minutes; a week covers any redelivery. */
const REQUEST_ROW_TTL_S = 7 * 24 * 60 * 60;

export type CreateResult =
  | { readonly created: true; readonly handoff: Handoff }
  /** `row`: this request row already has its hand-off; `active`: another request's hand-off for the ticket and operation is unfinished. */
  | { readonly created: false; readonly existingId: string; readonly because: 'row' | 'active' };

export interface HandoffStore {
  /** Creates the hand-off unless its request row has one, or one for the same ticket and operation is unfinished. */
  create(handoff: Handoff): Promise<CreateResult>;
  get(id: string): Promise<Handoff | null>;
  /** The hand-off taken from a request row, if any. */
  forRequestRow(rowSysId: string): Promise<Handoff | null>;
  /**
   * Loads, applies `change`, and saves atomically; retries when another
   * writer got there first. `at` stamps updatedAt (default now): a step that
   * already showed the change in a panel passes the time it showed.
   */
  update(id: string, change: (current: Handoff) => Handoff, at?: string): Promise<Handoff>;
  /** Newest first. */
  forTicket(table: string, sysId: string, limit: number): Promise<Handoff[]>;
  /**
   * `forTicket` under a lease taken in the same step, with the string values
   * of `also` (other keys read under it): one round trip where taking the
   * lease and reading made three (issue 13: a panel refresh). Null, with
   * nothing read, when someone else holds the lease.
   */
  forTicketLeased(table: string, sysId: string, limit: number, lease: LeaseToTake, also: readonly string[]): Promise<{ readonly handoffs: Handoff[]; readonly also: (string | null)[] } | null>;
  /** Ids of hand-offs in a status (for the sweepers). */
  idsWithStatus(status: HandoffStatus): Promise<string[]>;
  /**
   * Persists the rendered note before writing, once: a retry that rendered
   * again gets the first text back, so the ticket receives the same bytes.
   */
  saveNote(id: string, text: string): Promise<string>;
  loadNote(id: string): Promise<string | null>;
}

export function createHandoffStore(options: HandoffStoreOptions): HandoffStore {
  const { redis, prefix } = options;
  const now = options.now ?? (() => new Date());
  const key = (id: string): string => `${prefix}:handoff:${id}`;
  const noteKey = (id: string): string => `${prefix}:handoff:${id}:note`;
  const ticketKey = (table: string, sysId: string): string => `${prefix}:handoffs:ticket:${table}:${sysId}`;
  const statusKey = (status: HandoffStatus): string => `${prefix}:handoffs:status:${status}`;
  const activeKey = (h: Pick<Handoff, 'ticket' | 'operation'>): string => `${prefix}:handoffs:active:${h.ticket.table}:${h.ticket.sysId}:${h.operation}`;
  const rowKey = (rowSysId: string): string => `${prefix}:handoffs:request-row:${rowSysId}`;

  /**
   * The last text validated per hand-off and what it parsed to: a hand-off is
   * read many times per step (the panel lists a ticket's five newest), and
   * the same bytes always parse to the same value, so they are parsed and
   * checked once; any other text (a change, an edit in Redis) is checked in
   * full (issue 13's profile: schema parsing on the hot path).
   */
  const parsed = new Map<string, { readonly json: string; readonly handoff: Handoff }>();
  const parseOnce = (id: string, json: string): Handoff => {
    const hit = parsed.get(id);
    if (hit !== undefined && hit.json === json) return hit.handoff;
    const handoff = deepFreeze(Handoff.parse(JSON.parse(json)));
    putNewest(parsed, id, { json, handoff });
    return handoff;
  };
  /**
   * The revision this process last read or wrote per hand-off, with its value:
   * an update tries it first, without reading (the script refuses it if
   * anyone changed the hand-off since, and the update then reads), which
   * saves a round trip per step (issue 13).
   */
  const known = new Map<string, { readonly handoff: Handoff; readonly rev: string }>();
  const remember = (id: string, value: { readonly handoff: Handoff; readonly rev: string }): void => putNewest(known, id, value);
  /** A hand-off as Redis holds it (json, rev), parsed once and remembered at that revision; null when either is missing. */
  const adopt = (id: string, json: string | null | undefined, rev: string | null | undefined): { handoff: Handoff; rev: string } | null => {
    if (!json || !rev) return null;
    const found = { handoff: parseOnce(id, json), rev };
    remember(id, found);
    return found;
  };
  const read = async (id: string): Promise<{ handoff: Handoff; rev: string } | null> => {
    const [json, rev] = await redis.hmget(key(id), 'json', 'rev');
    return adopt(id, json, rev);
  };

  return {
    async create(handoff) {
      const valid = Handoff.parse(handoff);
      const json = JSON.stringify(valid);
      const existing = (await CREATE.run(
        redis,
        [activeKey(valid), key(valid.id), ticketKey(valid.ticket.table, valid.ticket.sysId), statusKey(valid.status), valid.requestRow === null ? '' : rowKey(valid.requestRow)],
        [valid.id, json, String(Date.parse(valid.createdAt)), String(REQUEST_ROW_TTL_S)],
      )) as string;
      if (existing === '') {
        // What this process wrote is what it reads back: known valid, not parsed again (frozen, as every hand-off handed out).
        putNewest(parsed, valid.id, { json, handoff: deepFreeze(valid) });
        return { created: true, handoff: valid };
      }
      const [because, id] = existing.split(':') as ['row' | 'active', string];
      return { created: false, existingId: id, because };
    },

    async get(id) {
      return (await read(id))?.handoff ?? null;
    },

    async forRequestRow(rowSysId) {
      const id = await redis.get(rowKey(rowSysId));
      return id === null ? null : ((await read(id))?.handoff ?? null);
    },

    async update(id, change, at) {
      for (let attempt = 0; attempt < 50; attempt++) {
        const current = (attempt === 0 ? known.get(id) : undefined) ?? (await read(id));
        if (!current) throw new HandoffError('HANDOFF_NOT_FOUND', `no hand-off ${id}`, { details: { handoff: id } });
        const next = Handoff.parse({ ...change(current.handoff), updatedAt: at ?? now().toISOString() });
        if (next.id !== id) throw new Error('a hand-off update must not change its id');
        const final = FINAL_STATUSES.includes(next.status) ? '1' : '0';
        const json = JSON.stringify(next);
        const applied = await UPDATE.run(redis, [key(id), statusKey(current.handoff.status), statusKey(next.status), activeKey(next)], [current.rev, json, id, final]);
        if (applied === 1) {
          const frozen = deepFreeze(next);
          remember(id, { handoff: frozen, rev: String(Number(current.rev) + 1) });
          // What this process wrote is what it reads back (a panel lists it next): known valid, not parsed again.
          putNewest(parsed, id, { json, handoff: frozen });
          return next;
        }
        known.delete(id);
      }
      throw new HandoffError('HANDOFF_STATE_CONFLICT', `hand-off ${id} kept changing under this update`, { details: { handoff: id } });
    },

    async forTicket(table, sysId, limit) {
      const ids = await redis.zrevrange(ticketKey(table, sysId), 0, Math.max(0, limit - 1));
      // Read together: on the flow's auto-pipelined connection they go out in one write.
      const found = await Promise.all(ids.map(read));
      return found.flatMap((h) => (h ? [h.handoff] : []));
    },

    async forTicketLeased(table, sysId, limit, lease, also) {
      const out = (await LEASED_READ.run(redis, [lease.key, ticketKey(table, sysId), ...also], [lease.owner, String(lease.ms), String(Math.max(1, limit)), key('')])) as 0 | (string | null)[];
      if (out === 0) return null;
      const handoffs: Handoff[] = [];
      for (let i = also.length; i < out.length; i += 3) {
        const found = out[i] ? adopt(out[i]!, out[i + 1], out[i + 2]) : null;
        if (found) handoffs.push(found.handoff);
      }
      return { handoffs, also: out.slice(0, also.length) };
    },

    idsWithStatus: (status) => redis.smembers(statusKey(status)),

    async saveNote(id, text) {
      // SET NX GET (Redis 7): one round trip; the stored note wins over a second execution's.
      return (await redis.set(noteKey(id), text, 'NX', 'GET')) ?? text;
    },

    loadNote: (id) => redis.get(noteKey(id)),
  };
}
