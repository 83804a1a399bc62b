/**
 * The one error module. Every error the product raises on purpose is a
 * `HandoffError` with a stable code from `ERROR_CODES`; `docs/errors.md` lists
 * every code (a test checks it). Errors are scrubbed of secrets where they are
 * built, so a message can be logged, stored in a failed job or an audit event.
 *
 * Mapping to BullMQ (retry, delay, unrecoverable) happens in exactly one place:
 * `src/queue/job-errors.ts`, driven by `retryable` and `retryAfterMs`.
 */
import { scrub, scrubValue } from './util/secrets.js';

interface CodeInfo {
  /** Whether trying the same thing again later can succeed. */
  readonly retryable: boolean;
  /** One line for docs and operators. */
  readonly summary: string;
}

export const ERROR_CODES = {
  // Configuration, policy and mapping files
  CONFIG_INVALID: { retryable: false, summary: 'A runtime configuration file or environment variable is invalid.' },
  POLICY_INVALID: { retryable: false, summary: 'A policy or operations-catalog file is invalid; nothing was loaded.' },
  MAPPING_INVALID: { retryable: false, summary: 'A field-mapping file is invalid; nothing was loaded.' },
  MAPPING_FIELD_MISSING: { retryable: false, summary: 'A mapping names a field the instance lacks (the start-up mappings check); the worker does not start.' },
  RECORD_INVALID: { retryable: false, summary: 'A ticket record cannot be mapped to a canonical ticket.' },
  INPUT_INVALID: { retryable: false, summary: 'A command-line argument or input file is invalid.' },
  SECRET_MISSING: { retryable: false, summary: 'A required secret is not set in the environment or its *_FILE.' },

  // ServiceNow connector
  SN_BAD_REQUEST: { retryable: false, summary: 'ServiceNow answered 400: the request is malformed (unknown table, bad query).' },
  SN_AUTH_FAILED: { retryable: false, summary: 'ServiceNow answered 401, or the token endpoint refused the credentials.' },
  SN_FORBIDDEN: { retryable: false, summary: 'ServiceNow answered 403: an ACL or data policy refused the call.' },
  SN_NOT_FOUND: { retryable: false, summary: 'ServiceNow answered 404: the record does not exist or an ACL hides it.' },
  SN_RATE_LIMITED: { retryable: true, summary: 'ServiceNow answered 429; retry after the server hint.' },
  SN_UNAVAILABLE: { retryable: true, summary: 'ServiceNow answered 5xx or an empty 202; retry with back-off.' },
  SN_NETWORK: { retryable: true, summary: 'The connection to ServiceNow failed or was dropped.' },
  SN_TIMEOUT: { retryable: true, summary: 'A ServiceNow call exceeded its timeout.' },
  SN_BAD_RESPONSE: { retryable: false, summary: 'ServiceNow answered with a body that is not the Table API envelope, or an error inside a 200.' },
  SN_QUERY_UNSAFE: { retryable: false, summary: 'A value for an encoded query holds ^ or a line break and was refused.' },
  SN_QUERY_UNKNOWN_FIELD: { retryable: false, summary: 'An encoded query names a field the mapping does not know.' },

  // The write guard
  WRITE_FORBIDDEN_FIELD: { retryable: false, summary: 'A write named a field outside work notes and the mapped AI fields; nothing was sent.' },
  WRITE_INVALID_VALUE: { retryable: false, summary: 'A write carried a value the guard refuses (not a string, too long, empty note).' },

  // The hand-off flow
  REQUEST_INVALID: { retryable: false, summary: 'A request row is not valid (a column is missing or malformed, or it names no ticket the worker serves).' },
  REVIEW_INVALID: { retryable: false, summary: 'A review row is not valid (a column is missing or malformed, or it names no ticket the worker serves).' },
  POLICY_STALE_SCOPE: { retryable: false, summary: 'The scope digest in the request does not match the current scope.' },
  POLICY_BLOCKED: { retryable: false, summary: 'Policy blocks the requested operation on this ticket.' },
  REVIEW_FORBIDDEN: { retryable: false, summary: 'The reviewer is not the resolved approver, or is the requester.' },
  HANDOFF_NOT_FOUND: { retryable: false, summary: 'No hand-off with that id exists for the ticket.' },
  HANDOFF_STATE_CONFLICT: { retryable: false, summary: 'The hand-off is not in a state that allows this step.' },
  BOUNDARY_CLASS_LOWERED: { retryable: false, summary: "The ticket's data class was lowered within the policy's cool-down; the request is refused until it ends." },
  REQUESTER_UNKNOWN: { retryable: false, summary: 'The user who created a request or review row is not on the platform (sys_user).' },
  IDENTITY_MISMATCH: { retryable: false, summary: "A row's requested_by or reviewed_by does not name the user who created it (sys_created_by): a forgery." },
  ROLE_MISSING: { retryable: false, summary: "The requester or reviewer is inactive or lacks the app's role for the step (agent to request, reviewer to review)." },
  INTAKE_EXPIRED: { retryable: false, summary: 'A request or review could not be taken within worker.intake.boundMs; it was refused with its last cause.' },
  LEASE_HELD: { retryable: true, summary: 'Another worker holds the lease for this hand-off, row or ticket.' },

  // Redis
  REDIS_UNSAFE: { retryable: false, summary: 'Redis could evict or lose jobs (eviction policy, persistence, appendfsync no); the worker refuses to start, or stops taking work while running.' },
  REDIS_UNAVAILABLE: { retryable: true, summary: 'Redis cannot be reached.' },

  // AI providers and the output guard
  AI_PROVIDER_FAILED: { retryable: true, summary: 'The AI provider failed (5xx, network, timeout).' },
  AI_PROVIDER_RATE_LIMITED: { retryable: true, summary: 'The AI provider answered 429; retry after its hint.' },
  AI_PROVIDER_REFUSED: { retryable: false, summary: 'The AI provider refused the request (content filter, 400, 401, 403).' },
  AI_OUTPUT_INVALID: { retryable: false, summary: 'The model output is not strict JSON of the output schema; nothing was written.' },
  AI_OUTPUT_REJECTED: { retryable: false, summary: 'The output guard rejected the output; nothing was written.' },
  AI_DATA_CLASS_FORBIDDEN: { retryable: false, summary: "Policy does not allow this ticket's data class to reach this provider." },
  AI_BUDGET_EXCEEDED: { retryable: false, summary: "The group's AI budget is spent." },

  // Audit ledger
  AUDIT_CHAIN_BROKEN: { retryable: false, summary: 'The audit chain does not verify: an event was changed, removed or reordered.' },
} as const satisfies Record<string, CodeInfo>;

