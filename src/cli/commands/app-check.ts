/**
 * `ai-handoff app check`: the first-install checklist as a command
 * (docs/servicenow-app.md, "First install"), against the instance of SN_*
 * (or the local sandbox of `npm start`): the tables, the installed app and
 * its records against the build, the integration user's roles and reads, and
 * an optional dry run in shadow mode. Read-only except the dry run's request
 * row. Exit 0 when every check passes, 1 when one fails, 2 on an error.
 */
import type { Command } from 'commander';
import { DEFAULT_BUILD_DIR, readBuildRecords, type BuildRecords } from '../../admin/app-check/build-records.js';
import { formatAppCheck, runAppCheck } from '../../admin/app-check/run-app-check.js';
import { AppCheckReport } from '../../admin/app-check/report-schema.js';
import { readServedTables, type ServedTicketTable } from '../../admin/app-check/served-tables.js';
import { readSecret, type Env } from '../../../connectors/servicenow/env-config.js';
import { parseServiceNowConfig, type ServiceNowConfig } from '../../../connectors/servicenow/config.js';
import { PERSON_PASSWORD } from '../../../connectors/servicenow/sandbox/index.js';
import { appNames } from '../../domain/app-names.js';
import { HandoffError } from '../../errors.js';
import { loadMappings } from '../../mapping/load-mappings.js';
import { createLogger } from '../../util/log.js';
import { explainUnreachable, instanceTarget } from './instance.js';
import { createTableReader, userOf, type ClosableReader } from './table-reader.js';
import { agentPassword, checkDryRunInput, dryRunChecks, type DryRunOptions } from './app-check-dry-run.js';

export interface AppCheckOptions {
  readonly config?: string;
  /** The build folder; false: compare with the contract's records. */
  readonly build?: string | false | undefined;
  readonly integrationUser?: string;
  readonly json?: boolean;
  readonly dryRun?: string;
  readonly as?: string;
  readonly operation?: string;
  readonly timeout?: string;
}

/** A user_name as a query value: no `^`, no line break, nothing a query could misread. */
const USER_NAME = /^[A-Za-z0-9._@+-]{1,100}$/;

function checkedUser(value: string, option: string): string {
  if (!USER_NAME.test(value)) throw new HandoffError('INPUT_INVALID', `${option}: ${JSON.stringify(value)} is not a user name`, { remedy: `give the user's user_name (letters, digits, . _ @ + -), e.g. ${option} svc.aihandoff` });
  return value;
}

/** The administrator's credentials for the metadata reads: SN_ADMIN_USERNAME and SN_ADMIN_PASSWORD, or the sandbox's admin locally. */
function adminConfig(sn: ServiceNowConfig, env: Env, realInstance: boolean): ServiceNowConfig | null {
  const username = env.SN_ADMIN_USERNAME?.trim() ?? '';
  if (username === '') return realInstance ? null : parseServiceNowConfig({ instanceUrl: sn.instanceUrl, auth: { kind: 'basic', username: 'admin', password: PERSON_PASSWORD } });
  const password = readSecret(env, 'SN_ADMIN_PASSWORD');
  if (password === undefined) throw new HandoffError('SECRET_MISSING', 'SN_ADMIN_USERNAME is set but SN_ADMIN_PASSWORD is not', { remedy: 'set SN_ADMIN_PASSWORD (or SN_ADMIN_PASSWORD_FILE) to the administrator’s password, or unset SN_ADMIN_USERNAME' });
  return parseServiceNowConfig({ instanceUrl: sn.instanceUrl, auth: { kind: 'basic', username: checkedUser(username, 'SN_ADMIN_USERNAME'), password } }, 'SN_ADMIN_USERNAME and SN_ADMIN_PASSWORD');
}

/** The tables the app serves here: the build's, else the mapped ones the app can serve. */
function servedTables(build: BuildRecords | null, mapped: readonly string[]): ServedTicketTable[] {
  const listed = readServedTables();
  const wanted = build === null ? mapped : build.tables;
  return listed.filter((t) => wanted.includes(t.name));
}

