/**
 * A minimal ACL model: per table, the roles that may read, write (update)
 * and create, and per field the roles that may write it (field-level write
 * rules: a field without one is writable by whoever may write the table).
 * `*` means any signed-in user; `admin` passes every check, as on an
 * instance. A table without its own rule uses its parent's (incident uses
 * task's). Which records of a readable table a person may read is
 * record-rules.ts's.
 *
 * What a denial looks like follows the instance: a list the user may not read
 * answers 200 with no rows (ACLs filter rows rather than fail the query;
 * integrations reading sys_journal_field without the right see exactly that),
 * a single record answers 404, a write 403. Some table-level blocks answer a
 * list with 403 instead; `listDenial: 'forbidden'` imitates that, so clients
 * can be tested against both. A field its rule denies is left out of the
 * write and the rest applied (the Table API answers 200), as an instance
 * does with field-level write ACLs.
 */
import { z } from 'zod';
import type { AppNames } from '../../../src/domain/app-names.js';
import { REQUEST_WORKER_COLUMNS, REVIEW_WORKER_COLUMNS } from '../../../src/domain/app-rows.js';
import { checkpointAcl } from './schema/checkpoint-table.js';
import type { Schema } from './schema/registry.js';

export const TableAcl = z.strictObject({
  read: z.array(z.string().min(1)),
  write: z.array(z.string().min(1)),
  create: z.array(z.string().min(1)),
  /** How a list read that the rule denies answers: 200 with no rows (default) or 403. */
  listDenial: z.enum(['empty', 'forbidden']).optional(),
  /** Field-level write rules: field -> roles that may write it ([]: admin only). */
  writeFields: z.record(z.string().regex(/^[a-z][a-z0-9_]*$/), z.array(z.string().min(1))).optional(),
});
export type TableAcl = z.infer<typeof TableAcl>;

export const TableAclPatch = TableAcl.partial();
export type TableAclPatch = z.infer<typeof TableAclPatch>;

export const AclOverrides = z.record(z.string().regex(/^[a-z][a-z0-9_]*$/), TableAclPatch);
export type AclOverrides = z.infer<typeof AclOverrides>;

export type AclOperation = 'read' | 'write' | 'create';

const ANYONE = ['*'];
const ADMIN_ONLY: string[] = [];

/**
 * The sandbox's default rules for an instance with the app of scope
 * `names.scope` installed. The integration role reads what the connector
 * needs; it writes tickets only through the app's API (server-side, no ACL),
 * and the app's rows only in the columns the worker owns.
 */
export function defaultAcl(names: AppNames): Record<string, TableAcl> {
  const { roles, fields, tables } = names;
  const ticketReaders = ['itil', roles.agent, roles.reviewer, roles.integration];
  const rowReaders = [roles.agent, roles.reviewer, roles.integration];
  const workerOnly = (columns: readonly string[], all: readonly string[]): Record<string, string[]> =>
    Object.fromEntries(all.map((c) => [c, columns.includes(c) ? [roles.integration] : ADMIN_ONLY]));
  const requestColumns = ['ticket_table', 'ticket', 'number', 'operation', 'scope_digest', 'note', 'requested_by', 'readable', 'state', 'handoff', 'message', 'remedy'];
  const reviewColumns = ['ticket_table', 'ticket', 'number', 'handoff', 'decision', 'comment', 'reviewed_by', 'state', 'message', 'remedy'];
  return {
    task: {
      read: ticketReaders,
      // The integration role writes no ticket table: its writes go through the app's API (server-side).
      write: ['itil'],
      create: ['itil'],
      // The only kind of ACL a scoped app may add to another scope's table: field-level, no script, no condition.
      writeFields: { [fields.panel]: [roles.integration], [fields.status]: [roles.integration], [fields.dataClass]: [roles.dataSteward] },
    },
    sys_user: { read: ANYONE, write: ADMIN_ONLY, create: ADMIN_ONLY },
    sys_user_group: { read: ANYONE, write: ADMIN_ONLY, create: ADMIN_ONLY },
    sys_user_grmember: { read: ANYONE, write: ADMIN_ONLY, create: ADMIN_ONLY },
    sys_user_role: { read: ANYONE, write: ADMIN_ONLY, create: ADMIN_ONLY },
    sys_user_has_role: { read: ANYONE, write: ADMIN_ONLY, create: ADMIN_ONLY },
    cmdb_ci: { read: ANYONE, write: ['itil'], create: ['itil'] },
    sc_cat_item: { read: ANYONE, write: ADMIN_ONLY, create: ADMIN_ONLY },
    sys_choice: { read: ANYONE, write: ADMIN_ONLY, create: ADMIN_ONLY },
    sys_journal_field: { read: ticketReaders, write: ADMIN_ONLY, create: ADMIN_ONLY },
    sys_audit: { read: ['itil', roles.integration], write: ADMIN_ONLY, create: ADMIN_ONLY },
    sys_dictionary: { read: ['itil', roles.integration], write: ADMIN_ONLY, create: ADMIN_ONLY },
    sys_db_object: { read: ['itil', roles.integration], write: ADMIN_ONLY, create: ADMIN_ONLY },
    [tables.request]: { read: rowReaders, write: [roles.integration], create: [roles.agent], writeFields: workerOnly(REQUEST_WORKER_COLUMNS, requestColumns) },
    [tables.review]: { read: rowReaders, write: [roles.integration], create: [roles.reviewer, roles.agent], writeFields: workerOnly(REVIEW_WORKER_COLUMNS, reviewColumns) },
    ...checkpointAcl(names),
  };
}

export interface Acl {
  allows(table: string, operation: AclOperation, roles: ReadonlySet<string>): boolean;
  /** Whether a field-level write rule lets these roles write `field` (true when the field has none). */
  fieldWritable(table: string, field: string, roles: ReadonlySet<string>): boolean;
  /** Replaces parts of one table's rule (e.g. `{ read: ['admin'] }` to hide sys_audit from the integration user). */
  set(table: string, rule: TableAclPatch): void;
  /** How a denied list read answers on this table. */
  listDenial(table: string): 'empty' | 'forbidden';
  rules(): Record<string, TableAcl>;
}

export function createAcl(schema: Schema, names: AppNames, overrides: AclOverrides = {}): Acl {
  const rules = new Map<string, TableAcl>(Object.entries(defaultAcl(names)));
  const set = (table: string, rule: TableAclPatch): void => {
    const base = ruleFor(table) ?? { read: ADMIN_ONLY, write: ADMIN_ONLY, create: ADMIN_ONLY };
    const listDenial = rule.listDenial ?? base.listDenial;
    const writeFields = rule.writeFields ?? base.writeFields;
    rules.set(table, {
      read: rule.read ?? base.read,
      write: rule.write ?? base.write,
      create: rule.create ?? base.create,
      ...(listDenial === undefined ? {} : { listDenial }),
      ...(writeFields === undefined ? {} : { writeFields }),
    });
  };
  const passes = (allowed: readonly string[], roles: ReadonlySet<string>): boolean => roles.has('admin') || allowed.some((role) => role === '*' || roles.has(role));
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
      return passes(ruleFor(table)?.[operation] ?? ADMIN_ONLY, roles);
    },
    fieldWritable(table, field, roles) {
      const allowed = ruleFor(table)?.writeFields?.[field];
      return allowed === undefined || passes(allowed, roles);
    },
    set,
    listDenial: (table) => ruleFor(table)?.listDenial ?? 'empty',
    rules: () => Object.fromEntries(rules),
  };
}
