/**
 * Whether a table can take the app (docs/servicenow-app.md, "What each table
 * must allow"), from the instance's own description of it: the table exists
 * (else: is its plugin active?), and its Application Access flags
 * (sys_db_object) allow what the app does there. A ticket table gets the
 * app's fields and buttons (Allow configuration) and is read and written by
 * the app's scripts (Can read, Can update); a platform table the scripts
 * read needs Can read. Both from all application scopes. ServiceNow:
 * "Example allowing configuration records for a table", "Table design and
 * runtime settings". Shared by `app check` and `mappings check`.
 */
import { ADMIN_FIX, describeRefusal, eq, type InstanceReader } from './instance-reader.js';
import type { ServedTicketTable } from './served-tables.js';

/** What the app does with a table: serves it (a ticket table) or only reads it from a script. */
export type TableUse = 'ticket' | 'read';

export interface Readiness {
  readonly table: string;
  readonly ok: boolean;
  /** What was found, one line. */
  readonly detail: string;
  /** What to change, when not ok. */
  readonly fix?: string;
}

interface Flag {
  readonly column: string;
  readonly label: string;
  readonly want: string;
  readonly shown: (value: string) => string;
}

const yesNo = (value: string): string => (value === 'true' ? 'yes' : value === 'false' ? 'no' : JSON.stringify(value));
const ACCESSIBLE: Flag = { column: 'access', label: 'Accessible from', want: 'public', shown: (v) => (v === 'public' ? 'All application scopes' : v === 'package_private' ? 'This application scope only' : JSON.stringify(v)) };
const flag = (column: string, label: string): Flag => ({ column, label, want: 'true', shown: yesNo });
const NEEDS: Readonly<Record<TableUse, readonly Flag[]>> = {
  ticket: [ACCESSIBLE, flag('read_access', 'Can read'), flag('update_access', 'Can update'), flag('configuration_access', 'Allow configuration')],
  read: [ACCESSIBLE, flag('read_access', 'Can read')],
};

/** The sys_db_object columns a readiness check reads. */
export const ACCESS_COLUMNS: readonly string[] = ['name', ...new Set(NEEDS.ticket.map((f) => f.column))];

/** Whether the plugin is active (v_plugin); null when the plugin list cannot be read. */
async function pluginActive(reader: InstanceReader, pluginId: string): Promise<boolean | null> {
  const read = await reader.list('v_plugin', [eq('id', pluginId)], ['id', 'active'], 1);
  if (!read.ok) return null;
  return read.rows[0]?.active === 'active';
}

export async function tableReadiness(reader: InstanceReader, table: Pick<ServedTicketTable, 'name' | 'plugin' | 'part'>, use: TableUse): Promise<Readiness> {
  const read = await reader.list('sys_db_object', [eq('name', table.name)], ACCESS_COLUMNS, 1);
  if (!read.ok) return { table: table.name, ok: false, detail: `sys_db_object could not be read as ${reader.who} (${describeRefusal(read)})`, fix: ADMIN_FIX };
  const row = read.rows[0];
  if (row === undefined) {
    if (table.plugin === null) return { table: table.name, ok: false, detail: 'the table does not exist on this instance', fix: `remove the ${table.name} mapping, or build and map only tables the instance has` };
    const active = await pluginActive(reader, table.plugin.id);
    const why = active === false ? `its plugin ${table.plugin.name} (${table.plugin.id}) is not active` : active === null ? `the plugin list (v_plugin) could not be read to say why` : `its plugin ${table.plugin.name} (${table.plugin.id}) is active but the table is missing`;
    return {
      table: table.name,
      ok: false,
      detail: `the table does not exist: ${why}`,
      fix: `activate ${table.plugin.name} (${table.plugin.id}), or leave the part "${table.part}" out of the build (AIH_APP_PARTS) and remove the ${table.name} mapping`,
    };
  }
  const wrong = NEEDS[use].filter((f) => row[f.column] !== f.want);
  const missing = wrong.filter((f) => row[f.column] === undefined);
  if (wrong.length === 0) return { table: table.name, ok: true, detail: NEEDS[use].map((f) => `${f.label}: ${f.shown(f.want)}`).join(', ') };
  const found = wrong.map((f) => (row[f.column] === undefined ? `${f.label}: not reported (column ${f.column} absent)` : `${f.label}: ${f.shown(row[f.column]!)}`)).join(', ');
  const set = wrong.map((f) => `${f.label} = ${f.shown(f.want)}`).join(', ');
  const unreported = missing.length > 0 ? `; where the release has no ${missing.map((f) => f.column).join(', ')} column, check ${missing.map((f) => `"${f.label}"`).join(', ')} on the form by hand` : '';
  return {
    table: table.name,
    ok: false,
    detail: `${found} (the app needs ${set})`,
    fix: `System Definition > Tables > ${table.name} > Application Access: set ${set}${unreported}${use === 'ticket' && table.part !== 'core' ? `; or leave the part "${table.part}" out of the build` : ''}`,
  };
}
