/**
 * The operator-note and request check: does free text ask the AI to approve,
 * execute, publish, send, close, grant, route, fail over or change service
 * state? The seed blocks a hand-off whose "requested task would approve,
 * execute, publish, or change service state autonomously".
 *
 * The text is normalised first (normalize-text.ts) so invisible or look-alike
 * characters cannot hide a verb, and text smuggled in Unicode Tag characters
 * is checked too. Matching is by clause: a command's verb stands at the start
 * of a clause (intent-verbs.ts says why and lists the verbs).
 */
import {
  CATEGORY_WORDS,
  CLAUSE_VERBS,
  FRAMES,
  GERMAN_SEPARABLE,
  GERMAN_VERBS,
  INTENT_CATEGORIES,
  LEAD_WORDS,
  type IntentCategory,
  type VerbSpec,
} from './intent-verbs.js';
import { countInvisible, hiddenTagText, normalizeForMatching } from './normalize-text.js';

export interface IntentFinding {
  readonly category: IntentCategory;
  /** The matching words, normalised (safe to show: letters, digits and spaces only). */
  readonly phrase: string;
  /** Found in text hidden in Unicode Tag characters. */
  readonly hidden: boolean;
}

export interface IntentCheck {
  readonly blocked: boolean;
  readonly findings: readonly IntentFinding[];
  /** Invisible characters the text carried (zero-width, bidi, Tag); a reviewer should see this. */
  readonly invisibleCharacters: number;
}

/** How many words after the verb may hold its object ("mark the checklist items as validated"). */
const OBJECT_WINDOW = 5;
const PHRASE_WORDS = 6;

const PREFIX = new RegExp(`^(?:(?:${LEAD_WORDS}) )*(?:(?:${FRAMES.join('|')}) )?(?:(?:${LEAD_WORDS}) )*`);
const CONJUNCTIONS = / (?:and|then|or|but|und|dann|oder|aber|et|puis|ou|mais|y|luego|o|pero) /g;

interface CompiledSpec {
  readonly category: IntentCategory;
  readonly words: number;
  readonly object: ReadonlySet<string> | null;
  readonly next: ReadonlySet<string> | null;
  readonly notNext: ReadonlySet<string> | null;
}

const words = (list: string | undefined): ReadonlySet<string> | null => (list === undefined ? null : new Set(list.split('|')));

const BY_FORM = new Map<string, CompiledSpec[]>();
for (const spec of CLAUSE_VERBS) addSpec(spec);
function addSpec(spec: VerbSpec): void {
  for (const form of spec.forms.split('|')) {
    const compiled: CompiledSpec = {
      category: spec.category,
      words: form.split(' ').length,
      object: words(spec.object),
      next: words(spec.next),
      notNext: words(spec.notNext),
    };
    BY_FORM.set(form, [...(BY_FORM.get(form) ?? []), compiled]);
  }
}

const GERMAN = new Map<string, IntentCategory>();
for (const category of INTENT_CATEGORIES) for (const form of GERMAN_VERBS[category].split('|')) GERMAN.set(form, category);

export function checkIntent(text: string): IntentCheck {
  const findings = scan(normalizeForMatching(text), false);
  const hidden = hiddenTagText(text);
  if (hidden !== '') findings.push(...scan(normalizeForMatching(hidden), true));
  const unique = findings.filter((f, i) => findings.findIndex((g) => g.category === f.category && g.hidden === f.hidden) === i);
  return { blocked: unique.length > 0, findings: unique, invisibleCharacters: countInvisible(text) };
}

/** The finding in the words of a reason: `close or resolve the ticket ("close the ticket")`. */
export function describeFinding(finding: IntentFinding): string {
  return `${CATEGORY_WORDS[finding.category]} ("${finding.phrase}"${finding.hidden ? ', in hidden characters' : ''})`;
}

function clausesOf(normalized: string): string[] {
  const spaced = normalized
    .replace(/\s[-\u2010-\u2015]+\s/g, ' . ')
    .replace(/['\u2018\u2019\u02BC`\u00B4\-\u2010\u2011]/g, ' ')
    .replace(/[^\p{L}\p{N}\s]+/gu, '\n');
  const out: string[] = [];
  for (const line of spaced.split(/\n+/)) {
    const clause = ` ${line.replace(/\s+/g, ' ').trim()} `;
    for (const part of clause.replace(CONJUNCTIONS, ' \n ').split('\n')) {
      const trimmed = part.trim();
      if (trimmed !== '') out.push(trimmed);
    }
  }
  return out;
}

function scan(normalized: string, hidden: boolean): IntentFinding[] {
  const findings: IntentFinding[] = [];
  for (const clause of clausesOf(normalized)) {
    const tokens = clause.split(' ');
    const german = germanFinding(tokens);
    if (german !== null) findings.push({ ...german, hidden });
    const prefix = PREFIX.exec(clause)?.[0] ?? '';
    const rest = clause.slice(prefix.length).split(' ');
    const found = clauseVerb(rest);
    if (found !== null) findings.push({ ...found, hidden });
  }
  return findings;
}

function clauseVerb(tokens: readonly string[]): Omit<IntentFinding, 'hidden'> | null {
  const first = tokens[0] ?? '';
  const candidates = [...(BY_FORM.get(`${first} ${tokens[1] ?? ''}`) ?? []), ...(BY_FORM.get(first) ?? [])];
  for (const spec of candidates) {
    const after = tokens.slice(spec.words);
    const next = after[0] ?? '';
    if (spec.notNext !== null && spec.notNext.has(next)) continue;
    if (spec.next !== null && !spec.next.has(next)) continue;
    if (spec.object !== null && !after.slice(0, OBJECT_WINDOW).some((w) => spec.object?.has(w) === true)) continue;
    return { category: spec.category, phrase: tokens.slice(0, PHRASE_WORDS).join(' ') };
  }
  return null;
}

function germanFinding(tokens: readonly string[]): Omit<IntentFinding, 'hidden'> | null {
  for (let i = 0; i < tokens.length; i++) {
    const category = GERMAN.get(tokens[i] ?? '');
    if (category !== undefined) return { category, phrase: phraseAround(tokens, i) };
  }
  for (const [category, verb, particle] of GERMAN_SEPARABLE) {
    const at = tokens.indexOf(verb);
    if (at >= 0 && tokens.indexOf(particle, at + 1) > at) return { category, phrase: phraseAround(tokens, at) };
  }
  return null;
}

function phraseAround(tokens: readonly string[], index: number): string {
  const start = Math.max(0, index - 3);
  return tokens.slice(start, start + PHRASE_WORDS).join(' ');
}
