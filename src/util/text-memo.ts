/**
 * A pure function of a text, remembered for recent texts. The built-in
 * provider reads the same ticket texts again for each of a ticket's
 * operations and each refresh; reading them is most of its work
 * (docs/performance.md, "The AI stage"). Bounded: when full it starts over,
 * which costs one re-read per text, never memory. The results are shared, so
 * they must never be changed by a caller.
 */
export function memoByText<T>(fn: (text: string) => T, max = 2048): (text: string) => T {
  const known = new Map<string, T>();
  return (text) => {
    let found = known.get(text);
    if (found === undefined) {
      found = fn(text);
      if (known.size >= max) known.clear();
      known.set(text, found);
    }
    return found;
  };
}
