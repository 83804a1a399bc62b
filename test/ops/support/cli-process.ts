/**
 * `ai-handoff <command>` as a child process (tsx on the sources), with an
 * environment built here and never inherited whole (no secret of the test
 * process leaks in), timed from spawn to exit.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fromRoot } from '../../../src/util/paths.js';

export interface CliExit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
  /** From spawn to exit, in ms. */
  readonly ms: number;
}

export interface RunningCli {
  readonly child: ChildProcess;
  output(): { stdout: string; stderr: string };
  /** Resolves once it has exited (killed with SIGKILL after `killAfterMs`). */
  readonly exited: Promise<CliExit>;
  /** Polls the output until `pattern` appears, or fails after `timeoutMs`. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<string>;
  stop(): Promise<CliExit>;
}

export function baseEnv(extra: Readonly<Record<string, string>>): Record<string, string> {
  return { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? '/tmp', ...extra };
}

export function startCli(args: readonly string[], env: Readonly<Record<string, string>>, killAfterMs = 60_000): RunningCli {
  const started = Date.now();
  const child = spawn(process.execPath, ['--import', 'tsx', fromRoot('src', 'cli', 'main.ts'), ...args], { cwd: fromRoot(), env: baseEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const killer = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
  const exited = new Promise<CliExit>((resolve) =>
    child.once('exit', (code, signal) => {
      clearTimeout(killer);
      resolve({ code, signal, stdout, stderr, ms: Date.now() - started });
    }),
  );
  return {
    child,
    output: () => ({ stdout, stderr }),
    exited,
    async waitFor(pattern, timeoutMs = 30_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const text = stdout + stderr;
        const match = pattern.exec(text);
        if (match) return match[0];
        if (child.exitCode !== null || child.signalCode !== null) throw new Error(`exited before printing ${String(pattern)}:\n${text}`);
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${String(pattern)}:\n${text}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      // A stop that hangs is a failure the test sees in the exit; the process must not outlive the test.
      const killer = setTimeout(() => child.kill('SIGKILL'), 25_000);
      const result = await exited;
      clearTimeout(killer);
      return result;
    },
  };
}

/** Runs a command to its end. */
export function runCliProcess(args: readonly string[], env: Readonly<Record<string, string>>, killAfterMs?: number): Promise<CliExit> {
  return startCli(args, env, killAfterMs).exited;
}
