/**
 * Seeds the hostile-ticket suite's tickets into a running sandbox: each case
 * gets its own ticket and, so that cases never see each other's payloads,
 * its own assignment group, configuration item and caller, plus the related
 * tickets (same CI, caller or group) and work notes the case plants. Records
 * are created through the sandbox's records API as the people who would
 * write them (the instance's business rules, journal and sys_audit apply),
 * not over HTTP, so the write log holds only what the product and the
 * people acting in the test write.
 */
import type { Sandbox } from '../../connectors/servicenow/sandbox/index.js';
import type { Actor } from '../../connectors/servicenow/sandbox/records.js';
import type { StoredRow } from '../../connectors/servicenow/sandbox/store.js';

export type TicketTable = 'incident' | 'sc_request' | 'sc_req_item' | 'sn_si_incident' | 'rm_enhancement';

export interface SeedNote {
  /** user_name of the author. */
  readonly by: string;
  readonly text: string;
}

export interface RelatedSeed {
  /** What the related ticket shares with the case's ticket. */
  readonly via: 'ci' | 'caller' | 'group';
  readonly title: string;
  readonly description: string;
  readonly notes?: readonly SeedNote[];
  /** Closed tickets are not synced (no panel writes); default true. */
  readonly closed?: boolean;
  /** Its data class; default the case ticket's. */
  readonly dataClass?: 'internal' | 'confidential' | 'restricted';
}

export interface HostileTicketSeed {
  readonly table: TicketTable;
  readonly number: string;
  readonly title: string;
  readonly description: string;
  readonly dataClass: 'internal' | 'confidential' | 'restricted';
  /** Incident impact and urgency give the priority; other tables take `priority`. Default 2/2 (priority 3). */
  readonly impact?: string;
  readonly urgency?: string;
  readonly priority?: string;
  /** The case's own group; created with `manager` as its manager (the approver most mappings resolve). */
  readonly group: { readonly name: string; readonly manager: string };
  /** The case's own configuration item. */
  readonly ci: { readonly name: string; readonly description: string; readonly owner: string };
  /** The case's own caller (requested-for, affected user, opened-by); created with `manager` as manager. */
  readonly caller: { readonly userName: string; readonly name: string; readonly manager: string };
  readonly assignee?: string;
  readonly notes?: readonly SeedNote[];
  /** Customer-visible comments: never a source for the AI. */
  readonly comments?: readonly SeedNote[];
  /** Fields no mapping reads (close notes, special instructions …): never a source for the AI. */
  readonly unmapped?: Readonly<Record<string, string>>;
  readonly related?: readonly RelatedSeed[];
}

export interface SeededTicket {
  readonly table: TicketTable;
  readonly number: string;
  readonly sysId: string;
  readonly related: readonly { readonly table: TicketTable; readonly number: string; readonly sysId: string }[];
}

const OPEN_STATE: Record<TicketTable, string> = { incident: '2', sc_request: '1', sc_req_item: '2', sn_si_incident: '16', rm_enhancement: '-5' };
const CLOSED_STATE: Record<TicketTable, string> = { incident: '7', sc_request: '3', sc_req_item: '3', sn_si_incident: '3', rm_enhancement: '3' };
/** The field each table's mapping reads as the caller (mappings/servicenow/*.yaml `fields.caller`). */
const CALLER_FIELD: Record<TicketTable, string> = { incident: 'caller_id', sc_request: 'requested_for', sc_req_item: 'requested_for', sn_si_incident: 'affected_user', rm_enhancement: 'opened_by' };

export interface HostileSeeder {
  seed(ticket: HostileTicketSeed): SeededTicket;
  /** The sandbox's actor for a user_name (for writes made as that person). */
  actor(userName: string): Actor;
}

