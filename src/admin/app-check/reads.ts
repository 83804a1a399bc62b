/**
 * Can the integration user read what the worker reads (docs/contract.md,
 * "Calls per hand-off", "Identity"): one list call per table, as that user.
 * Tickets, people, groups, memberships, roles and configuration items must
 * answer with rows (a table the user may not read answers 200 with none, as
 * ACLs filter rows); the app's own tables must answer (they may be empty on
 * a new install).
 */
import type { AppNames } from '../../domain/app-names.js';
import { describeRefusal, type InstanceReader } from './instance-reader.js';
import { READ_ROLES } from './integration-roles.js';
import { fail, pass, type AppCheck } from './report-schema.js';

const PLATFORM_READS: Readonly<Record<string, string>> = {
  sys_user: 'the requester and reviewer of each row',
  sys_user_group: 'the ticket’s group',
  sys_user_grmember: 'who may review (group members)',
  sys_user_has_role: 'the agent and reviewer roles',
  cmdb_ci: 'the configuration item (grant cmdb_read)',
};

async function probe(reader: InstanceReader, table: string, why: string, mayBeEmpty: boolean, grant: string): Promise<AppCheck> {
  const read = await reader.list(table, [], ['sys_id'], 1);
  if (!read.ok) return fail('reads', table, `refused as ${reader.who}: ${describeRefusal(read)} (${why})`, grant);
  if (read.rows.length > 0) return pass('reads', table, `readable as ${reader.who} (${why})`);
  if (mayBeEmpty) return pass('reads', table, `readable as ${reader.who}, no rows yet (${why})`);
  return fail('reads', table, `no rows as ${reader.who}: it may not read the table, or the table is empty (${why})`, `${grant}; if the table is empty on this instance, create one record and check again`);
}

export async function checkReads(reader: InstanceReader, names: AppNames, tables: readonly string[]): Promise<AppCheck[]> {
  const checks: AppCheck[] = [];
  for (const table of tables) {
    const role = READ_ROLES[table];
    checks.push(await probe(reader, table, 'tickets the worker syncs and hands off', false, role === undefined ? `grant ${reader.who} what ${table}'s read access rules require on this instance` : `grant ${role} to ${reader.who}`));
  }
  for (const table of Object.values(names.tables)) checks.push(await probe(reader, table, 'the app’s table', true, `grant ${names.roles.integration} to ${reader.who}, and check the app is installed`));
  for (const [table, why] of Object.entries(PLATFORM_READS)) checks.push(await probe(reader, table, why, false, `let ${reader.who} read ${table} (authenticated users may on a base instance; docs/servicenow-app.md, "Roles to grant")`));
  return checks;
}
