/**
 * The fields the installed ServiceNow app adds to each ticket table
 * (docs/contract.md, "Ticket fields"): the AI panel and status, which only
 * the app's API writes, and the data classification, which a data steward
 * sets. Their names follow from the app's scope (`S_panel`, `S_status`,
 * `S_data_classification`: src/domain/app-names.ts), as the mappings name
 * them. Requests and reviews are rows of the app's own tables
 * (app-tables.ts), not ticket fields.
 */
import type { AppNames } from '../../../../src/domain/app-names.js';
import { AI_STATUS_CHOICES, DATA_CLASSIFICATIONS } from './choices.js';
import type { FieldSpec } from './types.js';
import ticketTablesFile from '../../app/ticket-tables.json' with { type: 'json' };

export type AppFields = AppNames['fields'];

/**
 * The ticket tables the app serves, every part: read from the one list,
 * connectors/servicenow/app/ticket-tables.json, which the app's generator and
 * build read too. The sandbox installs the app's fields on each of them.
 */
export const TICKET_TABLES: readonly string[] = Object.freeze(ticketTablesFile.tables.map((t) => t.name));

/** The column specs the app adds to a ticket table. The panel is not audited, as the app installs it. */
export function appFieldSpecs(f: AppFields): FieldSpec[] {
  return [
    { name: f.dataClass, label: 'Data classification', type: 'string', maxLength: 40, choices: DATA_CLASSIFICATIONS },
    { name: f.panel, label: 'AI panel', type: 'string', maxLength: 65000, noAudit: true },
    { name: f.status, label: 'AI status', type: 'string', maxLength: 40, choices: AI_STATUS_CHOICES },
  ];
}
