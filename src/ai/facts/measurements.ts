/**
 * Measurements in one sentence: each quantity with what it measures (its
 * subject, in the sentence's own words: "data-plane CPU", "round-trip
 * latency", "active tunnels"), the qualifier written before it ("about",
 * "average", "peak") and the baseline it is compared with in the same
 * sentence ("(baseline about 45%)", "up from the usual 30 to 60 ms",
 * "(usual peak about 900)"). A bare number is a measurement only as a
 * baseline or after a known measure ("peak tunnels 910"). A quantity whose
 * subject cannot be told is kept without one: the document then quotes its
 * clause instead of naming it.
 */
import { clausesOf, type Span } from './sentences.js';
import { isZero, quantities, type Quantity } from './quantities.js';

export interface Reading {
  /** What is measured, as written; null when the sentence does not say it plainly. */
  readonly subject: string | null;
  readonly value: Quantity;
  /** "about", "average", "peak", "median", "up to" …, as written; null when none. */
  readonly qualifier: string | null;
  /** The comparison the sentence itself gives, as written ("baseline about 45%"). */
  readonly baseline: { readonly text: string; readonly value: Quantity } | null;
  /** The clause the value is in (for quoting when the subject is unknown). */
  readonly clause: Span;
  /** The value is itself described as a baseline or known-good figure. */
  readonly isBaseline: boolean;
  /** People or devices counted (who is affected), rather than a technical measure. */
  readonly people: boolean;
  /** Zero or "no …": the thing measured is absent. */
  readonly zero: boolean;
  /** A length of time that measures nothing named ("for 90 days", "6 weeks", "3 sprints"): a period or an effort, not a measurement. */
  readonly period: boolean;
}

/** Words that name a measure; the subject is the nearest of them, with the word written just before it. */
const METRIC = /\b(?:round[- ]trip latency|latency|rtt|response times?|ping|jitter|packet loss|loss|cpu|memory|ram|disk|storage|utili[sz]ation|load|bandwidth|throughput|tunnels|sessions|error rate|errors|uptime|availability|queue|quota|temperature|timeout|set-up rate|uplink|downlink|interface \S+|ethernet\S*)\b/i;
const METRICS = new RegExp(METRIC.source, 'gi');
const QUALIFIER = /(?:\b(?:about|around|approximately|approx\.|roughly|average|avg|mean|median|peak|max(?:imum)?|min(?:imum)?|up to|over|under|more than|less than|at least|at most|nearly|almost|below|above|only|just|p\d{2})\s+)+$|~\s*$/i;
const BASELINE_CUE = /\b(?:baseline|usual(?:ly)?|normal(?:ly)?|typical(?:ly)?|expected|known-good|previously|before the|up from|down from|compared (?:with|to)|instead of|target|sla)\b/i;
const PEOPLE = /\b(?:users?|people|persons?|staff|employees|customers|callers|analysts|agents|members|colleagues|laptops|devices|desktops|phones|accounts|sites|offices|teams|calls|countries)\b/i;
const VERB = /\b(?:is|are|was|were|be|been|has|have|had|gives?|gave|shows?|showed|reports?|reported|says?|said|confirmed|sees?|saw|takes?|took|needs?|uses?|used|connect|report|drops?|stalls?|fails?|runs?|costs?|let|lets|sent|get|gets|checked|measured|observed|recorded|reached|hit|peaked|seen|found|noted)\b/i;
const RELATIVE = /^\s*(?:ago|later|earlier|before|after|from now|back)\b/i;
const TRAILING = /(?:\s+(?:at|of|is|was|are|were|with|for|to|from|on|in|by|=|:|-)\s*)+$/i;

export function readingsOf(sentence: Span): Reading[] {
  // Nothing to read without a digit, a number word or a "no …" (most sentences have neither).
  if (!/\d|\b(?:no|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundred)\b/i.test(sentence.text)) return [];
  const out: Reading[] = [];
  const clauses = clausesOf(sentence);
  const found = quantities(sentence.text, { bare: true });
  // "Known-good baseline measured …: median RTT 38 ms, …": every figure of the sentence is a baseline.
  const first = found.find((q) => q.family !== 'number');
  const baselineSentence = first !== undefined && BASELINE_CUE.test(sentence.text.slice(0, first.start));
  let last: Reading | null = null;
  for (const q of found) {
    const at = sentence.start + q.start;
    const clause = clauses.find((c) => at >= c.start && at < c.end) ?? sentence;
    const before = sentence.text.slice(Math.max(clause.start - sentence.start, 0), q.start);
    const qualifier = QUALIFIER.exec(before)?.[0].trim() ?? null;
    const lead = qualifier === null ? before : before.slice(0, before.length - (QUALIFIER.exec(before)?.[0].length ?? 0));
    const sinceLast = last === null ? '' : sentence.text.slice(last.value.end, q.start);
    const cue = BASELINE_CUE.exec(last === null ? before : sinceLast);
    // A comparison in the same sentence: "81% (baseline about 45%)", "…ms, up from the usual 30 to 60 ms".
    if (last !== null && last.baseline === null && cue !== null && sinceLast.length <= 80 && compatible(last.value, q)) {
      const value = q.family === 'number' ? { ...q, unit: last.value.unit, family: last.value.family } : q;
      const text = sentence.text.slice(last.value.end + cue.index, q.end);
      const merged: Reading = { ...last, baseline: { text, value } };
      out[out.length - 1] = merged;
      last = merged;
      continue;
    }
    const after = sentence.text.slice(q.end, clause.end - sentence.start);
    // "14 months ago", "2 days later": a point in time, not a quantity.
    if (RELATIVE.test(after)) continue;
    // A bare number is a measurement only right after a named measure ("peak tunnels 910").
    const subject = q.family === 'number' ? namedBefore(lead) : subjectOf(lead, after, q, sentence.text.slice(0, q.start));
    if (q.family === 'number' && subject === null) continue;
    const reading: Reading = {
      subject,
      value: q,
      qualifier,
      baseline: null,
      clause,
      isBaseline: baselineSentence || (cue !== null && last === null),
      people: q.family === 'count' && PEOPLE.test(q.unit),
      zero: isZero(q),
      period: q.family === 'duration' && (subject === null || !METRIC.test(subject)),
    };
    out.push(reading);
    last = reading;
  }
  return [...out, ...absences(sentence, clauses)];
}

