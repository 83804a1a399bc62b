/**
 * `ai-handoff sandbox` as a user runs it: a child process that prints its
 * address and the seeded users, serves the Table API, and stops cleanly on
 * SIGTERM.
 */
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/main.js';
import { spawnSandbox } from '../../../connectors/servicenow/sandbox/index.js';
import { AS_INTEGRATION, list } from './client.js';

describe('ai-handoff sandbox', () => {
  it('runs in a child process for benchmarks (spawnSandbox), with the control endpoint when asked', async () => {
    const child = await spawnSandbox({ tickets: 50, control: true });
    try {
      const answer = await list(child.url, 'incident', { sysparm_query: 'number=INC0002041', sysparm_fields: 'number' }, AS_INTEGRATION);
      expect(answer.json.result).toEqual([{ number: 'INC0002041' }]);
      expect((await fetch(`${child.url}/sandbox/control`)).status).toBe(200);
      expect(child.pid).not.toBe(process.pid);
    } finally {
      await child.stop();
    }
    await expect(fetch(`${child.url}/api/now/table/incident`)).rejects.toThrow();
  });

  it('serves the instance, prints the address and the cast, and stops on SIGTERM', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'sandbox', '--port', '0', '--tickets', '200'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (c: string) => (out += c));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      const deadline = Date.now() + 20_000;
      while (!out.includes('Ctrl-C') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      const url = /sandbox instance at (http:\/\/127\.0\.0\.1:\d+)/.exec(out)?.[1];
      expect(url, out).toBeDefined();
      for (const user of ['alex.rivera', 'irene.costa', 'morgan.lee', 'samira.haddad', 'victor.alvarez', 'svc.aihandoff', 'admin']) expect(out).toContain(user);
      expect(out).toContain('integration-sandbox');
      expect(out).toContain('generated 200 tickets');
      const answer = await list(url!, 'incident', { sysparm_query: 'number=INC0002041', sysparm_fields: 'short_description' }, AS_INTEGRATION);
      expect(answer.json.result).toEqual([{ short_description: 'Remote access latency' }]);
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
    expect(out).toContain('sandbox stopped');
  });

  it('refuses a bad --port with the field and the fix', async () => {
    const errors: string[] = [];
    const write = process.stderr.write.bind(process.stderr);
    const capture = (chunk: string | Uint8Array): boolean => {
      errors.push(String(chunk));
      return true;
    };
    process.stderr.write = capture;
    try {
      expect(await main(['node', 'ai-handoff', 'sandbox', '--port', 'http'])).toBe(2);
    } finally {
      process.stderr.write = write;
    }
    expect(errors.join('')).toContain("INPUT_INVALID: --port must be a whole number from 0 to 65535, got 'http'");
  });
});
