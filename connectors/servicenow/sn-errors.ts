/**
 * Turns ServiceNow answers into HandoffErrors. An error carries the status,
 * the table, the operation and ServiceNow's own message and detail; never a
 * header, a credential, a request body or a query string (values in a query
 * can be ticket data). HandoffError scrubs registered secrets on top.
 *
 * ServiceNow's error envelope (../shared/reference/servicenow.md, "Errors"):
 * `{"error": {"message": "...", "detail": "..." or null}, "status": "failure"}`.
 */
import { HandoffError, type ErrorCode } from '../../src/errors.js';

/** What a call was, for error messages and logs: never its URL or body. */
export interface CallContext {
  /** `write`: a ticket write through the app's API; `insert`: a row of the checkpoint table; `batch`: a Batch API call carrying reads (batch.ts). */
  readonly operation: 'list' | 'get' | 'patch' | 'insert' | 'token' | 'write' | 'batch';
  readonly table?: string;
}

/** Longest ServiceNow message or detail kept in an error, in characters. */
const MAX_TEXT = 300;

export interface ServiceNowMessage {
  readonly message?: string;
  readonly detail?: string;
}

/** ServiceNow's message and detail from an error body (Table API or token endpoint), if any. */
export function errorMessageOf(body: unknown): ServiceNowMessage {
  if (typeof body === 'string') {
    try {
      return errorMessageOf(JSON.parse(body) as unknown);
    } catch {
      return {};
    }
  }
  if (typeof body !== 'object' || body === null) return {};
  const error = (body as { error?: unknown }).error;
  if (typeof error === 'object' && error !== null) {
    const { message, detail } = error as { message?: unknown; detail?: unknown };
    return { ...text('message', message), ...text('detail', detail) };
  }
  // The token endpoint: {"error": "server_error", "error_description": "access_denied"}.
  if (typeof error === 'string') {
    return { ...text('message', error), ...text('detail', (body as { error_description?: unknown }).error_description) };
  }
  return {};
}

function text(key: 'message' | 'detail', value: unknown): ServiceNowMessage {
  if (typeof value !== 'string' || value.trim() === '') return {};
  const trimmed = value.trim();
  return { [key]: trimmed.length > MAX_TEXT ? `${trimmed.slice(0, MAX_TEXT)}…` : trimmed };
}

export function codeForStatus(status: number): ErrorCode {
  if (status === 400) return 'SN_BAD_REQUEST';
  if (status === 401) return 'SN_AUTH_FAILED';
  if (status === 403) return 'SN_FORBIDDEN';
  if (status === 404) return 'SN_NOT_FOUND';
  if (status === 429) return 'SN_RATE_LIMITED';
  if (status >= 500 || status === 202) return 'SN_UNAVAILABLE';
  if (status >= 400) return 'SN_BAD_REQUEST';
  return 'SN_BAD_RESPONSE';
}

const REMEDIES: Partial<Record<ErrorCode, string>> = {
  SN_BAD_REQUEST: 'check the table name and the mapping (ai-handoff mappings check)',
  SN_AUTH_FAILED: 'check the ServiceNow credentials (docs/servicenow-connector.md, "Configuration") and that the integration user is active',
  SN_FORBIDDEN: 'grant the integration user the rights in docs/servicenow-connector.md ("Rights the integration user needs")',
  SN_NOT_FOUND: 'the record does not exist or an ACL hides it from the integration user',
  SN_RATE_LIMITED: 'the instance is rate limiting; the call is retried after its hint',
  SN_UNAVAILABLE: 'the instance is busy or down; the call is retried with back-off',
  SN_BAD_RESPONSE: 'check SN_INSTANCE_URL points at the instance (not a login page) and that the instance is awake',
};

export interface StatusErrorOptions {
  readonly retryAfterMs?: number;
  /** Overrides the code's retryability (an ambiguous write is surfaced, not retried in-process). */
  readonly retryable?: boolean;
  readonly attempts?: number;
}

/** An error for a non-success HTTP status. */
export function statusError(status: number, context: CallContext, body: unknown, options: StatusErrorOptions = {}): HandoffError {
  const code = codeForStatus(status);
  const sn = errorMessageOf(body);
  const what = describeCall(context);
  const said = sn.message === undefined ? '' : `: ${sn.message}${sn.detail === undefined ? '' : ` (${sn.detail})`}`;
  const tries = options.attempts !== undefined && options.attempts > 1 ? ` after ${options.attempts} attempts` : '';
  return new HandoffError(code, `ServiceNow ${what} answered ${status}${tries}${said}`, {
    details: detailsOf(context, { status, ...(sn.message === undefined ? {} : { snMessage: sn.message }), ...(sn.detail === undefined ? {} : { snDetail: sn.detail }) }),
    ...(options.retryAfterMs === undefined ? {} : { retryAfterMs: options.retryAfterMs }),
    ...(options.retryable === undefined ? {} : { retryable: options.retryable }),
    ...(REMEDIES[code] === undefined ? {} : { remedy: REMEDIES[code] }),
  });
}

/** An error for an answer that is not what the Table API sends (bad JSON, no envelope, a non-string value). */
export function badResponse(context: CallContext, why: string, extra: Record<string, unknown> = {}): HandoffError {
  return new HandoffError('SN_BAD_RESPONSE', `ServiceNow ${describeCall(context)}: ${why}`, {
    details: detailsOf(context, extra),
    remedy: REMEDIES.SN_BAD_RESPONSE ?? '',
  });
}

export function describeCall(context: CallContext): string {
  if (context.operation === 'token') return 'token request (/oauth_token.do)';
  return `${context.operation} on ${context.table ?? '?'}`;
}

export function detailsOf(context: CallContext, extra: Record<string, unknown>): Record<string, unknown> {
  return { operation: context.operation, ...(context.table === undefined ? {} : { table: context.table }), ...extra };
}