/** Baselines compare like with like: the same family, or a bare number taking the unit of what it is compared with. */
function compatible(a: Quantity, b: Quantity): boolean {
  return b.family === 'number' || a.family === b.family;
}

/**
 * What a quantity measures: a measure named right after it ("400 to 900 ms
 * round-trip latency", "4% loss"), the counted noun ("1,240 active
 * tunnels"), or the words right before it in its clause ("data-plane CPU
 * 81%", "Upstream interface ethernet1/1 at 92%"), when they read as a name
 * and not as a sentence.
 */
function subjectOf(before: string, after: string, q: Quantity, earlier: string): string | null {
  // A count keeps the few words that say which ("3 sign-ins from new countries").
  if (q.family === 'count') {
    const tail = after.trim().replace(/[.;,:!?]+$/, '');
    const words = tail.split(/\s+/).filter((w) => w !== '');
    return tail !== '' && words.length <= 4 && !VERB.test(tail) && !/[\p{N}("“]/u.test(tail) ? `${q.unit} ${tail}` : q.unit;
  }
  const next = /^\s*([\p{L}][\p{L}-]*(?:\s+[\p{L}][\p{L}-]*)?)/u.exec(after)?.[1] ?? '';
  const named = METRIC.exec(next);
  if (named !== null) return tidy(next.slice(0, named.index + named[0].length));
  const words = before.replace(TRAILING, '').replace(/^.*[:;,(]\s*/, '').trim().split(/\s+/).filter((w) => w !== '');
  const phrase = words.slice(-4).join(' ');
  const plain = phrase !== '' && !VERB.test(before) && !/["“”]/.test(phrase);
  if (plain && METRIC.test(phrase)) return tidy(phrase);
  // "Ping to … from their laptop: average 612 ms": the measure named earlier in the sentence, with the words of its clause before it.
  const metric = [...earlier.slice(-100).matchAll(METRICS)].at(-1);
  if (metric !== undefined) {
    const head = earlier.slice(-100).slice(0, metric.index).replace(/^.*[:;,(.]\s*/, '').split(/\s+/).filter((w) => w !== '' && !VERB.test(w) && !QUALIFIER.test(`${w} `));
    return tidy([...head.slice(-2), metric[0]].join(' '));
  }
  return plain && words.length <= 3 ? tidy(phrase) : null;
}

/** The measure named by the words right before a bare number, in its clause, or null. */
function namedBefore(before: string): string | null {
  const words = before.replace(TRAILING, '').replace(/^.*[:;,(]\s*/, '').trim().split(/\s+/).filter((w) => w !== '');
  const phrase = words.slice(-3).join(' ');
  return phrase !== '' && !/\d/.test(phrase) && !VERB.test(phrase) && METRIC.test(phrase) ? tidy(phrase) : null;
}

function tidy(text: string): string | null {
  const t = text.trim().replace(/\s+/g, ' ');
  return t === '' || t.length > 60 ? null : t;
}

/** "no packet loss", "no errors": a measure stated absent, for contradictions with a value elsewhere. */
function absences(sentence: Span, clauses: readonly Span[]): Reading[] {
  if (!/\b(?:no|zero) /i.test(sentence.text)) return [];
  const out: Reading[] = [];
  for (const m of sentence.text.matchAll(/\b(?:no|zero)\s+((?:[\p{L}-]+\s+){0,1}(?:loss|packet loss|errors|latency|outage|alerts|drops))\b/giu)) {
    const at = sentence.start + m.index;
    const clause = clauses.find((c) => at >= c.start && at < c.end) ?? sentence;
    const value: Quantity = { text: m[0], amount: '0', start: m.index, end: m.index + m[0].length, low: 0, high: 0, unit: '', family: 'number', noun: null, inWords: true };
    out.push({ subject: m[1] ?? null, value, qualifier: null, baseline: null, clause, isBaseline: false, people: false, zero: true, period: false });
  }
  return out;
}
