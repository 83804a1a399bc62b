/**
 * Sections several documents share, built from the extracted facts: the
 * ticket in one line, measurements against their baselines, who is
 * affected, references, the configuration item, the timeline, related
 * tickets, sentences of one kind (checks made, decisions, next steps …),
 * and the text the reviewer must see quoted as data (links, markup, text
 * addressed to the AI). Each builder returns statements in the order the
 * operator's note steers, within a limit that keeps the note short.
 */
import { QUOTE_MARK as Q, type Statement } from '../output-schema.js';
import type { Source } from '../sources.js';
import type { Measured, Said, Tag } from '../facts/extract.js';
import { clausesOf } from '../facts/sentences.js';
import { byWeight } from '../facts/steer.js';
import { capitalise, claim, fieldOf, keyOf, quote, quoted, quoteSpan, said, valueQuote } from './compose.js';
import type { Ctx } from './context.js';

const TICKET_NUMBER = /^[A-Z]{2,8}\d{4,10}$/;
/** Who wrote a note, when it is plainly a user name or a person's name: then it may be the provider's own words. */
const PERSON = /^[\p{L}][\p{L}\p{N}._@'-]*(?: [\p{L}][\p{L}\p{N}._@'-]*){0,3}$/u;

/** The ticket's own sources: its fields and its work notes. */
export function isOwn(source: Source): boolean {
  return source.kind === 'ticket_fields' || source.kind === 'work_notes';
}

/** Whom a request or a security incident is about, by table: the field the mappings read and what to call it. */
const PARTY: Readonly<Record<string, { field: string; words: string }>> = {
  sc_request: { field: 'requested_for.name', words: 'for' },
  sc_req_item: { field: 'requested_for.name', words: 'for' },
  sn_si_incident: { field: 'affected_user.name', words: 'affected user' },
};

/** "INC0002041 “Remote access latency”, “In Progress”, priority “2 - High”, configuration item “VPN Gateway EU-West”". */
export function identityLine(ctx: Ctx): Statement | null {
  const t = ctx.ticket;
  if (t === undefined) return null;
  const title = valueQuote(t, 'short_description');
  const state = valueQuote(t, 'state', 'request_state');
  const priority = valueQuote(t, 'priority');
  const ci = valueQuote(t, 'cmdb_ci.name');
  const party = PARTY[t.ref.table ?? ''];
  const who = party === undefined ? null : valueQuote(t, party.field);
  const parts = [`${ctx.number}${title === null ? '' : ` ${Q}`}`];
  if (state !== null) parts.push(Q);
  if (priority !== null) parts.push(`priority ${Q}`);
  if (who !== null && party !== undefined) parts.push(`${party.words} ${Q}`);
  if (ci !== null) parts.push(`configuration item ${Q}`);
  return said(ctx, parts.join(', '), [t.id], [title, state, priority, who, ci], () => quoted(ctx, title));
}

/**
 * "Data-plane CPU: 81%; baseline about 45% (at 09:05 UTC)" when the measure
 * has a plain name, else a quote of its clause. The sentence is then taken:
 * no other section quotes it again.
 */
export function measurementLine(ctx: Ctx, m: Measured): Statement | null {
  const r = m.reading;
  const value = r.value.family === 'count' ? [r.qualifier, r.value.amount].filter(Boolean).join(' ') : [r.qualifier, r.value.text].filter(Boolean).join(' ');
  const clause = quoteSpan(m.said, r.clause);
  // The sentence is taken when its figures are all it says; a clause with more ("one phishing SMS reported") stays quotable.
  const figures = m.said.readings.flatMap((x) => [x.value.start, ...(x.baseline === null ? [] : [x.baseline.value.start])]).map((at) => m.said.span.start + at);
  if (clausesOf(m.said.span).every((c) => figures.some((at) => at >= c.start && at < c.end))) ctx.restated.add(keyOf(m.said));
  if (r.subject === null || r.people) return clause === null ? null : quoted(ctx, clause, m.sources);
  const time = measuredAt(m);
  const text = `${capitalise(r.subject)}: ${value}${r.baseline === null ? '' : `; ${r.baseline.text}`}${time}`;
  return said(ctx, text, m.sources, [], () => (clause === null ? null : quoted(ctx, clause, m.sources)));
}

