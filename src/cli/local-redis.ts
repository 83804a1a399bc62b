/**
 * `npm start` without REDIS_URL: a redis-server of its own, configured as the
 * worker requires (noeviction, append-only persistence), with its data in a
 * folder of the project (.data/redis by default), on loopback only.
 *
 * A Redis already answering on the port is reused only when it serves this
 * very folder (CONFIG GET dir): that is this checkout's own, left by an
 * earlier `npm start`. Anything else (another checkout's, a system Redis)
 * is left alone and ours starts on a free port instead, and `note` says which
 * happened, so two checkouts on one machine never share state silently
 * (issue 14).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import { HandoffError } from '../errors.js';
import { freeLoopbackPort } from '../util/free-port.js';

export interface LocalRedis {
  readonly url: string;
  /** What was done, for the start summary: started, reused this folder's, or moved to a free port. */
  readonly note: string;
  stop(): Promise<void>;
}

export interface LocalRedisOptions {
  readonly dir: string;
  readonly port: number;
}

export function redisServerAvailable(): boolean {
  return spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status === 0;
}

export async function startLocalRedis(options: LocalRedisOptions): Promise<LocalRedis> {
  if (!redisServerAvailable()) {
    throw new HandoffError('REDIS_UNAVAILABLE', 'redis-server is not installed and REDIS_URL is not set', {
      retryable: false,
      remedy: 'install it (Debian/Ubuntu: sudo apt-get install redis-server; macOS: brew install redis) or set REDIS_URL to a Redis 7 with noeviction and appendonly yes',
    });
  }
  mkdirSync(resolve(options.dir), { recursive: true });
  // As Redis reports its folder (getcwd: symbolic links resolved), so the two compare.
  const dir = realpathSync(resolve(options.dir));
  let port = options.port;
  let note = `local redis-server, data in ${dir}`;
  const answering = await servedDir(`redis://127.0.0.1:${port}`);
  if (answering !== null) {
    // This folder's own Redis, from an earlier start: reuse it (and leave it running on stop, as found).
    if (answering === dir) return { url: `redis://127.0.0.1:${port}`, note: `reusing the local redis-server already serving ${dir}`, stop: () => Promise.resolve() };
    const other = answering === '' ? 'a Redis that does not say which folder it serves' : `the Redis of ${answering}`;
    port = await freeLoopbackPort();
    note = `local redis-server on a free port, data in ${dir} (port ${options.port} is ${other})`;
  }
  const url = `redis://127.0.0.1:${port}`;

  const child: ChildProcess = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--appendonly', 'yes', '--appendfsync', 'everysec', '--maxmemory-policy', 'noeviction', '--save', ''],
    { stdio: 'ignore' },
  );
  let exited = false;
  child.on('exit', () => {
    exited = true;
  });
  const deadline = Date.now() + 10_000;
  while (!(await ping(url))) {
    if (exited || Date.now() > deadline) {
      throw new HandoffError('REDIS_UNAVAILABLE', `redis-server did not start on port ${port}`, {
        retryable: false,
        remedy: `free port ${port} or set REDIS_URL`,
      });
    }
    await sleep(100);
  }
  return {
    url,
    note,
    stop: async () => {
      if (exited) return;
      const done = new Promise<void>((r) => child.once('exit', () => r()));
      child.kill('SIGTERM');
      await Promise.race([done, sleep(5_000)]);
    },
  };
}

async function ping(url: string): Promise<boolean> {
  return (await servedDir(url)) !== null;
}

/**
 * The data folder of the Redis answering at `url` (CONFIG GET dir); '' when it
 * answers but will not say (CONFIG disabled, or a password it wants); null
 * when nothing answers.
 */
async function servedDir(url: string): Promise<string | null> {
  const probe = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, connectTimeout: 500 });
  probe.on('error', () => undefined);
  try {
    await probe.connect();
  } catch {
    probe.disconnect();
    return null;
  }
  try {
    const [, dir] = (await probe.config('GET', 'dir')) as string[];
    return dir ? resolve(dir) : '';
  } catch {
    return '';
  } finally {
    probe.disconnect();
  }
}
