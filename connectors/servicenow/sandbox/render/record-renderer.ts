/**
 * Serialises records the way the Table API does: `sysparm_fields` (with
 * dot-walked names returned under the dotted key), `sysparm_display_value`
 * (false, true, all) and `sysparm_exclude_reference_link` (without it,
 * references come back as `{"link", "value"}`; an empty reference is "").
 *
 * A renderer is compiled once per request and writes each row straight to a
 * JSON string, so a page of thousands of rows never builds intermediate
 * objects.
 */
import type { Store, StoredRow } from '../store.js';
import type { TableDef } from '../schema/types.js';
import { JOURNAL_TYPES } from '../schema/types.js';
import { resolvePath, type FieldPath } from '../query/field-path.js';
import type { DisplayValues } from './display.js';

export type DisplayMode = 'false' | 'true' | 'all';

export interface RenderOptions {
  /** sysparm_fields; undefined or empty: every field of the table. Unknown names are skipped. */
  readonly fields: readonly string[] | undefined;
  readonly display: DisplayMode;
  readonly excludeReferenceLink: boolean;
  /** Absolute base URL for reference links (`https://instance.service-now.com`). */
  readonly baseUrl: string;
}

export type RowRenderer = (row: StoredRow) => string;

const q = (s: string): string => JSON.stringify(s);

export function compileRenderer(store: Store, display: DisplayValues, table: TableDef, options: RenderOptions): RowRenderer {
  const requested = options.fields !== undefined && options.fields.length > 0 ? options.fields : table.columns.map((c) => c.name);
  const paths: FieldPath[] = [];
  const seen = new Set<string>();
  for (const name of requested) {
    if (seen.has(name)) continue;
    seen.add(name);
    const path = resolvePath(store, table, name);
    if (path) paths.push(path);
  }
  const parts = paths.map((path) => renderField(path, display, options));
  return (row) => {
    let out = '{';
    for (let i = 0; i < parts.length; i++) out += (i === 0 ? '' : ',') + parts[i]!(row);
    return out + '}';
  };
}

function renderField(path: FieldPath, display: DisplayValues, options: RenderOptions): RowRenderer {
  const key = `${q(path.name)}:`;
  const { field } = path;
  const raw = path.get;
  const mode = options.display;
  const shown = (row: StoredRow): string => {
    const at = path.hops.length === 0 ? row : path.target(row);
    return at === undefined ? '' : display.of(at, field);
  };

  if (field.type === 'reference' && field.reference !== undefined) {
    const linkBase = `${options.baseUrl}/api/now/table/${field.reference}/`;
    return (row) => {
      const id = raw(row);
      if (id === '') return `${key}""`;
      const link = q(linkBase + id);
      if (mode === 'false') return options.excludeReferenceLink ? key + q(id) : `${key}{"link":${link},"value":${q(id)}}`;
      const dv = q(shown(row));
      if (mode === 'true') return options.excludeReferenceLink ? key + dv : `${key}{"display_value":${dv},"link":${link}}`;
      return options.excludeReferenceLink ? `${key}{"display_value":${dv},"value":${q(id)}}` : `${key}{"display_value":${dv},"link":${link},"value":${q(id)}}`;
    };
  }
  if (mode === 'false') return (row) => key + q(raw(row));
  // Only journals, choices and references differ from the raw value; other
  // fields show it unchanged in the sandbox (users' time zone is UTC).
  const differs = JOURNAL_TYPES.has(field.type) || field.choices !== undefined;
  const dv = differs ? shown : raw;
  if (mode === 'true') return (row) => key + q(dv(row));
  return (row) => `${key}{"display_value":${q(dv(row))},"value":${q(raw(row))}}`;
}