/** " (at 09:05 UTC)" when the sentence says when the value was read: in its clause, or in a lead ("Gateway health at 09:05 UTC: …"). */
function measuredAt(m: Measured): string {
  const at = m.said.span.start + m.reading.value.start;
  const field = m.said.field.value;
  // A window ("09:00 to 11:00 UTC") is not the time of one reading.
  // Only a time the value was read at ("at 09:05"), never a start ("since 08:10").
  const time = m.said.times.find(
    (t) => t.until === null && /\bat\s+(?:about\s+|around\s+)?$/i.test(field.slice(Math.max(0, t.start - 12), t.start)) && ((t.start >= m.reading.clause.start && t.end <= m.reading.clause.end) || (t.end <= at && /:/.test(field.slice(t.end, at)) && !/[;.]\s/.test(field.slice(t.end, at)))),
  );
  return time === undefined ? '' : ` (at ${time.text})`;
}

/** Measurements of the ticket's own sources (not of people), steered, without those already used. */
export function measurements(ctx: Ctx, limit: number, skip: ReadonlySet<Measured> = new Set()): { statements: Statement[]; used: Measured[] } {
  // A stated zero ("0 failed MFA challenges") is a measurement; an absence ("no packet loss") is only a side of a contradiction.
  const own = ctx.facts.measurements.filter((m) => isOwn(m.said.source) && !m.reading.people && !m.reading.isBaseline && !(m.reading.zero && m.reading.value.inWords) && !m.reading.period && !skip.has(m));
  const ranked = byWeight(own, (m) => readingWeight(ctx, m) * 2 + (m.reading.baseline === null ? 0 : 1) + (m.reading.subject === null ? -1 : 0));
  const statements: Statement[] = [];
  const used: Measured[] = [];
  for (const m of ranked) {
    if (statements.length >= limit) break;
    const s = measurementLine(ctx, m);
    if (s === null) continue;
    statements.push(s);
    used.push(m);
  }
  return { statements, used };
}

/** The measurement to lead with: steered by the note (unless `steered` is false), else the first with a baseline, else the first. */
export function leadMeasurement(ctx: Ctx, steered = true): Measured | undefined {
  const own = ctx.facts.measurements.filter((m) => isOwn(m.said.source) && !m.reading.people && !m.reading.isBaseline && !m.reading.zero && !m.reading.period && m.reading.subject !== null);
  return byWeight(own, (m) => (steered ? readingWeight(ctx, m) * 2 : 0) + (m.reading.baseline === null ? 0 : 1))[0];
}

/** How much a measurement matches the operator's note: its own clause and name, not its whole sentence. */
function readingWeight(ctx: Ctx, m: Measured): number {
  return ctx.weight.text(`${m.reading.clause.text} ${m.reading.subject ?? ''}`);
}

/** Who and what is affected: counts of people and devices (their sentence quoted), then sentences about impact. */
export function impact(ctx: Ctx, limit: number): Statement[] {
  const out: Statement[] = [];
  const people = ctx.facts.measurements.filter((m) => isOwn(m.said.source) && m.reading.people);
  for (const m of byWeight(people, (x) => ctx.weight(x.said))) {
    if (out.length >= limit) return out;
    if (!claim(ctx, m.said)) continue;
    const clause = sentenceOrClause(m.said, m.reading.clause.text);
    const s = clause === null ? null : quoted(ctx, clause, m.sources.filter((id) => id !== m.said.source.id));
    if (s !== null) out.push(s);
  }
  return [...out, ...tagged(ctx, ['impact', 'symptom'], limit - out.length, { from: isOwn, exclude: ['checked', 'next', 'decision', 'suspected'] })];
}

/** The whole sentence when it is short enough to read at a glance, else the clause. */
function sentenceOrClause(s: Said, clause: string) {
  return quote(s.source, s.span.text.length <= 160 ? s.span.text : clause);
}

/** Sentences with any of `tags`, quoted (under their author for a note), steered. */
export function tagged(ctx: Ctx, tags: readonly Tag[], limit: number, options: { from?: (s: Source) => boolean; exclude?: readonly Tag[]; author?: boolean } = {}): Statement[] {
  if (limit <= 0) return [];
  const from = options.from ?? isOwn;
  // The title is the identity line's; a sentence holding an instruction or markup is only ever quoted as flagged.
  const found = ctx.facts.said.filter((s) => from(s.source) && s.field.name !== 'short_description' && tags.some((t) => s.tags.has(t)) && !(options.exclude ?? []).some((t) => s.tags.has(t)) && !s.tags.has('flagged') && s.span.text.length >= 12);
  const out: Statement[] = [];
  for (const s of byWeight(found, (x) => ctx.weight(x))) {
    if (out.length >= limit) break;
    if (ctx.quoted.has(keyOf(s)) || ctx.restated.has(keyOf(s))) continue;
    const st = options.author === true ? authored(ctx, s) : quoted(ctx, quoteSpan(s));
    if (st === null) continue;
    claim(ctx, s);
    out.push(st);
  }
  return out;
}

