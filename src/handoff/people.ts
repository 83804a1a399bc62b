/**
 * Who people are, as the flow asks it: a user's active flag and roles
 * (`sys_user`, `sys_user_has_role`) and a group's members, cached for
 * `worker.userCacheMs` (default 120 s) so a hand-off does not cost a user
 * lookup, while a role removed or a user deactivated is seen within that
 * bound (issue 13). Misses are not cached: a user created a moment ago is
 * found on the next attempt.
 */
import type { Connector } from '../connector/connector.js';

export interface Person {
  readonly sysId: string;
  readonly userName: string;
  readonly name: string;
  readonly active: boolean;
  /** Active role names (sys_user_has_role). */
  readonly roles: ReadonlySet<string>;
}

export interface People {
  /** A user by user_name with their roles, or null when the platform has none. */
  byUserName(userName: string): Promise<Person | null>;
  /** sys_ids of a group's active members. */
  groupMembers(groupSysId: string): Promise<readonly string[]>;
}

export interface PeopleOptions {
  readonly connector: Pick<Connector, 'user' | 'userRoles' | 'groupMembers'>;
  /** How long an answer is reused, in ms; 0 asks every time. */
  readonly ttlMs: number;
  readonly now?: () => number;
  /** Most entries kept per kind; the oldest go first. Default 10,000. */
  readonly max?: number;
}

export function createPeople(options: PeopleOptions): People {
  const { connector, ttlMs } = options;
  const now = options.now ?? Date.now;
  const max = options.max ?? 10_000;

  const cached = <T>(): ((key: string, load: () => Promise<T | null>) => Promise<T | null>) => {
    const entries = new Map<string, { at: number; value: Promise<T | null> }>();
    return async (key, load) => {
      const hit = entries.get(key);
      if (hit && now() - hit.at < ttlMs) return hit.value;
      // Concurrent lookups of one key share the call; a failed or empty answer is not kept.
      const value = load();
      entries.delete(key);
      entries.set(key, { at: now(), value });
      if (entries.size > max) entries.delete(entries.keys().next().value!);
      try {
        if ((await value) === null) entries.delete(key);
      } catch (error) {
        entries.delete(key);
        throw error;
      }
      return value;
    };
  };
  const users = cached<Person>();
  const groups = cached<readonly string[]>();

  return {
    byUserName: (userName) =>
      users(userName.toLowerCase(), async () => {
        const user = await connector.user({ userName });
        if (!user) return null;
        return { ...user, roles: new Set(await connector.userRoles(user.sysId)) };
      }),
    async groupMembers(groupSysId) {
      return (await groups(groupSysId, () => connector.groupMembers(groupSysId))) ?? [];
    },
  };
}
