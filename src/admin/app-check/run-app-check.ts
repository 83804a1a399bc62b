/**
 * `ai-handoff app check`: what the tests here can only assume, checked on a
 * live instance (docs/servicenow-app.md, "First install"). Read-only except
 * the optional dry run. Metadata (tables, the app's records, plugins) is read
 * as the admin reader; the integration user's roles and reads as that user,
 * as the worker would.
 */
import { appInstallRecords, PLATFORM_READS } from '../../domain/app-install.js';
import type { AppNames } from '../../domain/app-names.js';
import type { BuildRecords } from './build-records.js';
import type { InstanceReader } from './instance-reader.js';
import { checkAppRecord, checkInstalledRecords } from './installed-app.js';
import { checkIntegrationRoles } from './integration-roles.js';
import { checkReads } from './reads.js';
import { fail, pass, reportOf, type AppCheck, type AppCheckReport } from './report-schema.js';
import type { ServedTicketTable } from './served-tables.js';
import { tableReadiness, type Readiness } from './table-readiness.js';

export interface AppCheckInput {
  readonly instance: string;
  readonly names: AppNames;
  /** The ticket tables the app serves here (the build's, else the mapped ones). */
  readonly served: readonly ServedTicketTable[];
  /** The tables the worker's mappings name: each must be one the app serves. */
  readonly mapped: readonly string[];
  readonly build: BuildRecords | null;
  /** Reads the platform's metadata (an administrator, or the integration user when no admin is given). */
  readonly admin: InstanceReader;
  /** Reads as the worker's integration user. */
  readonly integration: InstanceReader;
  readonly integrationUser: string;
  /** The dry run's checks, when asked for (dry-run.ts). */
  readonly dryRun?: () => Promise<AppCheck[]>;
}

export const readinessCheck = (r: Readiness): AppCheck => (r.ok ? pass('tables', r.table, r.detail) : fail('tables', r.table, r.detail, r.fix ?? 'see docs/servicenow-app.md, "What each table must allow"'));

export async function runAppCheck(input: AppCheckInput): Promise<AppCheckReport> {
  const { names, build, admin, integration } = input;
  const checks: AppCheck[] = [];
  for (const table of input.served) checks.push(readinessCheck(await tableReadiness(admin, table, 'ticket')));
  for (const table of input.mapped.filter((t) => !input.served.some((s) => s.name === t))) {
    checks.push(fail('tables', table, 'mapped, but the app build does not serve it', `build the app with the table's part (AIH_APP_PARTS), or remove mappings/servicenow/${table}.yaml from the worker's mappings`));
  }
  for (const name of PLATFORM_READS) checks.push(readinessCheck(await tableReadiness(admin, { name, plugin: null, part: 'core' }, 'read')));

  const sameScope = build === null || build.scope === names.scope;
  if (!sameScope) {
    checks.push(fail('app', 'build', `the build in ${build.dir} is for scope ${build.scope}; the worker's scope is ${names.scope}`, `build with AIH_APP_SCOPE=${names.scope}, or set SN_APP_SCOPE=${build.scope} if that is the scope installed`));
  }
  const { check, app } = await checkAppRecord(admin, names, sameScope && build !== null ? build.app.version : null);
  checks.push(check);
  if (app !== null) {
    const expected = sameScope && build !== null ? build.records : appInstallRecords(names, input.served);
    checks.push(...(await checkInstalledRecords(admin, names, app, expected)));
  }
  const tables = input.served.map((t) => t.name);
  checks.push(...(await checkIntegrationRoles(integration, names, input.integrationUser, tables)));
  checks.push(...(await checkReads(integration, names, tables)));
  if (input.dryRun !== undefined) checks.push(...(await input.dryRun()));
  return reportOf({ instance: input.instance, scope: names.scope, build: sameScope && build !== null ? build.dir : null, integrationUser: input.integrationUser, metadataAs: admin.who }, checks);
}

/** The report as text: one line per check, the fix under each failure, a closing count. */
export function formatAppCheck(report: AppCheckReport): string {
  const lines = [`App check of ${report.instance}: scope ${report.scope}, integration user ${report.integrationUser}, metadata read as ${report.metadataAs}, ${report.build === null ? 'no build found (compared with the contract’s records)' : `compared with the build in ${report.build}`}`];
  let area = '';
  for (const c of report.checks) {
    if (c.area !== area) {
      area = c.area;
      lines.push('', `${area}:`);
    }
    lines.push(`  ${c.ok ? 'pass' : 'FAIL'}  ${c.subject}: ${c.detail}`);
    if (c.fix !== undefined) lines.push(`        fix: ${c.fix}`);
  }
  lines.push('', report.ok ? `All ${report.passed} checks passed.` : `${report.failed} of ${report.checks.length} checks failed.`);
  return `${lines.join('\n')}\n`;
}