/** "raj.patel: “Suspect either …”" for a work note; the plain quote otherwise. */
export function authored(ctx: Ctx, s: Said, prefix = ''): Statement | null {
  const q = quoteSpan(s);
  const author = s.source.author;
  if (s.source.kind !== 'work_notes' || author === null || !PERSON.test(author)) return quoted(ctx, q);
  return said(ctx, `${prefix}${author}: ${Q}`, [s.source.id], [q], () => quoted(ctx, q));
}

/** What comes first among references: contracts, circuits, cases and tickets, then versions, roles, hosts. */
const REFERENCE_ORDER: Readonly<Record<string, number>> = { reference: 0, ticket: 1, version: 2, role: 3, host: 4 };

/**
 * References: identifiers and versions as the sources name them, in one or
 * two lines ("Support contract PAN-EU-44817; circuit TC-FRA-0092231; firmware
 * 10.2.7"), each line citing every source it draws on.
 */
export function references(ctx: Ctx, limit: number, from: (s: Source) => boolean = isOwn): Statement[] {
  const named = ctx.facts.identifiers
    .filter((n) => from(n.said.source) && n.identifier.kind !== 'link' && n.identifier.text !== ctx.number)
    .sort((a, b) => (REFERENCE_ORDER[a.identifier.kind] ?? 9) - (REFERENCE_ORDER[b.identifier.kind] ?? 9) || a.said.order - b.said.order);
  const out: Statement[] = [];
  let items: string[] = [];
  let ids: string[] = [];
  const flush = (): void => {
    if (items.length === 0) return;
    const text = capitalise(items.join('; '));
    const s = said(ctx, text, ids, [], () => null);
    if (s !== null) out.push(s);
    items = [];
    ids = [];
  };
  for (const n of named) {
    if (out.length >= limit) break;
    const item = `${n.identifier.label === null ? (n.identifier.kind === 'host' ? 'host ' : '') : `${n.identifier.label} `}${n.identifier.text}`;
    const sources = [...new Set([...ids, ...n.sources])];
    if (items.join('; ').length + item.length > 180 || sources.length > 6) flush();
    if (out.length >= limit) break;
    items.push(item);
    ids = [...new Set([...ids, ...n.sources])].slice(0, 6);
  }
  if (out.length < limit) flush();
  return out;
}

/** The configuration item in one line: its name, class and status, who owns and manages it. */
export function ciLine(ctx: Ctx): Statement | null {
  const ci = ctx.ci;
  if (ci === undefined) return null;
  const name = valueQuote(ci, 'name');
  const cls = valueQuote(ci, 'sys_class_name');
  const status = valueQuote(ci, 'operational_status');
  const owner = valueQuote(ci, 'owned_by.name');
  const manager = valueQuote(ci, 'managed_by.name');
  const group = valueQuote(ci, 'support_group.name');
  const parts = [`Configuration item ${Q}`];
  const kind = [cls, status].filter((q) => q !== null).map(() => Q);
  if (kind.length > 0) parts[0] += `: ${kind.join(', ')}`;
  const people = [owner === null ? null : `owned by ${Q}`, manager === null ? null : `managed by ${Q}`, group === null ? null : `support group ${Q}`].filter((p): p is string => p !== null);
  const text = [parts[0], people.join(', ')].filter((p) => p !== '').join('; ');
  return said(ctx, text, [ci.id], [name, cls, status, owner, manager, group], () => quoted(ctx, name));
}

/** The CI's own description, quoted. */
export function ciDescription(ctx: Ctx): Statement | null {
  const q = valueQuote(ctx.ci, 'short_description');
  return q === null ? null : said(ctx, `Described as ${Q}`, [q.source], [q], () => quoted(ctx, q));
}

/**
 * The timeline of the ticket's own sources, oldest first: times written in
 * them ("08:10 UTC: …since about 08:10 UTC today") and each work note under
 * its time and author, with the sentence that says most.
 */
export function timeline(ctx: Ctx, limit: number): Statement[] {
  const entries = ctx.facts.timeline.filter((e) => isOwn(e.source));
  const inText = entries.filter((e) => e.time !== null);
  const notes = entries.filter((e) => e.time === null);
  // Room for both: times written in the text up to half, the notes that say most for the rest.
  const textRoom = Math.min(inText.length, Math.max(Math.ceil(limit / 2), limit - notes.length));
  const noteRoom = limit - textRoom;
  const telling = new Set(byWeight(notes, (e) => noteScore(ctx, e.source)).slice(0, noteRoom));
  const keep = new Set([...inText.slice(0, textRoom), ...telling]);
  const out: Statement[] = [];
  for (const e of entries) {
    if (!keep.has(e)) continue;
    if (e.time !== null && e.said !== null) {
      // A sentence another section already quotes is not quoted again (one whose figures were restated is: the time is news).
      if (ctx.quoted.has(keyOf(e.said))) continue;
      const time = e.time;
      const clause = clausesOf(e.said.span).find((c) => c.start <= time.start && time.end <= c.end) ?? e.said.span;
      const q = quote(e.source, clause.text.length >= 40 ? clause.text : e.said.span.text);
      ctx.quoted.add(keyOf(e.said));
      const s = said(ctx, `${time.text}: ${Q}`, [e.source.id], [q], () => quoted(ctx, q));
      if (s !== null) out.push(s);
      continue;
    }
    const best = bestOfNote(ctx, e.source);
    if (best === null) continue;
    const when = (e.source.at ?? '').slice(0, 16);
    const s = authored(ctx, best, when === '' ? '' : `${when} `);
    if (s !== null) {
      claim(ctx, best);
      out.push(s);
    }
  }
  return out;
}

