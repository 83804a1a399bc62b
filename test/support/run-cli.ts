import { vi } from 'vitest';
import { main } from '../../src/cli/main.js';

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `ai-handoff <args>` in-process and captures what it prints. */
export async function runCli(args: readonly string[]): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const log = vi.spyOn(console, 'log').mockImplementation((...parts: unknown[]) => {
    stdout += `${parts.map(String).join(' ')}\n`;
  });
  const error = vi.spyOn(console, 'error').mockImplementation((...parts: unknown[]) => {
    stderr += `${parts.map(String).join(' ')}\n`;
  });
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString();
    return true;
  });
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stderr += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString();
    return true;
  });
  const before = process.exitCode;
  process.exitCode = undefined;
  try {
    const code = await main(['node', 'ai-handoff', ...args]);
    return { code, stdout, stderr };
  } finally {
    process.exitCode = before;
    log.mockRestore();
    error.mockRestore();
    out.mockRestore();
    err.mockRestore();
  }
}
