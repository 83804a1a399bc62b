/**
 * Where Redis is, from the environment (docs/deploy.md, "Environment"):
 * - `REDIS_SENTINELS=host:26379,host:26379` with `REDIS_SENTINEL_NAME`
 *   (default mymaster): through Redis Sentinel, following failovers;
 * - else `REDIS_URL` (redis://, rediss:// for TLS, or redis-sentinel://);
 * - `REDIS_PASSWORD` / `REDIS_PASSWORD_FILE`: the server's password when the
 *   URL carries none; `REDIS_SENTINEL_PASSWORD` / `_FILE`: the Sentinels' own.
 * `REDIS_TLS=1` speaks TLS to the Sentinels and the master. Secrets are
 * registered for scrubbing as they are read. Returns undefined when nothing
 * is set.
 */
import { readFileSync } from 'node:fs';
import { HandoffError } from '../errors.js';
import { DEFAULT_SENTINEL_MASTER, SENTINEL_SCHEME, isSentinelUrl } from '../queue/redis-target.js';
import { registerSecret } from '../util/secrets.js';

type Env = Readonly<Record<string, string | undefined>>;

/** Every variable read here, for docs/deploy.md's check. */
export const REDIS_ENV_VARIABLES = ['REDIS_URL', 'REDIS_SENTINELS', 'REDIS_SENTINEL_NAME', 'REDIS_PASSWORD', 'REDIS_PASSWORD_FILE', 'REDIS_SENTINEL_PASSWORD', 'REDIS_SENTINEL_PASSWORD_FILE', 'REDIS_TLS'] as const;

export function redisUrlFromEnv(env: Env, readFile: (path: string) => string = (p) => readFileSync(p, 'utf8')): string | undefined {
  const password = secret(env, 'REDIS_PASSWORD', readFile);
  const sentinelPassword = secret(env, 'REDIS_SENTINEL_PASSWORD', readFile);
  const sentinels = env.REDIS_SENTINELS?.trim();
  if (sentinels) {
    const name = env.REDIS_SENTINEL_NAME?.trim() || DEFAULT_SENTINEL_MASTER;
    const params = new URLSearchParams();
    if (sentinelPassword) params.set('sentinelPassword', sentinelPassword);
    if (env.REDIS_TLS?.trim() === '1') params.set('tls', '1');
    const query = params.size > 0 ? `?${params.toString()}` : '';
    return `${SENTINEL_SCHEME}//${password ? `:${encodeURIComponent(password)}@` : ''}${sentinels}/${encodeURIComponent(name)}${query}`;
  }
  const url = env.REDIS_URL?.trim();
  if (!url) return undefined;
  if (!password || isSentinelUrl(url)) return url;
  try {
    const parsed = new URL(url);
    if (parsed.password !== '') return url;
    parsed.password = password;
    return parsed.toString();
  } catch {
    throw new HandoffError('CONFIG_INVALID', 'REDIS_URL is not a URL', { remedy: 'set REDIS_URL to redis://host:6379 (rediss:// for TLS), or REDIS_SENTINELS for Sentinel' });
  }
}

function secret(env: Env, name: string, readFile: (path: string) => string): string | undefined {
  const file = env[`${name}_FILE`]?.trim();
  let value = env[name]?.trim();
  if (file) {
    try {
      value = readFile(file).trim();
    } catch (cause) {
      throw new HandoffError('SECRET_MISSING', `cannot read ${name}_FILE ${file}`, { cause, remedy: `point ${name}_FILE at a readable file holding the password` });
    }
  }
  if (!value) return undefined;
  registerSecret(value);
  return value;
}
