/**
 * The worker's HTTP endpoints (node:http; a handful of GET routes need no
 * framework, as for the sandbox):
 * - GET /healthz   200 while the process is alive;
 * - GET /readyz    200 when ready, else 503, with a JSON body naming what is wrong;
 * - GET /metrics   Prometheus text format;
 * - GET /          the dashboard page; GET /dashboard.json its figures.
 * With a token (http-listen.ts) the last three need it: `Authorization:
 * Bearer <token>` (Prometheus `authorization`), or Basic with the token as
 * password (a browser's prompt). Every answer is no-store and carries a
 * strict content security policy: the page runs no script.
 */
import { timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describeCause, HandoffError } from '../errors.js';
import type { Logger } from '../util/log.js';
import type { HttpListen } from './http-listen.js';

export interface Answer {
  readonly status: number;
  readonly contentType: string;
  readonly body: string;
}

export interface HttpRoutes {
  readiness(): Promise<{ ready: boolean; body: unknown }>;
  metrics(): Promise<{ contentType: string; body: string }>;
  dashboardPage(): Promise<string>;
  dashboardJson(): Promise<unknown>;
}

export interface OpsServer {
  /** http://host:port as it listens. */
  readonly url: string;
  close(): Promise<void>;
}

const HEADERS = {
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
};

const json = (status: number, value: unknown): Answer => ({ status, contentType: 'application/json; charset=utf-8', body: `${JSON.stringify(value)}\n` });

export async function startOpsServer(listen: HttpListen, routes: HttpRoutes, log: Logger): Promise<OpsServer> {
  const authorised = (req: IncomingMessage): boolean => listen.token === null || tokenMatches(req.headers.authorization, listen.token);

  const answer = async (req: IncomingMessage): Promise<Answer> => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return json(405, { error: 'only GET' });
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path === '/healthz') return json(200, { status: 'alive' });
    if (path === '/readyz') {
      const r = await routes.readiness();
      return json(r.ready ? 200 : 503, r.body);
    }
    if (path !== '/metrics' && path !== '/' && path !== '/dashboard.json') return json(404, { error: 'not found', paths: ['/healthz', '/readyz', '/metrics', '/', '/dashboard.json'] });
    if (!authorised(req)) return { status: 401, contentType: 'application/json; charset=utf-8', body: '{"error":"a token is required: Authorization: Bearer <token>"}\n' };
    if (path === '/metrics') {
      const m = await routes.metrics();
      return { status: 200, contentType: m.contentType, body: m.body };
    }
    if (path === '/dashboard.json') return json(200, await routes.dashboardJson());
    return { status: 200, contentType: 'text/html; charset=utf-8', body: await routes.dashboardPage() };
  };

  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    answer(req).then(
      (a) => send(res, a, req.method === 'HEAD', listen.token !== null && a.status === 401),
      (error: unknown) => {
        log.warn('ops endpoint failed', { path: req.url?.split('?')[0], error: describeCause(error) });
        send(res, json(500, { error: 'internal error; see the worker log' }), false, false);
      },
    );
  });
  server.keepAliveTimeout = 5_000;
  server.requestTimeout = 30_000;
  await new Promise<void>((resolve, reject) => {
    const failed = (cause: unknown): void =>
      reject(new HandoffError('CONFIG_INVALID', `cannot listen on ${listen.host}:${listen.port}`, { cause, remedy: 'free that port, or set AI_HANDOFF_HTTP to another host:port (or off)' }));
    server.once('error', failed);
    server.listen(listen.port, listen.host, () => {
      server.off('error', failed);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${host}:${address.port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function send(res: ServerResponse, a: Answer, head: boolean, challenge: boolean): void {
  res.writeHead(a.status, { ...HEADERS, 'content-type': a.contentType, ...(challenge ? { 'www-authenticate': 'Basic realm="ai-handoff", charset="UTF-8"' } : {}) });
  res.end(head ? undefined : a.body);
}

/** Bearer <token>, or Basic with any user and the token as password; compared in constant time. */
export function tokenMatches(header: string | undefined, token: string): boolean {
  if (!header) return false;
  const [scheme = '', value = ''] = header.trim().split(/\s+/, 2);
  let given = '';
  if (scheme.toLowerCase() === 'bearer') given = value;
  else if (scheme.toLowerCase() === 'basic') {
    const decoded = Buffer.from(value, 'base64').toString('utf8');
    given = decoded.slice(decoded.indexOf(':') + 1);
  }
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}
