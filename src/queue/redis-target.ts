/**
 * Where Redis is, as one string every part of the product passes around
 * (`redisUrl`): a plain URL that ioredis reads itself, or a Sentinel URL.
 *
 * - `redis://[user:password@]host:port[/db]`, `rediss://…` (TLS): one server.
 * - `redis-sentinel://[user:password@]host:port,host:port[/master][?db=N&tls=1&sentinelPassword=…]`:
 *   ioredis asks the Sentinels which server is the master of `master`
 *   (default `mymaster`) and follows a failover (ioredis README, "Sentinel";
 *   https://redis.io/docs/latest/operate/oss_and_stack/management/sentinel/).
 *   `tls=1` speaks TLS to the master and to the Sentinels.
 *
 * `describeRedisTarget` names a target without its credentials, for messages.
 */
import { Redis, type RedisOptions } from 'ioredis';
import { HandoffError } from '../errors.js';

export const SENTINEL_SCHEME = 'redis-sentinel:';
export const DEFAULT_SENTINEL_MASTER = 'mymaster';

export interface SentinelTarget {
  readonly kind: 'sentinel';
  readonly sentinels: readonly { readonly host: string; readonly port: number }[];
  readonly name: string;
  readonly options: RedisOptions;
}

export interface PlainTarget {
  readonly kind: 'url';
  readonly url: string;
}

export type RedisTarget = SentinelTarget | PlainTarget;

export function isSentinelUrl(url: string): boolean {
  return url.trim().toLowerCase().startsWith(`${SENTINEL_SCHEME}//`);
}

/** Reads a Redis URL; a malformed Sentinel URL is CONFIG_INVALID naming the part to fix. */
export function parseRedisTarget(url: string): RedisTarget {
  if (!isSentinelUrl(url)) return { kind: 'url', url };
  const rest = url.trim().slice(SENTINEL_SCHEME.length + 2);
  const at = rest.lastIndexOf('@', rest.search(/[/?]|$/));
  const userinfo = at >= 0 ? rest.slice(0, at) : '';
  const afterAuth = at >= 0 ? rest.slice(at + 1) : rest;
  const [hostsAndPath = '', query = ''] = afterAuth.split('?', 2);
  const slash = hostsAndPath.indexOf('/');
  const hostList = slash >= 0 ? hostsAndPath.slice(0, slash) : hostsAndPath;
  const name = decodeURIComponent(slash >= 0 ? hostsAndPath.slice(slash + 1) : '') || DEFAULT_SENTINEL_MASTER;
  const sentinels = hostList
    .split(',')
    .filter((h) => h.trim() !== '')
    .map((entry) => {
      const match = /^\[?([^\]]+?)\]?(?::(\d{1,5}))?$/.exec(entry.trim());
      const port = Number(match?.[2] ?? 26379);
      if (!match?.[1] || port < 1 || port > 65535) throw invalid(`'${entry}' is not host:port`);
      return { host: match[1], port };
    });
  if (sentinels.length === 0) throw invalid('it names no Sentinel');
  const params = new URLSearchParams(query);
  const options: RedisOptions = {};
  const [user, password] = splitUserinfo(userinfo);
  if (user) options.username = user;
  if (password) options.password = password;
  const db = params.get('db');
  if (db !== null) {
    if (!/^\d{1,2}$/.test(db)) throw invalid(`db '${db}' is not a database number`);
    options.db = Number(db);
  }
  const sentinelPassword = params.get('sentinelPassword');
  if (sentinelPassword) options.sentinelPassword = sentinelPassword;
  if (params.get('tls') === '1') {
    options.tls = {};
    options.sentinelTLS = {};
    options.enableTLSForSentinelMode = true;
  }
  return { kind: 'sentinel', sentinels, name, options };
}

/** The ioredis options for a Sentinel target; `base` (a role's settings) wins over the defaults and the URL's. */
export function redisOptionsFor(target: SentinelTarget, base: RedisOptions): RedisOptions {
  return {
    ...target.options,
    // A master demoted while it stays up (a manual or partition failover) answers writes with READONLY: reconnect
    // through the Sentinels and send the command again (ioredis README, "Reconnect on error"). ioredis's
    // failoverDetector would learn of it sooner, but its Sentinel subscriptions outlive quit() (ioredis 5.11) and keep
    // a stopped worker's process alive.
    reconnectOnError: (error: Error) => (error.message.startsWith('READONLY') ? 2 : false),
    // Keep asking the Sentinels while they elect a new master (ioredis would give up after its default tries).
    sentinelRetryStrategy: (times: number) => Math.min(100 * times, 2_000),
    ...base,
    sentinels: target.sentinels.map((s) => ({ host: s.host, port: s.port })),
    name: target.name,
  };
}

/** A client for `url` (plain or Sentinel) with `options`. */
export function newRedisClient(url: string, options: RedisOptions): Redis {
  const target = parseRedisTarget(url);
  return target.kind === 'url' ? new Redis(target.url, options) : new Redis(redisOptionsFor(target, options));
}

/** Where Redis is, without credentials: `127.0.0.1:6379`, or `Sentinel master 'mymaster' via 10.0.0.1:26379, 10.0.0.2:26379`. */
export function describeRedisTarget(url: string): string {
  try {
    const target = parseRedisTarget(url);
    if (target.kind === 'sentinel') return `Sentinel master '${target.name}' via ${target.sentinels.map((s) => `${s.host}:${s.port}`).join(', ')}`;
    const parsed = new URL(target.url);
    return `${parsed.hostname}:${parsed.port || '6379'}${parsed.protocol === 'rediss:' ? ' (TLS)' : ''}`;
  } catch {
    return 'the Redis in REDIS_URL (unparseable)';
  }
}

function splitUserinfo(userinfo: string): [string, string] {
  if (userinfo === '') return ['', ''];
  const colon = userinfo.indexOf(':');
  if (colon < 0) return ['', decodeURIComponent(userinfo)];
  return [decodeURIComponent(userinfo.slice(0, colon)), decodeURIComponent(userinfo.slice(colon + 1))];
}

function invalid(problem: string): HandoffError {
  return new HandoffError('CONFIG_INVALID', `the Redis Sentinel URL is invalid: ${problem}`, {
    remedy: 'use redis-sentinel://[:password@]host:26379,host:26379/mymaster, or set REDIS_SENTINELS and REDIS_SENTINEL_NAME (docs/deploy.md, "Redis Sentinel")',
  });
}
