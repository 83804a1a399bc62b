/**
 * The Table API: `GET/POST /api/now/table/{table}` and
 * `GET/PATCH/PUT /api/now/table/{table}/{sys_id}`, with the instance's
 * envelope, errors, paging headers and ACL behaviour: table-level rights,
 * per-user record read rules (record-rules.ts), field-level write rules
 * (denied fields are left out), and the app's rules on its own tables
 * (before insert: app/row-rules.ts; after insert: the doorbell).
 */
import type { Acl } from '../acl.js';
import type { Doorbell } from '../app/doorbell.js';
import type { AppRowRules } from '../app/row-rules.js';
import type { RecordRules } from '../record-rules.js';
import type { Identity } from '../auth/identify.js';
import { compileQuery } from '../query/compile.js';
import { parseEncodedQuery } from '../query/parse.js';
import { runQuery } from '../query/plan.js';
import type { Records } from '../records.js';
import type { DisplayValues } from '../render/display.js';
import { compileRenderer, type RowRenderer } from '../render/record-renderer.js';
import type { Store, StoredRow } from '../store.js';
import { linkHeader } from './link-header.js';
import { ERRORS, failure, json, JSON_TYPE, type Reply } from './reply.js';
import { readTableParams } from './table-params.js';

export interface TableContext {
  readonly store: Store;
  readonly records: Records;
  readonly acl: Acl;
  readonly rules: RecordRules;
  readonly appRows: AppRowRules;
  readonly doorbell: Doorbell;
  readonly display: DisplayValues;
}

export interface TableRequest {
  readonly method: string;
  readonly table: string;
  readonly sysId: string | undefined;
  readonly url: URL;
  /** Scheme and host the client used, for absolute links. */
  readonly baseUrl: string;
  readonly identity: Identity;
  /** The parsed body of a write; null when it is not a JSON object. */
  readonly body: Record<string, unknown> | null;
}

/** What happened to a write, for the write log. */
export interface WriteOutcome {
  readonly applied: boolean;
  readonly sysId: string | null;
  readonly reason: string | null;
  readonly changed: readonly string[];
  readonly ignored: readonly string[];
}

export interface TableAnswer {
  readonly reply: Reply;
  readonly write?: WriteOutcome;
}

/** Rows per chunk when streaming a page. */
const ROWS_PER_CHUNK = 256;

function* streamRows(rows: readonly StoredRow[], render: RowRenderer): Generator<string> {
  let chunk = '{"result":[';
  for (let i = 0; i < rows.length; i++) {
    chunk += (i === 0 ? '' : ',') + render(rows[i]!);
    if ((i + 1) % ROWS_PER_CHUNK === 0) {
      yield chunk;
      chunk = '';
    }
  }
  yield `${chunk}]}`;
}

const refused = (reason: string, ignored: readonly string[] = []): WriteOutcome => ({ applied: false, sysId: null, reason, changed: [], ignored });

