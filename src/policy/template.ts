/**
 * Rule messages and remedies with {placeholders}, compiled once at load into
 * literal parts and slots, so rendering a reason is a few concatenations. A
 * template without placeholders is rendered once, at load.
 */
import { PLACEHOLDERS, type Placeholder } from './policy-schema.js';

/** Gives a placeholder's value for the decision being explained. */
export type Values = (name: Placeholder) => string;

export interface Template {
  readonly source: string;
  /** The rendered text when the template has no placeholders; null otherwise. */
  readonly fixed: string | null;
  /** The placeholders it fills, in order (repeats included): all a rendering depends on. */
  readonly slots: readonly Placeholder[];
  /** Renders, first letter upper-cased (a message may start with a placeholder). */
  render(values: Values): string;
}

const SLOT = /\{([A-Za-z]+)\}/g;
const KNOWN = new Set<string>(PLACEHOLDERS);

/** Placeholders in `text` that are not known; empty when the template is fine. */
export function unknownPlaceholders(text: string): string[] {
  return [...text.matchAll(SLOT)].map((m) => m[1] ?? '').filter((name) => !KNOWN.has(name));
}

export function compileTemplate(source: string): Template {
  const literals: string[] = [];
  const slots: Placeholder[] = [];
  let last = 0;
  for (const match of source.matchAll(SLOT)) {
    const name = match[1] ?? '';
    if (!KNOWN.has(name)) continue;
    literals.push(source.slice(last, match.index));
    slots.push(name as Placeholder);
    last = match.index + match[0].length;
  }
  const tail = source.slice(last);
  if (slots.length === 0) {
    const fixed = sentence(source);
    return { source, fixed, slots, render: () => fixed };
  }
  return {
    source,
    fixed: null,
    slots,
    render(values) {
      let out = '';
      for (let i = 0; i < slots.length; i++) out += literals[i]! + values(slots[i]!);
      return sentence(out + tail);
    },
  };
}

function sentence(text: string): string {
  return text.length === 0 ? text : text.charAt(0).toUpperCase() + text.slice(1);
}
