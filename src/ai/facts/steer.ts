/**
 * The operator's note steers which facts come first, never what the AI may
 * do or say: its content words are matched against each sentence, and a
 * document lists the sentences that share more of them earlier in each of
 * its sections. Nothing in the note is followed, quoted as fact or cited;
 * an instruction in it ("close the ticket") only moves sentences about
 * closing up the list, which is harmless (issue 12, "The operator's note").
 */
import type { Said } from './types.js';

/** Words too common to steer by. */
const STOP = new Set(
  ('a an the and or but if then than so of to in on at by for from with without into onto over under about after before since until ' +
    'is are was were be been being am do does did done have has had will would shall should can could may might must ' +
    'this that these those it its it\'s they them their there here we our you your i me my he she his her him ' +
    'please focus look check mention include use make give get keep need needs want show tell add also just only more most less ' +
    'what which who whom when where why how all any each every some no not yes ok first last next now today').split(/\s+/),
);

export function keywordsOf(note: string | null): Set<string> {
  const out = new Set<string>();
  if (note === null) return out;
  for (const word of note.toLowerCase().match(/[\p{L}\p{N}][\p{L}\p{N}-]*/gu) ?? []) {
    const stem = stemOf(word);
    if (stem.length >= 3 && !STOP.has(word)) out.add(stem);
  }
  return out;
}

export interface Steering {
  /** How many of the note's words a sentence holds (0 for every sentence without a note). */
  (said: Said): number;
  /** The same for any span of text (a clause, a measure's name). */
  text(text: string): number;
}

/** A ranking by the note. */
export function steering(note: string | null): Steering {
  const words = keywordsOf(note);
  const count = (text: string): number => {
    if (words.size === 0) return 0;
    const own = new Set((text.toLowerCase().match(/[\p{L}\p{N}][\p{L}\p{N}-]*/gu) ?? []).map(stemOf));
    let n = 0;
    for (const w of words) if (own.has(w)) n += 1;
    return n;
  };
  const cache = new WeakMap<Said, number>();
  const fn = ((said: Said) => {
    const known = cache.get(said);
    if (known !== undefined) return known;
    const n = count(said.span.text);
    cache.set(said, n);
    return n;
  }) as Steering;
  fn.text = count;
  return fn;
}

/** Plural and simple verb endings off, so "circuits" steers to "circuit". */
function stemOf(word: string): string {
  return word.length > 4 ? word.replace(/(?:ies)$/, 'y').replace(/(?:es|s)$/, '') : word;
}

/** Orders items by the note (more matching words first), keeping the given order otherwise. */
export function byWeight<T>(items: readonly T[], weight: (item: T) => number): T[] {
  return items
    .map((item, i) => ({ item, i, w: weight(item) }))
    .sort((a, b) => b.w - a.w || a.i - b.i)
    .map((x) => x.item);
}
