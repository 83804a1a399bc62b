/**
 * When a 429 (or 503) says to come back. Server hints win over our own
 * back-off (../shared/STYLE.md, "Retry and throttle rules are data, and
 * server hints win"):
 *
 * - `retry-after-ms`: milliseconds (Azure OpenAI and the OpenAI SDKs honour
 *   it first);
 * - `retry-after`: seconds, or an HTTP date (RFC 9110, section 10.2.3);
 * - `x-ratelimit-reset-requests` / `x-ratelimit-reset-tokens`: time until the
 *   window refills, as a duration such as `1s`, `6m0s`, `20ms` (OpenAI) or a
 *   number of seconds (Azure); the longer of the two is taken.
 */

export type Headers = Readonly<Record<string, string | string[] | number | undefined>>;

/** The server's hint in milliseconds, or null when it gave none. */
export function retryHintMs(headers: Headers, now: number = Date.now()): number | null {
  const get = (name: string): string | undefined => {
    const value = headers[name] ?? headers[name.toLowerCase()];
    if (value === undefined) return undefined;
    return Array.isArray(value) ? String(value[0]) : String(value);
  };
  const ms = number(get('retry-after-ms'));
  if (ms !== null && ms >= 0) return Math.ceil(ms);
  const after = get('retry-after');
  if (after !== undefined) {
    const seconds = number(after);
    if (seconds !== null && seconds >= 0) return Math.ceil(seconds * 1000);
    const date = Date.parse(after);
    if (!Number.isNaN(date)) return Math.max(0, date - now);
  }
  const resets = ['x-ratelimit-reset-requests', 'x-ratelimit-reset-tokens'].map((h) => duration(get(h))).filter((v): v is number => v !== null);
  return resets.length === 0 ? null : Math.max(...resets);
}

/** `1h2m3.5s`, `6m0s`, `250ms`, or a plain number of seconds; null when unreadable. */
export function duration(text: string | undefined): number | null {
  if (text === undefined) return null;
  const trimmed = text.trim();
  const plain = number(trimmed);
  if (plain !== null) return plain >= 0 ? Math.ceil(plain * 1000) : null;
  const parts = /^(?:(\d+(?:\.\d+)?)h)?(?:(\d+(?:\.\d+)?)m(?!s))?(?:(\d+(?:\.\d+)?)s)?(?:(\d+(?:\.\d+)?)ms)?$/.exec(trimmed);
  if (parts === null || trimmed === '') return null;
  const [, h = '0', m = '0', s = '0', milli = '0'] = parts;
  return Math.ceil(Number(h) * 3_600_000 + Number(m) * 60_000 + Number(s) * 1000 + Number(milli));
}

function number(text: string | undefined): number | null {
  if (text === undefined || text.trim() === '' || !/^\d+(?:\.\d+)?$/.test(text.trim())) return null;
  return Number(text);
}
