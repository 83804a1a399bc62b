/**
 * The fields the installed ServiceNow app adds to each ticket table: the AI
 * fields of the field contract and the data classification. Their names come
 * from the field mappings (mappings/servicenow/*.yaml), so the sandbox is the
 * instance those mappings describe, whatever the app calls its columns
 * (`u_ai_panel` in a global-scope install, `x_acme_aihandoff_panel` in the scoped app).
 */
import { HandoffError } from '../../../../src/errors.js';
import type { MappingSet } from '../../../../src/mapping/load-mappings.js';
import { AI_STATUS_CHOICES, DATA_CLASSIFICATIONS } from './choices.js';
import type { FieldSpec } from './types.js';

export interface AppFields {
  readonly panel: string;
  readonly status: string;
  readonly request: string;
  readonly review: string;
  /** Stamped server-side with whoever set the request field. */
  readonly requestedBy: string;
  /** Stamped server-side with whoever set the review field. */
  readonly reviewedBy: string;
  readonly dataClass: string;
}

/** The names of a global-scope install, used when no mapping names them. */
export const DEFAULT_APP_FIELDS: AppFields = Object.freeze({
  panel: 'u_ai_panel',
  status: 'u_ai_status',
  request: 'u_ai_request',
  review: 'u_ai_review',
  requestedBy: 'u_ai_requested_by',
  reviewedBy: 'u_ai_reviewed_by',
  dataClass: 'u_data_classification',
});

export const TICKET_TABLES = ['incident', 'sc_request', 'sc_req_item', 'sn_si_incident', 'rm_enhancement'] as const;

const COLUMN = /^[a-z][a-z0-9_]*$/;

/** The app's field names as the mappings give them; every ticket table's mapping must agree (one app installs one set). */
export function appFieldsFromMappings(mappings: MappingSet): AppFields {
  const found: { table: string; fields: AppFields }[] = [];
  for (const table of TICKET_TABLES) {
    const m = mappings.byTable.get(table);
    if (!m) continue;
    found.push({
      table,
      fields: {
        panel: m.ai.panel,
        status: m.ai.status,
        request: m.ai.request,
        review: m.ai.review,
        requestedBy: m.ai.requestedBy ?? DEFAULT_APP_FIELDS.requestedBy,
        reviewedBy: m.ai.reviewedBy ?? DEFAULT_APP_FIELDS.reviewedBy,
        dataClass: m.dataClass.field ?? DEFAULT_APP_FIELDS.dataClass,
      },
    });
  }
  const first = found[0];
  if (!first) return DEFAULT_APP_FIELDS;
  for (const other of found.slice(1)) {
    for (const key of Object.keys(first.fields) as (keyof AppFields)[]) {
      if (other.fields[key] !== first.fields[key]) {
        throw new HandoffError('MAPPING_INVALID', `the sandbox installs one set of app fields, but ${first.table} names ${key} '${first.fields[key]}' and ${other.table} names it '${other.fields[key]}'`, {
          remedy: 'name the same AI fields in every ticket table mapping, as the app installs them',
        });
      }
    }
  }
  return checked(first.fields);
}

export function checked(fields: AppFields): AppFields {
  const names: string[] = [fields.panel, fields.status, fields.request, fields.review, fields.requestedBy, fields.reviewedBy, fields.dataClass];
  for (const name of names) {
    if (!COLUMN.test(name) || name.includes('.')) {
      throw new HandoffError('MAPPING_INVALID', `the sandbox cannot install app field '${name}': use a plain column name such as u_ai_panel`, { remedy: 'fix the ai: and dataClass: fields of the mappings' });
    }
  }
  if (new Set(names).size !== names.length) throw new HandoffError('MAPPING_INVALID', `the app fields repeat a name: ${names.join(', ')}`, { remedy: 'give each AI field its own column' });
  return Object.freeze({ ...fields });
}

/** The column specs the app adds to a ticket table. The panel is not audited, as the app installs it. */
export function appFieldSpecs(f: AppFields): FieldSpec[] {
  return [
    { name: f.dataClass, label: 'Data classification', type: 'string', maxLength: 40, choices: DATA_CLASSIFICATIONS },
    { name: f.panel, label: 'AI panel', type: 'string', maxLength: 65000, noAudit: true },
    { name: f.status, label: 'AI status', type: 'string', maxLength: 40, choices: AI_STATUS_CHOICES },
    { name: f.request, label: 'AI request', type: 'string', maxLength: 8000 },
    { name: f.review, label: 'AI review', type: 'string', maxLength: 16000 },
    { name: f.requestedBy, label: 'AI requested by', type: 'reference', reference: 'sys_user', maxLength: 32, readOnly: false },
    { name: f.reviewedBy, label: 'AI reviewed by', type: 'reference', reference: 'sys_user', maxLength: 32, readOnly: false },
  ];
}
