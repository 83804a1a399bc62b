/**
 * The work note of one hand-off. Raw model text never becomes the note: the
 * note is rendered by this template from the validated structure, and every
 * piece of text from a ticket or a model passes through `neutralise`. The
 * header and the attribution lines are ours, never the model's
 * (../shared/reference/llm-security.md, "The attribution header is written
 * by our code").
 *
 * Layout: header, attribution, flags; the body by section; checklist items;
 * what is missing; where sources disagree; what the guard removed; the
 * sources; the marker line last. The note stays within the write guard's
 * length limit: body lines that do not fit are counted, not written.
 */
import { MAX_WORK_NOTE_LENGTH } from '../../connector/write-guard.js';
import type { ApproverRole } from '../../domain/ticket.js';
import type { Removal } from '../guard/types.js';
import { itemsOf, type AiOutput, type Quote } from '../output-schema.js';
import { SOURCE_KIND_LABELS, type SourceSet } from '../sources.js';
import { createQuoter, dataValue, oneLine, sourceList, type DataFlags, type Inert, type Quoter } from './note-data.js';
import { HEADING_LABELS, KIND_LABELS, ROLE_LABELS, STATUS_LABELS, VARIANT_LABELS } from './labels.js';
import { markerFor } from './marker.js';
import { memoByText } from '../../util/text-memo.js';
import { neutraliseWithFlags, type NeutraliseFlags } from './neutralise.js';
import { withheldLines, type NoteWithheld } from './withheld.js';

export interface Person {
  /** Display name, when known. */
  readonly name: string | null;
  /** The platform's user name (ServiceNow user_name). */
  readonly userName: string;
}

export interface NoteApproval {
  readonly required: boolean;
  readonly role: ApproverRole | null;
  /** The resolved approver (a person or a group), by name. */
  readonly approver: { readonly name: string | null; readonly id: string } | null;
}

/** What the flow learned along the way that the reviewer should see. */
export interface NoteFlags {
  /** Counts of masked values by kind (never the values). */
  readonly masked?: Readonly<Record<string, number>>;
  /** Ids of sources that hold text addressed to the AI (treated as data). */
  readonly instructionSources?: readonly string[];
  /** Shadow mode: the note is recorded in the audit only. */
  readonly shadow?: boolean;
}

export interface NoteInput {
  readonly handoffId: string;
  readonly operation: { readonly id: string; readonly title: string };
  readonly requester: Person;
  readonly approval: NoteApproval;
  readonly policyVersion: string;
  readonly scopeDigest: string;
  readonly provider: { readonly name: string; readonly model: string };
  readonly sources: SourceSet;
  readonly output: AiOutput;
  readonly removed: readonly Removal[];
  readonly flags?: NoteFlags;
  /** What the read boundary withheld, by reason and count (withheld.ts). */
  readonly withheld?: NoteWithheld;
  /** Hosts whose links stay live. */
  readonly allowedHosts?: readonly string[];
  /** The operator's note from the request, masked (it is shown attributed, as data). */
  readonly operatorNote?: string | null;
}

