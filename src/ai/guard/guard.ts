/**
 * The output guard: validates any provider's output against the gathered
 * sources before anything is rendered. Fails closed.
 *
 * Order (each step rejects the whole output, except grounding):
 * 1. raw text: canary, size, truncation, prose around or broken JSON;
 * 2. a checklist item marked validated, in any key or status;
 * 3. the strict schema of the operation's output kind (extra keys at any
 *    depth, wrong types, lengths);
 * 4. every cited source id exists;
 * 5. the provider's own words: no markup, no claim of an action, no
 *    checklist item phrased as done;
 * 6. grounding: a statement whose names, numbers, addresses or dates are not
 *    in its cited sources, or whose quote is not verbatim, is removed and
 *    recorded; above `maxRemovedFraction` removed, the output is rejected.
 */
import type { OutputKind } from '../../domain/operation.js';
import { outputSchemaFor, totalChars, OUTPUT_LIMITS, type AiOutput, type ChecklistItem, type Statement } from '../output-schema.js';
import type { SourceSet } from '../sources.js';
import { findActionClaim } from '../text/action-claims.js';
import { findMarkup } from '../text/markup.js';
import { corpusOf, quotedIn, ungroundedEntity, type Corpus } from './grounding.js';
import { parseRaw, pathText } from './parse.js';
import type { GuardResult, RawOutput, Rejection, Removal } from './types.js';

export interface GuardContext {
  readonly kind: OutputKind;
  readonly sources: SourceSet;
  readonly canary: string;
  /** Share of statements that may be removed before the output is rejected; default 0.25. */
  readonly maxRemovedFraction?: number;
}

/** "[x] …", "✓ …", "… - done", "… (validated)", "Validated: …": an item presented as already checked. */
const CHECKED_DONE = /^\s*(?:\[\s*[x✓✔]\s*\]|\(\s*[x✓✔]\s*\)|[✓✔☑✅])|[-–—:(]\s*(?:validated|verified|done|completed|passed|ok)\s*\)?\s*[.!]?\s*$|^\s*(?:validated|verified|done|completed|passed)\b/iu;

export function guardOutput(raw: RawOutput, ctx: GuardContext): GuardResult {
  const parsed = parseRaw(raw, ctx.canary);
  if (!parsed.ok) return fail(parsed.rejected);

  const schema = outputSchemaFor(ctx.kind).safeParse(parsed.value);
  if (!schema.success) {
    const issues = schema.error.issues;
    const kind = issues.every((i) => i.code === 'too_big') ? 'oversize' : 'schema';
    const first = issues[0];
    const where = first === undefined ? '' : pathText(first.path.map((p) => (typeof p === 'symbol' ? String(p) : p)));
    const summary = issues.slice(0, 3).map((i) => `${pathText(i.path.map((p) => (typeof p === 'symbol' ? String(p) : p))) || '(top level)'}: ${i.message}`).join('; ');
    return fail({ kind, reason: `the output does not match the ${ctx.kind} schema: ${summary}`, path: where });
  }
  const output = schema.data;
  const total = totalChars(output);
  if (total > OUTPUT_LIMITS.totalChars) return fail({ kind: 'oversize', reason: `the output holds ${total} characters of text; the limit is ${OUTPUT_LIMITS.totalChars}` });

  const known = new Set(ctx.sources.sources.map((s) => s.id));
  for (const { path, id } of citations(output)) {
    if (!known.has(id)) return fail({ kind: 'unknown_source', reason: `cites ${id.slice(0, 12)}, which is not in the gathered sources`, path });
  }

  for (const { path, text, item } of ownWords(output)) {
    const markup = findMarkup(text);
    if (markup !== null) return fail({ kind: 'markup', reason: `the provider's own text holds markup (${markup})`, path });
    const claim = findActionClaim(text);
    if (claim !== null) return fail({ kind: 'action_claim', reason: `claims an action: "${claim.slice(0, 80)}"`, path });
    if (item && CHECKED_DONE.test(text)) return fail({ kind: 'validated_checklist', reason: 'a checklist item is phrased as done; only a person validates', path });
  }
  for (const { path, text } of quotesOf(output)) {
    if (findMarkup(text) === 'invisible') return fail({ kind: 'markup', reason: 'a quote holds invisible characters, which the sources do not', path });
  }

  return ground(output, ctx, corpusOf(ctx.sources));
}

