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
import { itemsOf, type AiOutput, type Statement } from '../output-schema.js';
import { SOURCE_KIND_LABELS, type SourceSet } from '../sources.js';
import { ROLE_LABELS } from '../builtin/drafts.js';
import { HEADING_LABELS, KIND_LABELS, STATUS_LABELS, VARIANT_LABELS } from './labels.js';
import { markerFor } from './marker.js';
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
}

export function renderNote(input: NoteInput): string {
  const inert = createInert(input.allowedHosts ?? []);
  const { output, sources } = input;
  const variant = VARIANT_LABELS[output.variant] ?? '';
  const kindLabel = KIND_LABELS[output.kind];
  const banner = input.approval.required ? `${kindLabel}: not for use before approval` : `${kindLabel}: review before relying on it`;

  // Body first (so its neutralisation flags can be shown in the header), then assembled within the length limit.
  const body: string[] = [];
  const cite = (ids: readonly string[]): string => `[${ids.join(', ')}]`;
  const line = (s: Statement): string => {
    const quotes = s.quotes.map((q) => `“${inert(q.text).replace(/\s*\n\s*/g, ' / ')}”`).join(' ');
    return `- ${inert(s.text)}${quotes === '' ? '' : ` ${quotes}`} ${cite(s.sources)}`;
  };
  if (variant !== '') body.push(`--- ${variant} ---`);
  for (const section of output.sections) {
    if (body.length > 0) body.push('');
    body.push(HEADING_LABELS[section.heading] ?? section.heading);
    for (const s of section.statements) body.push(line(s));
  }
  const items = itemsOf(output);
  if (items.length > 0) {
    body.push('', 'Checklist (every item is for a person to do and validate)');
    for (const item of items) body.push(`[ ] ${inert(item.text)} (${STATUS_LABELS[item.status]}) ${cite(item.sources)}`);
  }
  body.push(...withheldLines(input.withheld));
  const gapLines = gapsToShow(input, inert).map((g) => `- ${g}`);
  if (gapLines.length > 0) body.push('', 'Missing or incomplete sources: this output covers only what was found', ...gapLines);
  if (output.contradictions.length > 0) {
    body.push('', 'Sources disagree (nothing was inferred)');
    for (const c of output.contradictions) body.push(`- ${inert(c.about)}: ${c.claims.map((claim) => `${claim.source} says “${inert(claim.text)}”`).join('; ')}`);
  }
  if (input.removed.length > 0) {
    body.push('', 'Removed by the output guard');
    const counts = new Map<string, number>();
    for (const r of input.removed) counts.set(r.reason, (counts.get(r.reason) ?? 0) + 1);
    for (const [reason, n] of counts) body.push(`- ${n} ${n === 1 ? 'statement' : 'statements'}: ${REMOVAL_WORDS[reason] ?? reason}`);
  }

  const sourceLines = ['', 'Sources'];
  for (const s of sources.sources) sourceLines.push(`[${s.id}] ${inert(s.label)}${s.truncated ? ' (cut to the size limit)' : ''}`);
  if (sources.sources.length === 0) sourceLines.push('(none were found)');

  const header = [
    `=== ${banner} ===`,
    `Operation: ${inert(input.operation.title)} (${inert(input.operation.id)})`,
    `Requested by: ${person(input.requester, inert)}`,
    `Approval: ${approvalLine(input.approval, inert)}`,
    `Policy version: ${inert(input.policyVersion)} | scope digest: ${inert(input.scopeDigest)}`,
    `Generated by: ${input.provider.name === 'builtin' ? 'built-in grounded provider' : inert(input.provider.name)} (${inert(input.provider.model)}); every statement cites its sources`,
    `Hand-off: ${input.handoffId}`,
  ];
  const flagLine = flagsLine(input, inert.flags());
  if (flagLine !== null) header.push(`Flags: ${flagLine}`);

  const footer = [...sourceLines, '', markerFor(input.handoffId)];
  return fit(header, body, footer);
}

const REMOVAL_WORDS: Readonly<Record<string, string>> = {
  ungrounded: 'named a person, number, date, address or link not found in the sources it cites',
  misquoted: 'quoted text that is not word for word in its source',
};

function gapsToShow(input: NoteInput, inert: (t: string) => string): string[] {
  const lines = input.output.gaps.map((g) => inert(g.text));
  // The set's own gaps are facts of the gathering: shown even when a provider left them out.
  const covered = new Set(input.output.gaps.map((g) => g.kind));
  for (const gap of input.sources.gaps) {
    if (!covered.has(gap.kind)) lines.push(`${SOURCE_KIND_LABELS[gap.kind]}: ${gap.reason.replace('_', ' ')}`);
  }
  return lines;
}

function approvalLine(approval: NoteApproval, inert: (t: string) => string): string {
  if (!approval.required) return 'not required by policy; a person still reviews before use';
  const role = approval.role === null ? 'the named approver' : `the ${ROLE_LABELS[approval.role]}`;
  const who = approval.approver === null ? 'not resolved' : inert(approval.approver.name ?? approval.approver.id);
  return `required before use, by ${role} (${who})`;
}

function person(p: Person, inert: (t: string) => string): string {
  return p.name === null || p.name === '' ? inert(p.userName) : `${inert(p.name)} (${inert(p.userName)})`;
}

function flagsLine(input: NoteInput, rendered: NeutraliseFlags): string | null {
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
  if (input.removed.length > 0) parts.push(`${input.removed.length} statement(s) removed by the output guard`);
  if (input.sources.gaps.length > 0 || input.output.gaps.length > 0) parts.push('sources incomplete');
  if (input.output.contradictions.length > 0) parts.push('sources disagree');
  if (input.flags?.shadow === true) parts.push('shadow mode: recorded in the audit, not written to the ticket');
  return parts.length === 0 ? null : parts.join('; ');
}

interface Inert {
  (text: string): string;
  flags(): NeutraliseFlags;
}

function createInert(allowedHosts: readonly string[]): Inert {
  const total: NeutraliseFlags = { invisible: 0, codeTags: 0, html: 0, images: 0, links: 0, scriptUris: 0 };
  const fn = ((text: string) => {
    const result = neutraliseWithFlags(text, { allowedHosts });
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
