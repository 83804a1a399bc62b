/**
 * The product as a newcomer starts it: `ai-handoff start` in a child process
 * (through tsx on the sources), on the test run's Redis with a key prefix of
 * its own, the sandbox on a free port from its seed, and a short sync
 * interval. Resolves once start has printed where to look.
 */
import { spawn, type ChildProcessByStdio } from 'node:child_process';
import { once } from 'node:events';
import type { Readable } from 'node:stream';
import { fromRoot } from '../../../src/util/paths.js';

export interface RunningProduct {
  /** The sandbox instance's base URL, as start printed it. */
  readonly url: string;
  readonly pid: number;
  /** Everything start printed so far. */
  output(): string;
  /** SIGTERM, then the exit code and signal once it has exited. */
  stop(timeoutMs?: number): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** SIGKILL if it is still running (clean-up after a failed test). */
  kill(): void;
}

export interface ProductOptions {
  readonly dataDir: string;
  readonly env: Readonly<Record<string, string>>;
  /** How long start may take to print its address, in ms. */
  readonly timeoutMs?: number;
}

export async function startProduct(options: ProductOptions): Promise<RunningProduct> {
  const args = ['--import', 'tsx', fromRoot('src', 'cli', 'main.ts'), 'start', '--port', '0', '--data', options.dataDir, '--fresh', '--config', fromRoot('config', 'sandbox.yaml')];
  // SN_INSTANCE_URL must not leak in from the developer's shell: the test is about the sandbox.
  const { SN_INSTANCE_URL: _ignored, ...inherited } = process.env;
  const child: ChildProcessByStdio<null, Readable, Readable> = spawn(process.execPath, args, {
    cwd: fromRoot(),
    env: { ...inherited, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
  let out = '';
  let err = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));

  const timeoutMs = options.timeoutMs ?? 60_000;
  const url = await new Promise<string>((resolve, reject) => {
    const fail = (message: string): void => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`${message}\nstdout:\n${out}\nstderr:\n${err}`));
    };
    const timer = setTimeout(() => fail(`ai-handoff start did not print its address within ${timeoutMs} ms`), timeoutMs);
    child.stdout.on('data', () => {
      const m = /ServiceNow\s+(http:\/\/127\.0\.0\.1:\d+)\s+\(the sandbox instance\)/.exec(out);
      if (m && out.includes('Ctrl-C stops everything')) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    child.once('exit', (code) => fail(`ai-handoff start exited with code ${code ?? 'null'} before it was ready`));
  });

  return {
    url,
    pid: child.pid!,
    output: () => out,
    async stop(stopTimeoutMs = 20_000) {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), stopTimeoutMs);
      const [code, signal] = await exited;
      clearTimeout(timer);
      return { code, signal };
    },
    kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    },
  };
}
