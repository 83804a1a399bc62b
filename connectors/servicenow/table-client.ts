/**
 * The Table API client: `GET /api/now/table/{table}` (list),
 * `GET /api/now/table/{table}/{sys_id}` (one record), `PATCH` of one record
 * (only an app row's end state where the app's API cannot take it; tickets are
 * written through the app's API, app-api.ts) and `POST /api/now/table/{table}`
 * (insert; used only for the audit's insert-only checkpoint table). Nothing else of the Table API is used, so the
 * connector works wherever the integration user has read rights on the tables
 * it names.
 *
 * Every call asks for raw values (`sysparm_display_value=false`) unless a
 * caller needs labels: `true` gives labels only (the journal's display value),
 * `all` both, which arrive as `{"display_value", "value"}` per field and are
 * flattened here into the raw value under the field's name and the label
 * under `dv_<field>` where it differs (src/connector/connector.ts,
 * `RawRecord`). Reference fields come as plain sys_ids
 * (`sysparm_exclude_reference_link=true`), and only the fields it needs
 * (`sysparm_fields`, dot-walked keys come back as `"a.b"`); lists skip the
 * count (`sysparm_no_count=true`). Answers are unwrapped from `{"result": ...}`;
 * a 200 carrying `{"error": ...}` is an error; every value must be a string
 * (../shared/reference/servicenow.md, "Table API").
 */
import { DISPLAY_PREFIX, type RawRecord } from '../../src/connector/connector.js';
import type { GuardedBody } from '../../src/connector/write-guard.js';
import { HandoffError } from '../../src/errors.js';
import { FIELD_NAME } from '../../src/mapping/mapping-schema.js';
import type { Logger } from '../../src/util/log.js';
import type { AuthProvider } from './auth/auth-provider.js';
import type { EncodedQuery } from './encoded-query.js';
import type { Transport, TransportRequest, TransportResponse } from './http-transport.js';
import { badResponse, errorMessageOf, statusError, type CallContext } from './sn-errors.js';

export interface ListRequest {
  readonly query: EncodedQuery;
  readonly fields: readonly string[];
  /** `sysparm_limit`: rows in this page. */
  readonly limit: number;
  /** `sysparm_display_value`: false (default) raw values, true labels instead, `all` both (labels under `dv_<field>`). */
  readonly displayValue?: DisplayMode;
  readonly signal?: AbortSignal;
  /**
   * A read of one record's few rows (its journal, its class's sys_audit rows,
   * a related list): it may share a Batch API call with other reads started
   * at the same moment (batch.ts). Never set on a page of a pull.
   */
  readonly batchable?: boolean;
}

export interface GetRequest {
  readonly fields: readonly string[];
  readonly displayValue?: DisplayMode;
  readonly signal?: AbortSignal;
}

/** `sysparm_display_value` (../shared/reference/servicenow.md, "Parameters"). */
export type DisplayMode = boolean | 'all';

export interface PatchRequest {
  /** Fields of the updated record to return. */
  readonly fields: readonly string[];
  /** Whether sending the body twice is harmless (false when it appends a work note). */
  readonly idempotent: boolean;
  readonly signal?: AbortSignal;
}

/** A list answer whose rows are parsed only when asked for (keyset paging peeks at the text first). */
export interface ListAnswer {
  /** The body as received. */
  readonly text: string;
  /** Unwraps the envelope and checks every row (every value a string); throws SN_BAD_RESPONSE otherwise. */
  records(): RawRecord[];
}

export interface TableClient {
  list(table: string, request: ListRequest): Promise<RawRecord[]>;
  /** `list`, with the parsing left to the caller; a non-200 answer still throws here. */
  listAnswer(table: string, request: ListRequest): Promise<ListAnswer>;
  /** One record, or null when ServiceNow answers 404 (missing, or hidden by an ACL). */
  get(table: string, sysId: string, request: GetRequest): Promise<RawRecord | null>;
  /** Updates one record (an app row's end state) with a body that passed the write guard. */
  patch(table: string, sysId: string, body: GuardedBody, request: PatchRequest): Promise<RawRecord>;
  /** Creates one record (not idempotent: a lost answer is not resent). */
  insert(table: string, body: Readonly<Record<string, string>>, request: GetRequest): Promise<RawRecord>;
}

export interface TableClientOptions {
  readonly transport: Transport;
  readonly auth: AuthProvider;
  readonly log: Logger;
}

