/**
 * SIGHUP as an operator sends it (`kill -HUP <pid>`) to `ai-handoff start`
 * (the same wiring as `worker`): a bad config file is refused in one log
 * line naming the file, the key and the fix, /readyz shows it and the
 * process keeps running the previous configuration; a good one is applied
 * and is a `reload` audit event that `ai-handoff evidence` lists, with the
 * OS user that could have sent it.
 */
import { cpSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fromRoot } from '../../src/util/paths.js';
import { freePort } from '../support/redis-server.js';
import { runCliProcess, startCli } from './support/cli-process.js';

const cleanups: (() => Promise<unknown> | void)[] = [];
afterAll(async () => {
  for (const clean of cleanups.reverse()) await clean();
});

describe('kill -HUP reloads a running worker', () => {
  it('refuses a bad file and keeps running, then applies a good one and audits it', async () => {
    const dir = realpathSync(mkdtempSync(join(tmpdir(), 'aih-hup-')));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    cpSync(fromRoot('config', 'policy'), join(dir, 'policy'), { recursive: true });
    const good = readFileSync(fromRoot('config', 'sandbox.yaml'), 'utf8').replace('policy: policy', `policy: ${join(dir, 'policy')}`).replace('mappings: ../mappings/servicenow', `mappings: ${fromRoot('mappings', 'servicenow')}`);
    const config = join(dir, 'config.yaml');
    writeFileSync(config, good);
    const data = join(dir, 'data');
    const run = startCli(['start', '--port', '0', '--data', data, '--fresh', '--redis-port', String(await freePort()), '--http', '127.0.0.1:0', '--config', config], {}, 120_000);
    cleanups.push(() => run.stop());
    await run.waitFor(/Ctrl-C stops everything/, 60_000);
    const record = JSON.parse(readFileSync(join(data, 'run.json'), 'utf8')) as { http: string };
    const readyz = async (): Promise<{ ok: boolean; detail: string }> => ((await (await fetch(`${record.http}/readyz`)).json()) as { checks: { config: { ok: boolean; detail: string } } }).checks.config;
    expect((await readyz()).ok).toBe(true);

    writeFileSync(config, good.replace('Legal Hold: { enabled: true, tier: assist }', 'Legal Hold: { enabled: true, tier: assisted }'));
    run.child.kill('SIGHUP');
    const line = await run.waitFor(/reload refused[^\n]*/, 20_000);
    expect(line).toContain(config);
    expect(line).toContain('groups.Legal Hold.tier');
    expect(run.child.exitCode).toBeNull();
    const refused = await readyz();
    expect(refused.ok).toBe(false);
    expect(refused.detail).toContain('reload (SIGHUP)');
    expect(refused.detail).toContain('groups.Legal Hold.tier');

    writeFileSync(config, good.replace('operations: {}', 'operations: { draft-status-update: false }'));
    run.child.kill('SIGHUP');
    const deadline = Date.now() + 20_000;
    while ((await readyz()).ok !== true && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    expect((await readyz()).ok).toBe(true);

    const evidence = await runCliProcess(['evidence', '--format', 'json', '--from', new Date(Date.now() - 3_600_000).toISOString(), '--to', new Date(Date.now() + 60_000).toISOString()], { AI_HANDOFF_DATA: data });
    expect(evidence.code, evidence.stderr).toBe(0);
    const report = JSON.parse(evidence.stdout) as { reloads: { policyVersion: string | null }[] };
    expect(report.reloads).toHaveLength(1);
    expect(report.reloads[0]!.policyVersion).toMatch(/\+[0-9a-f]+$/);
    const exported = await runCliProcess(['audit', 'export'], { AI_HANDOFF_DATA: data });
    const reload = exported.stdout.split('\n').filter((l) => l.includes('"reload"')).map((l) => JSON.parse(l) as { actors: unknown; details: Record<string, unknown> });
    expect(reload[0]?.actors).toEqual([{ role: 'system', userName: `os:${userInfo().username}` }]);
    expect(reload[0]?.details).toMatchObject({ trigger: 'SIGHUP', switchesChanged: true, sender: { osUser: userInfo().username, receiverPid: run.child.pid } });
    expect((await run.stop()).code).toBe(0);
  }, 150_000);
});
