/**
 * Where the ticket's own sources (its fields and work notes) disagree. The
 * document states the disagreement, quoting each side, and chooses neither
 * (the seed: "No unsupported inference when sources are incomplete or
 * contradictory"). Three kinds, each decided by closed rules:
 *
 * - the same label with different values in two sources ("Start time:
 *   08:40" in the description, "Start time: 09:15" in a note); labels whose
 *   values change over a ticket's life (status, next update …) are progress,
 *   not contradictions;
 * - a measure one source states absent and another gives a value for ("no
 *   packet loss on the circuit" against "4% loss"), baselines aside;
 * - the same delivery to the same named person stated and denied ("has not
 *   received a hardware key" against "shipped to Marcus").
 */
import { OUTPUT_LIMITS } from '../output-schema.js';
import type { Source } from '../sources.js';
import { comparable } from '../text/unicode.js';
import type { FactContradiction, Said } from './types.js';

export type { FactContradiction };
import { boundSpan, sentencesOf } from './sentences.js';


const LINE = /^\s*(?:[-*•]\s*)?([\p{L}][\p{L}\p{N} /_-]{1,40}?)\s*[:=]\s*(\S.*?)\s*$/u;
/** Labels whose values change over a ticket's life: a new value is progress, not a contradiction. */
const CHANGING = /status|state|update|next|action|progress|eta|note|comment|description|summary|time ?stamp|updated|work/i;
const MAX_VALUE = 150;
const DELIVERY = /\b(?:received|receive|delivered|deliver|shipped|ship|issued|handed over|arrived|got)\b/i;
const DENIED = /\b(?:not|never|no|hasn't|haven't|hadn't|didn't|wasn't|weren't)\b[^.;]{0,25}$/i;
const INTENDED = /\b(?:to be|will|would|must|should|shall|to|be|needs? to|waiting for|until)\s*$/i;
const NAME = /(?<=\s)\p{Lu}[\p{Ll}]+(?:\s\p{Lu}[\p{Ll}]+)?/gu;
/** Words capitalised for other reasons than being a name. */
const NOT_NAMES = /^(?:I|The|This|That|Asset|Assets|Records?|Status|Okta|Verify|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December)$/;

export function contradictionsOf(sources: readonly Source[], said: readonly Said[]): FactContradiction[] {
  const own = sources.filter((s) => s.kind === 'ticket_fields' || s.kind === 'work_notes');
  return [...labelled(own, said), ...absentAndPresent(said), ...deliveries(said)].slice(0, OUTPUT_LIMITS.contradictions);
}

interface LabelFact {
  readonly key: string;
  readonly label: string;
  readonly value: string;
  readonly source: Source;
}

function keyOf(label: string): string {
  return same(label).replace(/[^\p{L}\p{N} ]/gu, ' ').replace(/\s+/g, ' ').trim();
}

/** The comparison form; plain ASCII (most labels and values) only needs case and spacing unified. */
function same(text: string): string {
  return /^[\x20-\x7E]*$/.test(text) ? text.toLowerCase().replace(/\s+/g, ' ').trim() : comparable(text);
}

/**
 * `Label: value` lines and short single-line fields, per source; the
 * sentences of its longer fields as the extractor split them (read here
 * again when not given).
 */
