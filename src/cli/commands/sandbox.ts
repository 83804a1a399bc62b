/**
 * `ai-handoff sandbox`: serves the sandbox ServiceNow instance (a local
 * Table API seeded with the sandbox cast and tickets) until SIGINT/SIGTERM.
 */
import type { Command } from 'commander';
import { HandoffError } from '../../errors.js';
import { createLogger } from '../../util/log.js';
import { createSandbox, OAUTH_CLIENT_ID, OAUTH_CLIENT_SECRET, PEOPLE, INTEGRATION_PASSWORD, INTEGRATION_USER, PERSON_PASSWORD } from '../../../connectors/servicenow/sandbox/index.js';

/** The port the sandbox listens on unless told otherwise. */
export const DEFAULT_SANDBOX_PORT = 8090;

interface SandboxFlags {
  readonly port: string;
  readonly host: string;
  readonly tickets: string;
  readonly persist?: string;
  readonly control?: boolean;
  readonly generatorSeed: string;
}

/** A whole-number flag within bounds, or INPUT_INVALID naming the flag. */
export function integer(flag: string, text: string, min: number, max: number): number {
  if (!/^\d+$/.test(text) || Number(text) < min || Number(text) > max) {
    throw new HandoffError('INPUT_INVALID', `${flag} must be a whole number from ${min} to ${max}, got '${text}'`, { remedy: `pass for example ${flag} ${min === 0 ? 1000 : min}` });
  }
  return Number(text);
}

export function usersTable(): string {
  const rows = PEOPLE.filter((p) => p.cast).map((p) => [p.userName, p.name, p.roles.join(', ') || '(none)', p.userName === INTEGRATION_USER ? INTEGRATION_PASSWORD : PERSON_PASSWORD, p.part]);
  const head = ['user_name', 'name', 'roles', 'password', 'part'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: readonly string[]): string => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd();
  return [line(head), ...rows.map(line)].join('\n');
}

export function registerSandbox(program: Command): void {
  program
    .command('sandbox')
    .description('Serve the sandbox ServiceNow instance: a local Table API with the sandbox cast and tickets (docs/sandbox.md)')
    .option('--port <n>', 'TCP port (0 picks a free one)', String(DEFAULT_SANDBOX_PORT))
    .option('--host <h>', 'interface to listen on', '127.0.0.1')
    .option('--tickets <n>', 'generated tickets to add to the hand-written seed', '0')
    .option('--generator-seed <n>', 'seed of the ticket generator (same seed, same tickets)', '2041')
    .option('--persist <file>', 'keep state in this file (loaded if it exists, saved after changes)')
    .option('--control', 'serve the test control endpoint under /sandbox/control')
    .action(async (flags: SandboxFlags) => {
      const port = integer('--port', flags.port, 0, 65535);
      const tickets = integer('--tickets', flags.tickets, 0, 2_000_000);
      const generatorSeed = integer('--generator-seed', flags.generatorSeed, 0, 2 ** 31);
      const log = createLogger({ level: 'warn' });
      const started = Date.now();
      const sandbox = await createSandbox({
        port,
        host: flags.host,
        seed: { tickets, generator: { seed: generatorSeed } },
        ...(flags.persist === undefined ? {} : { persistFile: flags.persist }),
        control: flags.control === true,
        log,
      });
      console.log(`ServiceNow sandbox instance at ${sandbox.url}  (${sandbox.store.size.toLocaleString('en-US')} records, ready in ${Date.now() - started} ms)`);
      if (sandbox.seeded === undefined) console.log(`state loaded from ${flags.persist ?? ''}`);
      else if (sandbox.seeded.generated) console.log(`generated ${sandbox.seeded.generated.count.toLocaleString('en-US')} tickets (${sandbox.seeded.generated.active.toLocaleString('en-US')} active)`);
      console.log(`Table API: ${sandbox.url}/api/now/table/incident   OAuth: ${sandbox.url}/oauth_token.do (client ${OAUTH_CLIENT_ID} / ${OAUTH_CLIENT_SECRET})`);
      console.log(`Ticket pages: ${sandbox.url}/tickets  (act as anyone below through the user switcher)`);
      if (flags.control === true) console.log(`control endpoint: ${sandbox.url}/sandbox/control`);
      console.log(`\nSeeded users (every person's password is '${PERSON_PASSWORD}'):\n${usersTable()}\n`);
      console.log('Ctrl-C stops it.');
      await new Promise<void>((resolve) => {
        const stop = (): void => {
          process.off('SIGINT', stop);
          process.off('SIGTERM', stop);
          resolve();
        };
        process.on('SIGINT', stop);
        process.on('SIGTERM', stop);
      });
      await sandbox.close();
      console.log('sandbox stopped');
    });
}
