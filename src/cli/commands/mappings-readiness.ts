/**
 * The part of `mappings check` that says, per mapped table, whether the
 * table can take the app and why not (src/admin/app-check/table-readiness.ts:
 * the table exists, its plugin is active, its Application Access flags allow
 * the app's fields, buttons and scripts). Reads sys_db_object (and v_plugin)
 * with the same SN_* credentials as the field check.
 */
import type { ServiceNowConfig } from '../../../connectors/servicenow/config.js';
import { readServedTables } from '../../admin/app-check/served-tables.js';
import { tableReadiness } from '../../admin/app-check/table-readiness.js';
import type { Logger } from '../../util/log.js';
import { createTableReader, userOf } from './table-reader.js';

/** Prints one line per table (and the fix under each that cannot); resolves to how many cannot. */
export async function reportReadiness(config: ServiceNowConfig, tables: readonly string[], log: Logger, out: (text: string) => void): Promise<number> {
  const served = readServedTables();
  const reader = createTableReader(config, userOf(config) ?? 'the SN_* credentials', log);
  let notReady = 0;
  try {
    for (const table of tables) {
      const listed = served.find((t) => t.name === table);
      const ready = listed === undefined ? null : await tableReadiness(reader, listed, 'ticket');
      if (ready?.ok === true) {
        out(`${table}: can take the app (${ready.detail})\n`);
        continue;
      }
      notReady += 1;
      if (ready === null) out(`${table}: cannot take the app: not one of the app's ticket tables\n  fix: add it to connectors/servicenow/app/ticket-tables.json and build the app, or remove its mapping\n`);
      else out(`${table}: cannot take the app: ${ready.detail}\n  fix: ${ready.fix ?? ''}\n`);
    }
  } finally {
    reader.close();
  }
  if (notReady > 0) out(`${notReady} table(s) cannot take the app: see each fix (docs/servicenow-app.md, "What each table must allow").\n`);
  return notReady;
}
