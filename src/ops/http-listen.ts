/**
 * Where the worker's HTTP endpoints listen (`AI_HANDOFF_HTTP=host:port`, off
 * by default for `worker`) and the token that guards the dashboard and
 * /metrics (`AI_HANDOFF_HTTP_TOKEN`, or a file named by
 * `AI_HANDOFF_HTTP_TOKEN_FILE`). Loopback needs no token; any other address
 * must have one, or the worker refuses to start: the dashboard's aggregates
 * are the organisation's, not the network's. /healthz and /readyz stay open
 * for probes (they show no data).
 */
import { readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { HandoffError } from '../errors.js';
import { registerSecret } from '../util/secrets.js';

export interface HttpListen {
  readonly host: string;
  /** 0 picks a free port. */
  readonly port: number;
  /** Required for /, /dashboard.json and /metrics when set (Bearer, or Basic with the token as password). */
  readonly token: string | null;
}

type Env = Readonly<Record<string, string | undefined>>;

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

/** Shortest token accepted: guessable tokens are no guard. */
const MIN_TOKEN_LENGTH = 16;

export function isLoopback(host: string): boolean {
  return LOOPBACK.has(host) || host.startsWith('127.');
}

/** Reads AI_HANDOFF_HTTP (or `fallback` when unset); null when off. */
export function httpListenFromEnv(env: Env, fallback: string | null = null, readFile: (path: string) => string = (p) => readFileSync(p, 'utf8')): HttpListen | null {
  const raw = env.AI_HANDOFF_HTTP?.trim() || fallback;
  if (raw === null || raw === '' || raw.toLowerCase() === 'off') return null;
  const match = /^(?:\[([^\]]+)\]|([^:[\]]*)):(\d{1,5})$/.exec(raw);
  const host = match?.[1] ?? (match?.[2] || '127.0.0.1');
  const port = Number(match?.[3]);
  if (!match || port > 65535 || (host !== 'localhost' && isIP(host) === 0)) {
    throw new HandoffError('CONFIG_INVALID', `AI_HANDOFF_HTTP is '${raw}'`, {
      remedy: 'set AI_HANDOFF_HTTP to an IP address and port, e.g. 127.0.0.1:9464 (loopback), 0.0.0.0:9464 (all interfaces, needs AI_HANDOFF_HTTP_TOKEN), or off',
    });
  }
  const token = tokenFromEnv(env, readFile);
  if (!isLoopback(host) && token === null) {
    throw new HandoffError('CONFIG_INVALID', `AI_HANDOFF_HTTP listens on ${host}, beyond loopback, without a token`, {
      remedy: `set AI_HANDOFF_HTTP_TOKEN_FILE (or AI_HANDOFF_HTTP_TOKEN) to a secret of at least ${MIN_TOKEN_LENGTH} characters, or listen on 127.0.0.1`,
    });
  }
  return { host, port, token };
}

function tokenFromEnv(env: Env, readFile: (path: string) => string): string | null {
  const file = env.AI_HANDOFF_HTTP_TOKEN_FILE?.trim();
  let token = env.AI_HANDOFF_HTTP_TOKEN?.trim() ?? '';
  if (file) {
    try {
      token = readFile(file).trim();
    } catch (cause) {
      throw new HandoffError('SECRET_MISSING', `cannot read AI_HANDOFF_HTTP_TOKEN_FILE ${file}`, { cause, remedy: 'point AI_HANDOFF_HTTP_TOKEN_FILE at a readable file holding the token' });
    }
  }
  if (token === '') return null;
  if (token.length < MIN_TOKEN_LENGTH) {
    throw new HandoffError('CONFIG_INVALID', `the HTTP token is ${token.length} characters long`, { remedy: `use a random token of at least ${MIN_TOKEN_LENGTH} characters (e.g. openssl rand -hex 24)` });
  }
  registerSecret(token);
  return token;
}