export function renderNote(input: NoteInput): string {
  const inert = createInert(input.allowedHosts ?? []);
  const { output, sources } = input;
  const variant = VARIANT_LABELS[output.variant] ?? '';
  const kindLabel = KIND_LABELS[output.kind];
  const banner = input.approval.required ? `${kindLabel}: not for use before approval` : `${kindLabel}: review before relying on it`;
  const quotes = createQuoter(sources, inert);

  // Body first (so its neutralisation flags can be shown in the header), then assembled within the length limit.
  const body: string[] = [];
  const cite = (ids: readonly string[]): string => `[${ids.join(', ')}]`;
  const line = (s: { text: string; quotes: readonly Quote[]; sources: readonly string[] }): string => `${quotes.sentence(s.text, s.quotes)} ${cite(s.sources)}`;
  const asked = askedLine(input, inert);
  if (asked !== null) body.push(asked);
  if (variant !== '') body.push(`--- ${variant} ---`);
  for (const section of output.sections) {
    body.push(HEADING_LABELS[section.heading] ?? section.heading);
    for (const s of section.statements) body.push(`- ${line(s)}`);
  }
  const items = itemsOf(output);
  if (items.length > 0) {
    body.push('Checklist (every item is for a person to do and validate)');
    for (const item of items) body.push(`[ ] ${quotes.sentence(item.text, item.quotes)} (${STATUS_LABELS[item.status]}) ${cite(item.sources)}`);
  }
  if (output.contradictions.length > 0) {
    body.push('Sources disagree (nothing was inferred)');
    for (const c of output.contradictions) body.push(`- ${oneLine(inert(c.about))}: ${c.claims.map((claim) => `${claim.source} says ${quotes.quote(claim)}`).join('; ')}`);
  }
  body.push(...withheldLines(input.withheld));
  const gapLines = gapsToShow(input, inert).map((g) => `- ${g}`);
  if (gapLines.length > 0) body.push('Missing or incomplete: this output covers only what was found', ...gapLines);
  if (input.removed.length > 0) {
    body.push('Removed by the output guard');
    const counts = new Map<string, number>();
    for (const r of input.removed) counts.set(r.reason, (counts.get(r.reason) ?? 0) + 1);
    for (const [reason, n] of counts) body.push(`- ${n} ${n === 1 ? 'statement' : 'statements'}: ${REMOVAL_WORDS[reason] ?? reason}`);
  }

  const sourceLines = ['', 'Sources', ...sourceList(sources, quotes)];
  const header = [
    `=== ${banner} ===`,
    `Operation: ${oneLine(inert(input.operation.title))} (${oneLine(inert(input.operation.id))}) | Requested by: ${person(input.requester, quotes)}`,
    `Approval: ${approvalLine(input.approval, quotes)} | Policy version: ${oneLine(inert(input.policyVersion))} | scope digest: ${oneLine(inert(input.scopeDigest))}`,
    `Generated by: ${input.provider.name === 'builtin' ? 'built-in grounded provider' : oneLine(inert(input.provider.name))} (${oneLine(inert(input.provider.model))}); every statement cites its sources | Hand-off: ${input.handoffId}`,
  ];
  const flagLine = flagsLine(input, inert.flags(), quotes.flags());
  if (flagLine !== null) header.push(`Flags: ${flagLine}`);

  const footer = [...sourceLines, '', markerFor(input.handoffId)];
  return fit(header, body, footer);
}

/** "Alex Rivera asked: “…”": the operator's note, as data, attributed. */
function askedLine(input: NoteInput, inert: Inert): string | null {
  const note = input.operatorNote ?? null;
  if (note === null || note.trim() === '') return null;
  const who = input.requester.name === null || input.requester.name === '' ? input.requester.userName : input.requester.name;
  return `${dataValue(who, inert, 80).text} asked: “${dataValue(note, inert, 500).text}” (it orders the facts; it changes nothing the AI may do)`;
}

const REMOVAL_WORDS: Readonly<Record<string, string>> = {
  ungrounded: 'named a person, number, date, address or link not found in the sources it cites',
  misquoted: 'quoted text that is not word for word in its source',
};

function gapsToShow(input: NoteInput, inert: (t: string) => string): string[] {
  const lines = input.output.gaps.map((g) => oneLine(inert(g.text)));
  // The set's own gaps are facts of the gathering: shown even when a provider left them out.
  const covered = new Set(input.output.gaps.map((g) => g.kind));
  for (const gap of input.sources.gaps) {
    if (!covered.has(gap.kind)) lines.push(`${SOURCE_KIND_LABELS[gap.kind]}: ${gap.reason.replace('_', ' ')}`);
  }
  return lines;
}

function approvalLine(approval: NoteApproval, quotes: Quoter): string {
  if (!approval.required) return 'not required by policy; a person still reviews before use';
  const role = approval.role === null ? 'the named approver' : `the ${ROLE_LABELS[approval.role]}`;
  const who = approval.approver === null ? 'not resolved' : quotes.name(approval.approver.name ?? approval.approver.id);
  return `required before use, by ${role} (${who})`;
}

