/**
 * The integration user's roles against the least-privilege list of
 * docs/servicenow-app.md ("Roles to grant"): the app's integration role is
 * required; roles that give far more than the worker needs (admin, itil,
 * security_admin, impersonator, maint, any elevated-privilege role) and the
 * app's people roles (the integration user is never a requester, reviewer or
 * data steward: docs/contract.md, "As built") are flagged. The per-table read
 * roles are named, but whether the user can read a table is the read probe's
 * finding (reads.ts): an instance may grant the read another way.
 */
import type { AppNames } from '../../domain/app-names.js';
import { describeRefusal, eq, type InstanceReader } from './instance-reader.js';
import { fail, pass, type AppCheck } from './report-schema.js';

/** Roles that grant far more than the worker needs (docs/servicenow-app.md: "Not itil"). */
export const POWERFUL_ROLES: readonly string[] = ['admin', 'security_admin', 'itil', 'impersonator', 'maint'];

/** The documented read roles per ticket table (some marked as assumptions on that page). */
export const READ_ROLES: Readonly<Record<string, string>> = {
  incident: 'sn_incident_read',
  sc_request: 'sn_request_read',
  sc_req_item: 'sn_request_read',
  sn_si_incident: 'sn_si.read',
};

interface HeldRole {
  readonly name: string;
  readonly elevated: boolean;
}

async function heldRoles(reader: InstanceReader, userSysId: string): Promise<HeldRole[] | string> {
  const read = await reader.list('sys_user_has_role', [eq('user', userSysId)], ['role.name', 'role.elevated_privilege', 'state'], 1000);
  if (!read.ok) return describeRefusal(read);
  const held = new Map<string, HeldRole>();
  for (const row of read.rows) {
    const name = row['role.name'] ?? '';
    if (name !== '' && (row.state ?? 'active') === 'active') held.set(name, { name, elevated: row['role.elevated_privilege'] === 'true' });
  }
  return [...held.values()].sort((a, b) => a.name.localeCompare(b.name));
}

export async function checkIntegrationRoles(reader: InstanceReader, names: AppNames, userName: string, tables: readonly string[]): Promise<AppCheck[]> {
  const subject = userName;
  const user = await reader.list('sys_user', [eq('user_name', userName)], ['sys_id', 'active', 'web_service_access_only'], 1);
  if (!user.ok) return [fail('roles', subject, `sys_user could not be read as ${reader.who} (${describeRefusal(user)})`, 'grant the integration user read on sys_user (authenticated users have it on a base instance)')];
  const row = user.rows[0];
  if (row === undefined) return [fail('roles', subject, `no user ${userName} on the instance`, 'create the integration user, or name it with --integration-user')];
  const checks: AppCheck[] = [];
  if (row.active === 'false') checks.push(fail('roles', subject, 'the user is inactive', `activate ${userName} (the worker signs in as it)`));
  if (row.web_service_access_only === 'false') checks.push(fail('roles', subject, '"Web service access only" is not ticked', `tick Web service access only on ${userName}: it never signs in to the UI`));
  const held = await heldRoles(reader, row.sys_id ?? '');
  if (typeof held === 'string') return [...checks, fail('roles', subject, `sys_user_has_role could not be read as ${reader.who} (${held})`, 'grant the integration user read on sys_user_has_role (the worker reads roles there: docs/contract.md, "Identity")')];
  const heldNames = new Set(held.map((r) => r.name));
  const required = names.roles.integration;
  checks.push(heldNames.has(required) ? pass('roles', `${subject}: ${required}`, 'held (required)') : fail('roles', `${subject}: ${required}`, 'not held (required: the rows, the checkpoints and the ticket API need it)', `grant ${required} to ${userName}`));
  const peopleRoles = new Set([names.roles.agent, names.roles.reviewer, names.roles.dataSteward]);
  const tooMuch = held.filter((r) => POWERFUL_ROLES.includes(r.name) || r.elevated || peopleRoles.has(r.name)).map((r) => r.name);
  const advised = [...new Set(tables.flatMap((t) => (READ_ROLES[t] === undefined ? [] : [READ_ROLES[t]])))];
  const other = `read roles ${advised.map((r) => `${r} ${heldNames.has(r) ? 'held' : 'not held'}`).join(', ') || 'none listed'} (the read probes decide)`;
  checks.push(
    tooMuch.length === 0
      ? pass('roles', `${subject}: nothing more`, `no powerful or people role among ${held.length} held; ${other}`)
      : fail('roles', `${subject}: nothing more`, `holds ${tooMuch.join(', ')}: more than the worker needs`, `remove ${tooMuch.join(', ')} from ${userName} (docs/servicenow-app.md, "Roles to grant"); grant the read roles instead`),
  );
  return checks;
}
