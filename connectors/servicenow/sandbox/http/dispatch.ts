/**
 * One request through the sandbox, in the order an instance (and the network
 * in front of it) would treat it: control routes; then for the Table API, the
 * app's Scripted REST API and the token endpoint: injected faults,
 * authentication, the rate limit, the handler; and the write log records
 * every write whatever its fate. The Batch API runs each of its items
 * through that same path.
 */
import { STATUS_CODES, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import { z } from 'zod';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Identified } from '../auth/identify.js';
import type { Faults, FaultRule } from '../faults.js';
import type { RateLimiter } from '../rate-limit.js';
import type { Logger } from '../../../../src/util/log.js';
import type { WriteLog } from '../write-log.js';
import type { Clock } from '../time.js';
import { handleControl, type ControlContext } from './control-routes.js';
import { crossSiteRefusal, crossSiteReply } from './cross-site.js';
import { handleOAuth, type OAuthContext } from './oauth-route.js';
import { ERRORS, json, readBody, serverError, type Reply } from './reply.js';
import { send, type SendMode } from './send.js';
import { handleTable, type TableContext, type WriteOutcome } from './table-routes.js';
import { flattenAppBody, type AppApiAnswer } from '../app/ticket-api.js';
import type { Identity } from '../auth/identify.js';

/** Largest request body accepted, in bytes. */
export const MAX_BODY_BYTES = 10 * 1024 * 1024;

