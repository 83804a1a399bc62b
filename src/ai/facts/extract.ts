/**
 * The fact extractor: deterministic and offline, over the gathered sources
 * (the ticket's fields, its work notes, related tickets, the CI record).
 * It reads every text field sentence by sentence and keeps, each with the
 * sentence it came from and its source id for citing:
 *
 * - measurements with their unit, what they measure and the baseline the
 *   sentence compares them with; counts of people and devices;
 * - identifiers (tickets, contracts, circuits, cases, assets, roles, links)
 *   and versions, with the words that say what they are;
 * - times, placed on one UTC timeline (notes by when they were written,
 *   times in text against their note's own time, across midnight);
 * - what each sentence is about (a check made, a suspicion, a next step, a
 *   decision …), and who wrote it;
 * - where the ticket's own sources contradict each other (contradictions.ts).
 *
 * Nothing is inferred: a fact is a span of a source. The documents quote
 * those spans or restate their numbers and identifiers as written, so the
 * guard can ground every one of them in the cited source.
 */
import type { Source } from '../sources.js';
import { tagsOf, type Tag } from './classify.js';
import { contradictionsOf, type FactContradiction } from './contradictions.js';
import { identifiersIn, type Identifier } from './identifiers.js';
import { readingsOf, type Reading } from './measurements.js';
import { sentencesOf, type Span } from './sentences.js';
import { parseGlideTime, timesIn, type TimeMention } from './times.js';
import { memoByText } from '../../util/text-memo.js';
import type { FactSheet, Measured, Named, Said, TimelineEntry } from './types.js';

/** Fields that hold a label or a name, not sentences: read as values, never searched for facts. */
const VALUE_FIELD = /(?:^|\.)(?:number|name|state|priority|impact|urgency|severity|approval|stage|request_state|sys_class_name|operational_status|category|subcategory|sys_updated_on|sys_created_on|opened_at|closed_at|resolved_at|environment|vendor|location)$/;

export function extractFacts(sources: readonly Source[]): FactSheet {
  const said: Said[] = [];
  for (const source of sources) {
    const written = parseGlideTime(source.at);
    for (const field of source.fields) {
      if (field.raw !== undefined || VALUE_FIELD.test(field.name)) continue;
      for (const found of fieldFacts(field.value, written)) said.push({ source, field, ...found, order: said.length });
    }
  }
  const own = sources.filter((s) => s.kind === 'ticket_fields' || s.kind === 'work_notes').map((s) => s.id);
  return {
    said,
    measurements: measurementsOf(said),
    identifiers: identifiersOf(said),
    timeline: timelineOf(sources, said),
    contradictions: contradictionsOf(sources, said.filter((s) => own.includes(s.source.id))),
  };
}

/** What one sentence of a field holds, apart from where it is (the source, the field, its order). */
type SentenceFacts = Omit<Said, 'source' | 'field' | 'order'>;

/** Facts of field texts already read, by the time their source was written and the text (all a field's facts depend on). */
const readFields = memoByText((key) => {
  const cut = key.indexOf('\u0000');
  const written = key.slice(0, cut);
  return readField(key.slice(cut + 1), written === '' ? null : Number(written));
});

function fieldFacts(text: string, written: number | null): readonly SentenceFacts[] {
  return readFields(`${written ?? ''}\u0000${text}`);
}

function readField(text: string, written: number | null): SentenceFacts[] {
  const out: SentenceFacts[] = [];
  // "Dependencies: (1) … (2) … (3) …": the items of a numbered list are about what its lead says.
  let listTags: ReadonlySet<Tag> = new Set();
  for (const span of sentencesOf(text)) {
    const own = tagsOf(span.text);
    if (/\(1\)|^1[.)]\s/.test(span.text)) listTags = own;
    else if (!/^\(?\d{1,2}[).]\s/.test(span.text)) listTags = new Set();
    out.push({
      span,
      tags: new Set([...own, ...[...listTags].filter((t) => t !== 'flagged')]),
      readings: readingsOf(span),
      identifiers: identifiersIn(span.text).map((i) => ({ ...i, start: i.start + span.start, end: i.end + span.start })),
      times: timesIn(span.text, written).map((t) => ({ ...t, start: t.start + span.start, end: t.end + span.start })),
    });
  }
  return out;
}

/** Each value once, with every source that states it. */
function measurementsOf(said: readonly Said[]): Measured[] {
  const byKey = new Map<string, { reading: Reading; said: Said; sources: string[] }>();
  for (const s of said) {
    for (const reading of s.readings) {
      // A count is the same fact whatever words follow its noun ("180 users affected", "180 users confirmed").
      const what = reading.value.family === 'count' ? reading.value.unit : (reading.subject ?? reading.clause.text);
      const key = `${what.toLowerCase()}|${reading.value.low}|${reading.value.high}|${reading.value.family}|${reading.isBaseline}`;
      const found = byKey.get(key);
      if (found === undefined) byKey.set(key, { reading, said: s, sources: [s.source.id] });
      else if (!found.sources.includes(s.source.id)) found.sources.push(s.source.id);
    }
  }
  return [...byKey.values()];
}

function identifiersOf(said: readonly Said[]): Named[] {
  const byText = new Map<string, { identifier: Identifier; said: Said; sources: string[] }>();
  for (const s of said) {
    for (const identifier of s.identifiers) {
      const key = identifier.text.toLowerCase();
      const found = byText.get(key);
      if (found === undefined) byText.set(key, { identifier, said: s, sources: [s.source.id] });
      else {
        if (!found.sources.includes(s.source.id)) found.sources.push(s.source.id);
        if (found.identifier.label === null && identifier.label !== null) byText.set(key, { ...found, identifier, said: s });
      }
    }
  }
  return [...byText.values()];
}

/** A time that is a rule or a plan, not an event: "every Monday at 09:00", "must finish before 06:00 UTC". */
const NOT_AN_EVENT = /\b(?:every|each|daily|weekly|monthly|often|usually|always|normally|mondays|tuesdays|wednesdays|thursdays|fridays|saturdays|sundays|schedule[ds]?|must|should|needs? to|by|before|until|deadline|due)\b/i;

/** Times written in the sources (events, not schedules) and the notes' own times, oldest first. */
function timelineOf(sources: readonly Source[], said: readonly Said[]): TimelineEntry[] {
  const out: TimelineEntry[] = [];
  for (const s of said) {
    for (const time of s.times) {
      if (time.at === null || time.minutes === null) continue;
      const lead = s.field.value.slice(Math.max(s.span.start, time.start - 60), time.start);
      if (NOT_AN_EVENT.test(lead.split(/[;,.]/).at(-1) ?? lead)) continue;
      out.push({ at: time.at, source: s.source, time, said: s });
    }
  }
  for (const source of sources) {
    if (source.kind !== 'work_notes') continue;
    const at = parseGlideTime(source.at);
    if (at === null) continue;
    out.push({ at, source, time: null, said: said.find((s) => s.source.id === source.id) ?? null });
  }
  return out.sort((a, b) => a.at - b.at || (a.said?.order ?? 0) - (b.said?.order ?? 0));
}

export type { Tag, Reading, Identifier, TimeMention, Span, FactContradiction, FactSheet, Measured, Named, Said, TimelineEntry };
