/**
 * The control endpoint under `/sandbox/control`, for tests and demos that
 * drive the sandbox from another process. Off unless the sandbox is created
 * with `control: true` (the CLI's --control): it changes faults, limits and
 * ACLs and reveals every write, so it is a test instrument, not an API.
 *
 * GET    /sandbox/control                 summary
 * GET    /sandbox/control/writes          ?user=&table=&sys_id=&applied=&after=
 * DELETE /sandbox/control/writes
 * GET    /sandbox/control/faults          PUT (replace: rule or list), POST (add one), DELETE (clear)
 * GET    /sandbox/control/rate-limit      PUT (set), DELETE (off)
 * PUT    /sandbox/control/acl/{table}     {"read"?: [...], "write"?: [...], "create"?: [...], "writeFields"?: {...}}
 * POST   /sandbox/control/tokens/revoke   {"access_only"?: true}
 * GET    /sandbox/control/doorbell        PUT {"url", "token"?} (the app's doorbell properties), DELETE (off)
 * GET    /sandbox/control/denials         POST {"user", "sys_id"} (hide one record from one user), DELETE (clear)
 */
import { z } from 'zod';
import { TableAcl, type Acl } from '../acl.js';
import { DoorbellConfig, type Doorbell } from '../app/doorbell.js';
import type { RecordRules } from '../record-rules.js';
import type { Tokens } from '../auth/tokens.js';
import { FaultRule, type Faults } from '../faults.js';
import { RateLimitConfig, type RateLimiter } from '../rate-limit.js';
import type { WriteFilter, WriteLog } from '../write-log.js';
import { json, type Reply } from './reply.js';

export interface ControlContext {
  readonly faults: Faults;
  readonly rateLimit: RateLimiter;
  readonly acl: Acl;
  readonly tokens: Tokens;
  readonly writeLog: WriteLog;
  readonly rules: RecordRules;
  readonly doorbell: Doorbell;
}

const Denial = z.strictObject({ user: z.string().min(1), sys_id: z.string().regex(/^[0-9a-f]{32}$/, 'sys_id must be 32 lower-case hex characters') });

const bad = (message: string): Reply => json(400, { error: { message, detail: null }, status: 'failure' });

function parse<T>(schema: z.ZodType<T>, text: string, what: string): T | Reply {
  let value: unknown;
  try {
    value = text.trim() === '' ? {} : JSON.parse(text);
  } catch {
    return bad(`${what}: the body is not JSON`);
  }
  const result = schema.safeParse(value);
  return result.success ? result.data : bad(`${what}: ${z.prettifyError(result.error)}`);
}

const isReply = (v: unknown): v is Reply => typeof v === 'object' && v !== null && 'status' in v && 'body' in v && 'headers' in v;

function writeFilter(params: URLSearchParams): WriteFilter {
  const applied = params.get('applied');
  const after = params.get('after');
  const api = params.get('api');
  return {
    ...(api === 'table' || api === 'app' ? { api } : {}),
    ...(params.get('user') === null ? {} : { user: params.get('user')! }),
    ...(params.get('table') === null ? {} : { table: params.get('table')! }),
    ...(params.get('sys_id') === null ? {} : { sysId: params.get('sys_id')! }),
    ...(applied === null ? {} : { applied: applied === 'true' }),
    ...(after === null || !/^\d+$/.test(after) ? {} : { after: Number(after) }),
  };
}

