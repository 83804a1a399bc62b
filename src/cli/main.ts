/**
 * `ai-handoff`: the command-line program. Wiring only; each subcommand lives
 * in src/cli/commands/.
 */
import { Command, CommanderError } from 'commander';
import { isHandoffError } from '../errors.js';
import { registrars } from './commands/index.js';

export function buildProgram(): Command {
  const program = new Command('ai-handoff')
    .description('Governed AI task hand-off for IT service management')
    .exitOverride()
    .showHelpAfterError();
  for (const register of registrars) register(program);
  return program;
}

/** Runs the program; resolves to the process exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync([...argv]);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode;
    if (isHandoffError(error)) {
      process.stderr.write(`ai-handoff: ${error.code}: ${error.message}\n`);
      if (error.remedy) process.stderr.write(`  fix: ${error.remedy}\n`);
      return 2;
    }
    throw error;
  }
}

/**
 * Sets the exit code; after a failure, also ends the process shortly after,
 * in case a connection or timer of a half-started worker would keep it
 * alive (a supervisor must see the exit, not a process that does nothing).
 * The timer is unref'd: a process with nothing left running exits at once.
 */
export function finish(code: number): void {
  process.exitCode = code;
  if (code !== 0) setTimeout(() => process.exit(code), EXIT_GRACE_MS).unref();
}

/** How long a failed command may take to close what it opened before the process is ended, in ms. */
export const EXIT_GRACE_MS = 1_000;

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === new URL(`file://${process.argv[1]}`).href;
if (invokedDirectly) {
  main(process.argv).then(finish, (error: unknown) => {
    process.stderr.write(`ai-handoff: ${error instanceof Error ? error.message : String(error)}\n`);
    finish(1);
  });
}
