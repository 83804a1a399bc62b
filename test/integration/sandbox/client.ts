/**
 * A plain HTTP client for the sandbox tests: node's fetch, nothing from the
 * connector, so the sandbox is proven on its own terms.
 */
export interface Answer<T = unknown> {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  readonly json: T;
}

export function basic(user: string, password: string): string {
  return `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
}

export const AS_INTEGRATION = basic('svc.aihandoff', 'integration-sandbox');
export const AS_ADMIN = basic('admin', 'sandbox');
export const as = (user: string): string => basic(user, 'sandbox');

export async function call<T = unknown>(base: string, method: string, path: string, authorization: string | undefined, body?: unknown, headers: Record<string, string> = {}): Promise<Answer<T>> {
  const res = await fetch(base + path, {
    method,
    headers: {
      accept: 'application/json',
      ...(authorization === undefined ? {} : { authorization }),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...headers,
    },
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
  const text = await res.text();
  let json: unknown = undefined;
  try {
    json = text === '' ? undefined : JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, text, json: json as T };
}

export type Rows = { result: Record<string, unknown>[] };
export type One = { result: Record<string, unknown> };

/** GET a list and return its rows (asserting nothing). */
export async function list(base: string, table: string, params: Record<string, string>, authorization = AS_INTEGRATION): Promise<Answer<Rows>> {
  const qs = new URLSearchParams(params).toString();
  return call<Rows>(base, 'GET', `/api/now/table/${table}${qs === '' ? '' : `?${qs}`}`, authorization);
}

/** The sys_id of a record by number (raw values). */
export async function sysIdOf(base: string, table: string, number: string): Promise<string> {
  const answer = await list(base, table, { sysparm_query: `number=${number}`, sysparm_fields: 'sys_id' }, AS_ADMIN);
  const id = answer.json.result[0]?.sys_id;
  if (typeof id !== 'string') throw new Error(`no ${table} ${number}`);
  return id;
}

/** A clock tests can move. */
export function manualClock(start = Date.UTC(2025, 2, 3, 9, 0, 0)): { now: () => number; advance: (ms: number) => void; set: (ms: number) => void } {
  let t = start;
  return { now: () => t, advance: (ms) => void (t += ms), set: (ms) => void (t = ms) };
}
