/**
 * Rendered reasons, kept per rule by the values of the rule's placeholders.
 * A rendering depends only on the rule's two templates and those values, and
 * across tickets they take few distinct values (the mix of 2,000 tickets gives
 * about 30 reasons), so most decisions reuse a frozen reason and its canonical
 * JSON instead of rendering, capitalising and serialising it again. Shared
 * reasons are frozen, as a rule's fixed reason already is.
 */
import type { Reason } from '../domain/decision.js';
import type { CompiledRule } from './compile.js';
import type { Values } from './template.js';

export interface RenderedReason {
  readonly reason: Reason;
  /** Canonical JSON of `reason` (keys sorted), for the panel digest. */
  readonly json: string;
}

/** Entries per rule before its cache starts over: placeholders such as the approver's name or the number have no bound. */
export const REASON_CACHE_LIMIT = 512;

/**
 * The cache key: every placeholder value, each prefixed by its length, so two
 * different value lists never give the same key whatever characters they hold.
 */
export function reasonKey(rule: CompiledRule, values: Values): string {
  let key = '';
  for (const slot of rule.slots) {
    const value = values(slot);
    key += `${value.length}:${value}`;
  }
  return key;
}

/** Canonical JSON of a reason (keys sorted: message, remedy, rule). */
export function reasonJson(reason: Reason): string {
  const j = JSON.stringify;
  return `{"message":${j(reason.message)},"remedy":${j(reason.remedy)},"rule":${j(reason.rule)}}`;
}

/** Renders the rule's reason for these values, without a cache. */
export function renderReason(rule: CompiledRule, values: Values): Reason {
  return { rule: rule.id, message: rule.message.render(values), remedy: rule.remedy.render(values) };
}

/** The rule's reason for these values: its fixed one, a cached one, or rendered now and cached. */
export function reasonFor(rule: CompiledRule, values: Values): RenderedReason {
  if (rule.fixed !== null) return rule.fixed;
  const key = reasonKey(rule, values);
  const cached = rule.rendered.get(key);
  if (cached !== undefined) return cached;
  const reason = Object.freeze(renderReason(rule, values));
  const rendered: RenderedReason = Object.freeze({ reason, json: reasonJson(reason) });
  if (rule.rendered.size >= REASON_CACHE_LIMIT) rule.rendered.clear();
  rule.rendered.set(key, rendered);
  return rendered;
}
