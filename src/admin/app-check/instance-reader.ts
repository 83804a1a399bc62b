/**
 * The one thing `app check` and the tables' readiness ask of an instance: a
 * Table API list as a given user. A refusal is an answer here, not an error
 * (a check fails with the fix); a network failure or a timeout throws, and
 * the command ends with exit 2. The command's layer (src/cli) builds it from
 * the connector's table client, so this folder does no I/O of its own.
 */
export type ReadResult =
  | { readonly ok: true; readonly rows: readonly Readonly<Record<string, string>>[] }
  | { readonly ok: false; readonly status: number; readonly message: string };

/** One condition of a list; the command's layer renders it with the connector's query builder (values with ^ or a line break are refused there). */
export type Where = { readonly field: string; readonly op: '=' | 'STARTSWITH'; readonly value: string } | { readonly field: string; readonly op: 'IN'; readonly value: readonly string[] };

export const eq = (field: string, value: string): Where => ({ field, op: '=', value });

export interface InstanceReader {
  /** Who reads, for the report (a user name, or "the SN_* credentials"). */
  readonly who: string;
  /** `GET /api/now/table/{table}?sysparm_query=…&sysparm_fields=…&sysparm_limit=…` (conditions ANDed), raw values. */
  list(table: string, where: readonly Where[], fields: readonly string[], limit: number): Promise<ReadResult>;
}

/** The first rows of a read, or the refusal as text ("403 …"). */
export function describeRefusal(result: Extract<ReadResult, { ok: false }>): string {
  return `${result.status} ${result.message}`.trim();
}

/** The fix when a metadata table refuses the reader: the integration user need not read platform metadata; an admin does. */
export const ADMIN_FIX = 'run app check with an administrator’s credentials for the metadata (SN_ADMIN_USERNAME and SN_ADMIN_PASSWORD)';