export function labelledFacts(source: Source, said?: readonly Said[]): LabelFact[] {
  const out: LabelFact[] = [];
  for (const field of source.fields) {
    if (source.kind !== 'work_notes' && field.value.length <= MAX_VALUE && !field.value.includes('\n')) {
      out.push({ key: keyOf(field.label), label: field.label, value: field.value.trim(), source });
    }
  }
  const lines = said === undefined ? source.fields.flatMap((f) => f.value.split('\n').flatMap((l) => sentencesOf(l).map((s) => s.text))) : said.filter((s) => s.source === source).map((s) => s.span.text);
  for (const line of lines) {
    if (!line.includes(':') && !line.includes('=')) continue;
    const match = LINE.exec(line);
    if (match === null) continue;
    const [, label = '', raw = ''] = match;
    const value = raw.replace(/[.;,]+$/, '').trim();
    if (value.length > MAX_VALUE || /^\/\//.test(value)) continue;
    out.push({ key: keyOf(label), label: label.trim(), value, source });
  }
  return out.filter((f) => f.key !== '' && f.value !== '');
}

function labelled(sources: readonly Source[], said: readonly Said[]): FactContradiction[] {
  const byKey = new Map<string, LabelFact[]>();
  for (const fact of sources.flatMap((s) => labelledFacts(s, said))) {
    if (CHANGING.test(fact.key)) continue;
    byKey.set(fact.key, [...(byKey.get(fact.key) ?? []), fact]);
  }
  const out: FactContradiction[] = [];
  for (const facts of byKey.values()) {
    const distinct = new Map<string, LabelFact>();
    for (const fact of facts) {
      const key = same(fact.value);
      if (!distinct.has(key)) distinct.set(key, fact);
    }
    const claimed = [...distinct.values()];
    if (claimed.length < 2 || new Set(claimed.map((f) => f.source.id)).size < 2) continue;
    out.push({
      about: claimed[0]!.label.slice(0, OUTPUT_LIMITS.contradictionAboutChars),
      claims: claimed.slice(0, OUTPUT_LIMITS.claimsPerContradiction).map((f) => ({ source: f.source.id, text: f.value.slice(0, OUTPUT_LIMITS.quoteChars) })),
    });
  }
  return out;
}

/** A measure stated absent in one source and given a value in another. */
function absentAndPresent(said: readonly Said[]): FactContradiction[] {
  const out: FactContradiction[] = [];
  const head = (subject: string | null): string => (subject ?? '').toLowerCase().split(/\s+/).at(-1) ?? '';
  const absent = said.flatMap((s) => s.readings.filter((r) => r.zero && !r.isBaseline && r.subject !== null).map((r) => ({ s, r })));
  const seen = new Set<string>();
  for (const a of absent) {
    const key = head(a.r.subject);
    if (key === '' || seen.has(key)) continue;
    const present = said.find((s) => s.source.id !== a.s.source.id && s.readings.some((r) => !r.zero && !r.isBaseline && !r.people && r.baseline === null && head(r.subject) === key));
    if (present === undefined) continue;
    seen.add(key);
    const subjects = [a.r.subject ?? key, ...present.readings.filter((r) => head(r.subject) === key).map((r) => r.subject ?? key)];
    const about = subjects.sort((x, y) => y.length - x.length)[0] ?? key;
    out.push({ about: capitalise(about), claims: [claimOf(present), claimOf(a.s)] });
  }
  return out;
}

/** The same delivery to the same person, denied in one source and stated in another. */
function deliveries(said: readonly Said[]): FactContradiction[] {
  const stated: { s: Said; names: Set<string>; denied: boolean }[] = [];
  for (const s of said) {
    const verb = DELIVERY.exec(s.span.text);
    if (verb === null) continue;
    const before = s.span.text.slice(0, verb.index);
    if (INTENDED.test(before)) continue;
    const names = new Set([...` ${s.span.text}`.matchAll(NAME)].map((m) => m[0]).filter((n) => !NOT_NAMES.test(n)));
    if (names.size > 0) stated.push({ s, names, denied: DENIED.test(before) });
  }
  const out: FactContradiction[] = [];
  for (const denial of stated.filter((x) => x.denied)) {
    const other = stated.find((x) => !x.denied && x.s.source.id !== denial.s.source.id && [...x.names].some((n) => denial.names.has(n)));
    if (other === undefined) continue;
    const name = [...other.names].find((n) => denial.names.has(n)) ?? '';
    out.push({ about: `Delivery to ${name}`, claims: [claimOf(denial.s), claimOf(other.s)] });
  }
  return out;
}

function claimOf(s: Said): { source: string; text: string } {
  return { source: s.source.id, text: boundSpan(s.span, OUTPUT_LIMITS.quoteChars).text };
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
