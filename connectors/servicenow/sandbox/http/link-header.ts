/**
 * The `Link` paging header: absolute URLs with rel first, prev, next and last,
 * built from the request's own parameters with sysparm_offset changed
 * (../shared/reference/servicenow.md, "Paging headers"). Absent when the
 * result fits in one page. Without a count (sysparm_no_count) the last page
 * is unknown, so `last` is left out.
 */

export interface LinkInput {
  /** The request URL, absolute. */
  readonly url: URL;
  readonly offset: number;
  readonly limit: number;
  readonly total: number | undefined;
  readonly more: boolean;
}

export function linkHeader(input: LinkInput): string | undefined {
  const { url, offset, limit, total, more } = input;
  if (offset === 0 && !more) return undefined;
  const at = (o: number): string => {
    const u = new URL(url.href);
    u.searchParams.set('sysparm_limit', String(limit));
    u.searchParams.set('sysparm_offset', String(Math.max(0, o)));
    return u.href;
  };
  const links = [`<${at(0)}>;rel="first"`];
  if (offset > 0) links.push(`<${at(offset - limit)}>;rel="prev"`);
  if (more) links.push(`<${at(offset + limit)}>;rel="next"`);
  if (total !== undefined) {
    const last = total === 0 ? 0 : Math.floor((total - 1) / limit) * limit;
    links.push(`<${at(last)}>;rel="last"`);
  }
  return links.join(',');
}
