/**
 * First stage of the guard: from raw text to a JSON value, failing closed.
 * Never repairs: prose around the JSON, a code fence, a cut-off document or
 * an oversized answer is rejected, not trimmed into shape
 * (../shared/reference/llm-security.md, "Reject on failure; never repair").
 */
import { CHECKLIST_STATUSES, OUTPUT_LIMITS } from '../output-schema.js';
import { canaryCore, canaryIn } from '../canary.js';
import type { RawOutput, Rejection } from './types.js';

export type Parsed = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly rejected: Rejection };

export function parseRaw(raw: RawOutput, canary: string): Parsed {
  const text = raw.text;
  // The raw text as sent (also catches a canary in text that is not JSON); decoded strings are checked below.
  const core = canaryCore(canary);
  if (core.length >= 8 && text.toLowerCase().includes(core)) return reject('canary', 'the output contains the canary string: the model followed or leaked the untrusted data block');
  if (text.length > OUTPUT_LIMITS.rawChars) return reject('oversize', `the output is ${text.length} characters; the limit is ${OUTPUT_LIMITS.rawChars}`);
  if (raw.truncated) return reject('truncated', 'the provider stopped at its token limit (finish_reason "length"); a cut-off output is never used');
  const trimmed = text.trim();
  if (trimmed === '') return reject('not_json', 'the output is empty');
  if (!trimmed.startsWith('{')) return canaryIn(trimmed, canary) ? reject('canary', 'the output contains the canary string') : reject('not_json', 'the output does not start with a JSON object (prose or a code fence before it)');
  let value: unknown;
  try {
    value = JSON.parse(trimmed);
  } catch (error) {
    if (canaryIn(trimmed, canary)) return reject('canary', 'the output contains the canary string');
    const message = error instanceof Error ? error.message : '';
    const at = /at position (\d+)/.exec(message);
    const atEnd = at !== null && Number(at[1]) >= trimmed.length - 1;
    if (!/after JSON/i.test(message) && (/unexpected end|unterminated/i.test(message) || atEnd)) {
      return reject('truncated', 'the JSON ends before the object is complete');
    }
    return reject('not_json', 'the output is not one JSON object (malformed JSON, or text after it)');
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return canaryIn(trimmed, canary) ? reject('canary', 'the output contains the canary string') : reject('not_json', 'the output is JSON but not an object');
  // JSON escapes (\u0063…) hide a canary from the raw text; the decoded strings cannot.
  if (canaryIn(strings(value).join('\n'), canary)) return reject('canary', 'a JSON string in the output contains the canary string');
  const validated = validatedChecklist(value, []);
  if (validated !== null) return { ok: false, rejected: validated };
  return { ok: true, value };
}

const DONE_WORDS = /valid|verif|done|complet|pass|check|approv|confirm|success|finish|closed|resolved|ok\b|erledigt|fait|termin|hecho|conclu|fatto|ja\b|yes|true/i;
const DONE_KEYS = new Set(['validated', 'done', 'checked', 'complete', 'completed', 'verified', 'approved', 'passed', 'signed_off', 'signedoff']);

/** A checklist item marked validated in any spelling, before the schema would call it just "invalid". */
function validatedChecklist(node: unknown, path: (string | number)[]): Rejection | null {
  if (Array.isArray(node)) {
    for (let i = 0; i < node.length; i += 1) {
      path.push(i);
      const found = validatedChecklist(node[i], path);
      path.pop();
      if (found !== null) return found;
    }
    return null;
  }
  if (node === null || typeof node !== 'object') return null;
  for (const [key, value] of Object.entries(node)) {
    path.push(key);
    let found: Rejection | null = null;
    if (DONE_KEYS.has(key.toLowerCase()) && value !== false && value !== null && value !== 0 && value !== '') {
      found = { kind: 'validated_checklist', reason: `"${key}" marks something as done; only a person validates`, path: pathText(path) };
    } else if (key === 'status' && typeof value === 'string' && !(CHECKLIST_STATUSES as readonly string[]).includes(value) && DONE_WORDS.test(value)) {
      found = { kind: 'validated_checklist', reason: `a checklist status of "${value.slice(0, 40)}"; items may only be to_validate or not_started`, path: pathText(path) };
    } else if (value !== null && typeof value === 'object') {
      found = validatedChecklist(value, path);
    }
    path.pop();
    if (found !== null) return found;
  }
  return null;
}

/** Every string in a JSON value, keys included, depth first. */
function strings(root: unknown): string[] {
  const out: string[] = [];
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (typeof node === 'string') out.push(node);
    else if (Array.isArray(node)) stack.push(...(node as unknown[]));
    else if (node !== null && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        out.push(key);
        stack.push(value);
      }
    }
  }
  return out;
}

export function pathText(path: readonly (string | number)[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

function reject(kind: Rejection['kind'], reason: string): Parsed {
  return { ok: false, rejected: { kind, reason } };
}
