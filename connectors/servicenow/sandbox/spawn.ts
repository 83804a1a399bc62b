/**
 * Runs the sandbox in a child process (`ai-handoff sandbox`, through tsx),
 * for benchmarks and tests that must not count the sandbox's memory and CPU
 * as their own: a 100,000-ticket sandbox holds about 250 MB, which would
 * swamp a client's peak-memory figure if it ran in the same process.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fromRoot } from '../../../src/util/paths.js';

export interface SpawnedSandbox {
  /** Base URL, e.g. http://127.0.0.1:41234. */
  readonly url: string;
  readonly pid: number;
  /** SIGTERM, then waits for the exit. */
  stop(): Promise<void>;
}

export interface SpawnOptions {
  /** Generated tickets; default 0. */
  readonly tickets?: number;
  readonly control?: boolean;
  readonly persist?: string;
  /** Extra Node options for the child, before the script (e.g. `--cpu-prof` to profile the sandbox under a benchmark). */
  readonly execArgv?: readonly string[];
  /** How long to wait for the address line, in ms; default 120,000 (100,000 tickets take seconds on a busy machine). */
  readonly timeoutMs?: number;
}

export async function spawnSandbox(options: SpawnOptions = {}): Promise<SpawnedSandbox> {
  const args = [...(options.execArgv ?? []), '--import', 'tsx', fromRoot('src', 'cli', 'main.ts'), 'sandbox', '--port', '0', '--tickets', String(options.tickets ?? 0)];
  if (options.control === true) args.push('--control');
  if (options.persist !== undefined) args.push('--persist', options.persist);
  const child = spawn(process.execPath, args, { cwd: fromRoot(), stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = once(child, 'exit');
  let out = '';
  let err = '';
  child.stdout.setEncoding('utf8').on('data', (c: string) => (out += c));
  child.stderr.setEncoding('utf8').on('data', (c: string) => (err += c));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => fail(new Error(`the sandbox did not start within ${options.timeoutMs ?? 120_000} ms: ${err.trim()}`)), options.timeoutMs ?? 120_000);
    const fail = (error: Error): void => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(error);
    };
    child.stdout.on('data', () => {
      const m = /sandbox instance at (http:\/\/\S+)/.exec(out);
      if (m && out.includes('Ctrl-C')) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    child.once('exit', (code) => fail(new Error(`the sandbox exited with code ${code ?? 'null'} before it was ready: ${err.trim()}`)));
  });
  return {
    url,
    pid: child.pid!,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      await exited;
    },
  };
}