const TABLE_NAME = /^[a-z][a-z0-9_]*$/;
const SYS_ID = /^[0-9a-f]{32}$/;
const TABLE_PATH = '/api/now/table/';

/** A request sent with the current credentials; after a 401 the token is dropped and the call tried once more. */
export type AuthorisedSend = (request: Omit<TransportRequest, 'headers'>) => Promise<TransportResponse>;

export function authorisedSend({ transport, auth, log }: TableClientOptions): AuthorisedSend {
  return async (request) => {
    const headers = async (): Promise<Record<string, string>> => ({ Authorization: await auth.authorization(request.signal) });
    const response = await transport.send({ ...request, headers });
    if (response.status !== 401 || !auth.unauthorized()) return response;
    log.info('ServiceNow answered 401; authenticating again once', { operation: request.context.operation, table: request.context.table, auth: auth.kind });
    return transport.send({ ...request, headers });
  };
}

export function createTableClient(options: TableClientOptions): TableClient {
  const send = authorisedSend(options);

  const listAnswer = async (table: string, request: ListRequest): Promise<ListAnswer> => {
    const context: CallContext = { operation: 'list', table };
    const path = `${TABLE_PATH}${checkTable(table)}?${params([
      ['sysparm_query', request.query],
      ['sysparm_fields', fieldList(request.fields, table)],
      ['sysparm_limit', String(checkLimit(request.limit, table))],
      ['sysparm_display_value', String(request.displayValue ?? false)],
      ['sysparm_exclude_reference_link', 'true'],
      ['sysparm_no_count', 'true'],
    ])}`;
    const response = await send({ method: 'GET', path, idempotent: true, batchable: request.batchable === true, context, ...signalOf(request) });
    if (response.status !== 200) throw statusError(response.status, context, response.body);
    return {
      text: response.body,
      records() {
        const result = unwrap(response, context);
        if (!Array.isArray(result)) throw badResponse(context, 'the result of a list is not an array');
        return result.map((row, index) => toRecord(row, context, index, request.displayValue === 'all'));
      },
    };
  };

  return {
    listAnswer,
    async list(table, request) {
      return (await listAnswer(table, request)).records();
    },

    async get(table, sysId, request) {
      const context: CallContext = { operation: 'get', table };
      const path = `${TABLE_PATH}${checkTable(table)}/${checkSysId(sysId, table)}?${params(recordParams(request.fields, table, request.displayValue))}`;
      // One record: it may share a Batch API call with other reads started at the same moment (batch.ts).
      const response = await send({ method: 'GET', path, idempotent: true, batchable: true, context, ...signalOf(request) });
      if (response.status === 404) return null;
      if (response.status !== 200) throw statusError(response.status, context, response.body);
      return toRecord(unwrap(response, context), context, 0, request.displayValue === 'all');
    },

    async patch(table, sysId, body, request) {
      const context: CallContext = { operation: 'patch', table };
      const path = `${TABLE_PATH}${checkTable(table)}/${checkSysId(sysId, table)}?${params(recordParams(request.fields, table, false))}`;
      const response = await send({ method: 'PATCH', path, body: JSON.stringify(body), idempotent: request.idempotent, context, ...signalOf(request) });
      if (response.status !== 200) throw statusError(response.status, context, response.body);
      return toRecord(unwrap(response, context), context, 0, false);
    },

    async insert(table, body, request) {
      const context: CallContext = { operation: 'insert', table };
      const path = `${TABLE_PATH}${checkTable(table)}?${params(recordParams(request.fields, table, false))}`;
      const response = await send({ method: 'POST', path, body: JSON.stringify(body), idempotent: false, context, ...signalOf(request) });
      if (response.status !== 201) throw statusError(response.status, context, response.body);
      return toRecord(unwrap(response, context), context, 0, false);
    },
  };
}

function recordParams(fields: readonly string[], table: string, displayValue: DisplayMode | undefined): Array<[string, string]> {
  return [
    ['sysparm_fields', fieldList(fields, table)],
    ['sysparm_display_value', String(displayValue ?? false)],
    ['sysparm_exclude_reference_link', 'true'],
  ];
}

function params(pairs: ReadonlyArray<readonly [string, string]>): string {
  return new URLSearchParams(pairs as Array<[string, string]>).toString();
}

function signalOf(request: { readonly signal?: AbortSignal }): { signal?: AbortSignal } {
  return request.signal === undefined ? {} : { signal: request.signal };
}

export function checkTable(table: string): string {
  if (!TABLE_NAME.test(table)) {
    throw new HandoffError('INPUT_INVALID', `'${table}' is not a ServiceNow table name`, { details: { table }, remedy: 'use a table name such as incident' });
  }
  return table;
}

