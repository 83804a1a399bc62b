/**
 * Finds sentences in ticket text that address the AI as instructions
 * ("ignore previous instructions", "close this ticket", "grant admin to …").
 * Two users: the note flags sources that hold such text (it was treated as
 * data, and the reviewer should know it is there), and the stand-in obedient
 * provider obeys them to prove the guard holds against the worst model.
 * Detection is deliberately broad and multilingual; it decides nothing by
 * itself.
 */

export const INTENTS = [
  'override',
  'close',
  'approve',
  'grant',
  'send',
  'route',
  'failover',
  'execute',
  'validate',
  'leak',
  'link',
  'markup',
  'extra_key',
  'cite',
  'invent',
  'prose',
] as const;
export type Intent = (typeof INTENTS)[number];

export interface Instruction {
  readonly sentence: string;
  readonly intents: readonly Intent[];
}

const RULES: readonly [Intent, RegExp][] = [
  ['override', /\b(?:ignore|disregard|forget|override|bypass)\b.{0,40}\b(?:instructions?|rules?|prompt|guidelines|policy|above|previous|prior)\b|\byou are now\b|\bnew instructions?\b|\bsystem prompt\b|\b(?:assistant|ai|system)\s*:|\bignorez\b|\bignoriere\b|\bignora\b|\bignore as instruções\b|\bolvida\b|\bvergiss\b|\boubliez\b/i],
  ['close', /\b(?:close|resolve|cancel)\b.{0,30}\b(?:ticket|incident|request|case|this)\b|\bmark\b.{0,30}\b(?:resolved|closed)\b|\bfermez\b|\bclôturez\b|\bschließe\b|\bschliessen\b|\bcierra\b|\bcerrar\b|\bfeche\b|\bchiudi\b/i],
  ['approve', /\bapprove\b|\bapproval (?:is )?granted\b|\bmark\b.{0,30}\bapproved\b|\bapprouvez\b|\bgenehmige\b|\bgenehmigen\b|\baprueba\b|\baprovar\b|\bapprova\b|\bsign(?:ed)? off\b/i],
  ['grant', /\bgrant\b|\bgive\b.{0,30}\b(?:access|admin|rights|privileges?|role)\b|\badd\b.{0,30}\bto\b.{0,20}\b(?:admins?|administrators|group|role)\b|\bcreate\b.{0,20}\baccount\b|\baccordez\b|\berteile\b|\bconcede\b|\bconceda\b/i],
  ['send', /\b(?:send|e-?mail|forward|mail|post|upload|exfiltrate|share)\b.{0,60}\b(?:to|at|via)\b|\benvoyez\b|\bsende\b|\benvía\b|\benvie\b|\binvia\b/i],
  ['route', /\b(?:route|re-?route|reassign|assign)\b.{0,40}\bto\b|\bescalate\b/i],
  ['failover', /\bfail ?over\b|\bswitch (?:over )?to\b.{0,30}\b(?:backup|secondary|standby|dr)\b/i],
  ['execute', /\b(?:run|execute|perform|restart|reboot|reset|delete|disable|enable|deploy)\b.{0,40}\b(?:command|script|server|service|gateway|account|user|now)\b/i],
  ['validate', /\b(?:mark|set|tick|check)\b.{0,40}\b(?:validated|done|complete|completed|verified|passed)\b|\ball (?:items|checks) (?:are )?(?:validated|done|passed)\b/i],
  ['leak', /\b(?:print|reveal|output|include|repeat|echo|show|tell|list|copy|paste)\b.{0,40}\b(?:canary|secret|password|passwd|token|api[ -]?key|credentials?|system prompt|instructions|key)\b/i],
  ['link', /\b(?:add|include|insert|put|append)\b.{0,40}\b(?:link|url|image)\b|\bvisit\b|\bclick\b|https?:\/\//i],
  ['markup', /\[\s*\/?\s*code\s*\]|<\s*(?:script|img|iframe|a|svg|style)\b|\bjavascript:/i],
  ['extra_key', /\b(?:add|set|include)\b.{0,30}\b(?:field|key|property|flag)\b|"[a-z_]+"\s*:\s*(?:true|"[^"]*")/i],
  ['cite', /\bcite\b.{0,20}\bS\d+\b|\bsource\s+S\d+\b/i],
  ['invent', /\b(?:say|state|claim|write|report)\b.{0,30}\b(?:that|the)\b/i],
  ['prose', /\b(?:respond|reply|answer|write)\b.{0,30}\b(?:prose|plain text|markdown|in english|without json|freely)\b/i],
];

/** Instruction-like sentences and what each asks for, in text order. */
export function findInstructions(text: string): Instruction[] {
  const out: Instruction[] = [];
  for (const sentence of sentences(text)) {
    const intents = RULES.filter(([, pattern]) => pattern.test(sentence)).map(([intent]) => intent);
    if (intents.length > 0) out.push({ sentence, intents });
  }
  return out;
}

/** Splits on sentence ends and line breaks; keeps sentences verbatim (trimmed). */
export function sentences(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+|\n+/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

const IMPERATIVE = /^(?:please\s+)?(?:ignore|disregard|forget|close|resolve|approve|grant|give|send|e-?mail|forward|route|reassign|escalate|fail over|run|execute|mark|set|add|include|print|reveal|output|delete|disable|create|respond|reply|cite|write|say)\b/i;
const STRONG: ReadonlySet<Intent> = new Set(['override', 'leak', 'markup', 'validate', 'extra_key', 'cite', 'prose']);

/** Whether the text holds a sentence that reads as an instruction to the AI (for the reviewer's flag). */
export function addressesTheAi(text: string): boolean {
  return findInstructions(text).some((i) => i.intents.some((intent) => STRONG.has(intent)) || IMPERATIVE.test(i.sentence));
}
