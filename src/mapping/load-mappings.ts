/**
 * Loads the field mappings of one ITSM (mappings/servicenow/*.yaml) at
 * start-up. All files load or none: a bad file stops the load with every
 * problem listed, naming the file, the key and the fix. A mapping whose AI
 * fields could widen what the worker writes is refused too
 * (mapping-safety.ts), for the app's scope the runtime config names.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { parse, YAMLParseError } from 'yaml';
import { HandoffError } from '../errors.js';
import { fromRoot } from '../util/paths.js';
import { formatIssues } from '../util/zod-issues.js';
import { TableMapping } from './mapping-schema.js';
import { DEFAULT_APP_SCOPE, mappingSafetyProblems } from './mapping-safety.js';

export interface MappingSet {
  /** The folder the mappings came from. */
  readonly dir: string;
  readonly byTable: ReadonlyMap<string, TableMapping>;
}

/** The repository's default ServiceNow mappings. */
export const DEFAULT_MAPPINGS_DIR = fromRoot('mappings', 'servicenow');

export interface LoadMappingsOptions {
  /** The app's scope (runtime config `app.scope`): the AI fields must be its `<scope>_` columns. Default x_acme_aihandoff. */
  readonly scope?: string;
}

export function loadMappings(dir: string = DEFAULT_MAPPINGS_DIR, options: LoadMappingsOptions = {}): MappingSet {
  const folder = resolve(dir);
  let files: string[];
  try {
    files = readdirSync(folder).filter((f) => f.endsWith('.yaml') || f.endsWith('.yml')).sort();
  } catch (cause) {
    throw new HandoffError('MAPPING_INVALID', `cannot read the mappings folder ${folder}`, { cause, remedy: 'point the config at a folder of <table>.yaml files' });
  }
  if (files.length === 0) {
    throw new HandoffError('MAPPING_INVALID', `no mapping files in ${folder}`, { remedy: 'add one <table>.yaml per ITSM table' });
  }
  const problems: string[] = [];
  const byTable = new Map<string, TableMapping>();
  for (const file of files) {
    const path = join(folder, file);
    const result = parseMappingText(readFileSync(path, 'utf8'), file, options.scope ?? DEFAULT_APP_SCOPE);
    if (!result.ok) {
      problems.push(...result.problems);
      continue;
    }
    const mapping = result.mapping;
    const expected = basename(file).replace(/\.ya?ml$/, '');
    if (mapping.table !== expected) {
      problems.push(`${file}: table: is '${mapping.table}' but the file is named ${file}: name the file ${mapping.table}.yaml`);
      continue;
    }
    byTable.set(mapping.table, Object.freeze(mapping));
  }
  if (problems.length > 0) {
    throw new HandoffError('MAPPING_INVALID', `mappings in ${folder} are invalid; nothing was loaded:\n  ${problems.join('\n  ')}`, {
      details: { dir: folder, problems },
      remedy: 'fix each listed key and load again',
    });
  }
  return Object.freeze({ dir: folder, byTable });
}

export type ParseResult = { readonly ok: true; readonly mapping: TableMapping } | { readonly ok: false; readonly problems: string[] };

export function parseMappingText(text: string, file: string, scope: string = DEFAULT_APP_SCOPE): ParseResult {
  let data: unknown;
  try {
    data = parse(text, { prettyErrors: true, uniqueKeys: true });
  } catch (error) {
    const where = error instanceof YAMLParseError && error.linePos ? ` line ${error.linePos[0].line}` : '';
    return { ok: false, problems: [`${file}:${where}: not valid YAML: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`] };
  }
  const parsed = TableMapping.safeParse(data);
  if (!parsed.success) return { ok: false, problems: formatIssues(file, parsed.error) };
  const unsafe = mappingSafetyProblems(parsed.data, file, scope);
  if (unsafe.length > 0) return { ok: false, problems: unsafe };
  return { ok: true, mapping: parsed.data };
}

/** The mapping for a table, or a clear error naming the known tables. */
export function mappingFor(set: MappingSet, table: string): TableMapping {
  const mapping = set.byTable.get(table);
  if (!mapping) {
    throw new HandoffError('INPUT_INVALID', `no mapping for table '${table}'`, {
      remedy: `use one of: ${[...set.byTable.keys()].join(', ')}`,
    });
  }
  return mapping;
}