export function checkSysId(sysId: string, table: string): string {
  if (!SYS_ID.test(sysId)) {
    throw new HandoffError('INPUT_INVALID', `refused a call on ${table}: '${sysId.slice(0, 40)}' is not a sys_id (32 lower-case hex characters)`, {
      details: { table },
      remedy: 'pass the record\'s sys_id as ServiceNow returns it',
    });
  }
  return sysId;
}

function checkLimit(limit: number, table: string): number {
  if (!Number.isInteger(limit) || limit < 1 || limit > 10_000) {
    throw new HandoffError('INPUT_INVALID', `refused a list of ${table} with limit ${limit}: use a whole number from 1 to 10,000`, { details: { table } });
  }
  return limit;
}

/** Field lists already checked, by array: the connector passes the same per-mapping arrays on every call (issue 13's profile). */
const checkedFields = new WeakMap<readonly string[], { readonly length: number; readonly joined: string }>();

function fieldList(fields: readonly string[], table: string): string {
  const known = checkedFields.get(fields);
  if (known !== undefined && known.length === fields.length) return known.joined;
  const joined = checkFieldList(fields, table);
  checkedFields.set(fields, { length: fields.length, joined });
  return joined;
}

function checkFieldList(fields: readonly string[], table: string): string {
  if (fields.length === 0) throw new HandoffError('INPUT_INVALID', `refused a call on ${table} without fields: name the fields to read`, { details: { table } });
  for (const field of fields) {
    if (!FIELD_NAME.test(field)) {
      throw new HandoffError('INPUT_INVALID', `refused a call on ${table}: '${field}' is not a field name`, { details: { table, field }, remedy: 'use a ServiceNow field name such as short_description or caller_id.name' });
    }
  }
  return fields.join(',');
}

/** The `result` of the Table API envelope; a 200 carrying an error is an error. */
export function unwrap(response: TransportResponse, context: CallContext): unknown {
  let json: unknown;
  try {
    json = JSON.parse(response.body);
  } catch {
    throw badResponse(context, `answered ${response.status} with a body that is not JSON (content-type ${response.headers['content-type'] ?? 'none'})`, { status: response.status });
  }
  if (typeof json !== 'object' || json === null) throw badResponse(context, 'the body is not a JSON object', { status: response.status });
  if ('error' in json) {
    const sn = errorMessageOf(json);
    throw badResponse(context, `answered ${response.status} carrying an error: ${sn.message ?? 'no message'}${sn.detail === undefined ? '' : ` (${sn.detail})`}`, {
      status: response.status,
      ...(sn.message === undefined ? {} : { snMessage: sn.message }),
    });
  }
  if (!('result' in json)) throw badResponse(context, 'the body has no "result" envelope', { status: response.status });
  return json.result;
}

function toRecord(value: unknown, context: CallContext, index: number, labelled: boolean): RawRecord {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw badResponse(context, `row ${index} is not an object`);
  const row = value as Record<string, unknown>;
  if (labelled) return flatten(row, context, index);
  for (const key in row) {
    if (typeof row[key] !== 'string') {
      throw badResponse(context, `row ${index} field '${key}' is ${row[key] === null ? 'null' : typeof row[key]}, not a string (is sysparm_exclude_reference_link ignored?)`, { field: key });
    }
  }
  return row as RawRecord;
}

/**
 * A row read with `sysparm_display_value=all`: every field is
 * `{"display_value", "value"}` (a plain string is taken as the raw value).
 * The raw value keeps the field's name; a label that differs from it goes
 * under `dv_<field>`.
 */
function flatten(row: Record<string, unknown>, context: CallContext, index: number): RawRecord {
  const out: Record<string, string> = {};
  for (const key in row) {
    const cell = row[key];
    if (typeof cell === 'string') {
      out[key] = cell;
      continue;
    }
    const pair = cell !== null && typeof cell === 'object' ? (cell as Record<string, unknown>) : null;
    if (pair === null || typeof pair.value !== 'string' || typeof pair.display_value !== 'string') {
      throw badResponse(context, `row ${index} field '${key}' is not a string nor a {display_value, value} pair of strings (is sysparm_display_value=all ignored?)`, { field: key });
    }
    out[key] = pair.value;
    if (pair.display_value !== '' && pair.display_value !== pair.value) out[DISPLAY_PREFIX + key] = pair.display_value;
  }
  return out;
}