export function handleControl(ctx: ControlContext, method: string, url: URL, body: string): Reply {
  const path = url.pathname.replace(/\/+$/, '');
  const summary = (): Reply =>
    json(200, {
      result: {
        faults: ctx.faults.list(),
        rateLimit: ctx.rateLimit.config(),
        acl: ctx.acl.rules(),
        writes: { size: ctx.writeLog.size, dropped: ctx.writeLog.dropped, lastSeq: ctx.writeLog.lastSeq },
        doorbell: doorbellState(),
        denials: ctx.rules.denials(),
      },
    });
  const doorbellState = (): unknown => {
    const config = ctx.doorbell.config();
    return { url: config?.url ?? null, token: config?.token === undefined ? null : 'set', ...ctx.doorbell.stats };
  };

  if (path === '/sandbox/control' && method === 'GET') return summary();

  if (path === '/sandbox/control/writes') {
    if (method === 'GET') return json(200, { result: ctx.writeLog.entries(writeFilter(url.searchParams)), dropped: ctx.writeLog.dropped });
    if (method === 'DELETE') {
      ctx.writeLog.clear();
      return json(200, { result: { cleared: true } });
    }
  }

  if (path === '/sandbox/control/faults') {
    if (method === 'GET') return json(200, { result: ctx.faults.list() });
    if (method === 'DELETE') {
      ctx.faults.clear();
      return json(200, { result: [] });
    }
    if (method === 'PUT') {
      // One schema or the other, not a union: a union's error hides which field is wrong.
      const rules = body.trim().startsWith('[') ? parse(z.array(FaultRule), body, 'faults') : parse(FaultRule, body, 'fault');
      if (isReply(rules)) return rules;
      ctx.faults.set(rules);
      return json(200, { result: ctx.faults.list() });
    }
    if (method === 'POST') {
      const rule = parse(FaultRule, body, 'fault');
      if (isReply(rule)) return rule;
      const id = ctx.faults.add(rule);
      return json(201, { result: { id } });
    }
  }

  if (path === '/sandbox/control/rate-limit') {
    if (method === 'GET') return json(200, { result: ctx.rateLimit.config() });
    if (method === 'DELETE') {
      ctx.rateLimit.set(null);
      return json(200, { result: null });
    }
    if (method === 'PUT') {
      const config = parse(RateLimitConfig, body, 'rate-limit');
      if (isReply(config)) return config;
      ctx.rateLimit.set(config);
      return json(200, { result: config });
    }
  }

  const acl = /^\/sandbox\/control\/acl\/([a-z][a-z0-9_]*)$/.exec(path);
  if (acl && method === 'PUT') {
    const rule = parse(TableAcl.partial(), body, 'acl');
    if (isReply(rule)) return rule;
    ctx.acl.set(acl[1]!, rule);
    return json(200, { result: ctx.acl.rules()[acl[1]!] });
  }

  if (path === '/sandbox/control/doorbell') {
    if (method === 'GET') return json(200, { result: doorbellState() });
    if (method === 'DELETE') {
      ctx.doorbell.set(null);
      return json(200, { result: doorbellState() });
    }
    if (method === 'PUT') {
      const config = parse(DoorbellConfig, body, 'doorbell');
      if (isReply(config)) return config;
      ctx.doorbell.set(config);
      return json(200, { result: doorbellState() });
    }
  }

  if (path === '/sandbox/control/denials') {
    if (method === 'GET') return json(200, { result: ctx.rules.denials() });
    if (method === 'DELETE') {
      ctx.rules.clearDenials();
      return json(200, { result: [] });
    }
    if (method === 'POST') {
      const denial = parse(Denial, body, 'denial');
      if (isReply(denial)) return denial;
      ctx.rules.deny({ user: denial.user, sysId: denial.sys_id });
      return json(201, { result: ctx.rules.denials() });
    }
  }

  if (path === '/sandbox/control/tokens/revoke' && method === 'POST') {
    const options = parse(z.strictObject({ access_only: z.boolean().optional() }), body, 'tokens/revoke');
    if (isReply(options)) return options;
    if (options.access_only === true) ctx.tokens.revokeAccess();
    else ctx.tokens.revokeAll();
    return json(200, { result: { revoked: options.access_only === true ? 'access' : 'all' } });
  }

  return json(404, { error: { message: `no control route ${method} ${path}`, detail: null }, status: 'failure' });
}
