/**
 * The ticket page's routes: a browser session like an instance's
 * (`/login.do` sets the JSESSIONID cookie; the Table API accepts it with the
 * session's X-UserToken), a page per ticket (`/ticket/<number>`, and
 * `/nav_to.do?uri=incident.do?sys_id=...` as ServiceNow links it), an index of
 * active tickets, and the files the pages load. Every write the page makes
 * (a request or review row of the app's tables) goes through the Table API
 * as the signed-in user, so the platform stamps them as its creator.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { SESSION_COOKIE, SESSION_IDLE_MS, readCookie } from '../auth/sessions.js';
import { PEOPLE } from '../seed/cast.js';
import type { SandboxParts } from '../server.js';
import { crossSiteRefusal, crossSiteReply } from './cross-site.js';
import type { ExtraRoute } from './dispatch.js';
import { TICKET_TABLES } from '../schema/app-fields.js';
import { json, readBody, type Reply } from './reply.js';
import { send } from './send.js';
import { PAGE_HEADERS, pageFile } from './static-files.js';


const redirect = (location: string, headers: Record<string, string> = {}): Reply => ({ status: 303, headers: { Location: location, ...PAGE_HEADERS, ...headers }, body: '' });
const notFound = (): Reply => ({ status: 404, headers: { ...PAGE_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' }, body: 'Not found' });

/** Only a path on this site: never an absolute or protocol-relative URL. */
function safeReturn(to: string | null): string {
  return to !== null && /^\/(?![/\\])[^\s]*$/.test(to) ? to : '/tickets';
}

function cookie(value: string, maxAgeS: number): string {
  return `${SESSION_COOKIE}=${value}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${maxAgeS}`;
}

export function pageRoutes(parts: SandboxParts): ExtraRoute {
  const { store, directory, sessions } = parts;
  // The ticket tables a page can open: the app's tables (its list), by their number prefixes.
  const pageTables = TICKET_TABLES.flatMap((table) => {
    const prefix = store.schema.table(table)?.numberPrefix;
    return prefix === undefined ? [] : [{ table, prefix }];
  });

  const sessionOf = (req: IncomingMessage) => {
    const id = readCookie(req.headers.cookie, SESSION_COOKIE);
    return id === undefined ? undefined : sessions.find(id);
  };

  const recordByNumber = (number: string) => {
    const entry = pageTables.find((t) => number.startsWith(t.prefix) && /^\d{7}$/.test(number.slice(t.prefix.length)));
    if (!entry) return undefined;
    return store.partitions(entry.table)[0]!.indexes.get('number')!.get(number.toLowerCase())?.[0];
  };

  /** The signed-in person's active manager's name, as the platform records it: the page's Escalate names them (issue 12). */
  const managerOf = (user: { readonly v: Record<string, string | undefined> }): { managerName?: string } => {
    const manager = user.v.manager ? store.get('sys_user', user.v.manager) : undefined;
    return manager && manager.v.active !== 'false' && manager.v.name ? { managerName: manager.v.name } : {};
  };

  const handle = async (req: IncomingMessage, url: URL): Promise<Reply | undefined> => {
    const method = (req.method ?? 'GET').toUpperCase();
    const path = url.pathname;

    if (path === '/' && method === 'GET') return redirect('/tickets');
    if (path === '/favicon.ico') return { status: 204, headers: PAGE_HEADERS, body: '' };
    if ((path === '/tickets' || path === '/tickets/') && method === 'GET') return pageFile('tickets.html');
    const ticket = /^\/ticket\/([A-Z]{3,4}\d{7})$/.exec(path);
    if (ticket && method === 'GET') return recordByNumber(ticket[1]!) ? pageFile('ticket.html') : notFound();

    // ServiceNow's own links: /nav_to.do?uri=incident.do?sys_id=<id>, and /incident.do?sys_id=<id>.
    const form = path === '/nav_to.do' ? /^\/?([a-z_]+)\.do\?sys_id=([0-9a-f]{32})$/.exec(url.searchParams.get('uri') ?? '') : /^\/([a-z_]+)\.do$/.exec(path);
    if (form && method === 'GET' && path !== '/login.do' && path !== '/logout.do') {
      const table = form[1]!;
      const sysId = path === '/nav_to.do' ? form[2]! : (url.searchParams.get('sys_id') ?? '');
      const row = pageTables.some((t) => t.table === table) ? store.get(table, sysId) : undefined;
      return row ? redirect(`/ticket/${row.v.number!}`) : notFound();
    }

    if ((path === '/login.do' || path === '/logout.do') && method === 'POST') {
      // Login CSRF: only this origin may sign a browser in or out.
      const refused = crossSiteRefusal(req);
      if (refused !== undefined) return crossSiteReply(refused);
    }
    if (path === '/login.do' && method === 'POST') {
      const text = await readBody(req, 64 * 1024);
      const formData = new URLSearchParams(typeof text === 'string' ? text : '');
      const back = safeReturn(formData.get('return_to'));
      const userName = formData.get('user_name') ?? '';
      const user = directory.user(userName);
      if (!user || !directory.canSignIn(user) || !parts.credentials.verifyPassword(userName, formData.get('user_password') ?? '')) {
        return redirect(`${back}${back.includes('?') ? '&' : '?'}login_failed=1`);
      }
      const old = readCookie(req.headers.cookie, SESSION_COOKIE);
      if (old !== undefined) sessions.close(old);
      const session = sessions.open(user.v.user_name!);
      return redirect(back, { 'Set-Cookie': cookie(session.id, SESSION_IDLE_MS / 1000) });
    }
    if (path === '/logout.do' && method === 'POST') {
      const id = readCookie(req.headers.cookie, SESSION_COOKIE);
      if (id !== undefined) sessions.close(id);
      // signed_out: the ticket list then waits for a choice rather than signing the pre-selected person in again.
      return redirect('/tickets?signed_out=1', { 'Set-Cookie': cookie('', 0) });
    }

    if (path === '/sandbox/session' && method === 'GET') {
      const session = sessionOf(req);
      const user = session === undefined ? undefined : directory.user(session.userName);
      if (!session || !user) return json(401, { error: { message: 'Not signed in', detail: 'Sign in through the user switcher' }, status: 'failure' }, PAGE_HEADERS);
      const sysId = user.v.sys_id!;
      return json(
        200,
        { result: { user: { sysId, userName: user.v.user_name!, name: user.v.name!, roles: [...directory.roles(sysId)].sort(), groups: directory.groups(sysId), ...managerOf(user) }, userToken: session.userToken } },
        PAGE_HEADERS,
      );
    }
    if (path === '/sandbox/app-fields' && method === 'GET') {
      // The page reads the AI fields, and creates request and review rows, under the names this instance's app has.
      return json(200, { result: { ...parts.appFields, requestTable: parts.app.tables.request, reviewTable: parts.app.tables.review } }, PAGE_HEADERS);
    }
    if (path === '/sandbox/people' && method === 'GET') {
      // Who the switcher offers: the seeded people (the sandbox's own cast, not secret).
      return json(200, { result: PEOPLE.map((p) => ({ userName: p.userName, name: p.name, roles: p.roles, cast: p.cast })) }, PAGE_HEADERS);
    }
    const file = /^\/sandbox\/page\/([a-z][a-z0-9-]*\.(?:js|css))$/.exec(path);
    if (file && method === 'GET') return pageFile(file[1]!) ?? notFound();
    return undefined;
  };

  return async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> => {
    const reply = await handle(req, url);
    if (reply === undefined) return false;
    await send(res, reply);
    return true;
  };
}
