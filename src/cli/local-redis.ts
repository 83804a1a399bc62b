/**
 * `npm start` without REDIS_URL: a redis-server of its own, configured as the
 * worker requires (noeviction, append-only persistence), with its data in a
 * folder of the project (.data/redis by default), on loopback only.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import { HandoffError } from '../errors.js';

export interface LocalRedis {
  readonly url: string;
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
  const dir = resolve(options.dir);
  mkdirSync(dir, { recursive: true });
  const url = `redis://127.0.0.1:${options.port}`;

  // Reuse one already serving this folder's port (a second `npm start`).
  if (await ping(url)) return { url, stop: () => Promise.resolve() };

  const child: ChildProcess = spawn(
    'redis-server',
    ['--port', String(options.port), '--bind', '127.0.0.1', '--dir', dir, '--appendonly', 'yes', '--appendfsync', 'everysec', '--maxmemory-policy', 'noeviction', '--save', ''],
    { stdio: 'ignore' },
  );
  let exited = false;
  child.on('exit', () => {
    exited = true;
  });
  const deadline = Date.now() + 10_000;
  while (!(await ping(url))) {
    if (exited || Date.now() > deadline) {
      throw new HandoffError('REDIS_UNAVAILABLE', `redis-server did not start on port ${options.port}`, {
        retryable: false,
        remedy: `free port ${options.port} or set REDIS_URL`,
      });
    }
    await sleep(100);
  }
  return {
    url,
    stop: async () => {
      if (exited) return;
      const done = new Promise<void>((r) => child.once('exit', () => r()));
      child.kill('SIGTERM');
      await Promise.race([done, sleep(5_000)]);
    },
  };
}

async function ping(url: string): Promise<boolean> {
  const probe = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, connectTimeout: 500 });
  probe.on('error', () => undefined);
  try {
    await probe.connect();
    return (await probe.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    probe.disconnect();
  }
}
