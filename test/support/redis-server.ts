/**
 * A real redis-server child process for tests and benchmarks: loopback only,
 * a free port, its own data folder, AOF on (appendfsync everysec) and
 * noeviction. Tests that crash Redis on purpose stop and restart it on the
 * same folder.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import { freeLoopbackPort } from '../../src/util/free-port.js';

export const freePort = freeLoopbackPort;

export interface RedisServer {
  readonly url: string;
  readonly port: number;
  readonly dir: string;
  /** SIGKILL, as a crash would. */
  kill(): Promise<void>;
  /** Starts again on the same port and folder (after kill). */
  restart(): Promise<void>;
  /** Stops and removes the folder. */
  stop(): Promise<void>;
}

export interface RedisServerOptions {
  readonly appendonly?: boolean;
  readonly maxmemoryPolicy?: string;
  /** More redis-server arguments (e.g. `--rename-command CONFIG ""`, as managed services disable CONFIG). */
  readonly args?: readonly string[];
}

export async function startRedisServer(options: RedisServerOptions = {}): Promise<RedisServer> {
  const port = await freePort();
  const dir = await mkdtemp(join(tmpdir(), 'ai-handoff-redis-'));
  let child: ChildProcess | undefined;

  const launch = async (): Promise<void> => {
    const args = [
      '--port', String(port),
      '--bind', '127.0.0.1',
      '--dir', dir,
      '--save', '',
      '--appendonly', options.appendonly === false ? 'no' : 'yes',
      '--appendfsync', 'everysec',
      '--maxmemory-policy', options.maxmemoryPolicy ?? 'noeviction',
      '--protected-mode', 'yes',
      '--daemonize', 'no',
      ...(options.args ?? []),
    ];
    child = spawn('redis-server', args, { stdio: 'ignore' });
    child.on('error', () => undefined);
    const deadline = Date.now() + 10_000;
    for (;;) {
      const probe = new Redis({ host: '127.0.0.1', port, lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
      probe.on('error', () => undefined);
      try {
        await probe.connect();
        if ((await probe.ping()) === 'PONG') {
          probe.disconnect();
          return;
        }
      } catch {
        probe.disconnect();
      }
      if (Date.now() > deadline) throw new Error(`redis-server did not start on port ${port}: is redis-server installed (apt-get install redis-server)?`);
      await sleep(50);
    }
  };

  const kill = async (): Promise<void> => {
    const proc = child;
    if (!proc || proc.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      proc.once('exit', () => resolve());
      proc.kill('SIGKILL');
    });
  };

  await launch();
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    dir,
    kill,
    restart: launch,
    stop: async () => {
      await kill();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/**
 * A flow fault hook (FlowDeps.fault) that kills the Redis server the first
 * time the flow reaches `point`, and restarts it `downMs` later: Redis gone
 * mid-step, back with what its AOF kept.
 */
export function redisOutageAt(server: RedisServer, point: string, downMs = 1_000): { fault: (reached: string) => Promise<void>; happened: () => boolean } {
  let crashed = false;
  return {
    async fault(reached) {
      if (reached !== point || crashed) return;
      crashed = true;
      await server.kill();
      setTimeout(() => void server.restart(), downMs);
    },
    happened: () => crashed,
  };
}
