/**
 * A minimal ACL model: per table, the roles that may read, write (update)
 * and create. `*` means any signed-in user; `admin` passes every check, as on
 * an instance. A table without its own rule uses its parent's (incident uses
 * task's).
 *
 * What a denial looks like follows the instance: a list the user may not read
 * answers 200 with no rows (ACLs filter rows rather than fail the query;
 * integrations reading sys_journal_field without the right see exactly that),
 * a single record answers 404, a write 403. Some table-level blocks answer a
 * list with 403 instead; `listDenial: 'forbidden'` imitates that, so clients
 * can be tested against both.
 */
import { z } from 'zod';
import type { Schema } from './schema/registry.js';

export const TableAcl = z.strictObject({
  read: z.array(z.string().min(1)),
  write: z.array(z.string().min(1)),
  create: z.array(z.string().min(1)),
  /** How a list read that the rule denies answers: 200 with no rows (default) or 403. */
  listDenial: z.enum(['empty', 'forbidden']).optional(),
});
export type TableAcl = z.infer<typeof TableAcl>;

export const TableAclPatch = TableAcl.partial();
export type TableAclPatch = z.infer<typeof TableAclPatch>;

export const AclOverrides = z.record(z.string().regex(/^[a-z][a-z0-9_]*$/), TableAclPatch);
export type AclOverrides = z.infer<typeof AclOverrides>;

export type AclOperation = 'read' | 'write' | 'create';

const TICKET_READERS = ['itil', 'x_acme_aihandoff.agent', 'x_acme_aihandoff.reviewer', 'x_acme_aihandoff.integration'];
const ANYONE = ['*'];
const ADMIN_ONLY: string[] = [];

/** The sandbox's default rules. The integration role reads what the connector needs and writes tickets, nothing else. */
export const DEFAULT_ACL: Readonly<Record<string, TableAcl>> = {
  task: { read: TICKET_READERS, write: ['itil', 'x_acme_aihandoff.integration'], create: ['itil'] },
  sys_user: { read: ANYONE, write: ADMIN_ONLY, create: ADMIN_ONLY },
  sys_user_group: { read: ANYONE, write: ADMIN_ONLY, create: ADMIN_ONLY },
  sys_user_grmember: { read: ANYONE, write: ADMIN_ONLY, create: ADMIN_ONLY },
  sys_user_role: { read: ANYONE, write: ADMIN_ONLY, create: ADMIN_ONLY },
  sys_user_has_role: { read: ANYONE, write: ADMIN_ONLY, create: ADMIN_ONLY },
  cmdb_ci: { read: ANYONE, write: ['itil'], create: ['itil'] },
  sc_cat_item: { read: ANYONE, write: ADMIN_ONLY, create: ADMIN_ONLY },
  sys_choice: { read: ANYONE, write: ADMIN_ONLY, create: ADMIN_ONLY },
  sys_journal_field: { read: TICKET_READERS, write: ADMIN_ONLY, create: ADMIN_ONLY },
  sys_audit: { read: ['itil', 'x_acme_aihandoff.integration'], write: ADMIN_ONLY, create: ADMIN_ONLY },
  sys_dictionary: { read: ['itil', 'x_acme_aihandoff.integration'], write: ADMIN_ONLY, create: ADMIN_ONLY },
  sys_db_object: { read: ['itil', 'x_acme_aihandoff.integration'], write: ADMIN_ONLY, create: ADMIN_ONLY },
};

export interface Acl {
  allows(table: string, operation: AclOperation, roles: ReadonlySet<string>): boolean;
  /** Replaces parts of one table's rule (e.g. `{ read: ['admin'] }` to hide sys_audit from the integration user). */
  set(table: string, rule: TableAclPatch): void;
  /** How a denied list read answers on this table. */
  listDenial(table: string): 'empty' | 'forbidden';
  rules(): Record<string, TableAcl>;
}

export function createAcl(schema: Schema, overrides: AclOverrides = {}): Acl {
  const rules = new Map<string, TableAcl>(Object.entries(DEFAULT_ACL));
  const set = (table: string, rule: TableAclPatch): void => {
    const base = ruleFor(table) ?? { read: ADMIN_ONLY, write: ADMIN_ONLY, create: ADMIN_ONLY };
    const listDenial = rule.listDenial ?? base.listDenial;
    rules.set(table, { read: rule.read ?? base.read, write: rule.write ?? base.write, create: rule.create ?? base.create, ...(listDenial === undefined ? {} : { listDenial }) });
  };
  const ruleFor = (table: string): TableAcl | undefined => {
    for (const name of schema.table(table)?.lineage ?? [table]) {
      const rule = rules.get(name);
      if (rule) return rule;
    }
    return undefined;
  };
  for (const [table, rule] of Object.entries(overrides)) set(table, rule);
  return {
    allows(table, operation, roles) {
      if (roles.has('admin')) return true;
      const allowed = ruleFor(table)?.[operation] ?? ADMIN_ONLY;
      return allowed.some((role) => role === '*' || roles.has(role));
    },
    set,
    listDenial: (table) => ruleFor(table)?.listDenial ?? 'empty',
    rules: () => Object.fromEntries(rules),
  };
}
