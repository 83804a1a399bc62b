/**
 * Reads the request's read check (the `readable` column the app's rule wrote
 * in the requester's session, docs/contract.md) into the one question the
 * containment check asks: may the requester open this record?
 *
 * It fails closed: a list that is missing, not JSON of the contract's shape,
 * for another read check than the one the scope was confirmed on, or older
 * than the request answers no for every record, and says why.
 */
import type { HandoffReadCheck } from '../domain/handoff.js';
import { GLIDE_DATE_TIME, Readable, type ReadCheck, type ReadCheckProblem } from '../domain/read-check.js';

/**
 * How much earlier than the request row's creation the rule's time may be:
 * the before-insert rule stamps `at` while the platform stamps
 * `sys_created_on` for the same insert, each to the second, so they can
 * differ by a second. Anything older is another request's list.
 */
export const READ_CHECK_SKEW_MS = 5_000;

export type ReadableVerdict =
  | { readonly ok: true; readonly mayRead: (table: string, sysId: string) => boolean }
  | { readonly ok: false; readonly problem: ReadCheckProblem };

/** Milliseconds since the epoch of a UTC glide date-time, or NaN. */
function glideTime(text: string): number {
  return GLIDE_DATE_TIME.test(text) ? Date.parse(`${text.replace(' ', 'T')}Z`) : Number.NaN;
}

export function readableFor(readCheck: HandoffReadCheck | null | undefined, expected: ReadCheck): ReadableVerdict {
  if (readCheck === null || readCheck === undefined || readCheck.readable.trim() === '') return { ok: false, problem: 'missing' };
  let json: unknown;
  try {
    json = JSON.parse(readCheck.readable);
  } catch {
    return { ok: false, problem: 'unparseable' };
  }
  const parsed = Readable.safeParse(json);
  if (!parsed.success) return { ok: false, problem: 'unparseable' };
  const readable = parsed.data;
  if (readable.check !== expected.id) return { ok: false, problem: 'mismatched' };
  const at = glideTime(readable.at);
  const requested = glideTime(readCheck.requestedOn);
  if (!Number.isFinite(requested) || at < requested - READ_CHECK_SKEW_MS) return { ok: false, problem: 'stale' };
  const listed = new Map(Object.entries(readable.readable).map(([table, ids]) => [table, new Set(ids)]));
  return { ok: true, mayRead: (table, sysId) => listed.get(table)?.has(sysId) === true };
}
