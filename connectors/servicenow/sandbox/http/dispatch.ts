/**
 * One request through the sandbox, in the order an instance (and the network
 * in front of it) would treat it: control routes; then for the Table API, the
 * app's Scripted REST API and the token endpoint: injected faults,
 * authentication, the rate limit, the handler; and the write log records
 * every write whatever its fate.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
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

  const tableMatch = TABLE_PATH.exec(url.pathname);
  const appMatch = url.pathname.startsWith(`${ctx.appApi.base}/`) ? /^\/tickets\/([^/]+)\/([^/]+)\/?$/.exec(url.pathname.slice(ctx.appApi.base.length)) : null;
  const isToken = url.pathname === '/oauth_token.do';
  if (!tableMatch && !appMatch && !isToken) {
    for (const route of ctx.extraRoutes) if (await route(req, res, url)) return;
    if (url.pathname.startsWith('/api/')) return send(res, ERRORS.noResource());
    return send(res, { status: 404, headers: { 'Content-Type': 'text/plain' }, body: 'Not found' });
  }

  const match = tableMatch ?? appMatch;
  const table = match ? decodeURIComponent(match[1]!) : undefined;
  const sysId = match?.[2] === undefined ? undefined : decodeURIComponent(match[2]);
  const isWrite = match !== null && method !== 'GET' && method !== 'HEAD';
  const api: 'table' | 'app' = appMatch ? 'app' : 'table';
  const text = method === 'GET' || method === 'HEAD' ? '' : await readBody(req, MAX_BODY_BYTES);
  if (typeof text !== 'string') return send(res, ERRORS.badRequest('Request body too large', `The body exceeds ${MAX_BODY_BYTES} bytes`));
  const body = isWrite ? parseObject(text) : null;
  const identified = ctx.identify(req.headers);
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
  const refuse = (reply: Reply, reason: string, mode: SendMode = 'normal'): Promise<void> => {
    logWrite(mode === 'drop' ? 0 : reply.status, { applied: false, sysId: null, reason, changed: [], ignored: [] });
    return send(res, reply, mode);
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

  if (isToken) return send(res, handleOAuth(ctx.oauth, method, text), after);
  if (!identified.ok) return refuse(ERRORS.unauthenticated(), identified.reason === 'missing' ? 'no credentials' : 'credentials refused');

  const limit = ctx.rateLimit.check(identified.identity.actor.userName);
  if (limit && !limit.allowed) return refuse(ERRORS.rateLimited(ctx.rateLimit.config()?.limit ?? 0, limit.headers), 'rate limited');

  if (appMatch) {
    const answer = ctx.appApi.handle(method, table!, sysId!, identified.identity, body);
    const at = new Date(ctx.clock()).toISOString();
    for (const write of answer.writes) {
      const status = after === 'drop' ? 0 : answer.reply.status;
      const reason = after === 'drop' && write.applied ? 'applied; connection dropped before the answer (fault)' : write.reason;
      ctx.writeLog.record({ api, at, method, user, ...write, reason, status });
    }
    const reply = limit ? { ...answer.reply, headers: { ...answer.reply.headers, ...limit.headers } } : answer.reply;
    return send(res, reply, after);
  }

  const answer = handleTable(ctx.table, { method, table: table!, sysId, url, baseUrl, identity: identified.identity, body });
  if (answer.write) logWrite(after === 'drop' ? 0 : answer.reply.status, after === 'drop' && answer.write.applied ? { ...answer.write, reason: 'applied; connection dropped before the answer (fault)' } : answer.write);
  const reply = limit ? { ...answer.reply, headers: { ...answer.reply.headers, ...limit.headers } } : answer.reply;
  return send(res, reply, after);
}

function parseObject(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
