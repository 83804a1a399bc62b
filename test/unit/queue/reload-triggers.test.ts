import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startReloadTriggers } from '../../../src/cli/reload-triggers.js';
import type { ReloadTrigger } from '../../../src/queue/reloader.js';
import { silentLogger } from '../../../src/util/log.js';

const stops: (() => void)[] = [];
afterEach(() => {
  for (const stop of stops.splice(0)) stop();
});

function listen(watch?: { paths: string[]; settleMs: number }): ReloadTrigger[] {
  const seen: ReloadTrigger[] = [];
  stops.push(startReloadTriggers({ reload: (t) => Promise.resolve(seen.push(t)).then(() => ({ ok: false, problem: { code: 'X', message: '', remedy: null } })), log: silentLogger, ...(watch ? { watch } : {}) }));
  return seen;
}

const until = async (check: () => boolean): Promise<void> => {
  const deadline = Date.now() + 5_000;
  while (!check() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
};

describe('what asks the worker to reload', () => {
  it('SIGHUP, naming the OS user that kill(2) allows to send it', async () => {
    const seen = listen();
    process.kill(process.pid, 'SIGHUP');
    await until(() => seen.length > 0);
    expect(seen).toEqual([{ via: 'SIGHUP', by: `os:${userInfo().username}`, sender: { osUser: userInfo().username, uid: userInfo().uid, pid: null, receiverPid: process.pid, rule: 'kill(2): only this OS user or root may signal this process' } }]);
  });

  it('with watch on, one reload per burst of changes to a watched folder, after it settles', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'aih-watch-'));
    try {
      const seen = listen({ paths: [dir], settleMs: 200 });
      for (let i = 0; i < 3; i++) writeFileSync(join(dir, 'catalog.yaml'), `v${i}`);
      await until(() => seen.length > 0);
      await new Promise((r) => setTimeout(r, 400));
      expect(seen).toEqual([{ via: 'file-change', by: 'file-change', sender: { path: join(dir, 'catalog.yaml') } }]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('with watch off, a change asks for nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'aih-watch-'));
    try {
      const seen = listen();
      writeFileSync(join(dir, 'catalog.yaml'), 'v');
      await new Promise((r) => setTimeout(r, 300));
      expect(seen).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