export async function runAppCheckCommand(options: AppCheckOptions, env: Env, out: (text: string) => void): Promise<0 | 1> {
  const target = instanceTarget({ config: options.config, env });
  const { config } = target.loaded;
  const names = appNames(config.app.scope);
  // The local sandbox imitates an install with every part, not a build: it is compared with the contract's records unless --build names one.
  const buildDir = options.build ?? (target.realInstance ? DEFAULT_BUILD_DIR : false);
  const build = buildDir === false ? null : readBuildRecords(buildDir);
  if (build === null && options.build !== undefined && options.build !== false) {
    throw new HandoffError('INPUT_INVALID', `--build: ${options.build} holds no build (no build.json)`, { remedy: 'build the app (npm run build --prefix connectors/servicenow/app) and give its dist/app, or --no-build to compare with the contract’s records' });
  }
  const mapped = [...loadMappings(config.paths.mappings).byTable.keys()];
  if (options.dryRun !== undefined && options.as === undefined) throw new HandoffError('INPUT_INVALID', '--dry-run needs --as: the agent its request row is created as', { remedy: 'add --as <user_name> of an agent (a holder of the app’s agent role), e.g. --as alex.rivera' });
  const agent = options.as === undefined ? '' : checkedUser(options.as, '--as');
  const dryRunInput = options.dryRun === undefined ? undefined : { ...checkDryRunInput(options.dryRun, options.timeout ?? '120', options.operation), agent, agentPassword: agentPassword(env, target.realInstance, agent) };
  const integrationUser = options.integrationUser === undefined ? userOf(target.sn) : checkedUser(options.integrationUser, '--integration-user');
  if (integrationUser === undefined) throw new HandoffError('INPUT_INVALID', 'the SN_* credentials name no user (client credentials or Entra ID)', { remedy: 'name the integration user: --integration-user <user_name>' });
  const log = createLogger({ level: 'warn', write: (text) => process.stderr.write(text) });
  const readers: ClosableReader[] = [];
  const open = (sn: ServiceNowConfig, who: string): ClosableReader => {
    const reader = createTableReader(sn, who, log);
    readers.push(reader);
    return reader;
  };
  try {
    const integration = open(target.sn, integrationUser);
    const adminSn = adminConfig(target.sn, env, target.realInstance);
    const admin = adminSn === null ? integration : open(adminSn, userOf(adminSn) ?? 'admin');
    const served = servedTables(build, mapped);
    const dryRun: DryRunOptions | undefined =
      options.dryRun === undefined || dryRunInput === undefined
        ? undefined
        : { number: options.dryRun, ...dryRunInput, operation: options.operation, sn: target.sn, names, served, integration, journal: admin, loaded: target.loaded, log };
    const report = await runAppCheck({
      instance: target.sn.instanceUrl,
      names,
      served,
      mapped,
      build,
      admin,
      integration,
      integrationUser,
      ...(dryRun === undefined ? {} : { dryRun: () => dryRunChecks(dryRun) }),
    });
    out(options.json === true ? `${JSON.stringify(AppCheckReport.parse(report))}\n` : formatAppCheck(report));
    return report.ok ? 0 : 1;
  } catch (error) {
    throw explainUnreachable(target, error);
  } finally {
    for (const reader of readers) reader.close();
  }
}

export function registerApp(program: Command): void {
  const app = program.command('app').description('The ServiceNow app on an instance');
  app
    .command('check')
    .description('check a live instance for the app (tables, installed records, the integration user’s roles and reads; optionally a dry run in shadow mode); exit 0 all pass, 1 a check failed, 2 error')
    .option('--config <file>', 'runtime config (default: AI_HANDOFF_CONFIG, else config/production.yaml with SN_INSTANCE_URL set, else config/sandbox.yaml)')
    .option('--build <dir>', 'the app build to compare with (default against an instance: connectors/servicenow/app/dist/app, when built)')
    .option('--no-build', 'compare with the contract’s records instead of a build')
    .option('--integration-user <user_name>', 'the worker’s integration user (default: SN_USERNAME)')
    .option('--json', 'print the report as JSON')
    .option('--dry-run <number>', 'also run one hand-off on this ticket in shadow mode: a request row created as --as, no note on the ticket')
    .option('--as <user_name>', 'the agent the dry run’s request row is created as (password: AIH_DRY_RUN_PASSWORD)')
    .option('--operation <id>', 'the operation the dry run requests (default: the first the panel allows)')
    .option('--timeout <seconds>', 'how long the dry run waits for the worker, 10 to 900', '120')
    .action(async (opts: { config?: string; build?: string | boolean; integrationUser?: string; json?: boolean; dryRun?: string; as?: string; operation?: string; timeout: string }) => {
      const build = opts.build === true || opts.build === undefined ? undefined : opts.build;
      process.exitCode = await runAppCheckCommand({ ...opts, build }, process.env, (text) => process.stdout.write(text));
    });
}
