/**
 * Known secret values, scrubbed from every string that leaves the process
 * through our sinks (log lines, error messages, audit events, notes).
 *
 * Why a process-wide set rather than an injected dependency: a secret must be
 * scrubbed on every path that builds text, including errors raised deep inside
 * a library callback that has no logger in reach. Path-based redaction alone
 * misses a secret inside a message or under a differently cased header
 * (../shared/reference/llm-security.md, "Secrets in our own sinks"); scrubbing
 * by value does not.
 */
const known = new Set<string>();
/** Each known secret as JSON escapes it inside a string (what `scrubValue` looks for in serialised text). */
const knownEscaped = new Set<string>();

function remember(secret: string): void {
  known.add(secret);
  knownEscaped.add(JSON.stringify(secret).slice(1, -1));
}

/** Minimum length worth scrubbing: shorter values would mangle ordinary text. */
const MIN_SECRET_LENGTH = 4;

/** Registers a secret value (password, client secret, token, API key). */
export function registerSecret(value: string | undefined | null): void {
  if (typeof value !== 'string') return;
  const trimmed = value.trim();
  if (trimmed.length < MIN_SECRET_LENGTH) return;
  remember(trimmed);
  // The same secret often travels encoded: basic auth, URL and form encoding.
  remember(encodeURIComponent(trimmed));
  remember(Buffer.from(trimmed).toString('base64'));
}

/** Registers the basic-auth pair so its encoded header value is scrubbed too. */
export function registerBasicCredentials(user: string, password: string): void {
  registerSecret(password);
  registerSecret(Buffer.from(`${user}:${password}`).toString('base64'));
}

/** For tests: forget every registered secret. */
export function clearSecretsForTest(): void {
  known.clear();
  knownEscaped.clear();
}

const URL_USERINFO = /(\b[a-z][a-z0-9+.-]*:\/\/)([^/@\s:]+)(?::[^/@\s]*)?@/gi;
const AUTH_HEADER = /\b(authorization|x-sn-apikey|api-key|proxy-authorization)(["']?\s*[:=]\s*["']?)(basic|bearer)?\s*[^\s"',}]+/gi;
const BEARER = /\bbearer\s+[a-z0-9._~+/=-]{8,}/gi;

/**
 * Returns `text` with every known secret, URL userinfo, authorization header
 * value and bearer token replaced by `[REDACTED]`.
 */
export function scrub(text: string): string {
  let out = text;
  for (const secret of known) {
    if (out.includes(secret)) out = out.split(secret).join('[REDACTED]');
  }
  return out
    .replace(URL_USERINFO, '$1[REDACTED]@')
    .replace(AUTH_HEADER, '$1$2[REDACTED]')
    .replace(BEARER, 'Bearer [REDACTED]');
}

/**
 * Keys whose string value is a credential whatever it looks like (any case):
 * the value is replaced whole.
 */
const CREDENTIAL_KEY = /^(?:authorization|proxy-authorization|x-api-key|api-key|x-sn-apikey|cookie|set-cookie|password|passwd|client_secret|access_token|refresh_token|id_token)$/i;

/**
 * A `JSON.stringify` replacer that scrubs every string and every key before
 * it is serialised, and redacts values under credential keys. Scrubbing must
 * see the text itself: in serialised JSON a `"` is `\"` and a `\` is `\\`,
 * so a secret holding either was not found, and a match across the quotes
 * between two values could leave text that no longer parses.
 */
export function scrubReplacer(key: string, value: unknown): unknown {
  if (typeof value === 'string') return value !== '' && CREDENTIAL_KEY.test(key) ? '[REDACTED]' : scrub(value);
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const entries = Object.entries(value);
    if (entries.some(([k]) => scrub(k) !== k)) return Object.fromEntries(entries.map(([k, v]) => [scrub(k), v]));
  }
  return value;
}

/**
 * Whether serialised JSON may hold anything `scrubReplacer` changes: a known
 * secret (as JSON escapes it: escaping is per character, so a string holding
 * a secret serialises to text holding the secret's escaped form), or a word
 * one of the patterns or credential keys cannot match without (none of them
 * has a character JSON escapes). False means the replacer would change
 * nothing, so the value can be serialised without it.
 */
const PATTERN_WORDS = /:\/\/|authorization|api-?key|bearer|cookie|passw|client_secret|_token/i;
function mayNeedScrub(json: string): boolean {
  if (PATTERN_WORDS.test(json)) return true;
  for (const escaped of knownEscaped) {
    if (json.includes(escaped)) return true;
  }
  return false;
}

/**
 * Deep-scrubs any JSON-able value: every string and key, as `scrubReplacer`
 * does; the answer is always a copy, as JSON gives it. Serialised first
 * without the replacer: for the common value that holds nothing to scrub
 * (every audit event the flow appends) that is the whole cost (issue 13's
 * profile: the replacer, called per string, was a fortieth of the worker's
 * time).
 */
export function scrubValue<T>(value: T): T {
  if (value === undefined) return value;
  const plain = JSON.stringify(value);
  if (plain === undefined) return value;
  const json = mayNeedScrub(plain) ? JSON.stringify(value, scrubReplacer) : plain;
  return JSON.parse(json) as T;
}
