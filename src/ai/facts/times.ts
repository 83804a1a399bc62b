/**
 * Times in ticket text, placed on one UTC timeline. A clock time without a
 * date ("08:10 UTC", "9:05 am", "23:50 CET") is read as the latest such time
 * at or before the moment its source was written, so a note written at 00:30
 * saying "since 23:40" means 23:40 the day before; the second time of a range
 * ("from 23:50 to 00:20") is the first such time at or after the first.
 * ISO dates and date-times ("2025-03-04", "2025-03-04 09:30") are taken as
 * UTC, as ServiceNow writes them. Zone abbreviations a service desk commonly
 * writes are converted; a time without one is taken as UTC (the instance's
 * time), and says so.
 *
 * What is kept for display is the text as written: the guard grounds the
 * time in the form the source has it.
 */

export interface TimeMention {
  /** As written ("08:10 UTC", "2025-03-04 09:30"). */
  readonly text: string;
  readonly start: number;
  readonly end: number;
  /** The instant, ms since the epoch (UTC); null when the time has no date and nothing to place it against. */
  readonly at: number | null;
  /** Minutes after midnight UTC, when a clock time was given. */
  readonly minutes: number | null;
  /** The zone as written, when one was. */
  readonly zone: string | null;
  /** The end of a range this time opens ("from 23:50 to 00:20"). */
  readonly until: TimeMention | null;
}

const ZONES: Readonly<Record<string, number>> = { UTC: 0, GMT: 0, Z: 0, WET: 0, CET: 60, CEST: 120, BST: 60, EET: 120, EEST: 180, EST: -300, EDT: -240, CST: -360, CDT: -300, PST: -480, PDT: -420 };
const DAY_MS = 86_400_000;

const DATE = String.raw`(\d{4})-(\d{2})-(\d{2})`;
const CLOCK = String.raw`([01]?\d|2[0-3]):([0-5]\d)(?::([0-5]\d))?(?:\s?([ap])\.?m\.?)?`;
const ZONE = String.raw`(?:\s?(${Object.keys(ZONES).join('|')})\b)?`;
/** A date, a date-time, or a clock time, with an optional zone. */
const MENTION = new RegExp(String.raw`(?<![\p{L}\p{N}:.-])(?:${DATE}(?:[ T]${CLOCK})?|${CLOCK}|([1-9]|1[0-2])\s?([ap])\.?m\.?(?![\p{L}]))${ZONE}(?![\p{N}]|:\d)`, 'giu');
const RANGE = /^\s*(?:-|–|—|to|until|till)\s*$/i;

/** A mention as read, before its zone is settled: minutes on the clock as written, and the date if any. */
interface Reading {
  readonly text: string;
  readonly start: number;
  readonly end: number;
  readonly day: number | null;
  readonly local: number | null;
  readonly seconds: number;
  readonly zone: string | null;
}

/** Times mentioned in `text`, placed against `written` (the source's own time, ms UTC) when they have no date. */
export function timesIn(text: string, written: number | null): TimeMention[] {
  // A clock time, an ISO date or "9 am": nothing else is a time here.
  if (!/\d[:.]\d\d|\d{4}-\d\d-\d\d|\d\s?[ap]\.?m\b/i.test(text)) return [];
  const readings: Reading[] = [];
  for (const m of text.matchAll(MENTION)) {
    // Groups: 1-3 date, 4-7 its clock, 8-11 a clock alone, 12-13 "9 am", 14 the zone.
    const base = { text: m[0], start: m.index, end: m.index + m[0].length, zone: m[14] ?? null };
    if (m[1] !== undefined) {
      const day = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
      if (Number.isNaN(day)) continue;
      readings.push({ ...base, day, local: m[4] === undefined ? null : clockMinutes(m[4], m[5] ?? '0', m[7]), seconds: Number(m[6] ?? 0) });
      continue;
    }
    const local = m[8] !== undefined ? clockMinutes(m[8], m[9] ?? '0', m[11]) : clockMinutes(m[12] ?? '0', '0', m[13]);
    if (local !== null) readings.push({ ...base, day: null, local, seconds: 0 });
  }
  const out: TimeMention[] = [];
  for (let i = 0; i < readings.length; i += 1) {
    const first = readings[i]!;
    const second = readings[i + 1];
    if (second !== undefined && second.local !== null && first.local !== null && RANGE.test(text.slice(first.end, second.start))) {
      // One zone for both ends: "23:50 to 00:20 CET" is CET from start to end.
      const zone = first.zone ?? second.zone;
      const opened = mention({ ...first, zone: first.zone ?? zone }, written);
      const closing = mention({ ...second, zone: second.zone ?? zone }, written);
      const until = opened.at === null || second.day !== null || closing.minutes === null ? closing : { ...closing, at: placeAfter(closing.minutes, opened.at) };
      out.push({ ...opened, until });
      i += 1;
      continue;
    }
    out.push(mention(first, written));
  }
  return out;
}

function mention(r: Reading, written: number | null): TimeMention {
  const offset = r.zone === null ? 0 : (ZONES[r.zone.toUpperCase()] ?? 0);
  const minutes = r.local === null ? null : mod(r.local - offset, 1440);
  const base = { text: r.text, start: r.start, end: r.end, zone: r.zone, until: null, minutes };
  if (r.day !== null) return { ...base, at: r.day + ((r.local ?? 0) - offset) * 60_000 + r.seconds * 1000 };
  return { ...base, at: written === null || minutes === null ? null : placeBefore(minutes, written) };
}

/** Minutes after midnight of a clock reading, with am/pm; null when it is not a time of day. */
function clockMinutes(hours: string, minutes: string, half: string | undefined): number | null {
  let h = Number(hours);
  const m = Number(minutes);
  if (half !== undefined) {
    if (h < 1 || h > 12) return null;
    h = (h % 12) + (half.toLowerCase() === 'p' ? 12 : 0);
  }
  return h * 60 + m;
}

/** The latest instant at or before `ref` whose UTC time of day is `minutes`. */
export function placeBefore(minutes: number, ref: number): number {
  const midnight = Math.floor(ref / DAY_MS) * DAY_MS;
  const candidate = midnight + minutes * 60_000;
  return candidate <= ref ? candidate : candidate - DAY_MS;
}

/** The earliest instant at or after `from` whose UTC time of day is `minutes`. */
export function placeAfter(minutes: number, from: number): number {
  const midnight = Math.floor(from / DAY_MS) * DAY_MS;
  const candidate = midnight + minutes * 60_000;
  return candidate >= from ? candidate : candidate + DAY_MS;
}

function mod(n: number, m: number): number {
  return ((n % m) + m) % m;
}

/** ServiceNow's `YYYY-MM-DD HH:mm:ss` (UTC) as ms, or null. */
export function parseGlideTime(text: string | null): number | null {
  if (text === null) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?/.exec(text.trim());
  if (m === null) return null;
  const at = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6] ?? 0));
  return Number.isNaN(at) ? null : at;
}
