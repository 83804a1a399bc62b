/**
 * What a sentence is about, from closed word lists: a check already made, a
 * suspicion, a next step, a decision or constraint someone set, an option,
 * an effort or cost, a dependency, a risk, a deadline, access being asked
 * for. Tags only decide where a sentence may be quoted; its words are
 * always quoted as written, never restated.
 *
 * A sentence is `flagged` when the reviewer must see it as data: it
 * addresses the AI, holds markup or a link, or imitates this product's
 * markers. Flagged sentences are quoted (made inert by the note renderer),
 * never followed.
 */
import { addressesTheAi } from '../text/instructions.js';
import { findMarkup } from '../text/markup.js';

export const TAGS = ['checked', 'suspected', 'next', 'decision', 'option', 'effort', 'dependency', 'risk', 'deadline', 'access', 'impact', 'symptom', 'flagged'] as const;
export type Tag = (typeof TAGS)[number];

const WEEKDAY = String.raw`(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|tomorrow|tonight|noon|midnight|end of (?:day|week|month))`;

const RULES: readonly (readonly [Tag, RegExp])[] = [
  ['checked', /\b(?:checked|tested|tried|verified|ruled out|reproduced|same result|no (?:configuration |config )?change|ping(?:ed)?|traceroute|restarted|cleared|collected|looked at|compared|reviewed|gives the same|is not (?:their|the)|segregation-of-duties|message trace|workaround offered)\b/i],
  ['suspected', /\b(?:suspect(?:s|ed)?|likely|probably|possibly|may be|might be|could be|root cause|hypothes[ie]s|caused by|same cause)\b/i],
  ['next', /\b(?:next(?: step)?s?:|next step|will |scheduled|plan(?:ned)? to|waiting (?:for|on)|waits for|to be (?:issued|done|sent|scheduled)|follow[- ]up|needs? (?:the )?(?:approval|decision)|pending)\b/i],
  ['decision', /\b(?:must not|do not|don't|nothing goes|without my|sign-?off|no decision|until i decide|i need|needs? .{0,30}\bdecision|decides?|decision|approval (?:is )?(?:needed|required|pending)|taking (?:incident )?command|i am his manager|responsible)\b/i],
  ['option', /\b(?:options?|alternatives?|either\b|or wait|instead|partial|phase|trade-?offs?|ship )\b/i],
  ['effort', /\b(?:estimate[sd]?|sprints?|story points|effort|person-days|man-days|costs?|budget|hours every|takes .{0,20}\bhours)\b/i],
  ['dependency', /\b(?:depend(?:s|ency|encies|ent)?|prerequisite|requires?|must finish|needs? an? \w+ before|blocked (?:on|by)|waiting on|before it can|if [A-Z]+\d+ lands)\b/i],
  ['risk', /\b(?:risks?|concerns?|exposure|conflicts?|missed|fails?|failures?|phishing|anomal\w*|threat|attack|compromise|breach|outage|cannot take the load|stall|drop)\b/i],
  ['deadline', new RegExp(String.raw`\b(?:by|before|until|due|deadline|expires?|expiry|ends?|end date|start date|starts?)\b.{0,40}\b(?:${WEEKDAY}|\d{4}-\d{2}-\d{2}|the \d{1,2}(?:st|nd|rd|th)|\d{1,2}:\d{2}|weeks?|days?|months?)\b`, 'i')],
  ['access', /\b(?:access|account|mailbox|vpn profile|role|read(?:-only)?|display-only|licen[cs]e|permission|privilege|sharepoint|group membership)\b/i],
  ['impact', /\b(?:users?|staff|people|employees|customers|teams?|analysts|affected|impact|cannot|unable|not affected|workaround)\b/i],
  ['symptom', /\b(?:latency|slow|drop(?:s|ped|ping)?|stall|timeouts?|errors?|fail(?:s|ed|ure)?|cannot|unable|loss|down|outage|not detected|delayed?|intermittent\w*)\b/i],
];

const MARKER = /\[\s*ai-handoff/i;
/** Markup needs one of these (text/markup.ts); sources are already free of invisible characters (source-set.ts). */
const MAYBE_MARKUP = /[[<&]|script\s*:|data:/i;
const LINK = /\b(?:https?|hxxps?|ftp):\/\//i;

export function tagsOf(sentence: string): Set<Tag> {
  const tags = new Set<Tag>();
  for (const [tag, pattern] of RULES) if (pattern.test(sentence)) tags.add(tag);
  if (isFlagged(sentence)) tags.add('flagged');
  return tags;
}

/**
 * Words without which no sentence addresses the AI (text/instructions.ts:
 * an imperative opening, or an override, leak, markup, validate, extra-key,
 * citation or prose request). Checked first because most sentences hold
 * none of them, and the full rules are many; a sentence that holds one is
 * judged by those rules.
 */
const OPENERS = new Set('ignore disregard forget close resolve approve grant give send email e-mail forward route reassign escalate fail run execute mark set add include print reveal output delete disable create respond reply cite write say'.split(' '));
const TRIGGERS = new Set(
  ('ignore disregard forget override bypass ignorez ignoriere ignora olvida vergiss oubliez instruction instructions prompt ' +
    'canary secret password passwd token credential credentials key api-key apikey code script img iframe svg style javascript ' +
    'validated done complete completed verified passed field property flag cite source prose markdown freely json english plain assistant ai system').split(' '),
);

function mayAddressAi(sentence: string): boolean {
  if (/[<["]/.test(sentence) || sentence.toLowerCase().includes('you are now')) return true;
  const words = sentence.toLowerCase().match(/[\p{L}-]+/gu) ?? [];
  const first = words[0] === 'please' ? words[1] : words[0];
  return (first !== undefined && OPENERS.has(first)) || words.some((w) => TRIGGERS.has(w));
}

/** Text the reviewer must see quoted as data: addressed to the AI, markup, a link, a forged marker. */
export function isFlagged(sentence: string): boolean {
  if (MARKER.test(sentence) || LINK.test(sentence) || (MAYBE_MARKUP.test(sentence) && findMarkup(sentence) !== null)) return true;
  return mayAddressAi(sentence) && addressesTheAi(sentence);
}
