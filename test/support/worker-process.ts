/**
 * `ai-handoff worker` as a child process (through tsx on the sources), for
 * tests that kill it: the environment is built here, never inherited whole,
 * so no secret of the test process leaks into the child.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import type { RuntimeConfig } from '../../src/config/runtime-config.js';
import { SEMI_SPACE_FLAG } from '../../src/cli/young-generation.js';
import { fromRoot } from '../../src/util/paths.js';
import { auditEnv } from './audit.js';

export interface WorkerProcess {
  readonly child: ChildProcess;
  readonly output: () => string;
  /** Resolves with the exit code or signal. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  stop(): Promise<void>;
}

export interface WorkerProcessOptions {
  readonly instanceUrl: string;
  readonly redisUrl: string;
  readonly prefix: string;
  /**
   * The runtime config, always passed explicitly (AI_HANDOFF_CONFIG): without
   * one, `worker` falls back to config/production.yaml, AI off for every group.
   * Tests pass the sandbox config (the flow harness's `config`).
   */
  readonly config: RuntimeConfig;
  readonly fault?: string;
  readonly syncIntervalMs?: number;
  /** The audit folder (the flow harness's, so the in-process worker verifies what the child anchored); default a fresh one. */
  readonly auditDir?: string;
}

/** Writes the runtime config to a temporary file (paths are absolute already). */
export function writeConfig(config: RuntimeConfig): string {
  const file = join(mkdtempSync(join(tmpdir(), 'aih-config-')), 'config.yaml');
  writeFileSync(file, stringify(config));
  return file;
}

export function startWorkerProcess(options: WorkerProcessOptions): WorkerProcess {
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    SN_INSTANCE_URL: options.instanceUrl,
    SN_USERNAME: 'svc.aihandoff',
    SN_PASSWORD: 'integration-sandbox',
    REDIS_URL: options.redisUrl,
    AI_HANDOFF_PREFIX: options.prefix,
    AI_HANDOFF_CONFIG: writeConfig(options.config),
    SYNC_INTERVAL_MS: String(options.syncIntervalMs ?? 250),
    ...auditEnv(options.auditDir),
    ...(options.fault ? { AI_HANDOFF_FAULT: options.fault } : {}),
  };
  const child = spawn(process.execPath, [SEMI_SPACE_FLAG, '--import', 'tsx', fromRoot('src', 'cli', 'main.ts'), 'worker', '--log-level', 'warn'], { cwd: fromRoot(), env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  return {
    child,
    output: () => out,
    exited,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