function person(p: Person, quotes: Quoter): string {
  return p.name === null || p.name === '' ? quotes.name(p.userName) : `${quotes.name(p.name)} (${quotes.name(p.userName)})`;
}

function flagsLine(input: NoteInput, rendered: NeutraliseFlags, data: DataFlags): string | null {
  const parts: string[] = [];
  const hidden = input.sources.sources.filter((s) => s.invisible > 0);
  if (hidden.length > 0) parts.push(`invisible characters removed from ${hidden.map((s) => `${s.id} (${s.invisible}${s.hiddenText ? ', hidden text' : ''})`).join(', ')}`);
  const told = input.flags?.instructionSources ?? [];
  if (told.length > 0) parts.push(`${told.join(', ')} ${told.length === 1 ? 'holds' : 'hold'} text addressed to the AI; it was treated as data`);
  const masked = Object.entries(input.flags?.masked ?? {}).filter(([, n]) => n > 0);
  if (masked.length > 0) parts.push(`masked: ${masked.map(([k, n]) => `${n} ${k.replace('_', ' ')}`).join(', ')}`);
  const inertParts: string[] = [];
  if (rendered.codeTags > 0) inertParts.push(`${rendered.codeTags} code tag(s)`);
  if (rendered.html > 0) inertParts.push(`${rendered.html} HTML tag(s)`);
  if (rendered.images > 0) inertParts.push(`${rendered.images} image(s)`);
  if (rendered.links > 0) inertParts.push(`${rendered.links} link(s) defanged`);
  if (rendered.scriptUris > 0) inertParts.push(`${rendered.scriptUris} script link(s)`);
  if (inertParts.length > 0) parts.push(`made inert: ${inertParts.join(', ')}`);
  const dataParts = [data.joined > 0 ? `${data.joined} put on one line` : null, data.shortened > 0 ? `${data.shortened} shortened` : null].filter((p) => p !== null);
  if (dataParts.length > 0) parts.push(`values from the instance quoted as data: ${dataParts.join(', ')}`);
  if (input.removed.length > 0) parts.push(`${input.removed.length} statement(s) removed by the output guard`);
  if (input.sources.gaps.length > 0 || input.output.gaps.length > 0) parts.push('sources incomplete');
  if (input.output.contradictions.length > 0) parts.push('sources disagree');
  if (input.flags?.shadow === true) parts.push('shadow mode: recorded in the audit, not written to the ticket');
  return parts.length === 0 ? null : parts.join('; ');
}

/** Neutralised texts by allowed hosts and text (a pure function; a ticket's texts are rendered again for each of its notes). */
const neutralised = memoByText((key) => {
  const cut = key.indexOf('\u0000');
  return neutraliseWithFlags(key.slice(cut + 1), { allowedHosts: key.slice(0, cut).split(' ').filter((h) => h !== '') });
});

function createInert(allowedHosts: readonly string[]): Inert {
  const total: NeutraliseFlags = { invisible: 0, codeTags: 0, html: 0, images: 0, links: 0, scriptUris: 0 };
  const hosts = allowedHosts.join(' ');
  const fn = ((text: string) => {
    const result = neutralised(`${hosts}\u0000${text}`);
    for (const key of Object.keys(total) as (keyof NeutraliseFlags)[]) total[key] += result.flags[key];
    return result.text;
  }) as Inert;
  fn.flags = () => ({ ...total });
  return fn;
}

/** Header and footer always; body lines while they fit, then a count of what did not. */
function fit(header: readonly string[], body: readonly string[], footer: readonly string[]): string {
  const fixed = header.join('\n').length + footer.join('\n').length + 200;
  const room = MAX_WORK_NOTE_LENGTH - fixed;
  const kept: string[] = [];
  let used = 0;
  let dropped = 0;
  for (const l of body) {
    if (dropped === 0 && used + l.length + 1 <= room) {
      kept.push(l);
      used += l.length + 1;
    } else if (l.trim() !== '') dropped += 1;
  }
  if (dropped > 0) kept.push('', `(${dropped} more lines not shown: the note reached its length limit; the full output is in the audit)`);
  return [...header, '', ...kept, ...footer].join('\n');
}