/** Extra routes (the ticket page); return undefined to pass. */
export type ExtraRoute = (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<boolean>;

export interface DispatchContext {
  readonly table: TableContext;
  readonly oauth: OAuthContext;
  readonly control: ControlContext | undefined;
  readonly identify: (headers: IncomingMessage['headers']) => Identified;
  /** Whether the Batch API answers (SandboxOptions.batchApi). */
  readonly batchApi: boolean;
  readonly faults: Faults;
  readonly rateLimit: RateLimiter;
  readonly writeLog: WriteLog;
  readonly clock: Clock;
  readonly log: Logger;
  readonly extraRoutes: readonly ExtraRoute[];
  /** The app's Scripted REST API: its base path (/api/<scope>/v1) and handler. */
  readonly appApi: { readonly base: string; readonly handle: (method: string, table: string, sysId: string, identity: Identity, body: Record<string, unknown> | null) => AppApiAnswer };
}

const TABLE_PATH = /^\/api\/now(?:\/v\d+)?\/table\/([^/]+)(?:\/([^/]+))?\/?$/;
/** The Batch API: versioned only, as on an instance (`/api/now/batch` answers "no resource" there). */
const BATCH_PATH = /^\/api\/now\/v1\/batch\/?$/;

function faultReply(fault: FaultRule): Reply | undefined {
  switch (fault.kind) {
    case 'error':
      return serverError(fault.status ?? 503);
    case 'busy':
      return ERRORS.busy();
    case 'unauthorized':
      return ERRORS.unauthenticated();
    case 'empty202':
      return { status: 202, headers: {}, body: '' };
    default:
      return undefined;
  }
}

export async function dispatch(ctx: DispatchContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const host = req.headers.host ?? 'localhost';
  const baseUrl = `http://${host}`;
  const url = new URL(req.url ?? '/', baseUrl);
  const method = (req.method ?? 'GET').toUpperCase();

  if (url.pathname === '/sandbox/control' || url.pathname.startsWith('/sandbox/control/')) {
    if (!ctx.control) return send(res, json(404, { error: { message: 'the control endpoint is off (start the sandbox with control enabled)', detail: null }, status: 'failure' }));
    const refused = crossSiteRefusal(req);
    if (refused !== undefined) return send(res, crossSiteReply(refused));
    const text = await readBody(req, MAX_BODY_BYTES);
    return send(res, typeof text === 'string' ? handleControl(ctx.control, method, url, text) : ERRORS.badRequest('body too large'));
  }

  const route = apiRoute(ctx, url);
  if (route === null) {
    for (const extra of ctx.extraRoutes) if (await extra(req, res, url)) return;
    if (url.pathname.startsWith('/api/')) return send(res, ERRORS.noResource());
    return send(res, { status: 404, headers: { 'Content-Type': 'text/plain' }, body: 'Not found' });
  }
  const text = method === 'GET' || method === 'HEAD' ? '' : await readBody(req, MAX_BODY_BYTES);
  if (typeof text !== 'string') return send(res, ERRORS.badRequest('Request body too large', `The body exceeds ${MAX_BODY_BYTES} bytes`));
  const call: ApiCall = { method, url, baseUrl, headers: req.headers, text };
  const { reply, mode } = route.kind === 'batch' ? await batchAnswer(ctx, call) : await apiAnswer(ctx, route, call);
  return send(res, reply, mode);
}

/** Which API a path is: the Table API, the app's Scripted REST API, the token endpoint or the Batch API; null for none. */
type ApiRoute =
  | { readonly kind: 'table' | 'app'; readonly table: string; readonly sysId: string | undefined }
  | { readonly kind: 'token' }
  | { readonly kind: 'batch' };

interface ApiCall {
  readonly method: string;
  readonly url: URL;
  readonly baseUrl: string;
  readonly headers: IncomingHttpHeaders;
  readonly text: string;
}

interface Answer {
  readonly reply: Reply;
  readonly mode: SendMode;
}

function apiRoute(ctx: DispatchContext, url: URL): ApiRoute | null {
  if (ctx.batchApi && BATCH_PATH.test(url.pathname)) return { kind: 'batch' };
  if (url.pathname === '/oauth_token.do') return { kind: 'token' };
  const tableMatch = TABLE_PATH.exec(url.pathname);
  const appMatch = tableMatch === null && url.pathname.startsWith(`${ctx.appApi.base}/`) ? /^\/tickets\/([^/]+)\/([^/]+)\/?$/.exec(url.pathname.slice(ctx.appApi.base.length)) : null;
  const match = tableMatch ?? appMatch;
  if (match === null) return null;
  return { kind: tableMatch ? 'table' : 'app', table: decodeURIComponent(match[1]!), sysId: match[2] === undefined ? undefined : decodeURIComponent(match[2]) };
}

/**
 * One call of the Table API, the app's API or the token endpoint, in the
 * order an instance treats it: injected faults, authentication, the rate
 * limit, the handler; every write recorded in the write log whatever its
 * fate. The answer and how to send it (a fault may cut or drop it).
 */
async function apiAnswer(ctx: DispatchContext, route: Exclude<ApiRoute, { kind: 'batch' }>, call: ApiCall): Promise<Answer> {
  const { method, url } = call;
  const table = route.kind === 'token' ? undefined : route.table;
  const sysId = route.kind === 'token' ? undefined : route.sysId;
  const isWrite = route.kind !== 'token' && method !== 'GET' && method !== 'HEAD';
  const api: 'table' | 'app' = route.kind === 'app' ? 'app' : 'table';
  const body = isWrite ? parseObject(call.text) : null;
  const identified = ctx.identify(call.headers);
  const user = identified.ok ? identified.identity.actor.userName : null;

  // The app's API logs the ticket's view of its body (its fields and the note under work_notes).
  const logged = api === 'app' ? flattenAppBody(body) : body;
  const logWrite = (status: number, outcome: WriteOutcome): void => {
    if (!isWrite || table === undefined) return;
    ctx.writeLog.record({
      api,
      at: new Date(ctx.clock()).toISOString(),
      method,
      table,
      sysId: outcome.sysId ?? sysId ?? null,
      user,
      body: logged,
      fields: logged === null ? [] : Object.keys(logged),
      applied: outcome.applied,
      status,
      reason: outcome.reason,
      changed: outcome.changed,
      ignored: outcome.ignored,
    });
  };
  const refuse = (reply: Reply, reason: string, mode: SendMode = 'normal'): Answer => {
    logWrite(mode === 'drop' ? 0 : reply.status, { applied: false, sysId: null, reason, changed: [], ignored: [] });
    return { reply, mode };
  };

  const { delayMs, fault } = ctx.faults.pick({ method, path: url.pathname, table, user: user ?? undefined });
  if (delayMs > 0) await sleep(delayMs);
  let after: SendMode = 'normal';
  if (fault) {
    if (fault.kind === 'drop' && (fault.when ?? 'before') === 'before') return refuse(ERRORS.notFound(), 'fault: connection dropped before handling', 'drop');
    if (fault.kind === 'drop') after = 'drop';
    else if (fault.kind === 'truncate') after = 'truncate';
    else {
      const reply = faultReply(fault);
      if (reply) return refuse(reply, `fault: ${fault.kind}${fault.status === undefined ? '' : ` ${fault.status}`}`);
    }
  }

  if (route.kind === 'token') return { reply: handleOAuth(ctx.oauth, method, call.text), mode: after };
  if (!identified.ok) return refuse(ERRORS.unauthenticated(), identified.reason === 'missing' ? 'no credentials' : 'credentials refused');

  const limit = ctx.rateLimit.check(identified.identity.actor.userName);
  if (limit && !limit.allowed) return refuse(ERRORS.rateLimited(ctx.rateLimit.config()?.limit ?? 0, limit.headers), 'rate limited');

  if (route.kind === 'app') {
    const answer = ctx.appApi.handle(method, route.table, route.sysId!, identified.identity, body);
    const at = new Date(ctx.clock()).toISOString();
    for (const write of answer.writes) {
      const status = after === 'drop' ? 0 : answer.reply.status;
      const reason = after === 'drop' && write.applied ? 'applied; connection dropped before the answer (fault)' : write.reason;
      ctx.writeLog.record({ api, at, method, user, ...write, reason, status });
    }
    const reply = limit ? { ...answer.reply, headers: { ...answer.reply.headers, ...limit.headers } } : answer.reply;
    return { reply, mode: after };
  }

  const answer = handleTable(ctx.table, { method, table: route.table, sysId, url, baseUrl: call.baseUrl, identity: identified.identity, body });
  if (answer.write) logWrite(after === 'drop' ? 0 : answer.reply.status, after === 'drop' && answer.write.applied ? { ...answer.write, reason: 'applied; connection dropped before the answer (fault)' } : answer.write);
  const reply = limit ? { ...answer.reply, headers: { ...answer.reply.headers, ...limit.headers } } : answer.reply;
  return { reply, mode: after };
}

/** Items one Batch API call may carry here (an instance limits a batch by size and time instead). */
export const MAX_BATCH_ITEMS = 100;

const BatchItem = z.object({
  id: z.string().min(1),
  method: z.enum(['GET', 'POST', 'PATCH', 'PUT', 'DELETE']),
  url: z.string().startsWith('/'),
  headers: z.array(z.object({ name: z.string().min(1), value: z.string() })).optional(),
  body: z.string().optional(),
  exclude_response_headers: z.boolean().optional(),
});
const BatchBody = z.object({ batch_request_id: z.string().optional(), rest_requests: z.array(BatchItem).min(1).max(MAX_BATCH_ITEMS) });

/**
 * The Batch API (`POST /api/now/v1/batch`, as ServiceNow's REST API reference
 * describes it): each item is run as its own call would be, in the batch's
 * session (the batch's credentials; an item's own headers added), with the
 * faults, the rate limit (each item counts) and the ACLs of that call; the
 * answers come back together, each body Base64-encoded. Faults that cut or
 * drop a connection act on the batch's one connection.
 */
async function batchAnswer(ctx: DispatchContext, call: ApiCall): Promise<Answer> {
  if (call.method !== 'POST') return { reply: ERRORS.methodNotAllowed(), mode: 'normal' };
  const { delayMs, fault } = ctx.faults.pick({ method: call.method, path: call.url.pathname, table: undefined, user: undefined });
  if (delayMs > 0) await sleep(delayMs);
  if (fault) {
    if (fault.kind === 'drop') return { reply: ERRORS.notFound(), mode: 'drop' };
    const reply = faultReply(fault);
    if (reply) return { reply, mode: 'normal' };
  }
  const identified = ctx.identify(call.headers);
  if (!identified.ok) return { reply: ERRORS.unauthenticated(), mode: 'normal' };
  const parsed = BatchBody.safeParse(parseObject(call.text));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { reply: ERRORS.badRequest('Invalid batch request', `${issue?.path.join('.') || 'body'}: ${issue?.message ?? 'not a batch request'}`), mode: 'normal' };
  }
  const serviced: Record<string, unknown>[] = [];
  let mode = (fault?.kind === 'truncate' ? 'truncate' : 'normal') as SendMode;
  for (const item of parsed.data.rest_requests) {
    const started = performance.now();
    const url = new URL(item.url, call.baseUrl);
    const headers: IncomingHttpHeaders = { ...call.headers };
    for (const h of item.headers ?? []) headers[h.name.toLowerCase()] = h.value;
    const route = apiRoute(ctx, url);
    const method = item.method;
    const text = item.body === undefined ? '' : Buffer.from(item.body, 'base64').toString('utf8');
    // REST APIs only, as on an instance: not the token endpoint, not another batch.
    const answer: Answer = route === null || route.kind === 'batch' || route.kind === 'token' ? { reply: ERRORS.noResource(), mode: 'normal' } : await apiAnswer(ctx, route, { method, url, baseUrl: call.baseUrl, headers, text });
    if (answer.mode !== 'normal') mode = answer.mode === 'drop' || mode === 'drop' ? 'drop' : 'truncate';
    const bodyText = typeof answer.reply.body === 'string' ? answer.reply.body : [...answer.reply.body].join('');
    serviced.push({
      id: item.id,
      status_code: answer.reply.status,
      status_text: STATUS_CODES[answer.reply.status] ?? '',
      headers: item.exclude_response_headers === true ? [] : Object.entries(answer.reply.headers).map(([name, value]) => ({ name, value })),
      body: Buffer.from(bodyText, 'utf8').toString('base64'),
      execution_time: Math.round(performance.now() - started),
    });
  }
  return { reply: json(200, { batch_request_id: parsed.data.batch_request_id ?? '', serviced_requests: serviced, unserviced_requests: [] }), mode };
}

function parseObject(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
