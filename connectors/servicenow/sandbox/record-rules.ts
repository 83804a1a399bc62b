/**
 * Per-user record read rules: which records of a table a person may read,
 * beyond the table-level right acl.ts decides. An instance has many such
 * rules (ACLs with conditions or scripts, domain separation); the sandbox
 * has the three the read boundary is tested against:
 *
 * - a ticket of data class `restricted` is readable only by members of its
 *   assignment group, and by admin and the integration role;
 * - a security incident (`sn_si_incident`) only by holders of a Security
 *   Incident Response role (`sn_si.*`), as that plugin locks its tables;
 * - a test may deny one user one record (`deny`, or the control endpoint).
 *
 * A list answers the readable rows only (a page can hold fewer rows than its
 * limit, as on an instance: the limit applies before ACLs); a single record
 * the rules hide answers 404.
 */
import type { AppNames } from '../../../src/domain/app-names.js';
import type { Identity } from './auth/identify.js';
import type { Directory } from './auth/directory.js';
import type { StoredRow } from './store.js';

export interface RecordDenial {
  readonly user: string;
  readonly sysId: string;
}

export interface RecordRules {
  /** Whether this person may read this record (the table-level right is checked by the ACL first). */
  canRead(identity: Identity, row: StoredRow): boolean;
  /** One check for many rows (a list page): the user's roles and groups are read once. */
  readerFor(identity: Identity): (row: StoredRow) => boolean;
  /** Hides one record from one user (by user_name). */
  deny(denial: RecordDenial): void;
  clearDenials(): void;
  denials(): RecordDenial[];
}

const SECURITY_TABLE = 'sn_si_incident';
const SECURITY_ROLE_PREFIX = 'sn_si.';

export function createRecordRules(directory: Directory, names: AppNames): RecordRules {
  const denied = new Map<string, Set<string>>();
  const dataClass = names.fields.dataClass;

  const readerFor = (identity: Identity): ((row: StoredRow) => boolean) => {
    const { roles, actor } = identity;
    const hidden = denied.get(actor.userName.toLowerCase());
    if (roles.has('admin')) return hidden === undefined ? () => true : (row) => !hidden.has(row.v.sys_id!);
    const security = [...roles].some((r) => r.startsWith(SECURITY_ROLE_PREFIX));
    const integration = roles.has(names.roles.integration);
    let groups: Set<string> | undefined;
    return (row) => {
      if (hidden?.has(row.v.sys_id!)) return false;
      const lineage = row.table.lineage;
      if (lineage.includes(SECURITY_TABLE) && !security) return false;
      if (!integration && lineage.includes('task') && row.v[dataClass] === 'restricted') {
        groups ??= new Set(directory.groups(actor.sysId));
        return groups.has(row.v.assignment_group ?? '');
      }
      return true;
    };
  };

  return {
    canRead: (identity, row) => readerFor(identity)(row),
    readerFor,
    deny({ user, sysId }) {
      const key = user.toLowerCase();
      const set = denied.get(key) ?? new Set<string>();
      set.add(sysId);
      denied.set(key, set);
    },
    clearDenials: () => denied.clear(),
    denials: () => [...denied].flatMap(([user, ids]) => [...ids].map((sysId) => ({ user, sysId }))),
  };
}