export function createHostileSeeder(sandbox: Sandbox): HostileSeeder {
  const { records, directory, store } = sandbox;
  let relatedCount = 0;

  const actor = (userName: string): Actor => {
    const user = directory.user(userName);
    if (!user) throw new Error(`hostile seed: no user ${userName} in the sandbox`);
    return directory.actor(user);
  };
  const admin = (): Actor => actor('admin');

  const created = (result: ReturnType<typeof records.create>, what: string): StoredRow => {
    if (!result.ok) throw new Error(`hostile seed: creating ${what} was refused: ${result.detail}`);
    return result.row;
  };

  const findByName = (table: string, field: string, value: string): StoredRow | undefined => {
    for (const p of store.partitions(table)) {
      for (const row of p.rows.values()) if (row.v[field] === value) return row;
    }
    return undefined;
  };

  const ensureUser = (userName: string, name: string, manager: string): string => {
    const existing = directory.user(userName);
    if (existing) return existing.v.sys_id!;
    return created(records.create('sys_user', { user_name: userName, name, manager: actor(manager).sysId, active: 'true' }, admin()), `user ${userName}`).v.sys_id!;
  };
  const ensureGroup = (name: string, manager: string): string =>
    findByName('sys_user_group', 'name', name)?.v.sys_id ?? created(records.create('sys_user_group', { name, manager: actor(manager).sysId, type: 'itil' }, admin()), `group ${name}`).v.sys_id!;
  const ensureCi = (name: string, description: string, owner: string, group: string): string =>
    findByName('cmdb_ci', 'name', name)?.v.sys_id ??
    created(records.create('cmdb_ci', { name, short_description: description, owned_by: actor(owner).sysId, support_group: group }, admin()), `CI ${name}`).v.sys_id!;

  const addJournal = (row: StoredRow, element: 'work_notes' | 'comments', notes: readonly SeedNote[] | undefined): void => {
    for (const note of notes ?? []) {
      const result = records.update(row, { [element]: note.text }, actor(note.by));
      if (!result.ok) throw new Error(`hostile seed: a ${element} entry on ${row.v.number} was refused: ${result.detail}`);
    }
  };

  const classField = sandbox.app.fields.dataClass;

  return {
    actor,
    seed(t) {
      const group = ensureGroup(t.group.name, t.group.manager);
      const ci = ensureCi(t.ci.name, t.ci.description, t.ci.owner, group);
      const caller = ensureUser(t.caller.userName, t.caller.name, t.caller.manager);
      const base = (table: TicketTable, closed: boolean, dataClass: HostileTicketSeed['dataClass'] = t.dataClass): Record<string, string> => ({
        state: closed ? CLOSED_STATE[table] : OPEN_STATE[table],
        impact: t.impact ?? '2',
        urgency: t.urgency ?? '2',
        ...(table === 'incident' ? {} : { priority: t.priority ?? '3' }),
        ...(closed && table === 'incident' ? { close_code: 'Solved (Permanently)', close_notes: 'Closed after the fix was confirmed.' } : {}),
        [classField]: dataClass,
        contact_type: 'self-service',
      });
      const opener = t.table === 'rm_enhancement' ? t.caller.userName : (t.assignee ?? 'admin');
      const row = created(
        records.create(
          t.table,
          {
            ...base(t.table, false),
            number: t.number,
            short_description: t.title,
            description: t.description,
            assignment_group: group,
            assigned_to: t.assignee === undefined ? '' : actor(t.assignee).sysId,
            cmdb_ci: ci,
            [CALLER_FIELD[t.table]]: caller,
            ...t.unmapped,
          },
          actor(opener),
        ),
        t.number,
      );
      addJournal(row, 'work_notes', t.notes);
      addJournal(row, 'comments', t.comments);

      const related = (t.related ?? []).map((r) => {
        relatedCount += 1;
        const prefix = /^[A-Z]+/.exec(t.number)?.[0] ?? 'TKT';
        const number = `${prefix}${String(8_000_000 + relatedCount).padStart(7, '0')}`;
        // A related ticket shares exactly one thing with the case's ticket, in an unrelated group otherwise,
        // so each related kind reaches the AI only through the operation that reads it.
        const loneGroup = ensureGroup(`${t.group.name} (related ${relatedCount})`, t.group.manager);
        const loneCi = ensureCi(`${t.ci.name} (related ${relatedCount})`, 'Unrelated item', t.ci.owner, loneGroup);
        const loneCaller = ensureUser(`${t.caller.userName}.r${relatedCount}`, `${t.caller.name} R${relatedCount}`, t.caller.manager);
        const relatedRow = created(
          records.create(
            t.table,
            {
              ...base(t.table, r.closed ?? true, r.dataClass),
              number,
              short_description: r.title,
              description: r.description,
              assignment_group: r.via === 'group' ? group : loneGroup,
              cmdb_ci: r.via === 'ci' ? ci : loneCi,
              [CALLER_FIELD[t.table]]: r.via === 'caller' ? caller : loneCaller,
            },
            actor(opener),
          ),
          number,
        );
        addJournal(relatedRow, 'work_notes', r.notes);
        return { table: t.table, number, sysId: relatedRow.v.sys_id! };
      });
      return { table: t.table, number: t.number, sysId: row.v.sys_id!, related };
    },
  };
}
