/**
 * `ai-handoff start` as `npm start` runs it, in a fresh data folder: its
 * local Redis is reused only when it serves that folder (another one on the
 * port is left alone, and the summary says which), and `report`, `audit` and
 * `policy` in another terminal find the run through <data>/run.json.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../support/redis-server.js';
import { runCliProcess, startCli, type RunningCli } from './support/cli-process.js';

const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const clean of cleanups.reverse()) await clean();
});

/** A redis-server on `port` serving `dir` (as an earlier start, or another checkout, would leave it). */
async function redisServing(dir: string, port: number): Promise<ChildProcess> {
  mkdirSync(dir, { recursive: true });
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--appendonly', 'yes', '--maxmemory-policy', 'noeviction', '--save', ''], { stdio: 'ignore' });
  cleanups.push(() => {
    child.kill('SIGKILL');
  });
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    if (spawnSyncPing(port)) return child;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`redis-server did not start on ${port}`);
}

function spawnSyncPing(port: number): boolean {
  return spawnSync('redis-cli', ['-p', String(port), 'ping'], { encoding: 'utf8' }).stdout?.trim() === 'PONG';
}

function freshData(): string {
  const dir = mkdtempSync(join(tmpdir(), 'aih-run-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return realpathSync(dir);
}

async function start(data: string, redisPort: number): Promise<RunningCli> {
  const run = startCli(['start', '--port', '0', '--data', data, '--fresh', '--redis-port', String(redisPort), '--http', '127.0.0.1:0'], {}, 120_000);
  cleanups.push(async () => {
    await run.stop();
  });
  await run.waitFor(/Ctrl-C stops everything/, 60_000);
  return run;
}

describe('npm start and the commands of another terminal', () => {
  it('records its run in the data folder; report, audit and policy use it with no environment; stopping removes it', async () => {
    const data = freshData();
    const redisPort = await freePort();
    const running = await start(data, redisPort);
    const summary = running.output().stdout;
    expect(summary).toContain(`(local redis-server, data in ${join(data, 'redis')})`);
    const record = JSON.parse(readFileSync(join(data, 'run.json'), 'utf8')) as Record<string, unknown>;
    expect(record).toMatchObject({ pid: running.child.pid, redisUrl: `redis://127.0.0.1:${redisPort}`, prefix: 'aih', sandbox: true, config: expect.stringMatching(/config\/sandbox\.yaml$/) });
    expect(summary).toContain(`ServiceNow       ${String(record.instanceUrl)}`);
    expect(summary).toContain(`dashboard        ${String(record.http)}/`);

    const env = { AI_HANDOFF_DATA: data };
    const report = await runCliProcess(['report', '--json'], env);
    expect(report.code, report.stderr).toBe(0);
    const dashboard = JSON.parse(report.stdout) as { total: { active: number; eligible: number } };
    expect(dashboard.total.active).toBe(18);
    expect(dashboard.total.eligible).toBeGreaterThan(0);
    const audit = await runCliProcess(['audit', 'verify'], env);
    expect(audit.stdout).toMatch(/^audit chain intact: \d+ events/);
    const policy = await runCliProcess(['policy', 'check'], env);
    expect(policy.code, policy.stderr).toBe(0);

    const stopped = await running.stop();
    expect(stopped.code).toBe(0);
    expect(existsSync(join(data, 'run.json'))).toBe(false);
    // Its local Redis stopped with it.
    const after = await runCliProcess(['audit', 'verify'], { ...env, REDIS_URL: `redis://127.0.0.1:${redisPort}` });
    expect(after.code).not.toBe(0);
  }, 150_000);

  it("leaves another folder's Redis on its port alone and says so, and reuses its own", async () => {
    const port = await freePort();
    const other = freshData();
    await redisServing(join(other, 'redis'), port);
    const data = freshData();
    const first = await start(data, port);
    expect(first.output().stdout).toMatch(new RegExp(`Redis {12}redis://127\\.0\\.0\\.1:(\\d+) {2}\\(local redis-server on a free port, data in ${join(data, 'redis').replace(/\//g, '\\/')} \\(port ${port} is the Redis of ${join(other, 'redis').replace(/\//g, '\\/')}\\)\\)`));
    expect(first.output().stdout).not.toContain(`redis://127.0.0.1:${port} `);
    await first.stop();

    const ownPort = await freePort();
    await redisServing(join(data, 'redis'), ownPort);
    const second = await start(data, ownPort);
    expect(second.output().stdout).toContain(`redis://127.0.0.1:${ownPort}  (reusing the local redis-server already serving ${join(data, 'redis')})`);
    await second.stop();
  }, 150_000);
});