export type ErrorCode = keyof typeof ERROR_CODES;

export interface HandoffErrorOptions {
  /** Safe, structured context (field names, table, status). Scrubbed of secrets. */
  readonly details?: Record<string, unknown>;
  /** Server hint for when to try again, in milliseconds. */
  readonly retryAfterMs?: number;
  /** Overrides the code's default retryability (rarely needed). */
  readonly retryable?: boolean;
  /** What the operator or admin can do about it. */
  readonly remedy?: string;
  /** The underlying error; only its scrubbed message is kept, never the object. */
  readonly cause?: unknown;
}

export class HandoffError extends Error {
  override readonly name = 'HandoffError';
  readonly code: ErrorCode;
  readonly retryable: boolean;
  readonly retryAfterMs: number | undefined;
  readonly remedy: string | undefined;
  readonly details: Readonly<Record<string, unknown>>;

  constructor(code: ErrorCode, message: string, options: HandoffErrorOptions = {}) {
    const causeText = options.cause === undefined ? '' : describeCause(options.cause);
    super(scrub(causeText ? `${message}: ${causeText}` : message));
    this.code = code;
    this.retryable = options.retryable ?? ERROR_CODES[code].retryable;
    this.retryAfterMs = options.retryAfterMs;
    this.remedy = options.remedy === undefined ? undefined : scrub(options.remedy);
    this.details = Object.freeze(scrubValue(options.details ?? {}));
  }

  /** A plain, secret-free object for logs, job failure reasons and audit events. */
  toJSON(): Record<string, unknown> {
    return {
      code: this.code,
      message: this.message,
      retryable: this.retryable,
      ...(this.retryAfterMs === undefined ? {} : { retryAfterMs: this.retryAfterMs }),
      ...(this.remedy === undefined ? {} : { remedy: this.remedy }),
      ...(Object.keys(this.details).length === 0 ? {} : { details: this.details }),
    };
  }
}

export function isHandoffError(error: unknown, code?: ErrorCode): error is HandoffError {
  return error instanceof HandoffError && (code === undefined || error.code === code);
}

/** A short, scrubbed description of any thrown value; never the raw object (axios errors carry headers). */
export function describeCause(cause: unknown): string {
  if (cause instanceof HandoffError) return `${cause.code}: ${cause.message}`;
  if (cause instanceof Error) {
    const code = (cause as { code?: unknown }).code;
    // Node's file errors already begin with their code ("ENOENT: no such file or directory"): do not say it twice.
    return scrub(typeof code === 'string' && !cause.message.startsWith(code) ? `${code} ${cause.message}` : cause.message);
  }
  return scrub(String(cause));
}