export function handleTable(ctx: TableContext, req: TableRequest): TableAnswer {
  const { store, acl, records } = ctx;
  const def = store.schema.table(req.table);
  const isWrite = req.method !== 'GET';
  if (!def) return { reply: ERRORS.invalidTable(req.table), ...(isWrite ? { write: refused('invalid table') } : {}) };
  const params = readTableParams(req.url.searchParams);
  const roles = req.identity.roles;
  const renderer = (): RowRenderer =>
    compileRenderer(store, ctx.display, def, { fields: params.fields, display: params.display, excludeReferenceLink: params.excludeReferenceLink, baseUrl: req.baseUrl });
  const one = (row: StoredRow, status: number, headers: Record<string, string> = {}): Reply => ({
    status,
    headers: { 'Content-Type': JSON_TYPE, ...headers },
    body: `{"result":${renderer()(row)}}`,
  });

  if (req.method === 'GET' && req.sysId === undefined) {
    if (!acl.allows(def.name, 'read', roles)) {
      if (acl.listDenial(def.name) === 'forbidden') return { reply: failure(403, 'Operation Failed', 'ACL restricts the record retrieval') };
      return { reply: json(200, { result: [] }, params.noCount ? {} : { 'X-Total-Count': '0' }) };
    }
    const query = compileQuery(store, def, parseEncodedQuery(params.query));
    const found = runQuery(store.partitions(def.name), query, { offset: params.offset, limit: params.limit, count: !params.noCount });
    // The limit applies before the record rules, as on an instance: a page can hold fewer rows than asked.
    const may = ctx.rules.readerFor(req.identity);
    const page = { ...found, rows: found.rows.filter(may) };
    const headers: Record<string, string> = { 'Content-Type': JSON_TYPE };
    if (page.total !== undefined) headers['X-Total-Count'] = String(page.total);
    const link = params.suppressPagination ? undefined : linkHeader({ url: new URL(req.url.pathname + req.url.search, req.baseUrl), offset: params.offset, limit: params.limit, total: page.total, more: page.more });
    if (link !== undefined) headers.Link = link;
    return { reply: { status: 200, headers, body: streamRows(page.rows, renderer()) } };
  }

  if (req.method === 'GET') {
    const row = store.get(def.name, req.sysId!);
    if (!row || !acl.allows(def.name, 'read', roles) || !ctx.rules.canRead(req.identity, row)) return { reply: ERRORS.notFound() };
    return { reply: one(row, 200) };
  }

  if (req.body === null) {
    return { reply: failure(400, 'Exception while reading request', 'The payload is not valid JSON.'), write: refused('body is not a JSON object') };
  }

  if (req.method === 'POST' && req.sysId === undefined) {
    if (!acl.allows(def.name, 'create', roles)) return { reply: ERRORS.insertDenied(), write: refused('ACL: create denied') };
    const appRow = ctx.appRows.isRowTable(def.name);
    let body: Readonly<Record<string, unknown>>;
    let ruleIgnored: readonly string[] = [];
    if (appRow) {
      const decision = ctx.appRows.beforeInsert(def.name, req.body, req.identity);
      // The rule aborted the insert; its message is what gs.addErrorMessage shows (and the dialog).
      if (!decision.ok) return { reply: failure(403, decision.message, `Error during insert of ${def.name}`), write: refused(`business rule: ${decision.message}`) };
      body = decision.values;
      ruleIgnored = decision.ignored;
    } else {
      const split = writableOnly(acl, def.name, req.body, roles);
      body = split.body;
      ruleIgnored = split.denied;
    }
    const result = records.create(def.name, body, req.identity.actor);
    if (!result.ok) return { reply: failure(result.status, result.message, result.detail), write: refused(result.detail, [...ruleIgnored, ...result.ignored]) };
    const sysId = result.row.v.sys_id!;
    if (appRow) ctx.doorbell.ring(def.name, sysId);
    return {
      reply: one(result.row, 201, { Location: `${req.baseUrl}/api/now/table/${def.name}/${sysId}` }),
      write: { applied: true, sysId, reason: null, changed: result.changed, ignored: [...ruleIgnored, ...result.ignored] },
    };
  }

  if ((req.method === 'PATCH' || req.method === 'PUT') && req.sysId !== undefined) {
    const row = store.get(def.name, req.sysId);
    if (!row) return { reply: ERRORS.notFound(), write: refused('no such record') };
    if (!acl.allows(def.name, 'write', roles) || !ctx.rules.canRead(req.identity, row)) return { reply: ERRORS.updateDenied(), write: { ...refused('ACL: write denied'), sysId: req.sysId } };
    const { body, denied } = writableOnly(acl, def.name, req.body, roles);
    const result = records.update(row, body, req.identity.actor);
    if (!result.ok) return { reply: failure(result.status, result.message, result.detail), write: { ...refused(result.detail, [...denied, ...result.ignored]), sysId: req.sysId } };
    return { reply: one(result.row, 200), write: { applied: true, sysId: req.sysId, reason: null, changed: result.changed, ignored: [...denied, ...result.ignored] } };
  }

  return { reply: ERRORS.methodNotAllowed(), write: refused('method not supported') };
}

/** The body without the fields a field-level write rule denies these roles (an instance leaves them out silently). */
function writableOnly(acl: Acl, table: string, body: Readonly<Record<string, unknown>>, roles: ReadonlySet<string>): { body: Record<string, unknown>; denied: string[] } {
  const out: Record<string, unknown> = {};
  const denied: string[] = [];
  for (const [field, value] of Object.entries(body)) {
    if (acl.fieldWritable(table, field, roles)) out[field] = value;
    else denied.push(field);
  }
  return { body: out, denied };
}
