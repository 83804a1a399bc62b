/**
 * A pure function of a text, remembered for recent texts. The built-in
 * provider reads the same ticket texts again for each of a ticket's
 * operations and each refresh; reading them is most of its work
 * (docs/performance.md, "The AI stage"). Bounded: when full it starts over,
 * which costs one re-read per text, never memory. The results are shared, so
 * they must never be changed by a caller.
 */
export interface TextMemo<T> {
  (text: string): T;
  /** Records what `fn` answers for a text the caller made itself (so a reader of that text need not parse it). */
  remember(text: string, value: T): void;
}

export function memoByText<T>(fn: (text: string) => T, max = 2048): TextMemo<T> {
  const known = new Map<string, T>();
  const put = (text: string, value: T): void => {
    if (known.size >= max) known.clear();
    known.set(text, value);
  };
  const memo = ((text: string) => {
    let found = known.get(text);
    if (found === undefined) {
      found = fn(text);
      put(text, found);
    }
    return found;
  }) as TextMemo<T>;
  memo.remember = put;
  return memo;
}