function ground(output: AiOutput, ctx: GuardContext, corpus: Corpus): GuardResult {
  const removed: Removal[] = [];
  let units = 0;
  const cited = (ids: readonly string[]): string[] => ids.map((id) => corpus.of(id) ?? '');

  const keepStatement = (s: Statement, path: string): boolean => {
    units += 1;
    const ids = [...new Set([...s.sources, ...s.quotes.map((q) => q.source)])];
    const bad = s.quotes.findIndex((q) => !quotedIn(q.text, corpus.of(q.source)));
    if (bad >= 0) {
      removed.push(removal(path, s.text, 'misquoted', `quote ${bad + 1} is not word for word in ${s.quotes[bad]?.source ?? '?'}`));
      return false;
    }
    const entity = ungroundedEntity(s.text, cited(ids));
    if (entity !== null) {
      removed.push(removal(path, s.text, 'ungrounded', `${entity} is not in ${ids.join(', ')}`));
      return false;
    }
    return true;
  };

  const sections = output.sections
    .map((section, i) => ({ ...section, statements: section.statements.filter((s, j) => keepStatement(s, `sections[${i}].statements[${j}]`)) }))
    .filter((section) => section.statements.length > 0);

  const items = output.kind === 'checklist'
    ? output.items.filter((item: ChecklistItem, i) => {
        units += 1;
        const bad = item.quotes.findIndex((q) => !quotedIn(q.text, corpus.of(q.source)));
        if (bad >= 0) {
          removed.push(removal(`items[${i}]`, item.text, 'misquoted', `quote ${bad + 1} is not word for word in ${item.quotes[bad]?.source ?? '?'}`));
          return false;
        }
        const entity = ungroundedEntity(item.text, cited([...new Set([...item.sources, ...item.quotes.map((q) => q.source)])]));
        if (entity === null) return true;
        removed.push(removal(`items[${i}]`, item.text, 'ungrounded', `${entity} is not in ${item.sources.join(', ')}`));
        return false;
      })
    : [];

  const gaps = output.gaps.filter((gap, i) => {
    units += 1;
    const entity = ungroundedEntity(gap.text, [corpus.all]);
    if (entity === null) return true;
    removed.push(removal(`gaps[${i}]`, gap.text, 'ungrounded', `${entity} is not in any source`));
    return false;
  });

  const contradictions = output.contradictions.filter((c, i) => {
    units += 1;
    const bad = c.claims.findIndex((claim) => !quotedIn(claim.text, corpus.of(claim.source)));
    if (bad >= 0) {
      removed.push(removal(`contradictions[${i}]`, c.about, 'misquoted', `claim ${bad + 1} is not word for word in ${c.claims[bad]?.source ?? '?'}`));
      return false;
    }
    const entity = ungroundedEntity(c.about, cited(c.claims.map((claim) => claim.source)));
    if (entity === null) return true;
    removed.push(removal(`contradictions[${i}]`, c.about, 'ungrounded', `${entity} is not in the sources it quotes`));
    return false;
  });

  const limit = ctx.maxRemovedFraction ?? 0.25;
  if (units > 0 && removed.length / units > limit) {
    return fail({ kind: 'ungrounded', reason: `${removed.length} of ${units} statements failed grounding; the limit is ${Math.round(limit * 100)}%` }, removed);
  }
  const hadContent = output.sections.some((s) => s.statements.length > 0) || (output.kind === 'checklist' && output.items.length > 0);
  const hasContent = sections.length > 0 || items.length > 0;
  if (hadContent && !hasContent) return fail({ kind: 'ungrounded', reason: 'every statement failed grounding' }, removed);
  if (output.kind === 'checklist' && items.length === 0) return fail({ kind: 'ungrounded', reason: 'every checklist item failed grounding' }, removed);

  const cleaned = (output.kind === 'checklist' ? { ...output, sections, items, gaps, contradictions } : { ...output, sections, gaps, contradictions }) as AiOutput;
  return { ok: true, output: cleaned, removed };
}

function* citations(output: AiOutput): Generator<{ path: string; id: string }> {
  for (const [i, section] of output.sections.entries()) {
    for (const [j, s] of section.statements.entries()) {
      for (const id of s.sources) yield { path: `sections[${i}].statements[${j}].sources`, id };
      for (const q of s.quotes) yield { path: `sections[${i}].statements[${j}].quotes`, id: q.source };
    }
  }
  if (output.kind === 'checklist') {
    for (const [i, item] of output.items.entries()) {
      for (const id of item.sources) yield { path: `items[${i}].sources`, id };
      for (const q of item.quotes) yield { path: `items[${i}].quotes`, id: q.source };
    }
  }
  for (const [i, c] of output.contradictions.entries()) for (const claim of c.claims) yield { path: `contradictions[${i}].claims`, id: claim.source };
}

function* ownWords(output: AiOutput): Generator<{ path: string; text: string; item: boolean }> {
  for (const [i, section] of output.sections.entries()) {
    for (const [j, s] of section.statements.entries()) yield { path: `sections[${i}].statements[${j}].text`, text: s.text, item: false };
  }
  if (output.kind === 'checklist') for (const [i, item] of output.items.entries()) yield { path: `items[${i}].text`, text: item.text, item: true };
  for (const [i, gap] of output.gaps.entries()) yield { path: `gaps[${i}].text`, text: gap.text, item: false };
  for (const [i, c] of output.contradictions.entries()) yield { path: `contradictions[${i}].about`, text: c.about, item: false };
}

function* quotesOf(output: AiOutput): Generator<{ path: string; text: string }> {
  for (const [i, section] of output.sections.entries()) {
    for (const [j, s] of section.statements.entries()) for (const [k, q] of s.quotes.entries()) yield { path: `sections[${i}].statements[${j}].quotes[${k}]`, text: q.text };
  }
  if (output.kind === 'checklist') for (const [i, item] of output.items.entries()) for (const [k, q] of item.quotes.entries()) yield { path: `items[${i}].quotes[${k}]`, text: q.text };
  for (const [i, c] of output.contradictions.entries()) for (const [k, claim] of c.claims.entries()) yield { path: `contradictions[${i}].claims[${k}]`, text: claim.text };
}

function removal(path: string, text: string, reason: Removal['reason'], detail: string): Removal {
  return { path, statement: text.slice(0, 200), reason, detail };
}

function fail(rejected: Rejection, removed: readonly Removal[] = []): GuardResult {
  return { ok: false, removed, rejected };
}