/** How much a note has to say: its best sentence's score. */
function noteScore(ctx: Ctx, note: Source): number {
  const best = bestOfNote(ctx, note);
  return best === null ? -1 : sentenceScore(ctx, best);
}

const NOTE_PRIORITY: readonly Tag[] = ['decision', 'suspected', 'checked', 'next', 'risk', 'symptom'];

/** The sentence of a note that says most: a decision, a suspicion, a check, a next step; else its first. */
export function bestOfNote(ctx: Ctx, note: Source): Said | null {
  const sentences = ctx.facts.said.filter((s) => s.source.id === note.id && !ctx.quoted.has(keyOf(s)) && !ctx.restated.has(keyOf(s)) && !s.tags.has('flagged'));
  return byWeight(sentences, (s) => sentenceScore(ctx, s))[0] ?? null;
}

function sentenceScore(ctx: Ctx, s: Said): number {
  return ctx.weight(s) * 10 + NOTE_PRIORITY.reduce((n, t, i) => n + (s.tags.has(t) ? NOTE_PRIORITY.length - i : 0), 0) + (s.span.text.length >= 30 ? 1 : 0);
}

/** Related tickets, each once: number, title and state, why related ("INC0001987 “VPN latency …” (“Closed”), same configuration item"). */
export function related(ctx: Ctx, limit: number, sources: readonly Source[] = ctx.related, options: { describe?: boolean } = {}): Statement[] {
  const out: Statement[] = [];
  const why = new Map<string, string[]>();
  const first = new Map<string, Source>();
  for (const r of sources) {
    const key = r.ref.number ?? r.id;
    if (!first.has(key)) first.set(key, r);
    why.set(key, [...(why.get(key) ?? []), r.kind === 'related_by_ci' ? 'configuration item' : r.kind === 'related_by_caller' ? 'caller' : 'group']);
  }
  for (const [key, r] of first) {
    if (out.length >= limit) break;
    const title = valueQuote(r, 'short_description');
    const state = valueQuote(r, 'state', 'request_state');
    const lead = TICKET_NUMBER.test(key) ? key : 'Related ticket';
    const description = options.describe === true ? quote(r, (fieldOf(r, 'description')?.value ?? '').split(/(?<=[.!?])\s/)[0] ?? '') : null;
    const ids = sources.filter((x) => (x.ref.number ?? x.id) === key).map((x) => x.id);
    const text = `${lead}${title === null ? '' : ` ${Q}`}${state === null ? '' : ` (${Q})`}, same ${[...new Set(why.get(key))].join(' and ')}${description === null ? '' : `: ${Q}`}`;
    const s = said(ctx, text, ids, [title, state, description], () => quoted(ctx, title));
    if (s !== null) out.push(s);
  }
  return out;
}

/**
 * Sentences the reviewer must see as data: links, markup, text addressed to
 * the AI, imitated markers. Quoted (the note makes them inert), never
 * followed, whatever source they are in.
 */
export function flagged(ctx: Ctx, limit = 4): Statement[] {
  const out: Statement[] = [];
  for (const s of ctx.facts.said) {
    if (out.length >= limit) break;
    if (!s.tags.has('flagged') || !claim(ctx, s)) continue;
    const st = quoted(ctx, quoteSpan(s));
    if (st !== null) out.push(st);
  }
  return out;
}

/** A field of the ticket quoted under words of ours ("End date: “…”"), when the ticket has it. */
export function fieldLine(ctx: Ctx, lead: string, ...names: readonly string[]): Statement | null {
  const field = fieldOf(ctx.ticket, ...names);
  const q = field === undefined || ctx.ticket === undefined ? null : quote(ctx.ticket, field.value.split('\n')[0] ?? '');
  return q === null ? null : said(ctx, `${lead} ${Q}`, [q.source], [q], () => quoted(ctx, q));
}
