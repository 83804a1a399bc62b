/**
 * Redis with Sentinel from Debian's binaries (redis-server, redis-sentinel;
 * .ci/run installs both): a primary, a replica of it, and one Sentinel
 * watching them (quorum 1, down after 1 s), all on loopback, each in its own
 * folder under one temporary directory that `stop` removes.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import { freePort } from '../../support/redis-server.js';

export const MASTER_NAME = 'mymaster';

export interface SentinelCluster {
  readonly primaryPort: number;
  readonly replicaPort: number;
  readonly sentinelPort: number;
  /** The port Sentinel names as the master now. */
  masterPort(): Promise<number>;
  /** SIGKILL the primary, as a crash would. */
  killPrimary(): void;
  stop(): Promise<void>;
}

export async function startSentinelCluster(): Promise<SentinelCluster> {
  const root = mkdtempSync(join(tmpdir(), 'aih-sentinel-'));
  const children: ChildProcess[] = [];
  const [primaryPort, replicaPort, sentinelPort] = [await freePort(), await freePort(), await freePort()];
  const server = (name: string, port: number, extra: string[]): ChildProcess => {
    const dir = join(root, name);
    mkdirSync(dir);
    // As production must run (the worker checks): append-only, fsync every second, noeviction.
    const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--appendonly', 'yes', '--appendfsync', 'everysec', '--maxmemory-policy', 'noeviction', '--save', '', ...extra], { stdio: 'ignore' });
    child.on('error', () => undefined);
    children.push(child);
    return child;
  };
  const primary = server('primary', primaryPort, []);
  server('replica', replicaPort, ['--replicaof', '127.0.0.1', String(primaryPort)]);
  const sentinelDir = join(root, 'sentinel');
  mkdirSync(sentinelDir);
  // Sentinel rewrites its config file, so it gets one of its own.
  const config = join(sentinelDir, 'sentinel.conf');
  writeFileSync(
    config,
    [
      `port ${sentinelPort}`,
      'bind 127.0.0.1',
      `dir ${sentinelDir}`,
      `sentinel monitor ${MASTER_NAME} 127.0.0.1 ${primaryPort} 1`,
      `sentinel down-after-milliseconds ${MASTER_NAME} 1000`,
      `sentinel failover-timeout ${MASTER_NAME} 10000`,
      `sentinel parallel-syncs ${MASTER_NAME} 1`,
      '',
    ].join('\n'),
  );
  const sentinel = spawn('redis-sentinel', [config], { stdio: 'ignore' });
  sentinel.on('error', () => undefined);
  children.push(sentinel);

  const stop = async (): Promise<void> => {
    await Promise.all(
      children.map(
        (c) =>
          new Promise<void>((resolve) => {
            if (c.exitCode !== null || c.signalCode !== null) return resolve();
            c.once('exit', () => resolve());
            c.kill('SIGKILL');
          }),
      ),
    );
    rmSync(root, { recursive: true, force: true });
  };

  const ask = async <T>(port: number, run: (r: Redis) => Promise<T>): Promise<T | undefined> => {
    const r = new Redis({ host: '127.0.0.1', port, lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, connectTimeout: 500 });
    r.on('error', () => undefined);
    try {
      await r.connect();
      return await run(r);
    } catch {
      return undefined;
    } finally {
      r.disconnect();
    }
  };
  const masterPort = async (): Promise<number> => Number(((await ask(sentinelPort, (r) => r.call('SENTINEL', 'get-master-addr-by-name', MASTER_NAME))) as string[] | undefined)?.[1] ?? 0);

  // Ready when the replica is in sync and Sentinel knows it (so it can promote it).
  const deadline = Date.now() + 30_000;
  for (;;) {
    const linked = ((await ask(replicaPort, (r) => r.info('replication'))) ?? '').includes('master_link_status:up');
    const known = ((await ask(sentinelPort, (r) => r.call('SENTINEL', 'replicas', MASTER_NAME))) as unknown[] | undefined)?.length === 1;
    if (linked && known && (await masterPort()) === primaryPort) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error('Redis primary, replica and Sentinel did not come up: are redis-server and redis-sentinel installed (apt-get install redis-server redis-sentinel)?');
    }
    await sleep(200);
  }

  return { primaryPort, replicaPort, sentinelPort, masterPort, killPrimary: () => primary.kill('SIGKILL'), stop };
}
