/**
 * Who is who: users by user_name, their roles (sys_user_has_role) and groups
 * (sys_user_grmember), read from the store on each call so changes made
 * through the Table API take effect at once.
 */
import type { Actor } from '../business-rules.js';
import type { Store, StoredRow } from '../store.js';

export interface Directory {
  user(userName: string): StoredRow | undefined;
  actor(user: StoredRow): Actor;
  roles(userSysId: string): Set<string>;
  groups(userSysId: string): string[];
  /** Whether the account may sign in (active, not locked out). */
  canSignIn(user: StoredRow): boolean;
}

export function createDirectory(store: Store): Directory {
  const index = (table: string, field: string) => store.partitions(table)[0]!.indexes.get(field)!;
  return {
    user: (userName) => index('sys_user', 'user_name').get(userName.toLowerCase())?.[0],
    actor: (user) => ({ sysId: user.v.sys_id!, userName: user.v.user_name!, name: user.v.name! }),
    roles(userSysId) {
      const names = new Set<string>();
      for (const link of index('sys_user_has_role', 'user').get(userSysId) ?? []) {
        if (link.v.state !== 'active') continue;
        const role = store.get('sys_user_role', link.v.role!);
        if (role) names.add(role.v.name!);
      }
      return names;
    },
    groups: (userSysId) => (index('sys_user_grmember', 'user').get(userSysId) ?? []).map((m) => m.v.group!),
    canSignIn: (user) => user.v.active === 'true' && user.v.locked_out !== 'true',
  };
}
