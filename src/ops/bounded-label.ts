/**
 * Label values for /metrics must come from bounded sets (issue 14; every
 * distinct value is a time series in Prometheus, and an unbounded one is a
 * memory leak there): a value passes when it is on the allow-list, or, with
 * no allow-list, when it has the expected shape and fewer than `max` distinct
 * values were seen; anything else is counted as `other`.
 */

export const OTHER = 'other';

export interface BoundedLabelOptions {
  /** The only values allowed; omit to accept any value of `pattern`, up to `max` of them. */
  readonly allowed?: Iterable<string>;
  /** The shape a value must have (e.g. an error code). */
  readonly pattern?: RegExp;
  /** Most distinct values accepted without an allow-list. Default 50. */
  readonly max?: number;
}

export function boundedLabel(options: BoundedLabelOptions): (value: string | null | undefined) => string {
  const allowed = options.allowed === undefined ? null : new Set(options.allowed);
  const max = options.max ?? 50;
  const seen = new Set<string>();
  return (value) => {
    if (value === null || value === undefined || value === '') return OTHER;
    if (allowed !== null) return allowed.has(value) ? value : OTHER;
    if (options.pattern !== undefined && !options.pattern.test(value)) return OTHER;
    if (seen.has(value)) return value;
    if (seen.size >= max) return OTHER;
    seen.add(value);
    return value;
  };
}
