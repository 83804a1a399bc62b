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
import { PERSON_PASSWORD } from '../../connectors/servicenow/sandbox/index.js';
import { appNames } from '../../src/domain/app-names.js';
import { Panel } from '../../src/domain/panel.js';
import { loadMappings } from '../../src/mapping/load-mappings.js';
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

/** As alex.rivera in the sandbox (its Table API, as the ticket page calls it): requests `operation` on `number` and waits for the draft. */
async function handOff(instanceUrl: string, number: string, operation: string): Promise<void> {
  const mapping = loadMappings().byTable.get('incident')!;
  const as = (user: string) => ({ authorization: `Basic ${Buffer.from(`${user}:${PERSON_PASSWORD}`).toString('base64')}`, accept: 'application/json', 'content-type': 'application/json' });
  const row = async (): Promise<Record<string, string>> => {
    const res = await fetch(`${instanceUrl}/api/now/table/incident?sysparm_query=number=${number}&sysparm_exclude_reference_link=true&sysparm_limit=1`, { headers: as('admin') });
    return ((await res.json()) as { result: Record<string, string>[] }).result[0]!;
  };
  const until = async <T>(what: string, found: (r: Record<string, string>) => T | undefined): Promise<T> => {
    const deadline = Date.now() + 30_000;
    for (;;) {
      const value = found(await row());
      if (value !== undefined) return value;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what} on ${number}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  };
  const panel = await until('a panel', (r) => (r[mapping.ai.panel] ? Panel.parse(JSON.parse(r[mapping.ai.panel]!)) : undefined));
  const scope = panel.operations.find((o) => o.id === operation)!.scopeDigest;
  const sysId = (await row()).sys_id!;
  // A request row of the app's table, as the dialog's Confirm creates it (docs/contract.md).
  const res = await fetch(`${instanceUrl}/api/now/table/${appNames().tables.request}`, { method: 'POST', headers: as('alex.rivera'), body: JSON.stringify({ ticket_table: 'incident', ticket: sysId, operation, scope_digest: scope, note: '' }) });
  expect(res.status).toBe(201);
  await until('the draft', (r) => (r[mapping.ai.status] === 'awaiting_review' ? true : undefined));
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
    expect(record).toMatchObject({ pid: running.child.pid, redisUrl: `redis://127.0.0.1:${redisPort}`, prefix: expect.stringMatching(/^aih-[0-9a-z]+$/), sandbox: true, config: expect.stringMatching(/config\/sandbox\.yaml$/), auditDir: join(data, 'audit'), auditKeyFile: join(data, 'audit', 'audit.key') });
    expect(summary).toContain(`ServiceNow       ${String(record.instanceUrl)}`);
    expect(summary).toContain(`dashboard        ${String(record.http)}/`);
    // Its own audit key, made on first start, and the folder of the checkpoints and archive.
    expect(summary).toMatch(new RegExp(`audit {12}key k[0-9a-f]{16} \\(generated into ${join(data, 'audit', 'audit.key').replace(/\//g, '\\/')}\\), checkpoints and archive in ${join(data, 'audit').replace(/\//g, '\\/')}`));

    const env = { AI_HANDOFF_DATA: data };
    const report = await runCliProcess(['report', '--json'], env);
    expect(report.code, report.stderr).toBe(0);
    const dashboard = JSON.parse(report.stdout) as { total: { active: number; eligible: number } };
    expect(dashboard.total.active).toBe(18);
    expect(dashboard.total.eligible).toBeGreaterThan(0);
    // audit verify finds the run's Redis, key file, checkpoint file and sandbox checkpoints through run.json alone.
    const anchors = `file ${join(data, 'audit', 'checkpoints.jsonl')}: %; instance x_acme_aihandoff_checkpoint: %`;
    const young = await runCliProcess(['audit', 'verify'], env);
    expect(young.stderr).toBe('');
    expect(young.code).toBe(1);
    expect(young.stdout).toContain(`audit chain NOT ANCHORED: 0 events verify under the audit key, but no checkpoint of ledger '${String(record.prefix)}' was found (${anchors.replace(/%/g, '0')})`);
    expect(young.stdout).toContain('no events yet');
    // A hand-off as a person makes it (events the worker signs with the run's key), then the next sweep anchors them in both places.
    await handOff(String(record.instanceUrl), 'INC0002041', 'gather-diagnostics');
    const deadline = Date.now() + 60_000;
    // Both anchors: verify reads the file, then the instance, so a sweep landing between the two reads shows in the instance only.
    const bothAnchored = new RegExp(`checkpoints: [1-9]\\d* \\(${anchors.replace(/[.()/]/g, '\\$&').replace(/%/g, '[1-9]\\d*')}\\)`);
    let audit = await runCliProcess(['audit', 'verify'], env);
    while ((audit.code !== 0 || !bothAnchored.test(audit.stdout)) && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 1_000));
      audit = await runCliProcess(['audit', 'verify'], env);
    }
    expect(audit.code, audit.stdout + audit.stderr).toBe(0);
    expect(audit.stdout).toMatch(/^audit chain intact: [1-9]\d* events/);
    expect(audit.stdout).toMatch(bothAnchored);
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
    expect(first.output().stdout).toMatch(new RegExp(`Redis {12}redis://127\\.0\\.0\\.1:(\\d+), prefix aih-[0-9a-z]+ {2}\\(local redis-server on a free port, data in ${join(data, 'redis').replace(/\//g, '\\/')} \\(port ${port} is the Redis of ${join(other, 'redis').replace(/\//g, '\\/')}\\)\\)`));
    expect(first.output().stdout).not.toContain(`redis://127.0.0.1:${port},`);
    await first.stop();

    const ownPort = await freePort();
    await redisServing(join(data, 'redis'), ownPort);
    const second = await start(data, ownPort);
    expect(second.output().stdout).toMatch(new RegExp(`redis://127\\.0\\.0\\.1:${ownPort}, prefix aih-[0-9a-z]+ {2}\\(reusing the local redis-server already serving ${join(data, 'redis').replace(/\//g, '\\/')}\\)`));
    await second.stop();
  }, 150_000);
});
