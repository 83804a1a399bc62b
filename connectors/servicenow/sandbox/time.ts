/**
 * Time as ServiceNow shows it: UTC `YYYY-MM-DD HH:mm:ss`, second resolution
 * (../shared/reference/servicenow.md, "Table API"). The clock is injected so
 * tests can pin or advance it.
 */

/** Milliseconds since the epoch; `Date.now` by default. */
export type Clock = () => number;

export const systemClock: Clock = () => Date.now();

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** `YYYY-MM-DD HH:mm:ss` in UTC. */
export function glideDateTime(ms: number): string {
  const d = new Date(ms);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

const GLIDE = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;

/** Parses `YYYY-MM-DD HH:mm:ss` (UTC) to milliseconds; NaN when malformed. */
export function parseGlideDateTime(text: string): number {
  const m = GLIDE.exec(text);
  if (!m) return Number.NaN;
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6]));
}
