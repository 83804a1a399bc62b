/**
 * What a handler answers, before it is sent: the server applies faults
 * (truncation, a dropped connection after applying) to it in one place.
 * Bodies are either one string or chunks, so a large page streams.
 */

export interface Reply {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string | Iterable<string>;
}

export const JSON_TYPE = 'application/json;charset=UTF-8';

export function json(status: number, value: unknown, headers: Record<string, string> = {}): Reply {
  return { status, headers: { 'Content-Type': JSON_TYPE, ...headers }, body: JSON.stringify(value) };
}

/** The Table API's error envelope (../shared/reference/servicenow.md, "Errors"). */
export function failure(status: number, message: string, detail: string | null, headers: Record<string, string> = {}): Reply {
  return json(status, { error: { message, detail }, status: 'failure' }, headers);
}

export const ERRORS = {
  unauthenticated: (): Reply => failure(401, 'User Not Authenticated', 'Required to provide Auth information', { 'WWW-Authenticate': 'BASIC realm="Service-now"' }),
  invalidTable: (table: string): Reply => failure(400, `Invalid table ${table}`, null),
  notFound: (): Reply => failure(404, 'No Record found', "Record doesn't exist or ACL restricts the record retrieval"),
  badRequest: (message: string, detail: string | null = null): Reply => failure(400, message, detail),
  updateDenied: (): Reply => failure(403, 'Operation Failed', 'ACL Exception Update Failed due to security constraints'),
  insertDenied: (): Reply => failure(403, 'Operation Failed', 'ACL Exception Insert Failed due to security constraints'),
  methodNotAllowed: (): Reply => failure(405, 'Method not Supported', 'Requested HTTP method is not supported by this resource'),
  noResource: (): Reply => failure(400, 'Requested URI does not represent any resource', null),
  rateLimited: (limit: number, headers: Record<string, string>): Reply =>
    failure(429, 'Rate limit exceeded', `Rate limit of ${limit} requests per hour for Table API exceeded`, headers),
  busy: (): Reply => failure(429, 'Rate limit exceeded', 'Maximum number of concurrent integration requests reached; try again later'),
} as const;

/** A 5xx as the instance or the proxy in front of it sends it. */
export function serverError(status: number): Reply {
  if (status === 500) return failure(500, 'Internal Server Error', 'An unexpected error occurred while processing the request');
  const text = status === 502 ? 'Bad Gateway' : status === 504 ? 'Gateway Timeout' : 'Service Unavailable';
  return { status, headers: { 'Content-Type': 'text/html' }, body: `<html><head><title>${status} ${text}</title></head><body><h1>${text}</h1></body></html>` };
}

/** Reads a body fully; refuses bodies over `limit` bytes. */
export async function readBody(stream: AsyncIterable<unknown>, limit: number): Promise<string | { tooLarge: true }> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buf.length;
    if (size > limit) return { tooLarge: true };
    chunks.push(buf);
  }
  return Buffer.concat(chunks).toString('utf8');
}
