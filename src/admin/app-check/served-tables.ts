/**
 * The ticket tables the app can serve, as the app's own list has them
 * (connectors/servicenow/app/ticket-tables.json: name, part, owning scope,
 * plugin). Read as a file, so the admin commands know each table's plugin
 * and scope without importing the app's build scripts.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { HandoffError } from '../../errors.js';
import { fromRoot } from '../../util/paths.js';
import { formatIssues } from '../../util/zod-issues.js';

export const TICKET_TABLES_FILE = fromRoot('connectors', 'servicenow', 'app', 'ticket-tables.json');

export interface ServedTicketTable {
  readonly name: string;
  readonly label: string;
  /** `core`, or the optional part (AIH_APP_PARTS) that builds it in. */
  readonly part: string;
  readonly ownerScope: string;
  /** The plugin the table comes with, or null for a base table. */
  readonly plugin: { readonly id: string; readonly name: string } | null;
}

const Listed = z.object({
  tables: z.array(z.object({ name: z.string().regex(/^[a-z][a-z0-9_]*$/), label: z.string(), part: z.string(), ownerScope: z.string(), plugin: z.string().nullable() })),
});

/** "Security Incident Response (com.snc.security_incident)" → its id and name. */
export function pluginOf(text: string): { id: string; name: string } {
  const match = /^(.*?)\s*\(([a-z0-9_.]+)\)$/i.exec(text.trim());
  if (!match) throw new HandoffError('CONFIG_INVALID', `ticket-tables.json: plugin ${JSON.stringify(text)} is not "<name> (<plugin id>)"`, { remedy: 'write the plugin as its name and its id in brackets, e.g. "Security Incident Response (com.snc.security_incident)"' });
  return { name: match[1]!, id: match[2]! };
}

export function readServedTables(file: string = TICKET_TABLES_FILE): ServedTicketTable[] {
  const parsed = Listed.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) throw new HandoffError('CONFIG_INVALID', formatIssues(file, parsed.error).join('; '), { remedy: 'restore connectors/servicenow/app/ticket-tables.json from the repository' });
  return parsed.data.tables.map((t) => ({ ...t, plugin: t.plugin === null ? null : pluginOf(t.plugin) }));
}
