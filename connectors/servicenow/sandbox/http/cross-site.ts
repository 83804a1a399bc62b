/**
 * The cross-site guard for the sandbox's state-changing browser-reachable
 * routes: the control endpoint and `/login.do` / `/logout.do` (issue 11: a
 * page on any site could POST to them from a browser on the same machine,
 * driving faults and ACLs or signing the browser in as someone else).
 *
 * - The Host header must name this machine (a loopback name, or the address
 *   the connection came in on): a DNS-rebinding page (evil.example resolving
 *   to 127.0.0.1) sends its own name and is refused.
 * - A request that changes state must be same-origin or one a browser cannot
 *   send cross-site without a CORS preflight (which the sandbox never
 *   grants): an `Origin` header, when present, must be this origin;
 *   `Sec-Fetch-Site`, when present, must be `same-origin` or `none`; without
 *   either, a "simple" request (POST with a form or text body and no custom
 *   header; Fetch standard, "CORS-safelisted request-header") is refused.
 *   PUT, DELETE, a JSON body or an `X-Requested-With` header are non-simple.
 */
import type { IncomingMessage } from 'node:http';
import { failure, type Reply } from './reply.js';

const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i;
const SIMPLE_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'];

function hostName(host: string): string {
  return host.startsWith('[') ? host.slice(0, host.indexOf(']') + 1) : host.replace(/:\d+$/, '');
}

function localName(req: IncomingMessage): string {
  const address = (req.socket.localAddress ?? '').replace(/^::ffff:/, '');
  return address.includes(':') ? `[${address}]` : address;
}

/** Why the request is refused as cross-site, or undefined when it may go on. */
export function crossSiteRefusal(req: IncomingMessage): string | undefined {
  const host = req.headers.host ?? '';
  const name = hostName(host);
  if (!LOOPBACK.test(name) && name !== localName(req)) return `the Host '${host.slice(0, 100)}' is not this sandbox: a page on another site (DNS rebinding) cannot reach it`;
  const method = (req.method ?? 'GET').toUpperCase();
  if (method === 'GET' || method === 'HEAD') return undefined;
  const origin = req.headers.origin;
  if (origin !== undefined) return origin === `http://${host}` ? undefined : `a cross-site request (Origin ${origin.slice(0, 100)}) cannot change the sandbox`;
  const site = req.headers['sec-fetch-site'];
  if (site !== undefined) return site === 'same-origin' || site === 'none' ? undefined : `a ${site} request cannot change the sandbox`;
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  const simple = method === 'POST' && (type === '' || SIMPLE_TYPES.includes(type)) && req.headers['x-requested-with'] === undefined;
  return simple ? 'a POST without Origin and with a form or text body could come from any site: send it same-origin, or with Content-Type: application/json or X-Requested-With' : undefined;
}

/** The 403 a refused request gets. */
export function crossSiteReply(reason: string): Reply {
  return failure(403, 'Cross-site request refused', reason);
}
