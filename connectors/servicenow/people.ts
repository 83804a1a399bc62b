/**
 * Users, their roles and group memberships: `sys_user` (by sys_id or
 * user_name), `sys_user_has_role` (a user's active roles: who may request or
 * review) and `sys_user_grmember` (a group's members, for approvers).
 */
import type { UserRecord } from '../../src/connector/connector.js';
import { encodedQuery } from './encoded-query.js';
import { allBySysId } from './keyset-cursor.js';
import type { TableClient } from './table-client.js';

const USER_FIELDS = ['sys_id', 'user_name', 'name', 'active'];

export async function readUser(client: TableClient, by: { readonly sysId: string } | { readonly userName: string }, signal?: AbortSignal): Promise<UserRecord | null> {
  const withSignal = signal === undefined ? {} : { signal };
  let row;
  if ('sysId' in by) {
    row = await client.get('sys_user', by.sysId, { fields: USER_FIELDS, ...withSignal });
  } else {
    const query = encodedQuery('sys_user', ['user_name']).and({ field: 'user_name', op: '=', value: by.userName }).build();
    [row] = await client.list('sys_user', { query, fields: USER_FIELDS, limit: 1, ...withSignal });
  }
  if (row === null || row === undefined) return null;
  return { sysId: row.sys_id ?? '', userName: row.user_name ?? '', name: row.name ?? '', active: row.active === 'true' };
}

/**
 * sys_ids of a group's active members. Whether a member is active is read
 * through a dot-walked field (`user.active`) and filtered here rather than in
 * the query, so it works wherever dot-walking in sysparm_fields does.
 */
export async function readGroupMembers(client: TableClient, groupSysId: string, pageSize: number, signal?: AbortSignal): Promise<string[]> {
  const rows = await allBySysId(client, {
    table: 'sys_user_grmember',
    fields: ['user', 'user.active'],
    conditions: [{ field: 'group', op: '=', value: groupSysId }],
    allowed: ['group'],
    pageSize,
    ...(signal === undefined ? {} : { signal }),
  });
  const members = new Set<string>();
  for (const row of rows) if (row.user !== undefined && row.user !== '' && row['user.active'] === 'true') members.add(row.user);
  return [...members];
}

/** An active group by its exact name (the first by sys_id when names repeat); null when there is none. */
export async function readGroupByName(client: TableClient, name: string, signal?: AbortSignal): Promise<{ sysId: string; name: string } | null> {
  const query = encodedQuery('sys_user_group', ['name', 'active']).and({ field: 'name', op: '=', value: name }).and({ field: 'active', op: '=', value: 'true' }).orderBy('sys_id').build();
  const [row] = await client.list('sys_user_group', { query, fields: ['sys_id', 'name'], limit: 1, ...(signal === undefined ? {} : { signal }) });
  return row === undefined || !row.sys_id ? null : { sysId: row.sys_id, name: row.name ?? name };
}

/**
 * Names of a user's active roles, read through the dot-walked `role.name`
 * (sys_user_has_role holds inherited grants as rows of their own, so one
 * query gives every role the user holds).
 */
export async function readUserRoles(client: TableClient, userSysId: string, pageSize: number, signal?: AbortSignal): Promise<string[]> {
  const rows = await allBySysId(client, {
    table: 'sys_user_has_role',
    fields: ['role.name', 'state'],
    conditions: [{ field: 'user', op: '=', value: userSysId }],
    allowed: ['user'],
    pageSize,
    ...(signal === undefined ? {} : { signal }),
  });
  const roles = new Set<string>();
  for (const row of rows) if ((row.state ?? 'active') === 'active' && (row['role.name'] ?? '') !== '') roles.add(row['role.name']!);
  return [...roles].sort();
}
