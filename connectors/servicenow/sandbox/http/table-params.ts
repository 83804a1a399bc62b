/**
 * The Table API's query parameters, read leniently as an instance does:
 * a malformed number falls back to the default rather than failing.
 */
import type { DisplayMode } from '../render/record-renderer.js';

/** sysparm_limit when none is given (../shared/reference/servicenow.md, "Parameters"). */
export const DEFAULT_LIMIT = 10_000;

export interface TableParams {
  readonly query: string;
  readonly fields: readonly string[] | undefined;
  readonly limit: number;
  readonly offset: number;
  readonly display: DisplayMode;
  readonly excludeReferenceLink: boolean;
  readonly noCount: boolean;
  readonly suppressPagination: boolean;
}

const flag = (params: URLSearchParams, name: string): boolean => (params.get(name) ?? '').toLowerCase() === 'true';

function nonNegative(text: string | null, fallback: number): number {
  if (text === null || !/^\d+$/.test(text.trim())) return fallback;
  const n = Number(text);
  return Number.isSafeInteger(n) ? n : fallback;
}

export function readTableParams(params: URLSearchParams): TableParams {
  const fieldsText = params.get('sysparm_fields');
  const fields = fieldsText === null ? undefined : fieldsText.split(',').map((f) => f.trim()).filter((f) => f !== '');
  const displayText = (params.get('sysparm_display_value') ?? 'false').toLowerCase();
  const limit = nonNegative(params.get('sysparm_limit'), DEFAULT_LIMIT);
  return {
    query: params.get('sysparm_query') ?? '',
    fields,
    limit: limit === 0 ? DEFAULT_LIMIT : limit,
    offset: nonNegative(params.get('sysparm_offset'), 0),
    display: displayText === 'true' || displayText === 'all' ? displayText : 'false',
    excludeReferenceLink: flag(params, 'sysparm_exclude_reference_link'),
    noCount: flag(params, 'sysparm_no_count'),
    suppressPagination: flag(params, 'sysparm_suppress_pagination_header'),
  };
}
