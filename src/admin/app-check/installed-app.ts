/**
 * Is the app installed as the build says: the application record (sys_app
 * of the scope, its version against the build's), then each record type the
 * install creates (tables, columns, roles, access rules, business rules,
 * script includes, the REST API, properties, cross-scope privileges),
 * compared by natural key with the build's records (or, without a build, the
 * contract's list, src/domain/app-install.ts). A missing record fails its
 * type; so does an access rule or business rule of the app's scope that the
 * build does not have (a rule added on the instance changes what the app
 * allows).
 */
import { INSTALL_TYPES, installKey, KEY_FIELDS, type InstallRecord, type InstallType } from '../../domain/app-install.js';
import type { AppNames } from '../../domain/app-names.js';
import { ADMIN_FIX, describeRefusal, eq, type InstanceReader, type ReadResult, type Where } from './instance-reader.js';
import { fail, pass, type AppCheck } from './report-schema.js';

export interface InstalledApp {
  readonly sysId: string;
  readonly version: string;
}

/** Record types where one the build lacks is a finding too (they decide who may do what). */
const EXTRAS_MATTER: ReadonlySet<InstallType> = new Set(['sys_security_acl', 'sys_script', 'sys_scope_privilege']);
const LIMIT = 1000;
const SHOWN = 8;
const REINSTALL = 'install the current build (npm run deploy --prefix connectors/servicenow/app), or restore the records from the app in Studio';

/** The app's record, checked against the build's version when there is one. */
export async function checkAppRecord(reader: InstanceReader, names: AppNames, buildVersion: string | null): Promise<{ check: AppCheck; app: InstalledApp | null }> {
  const read = await reader.list('sys_app', [eq('scope', names.scope)], ['sys_id', 'name', 'version', 'active'], 1);
  if (!read.ok) return { check: fail('app', names.scope, `sys_app could not be read as ${reader.who} (${describeRefusal(read)})`, ADMIN_FIX), app: null };
  const row = read.rows[0];
  if (row === undefined) {
    const fix = `install the app built with AIH_APP_SCOPE=${names.scope} (docs/servicenow-app.md, "Build, pack, install"), or set SN_APP_SCOPE to the scope it was built with; if it is installed, ${reader.who} may not read sys_app: ${ADMIN_FIX}`;
    return { check: fail('app', names.scope, `no application of scope ${names.scope} found as ${reader.who}`, fix), app: null };
  }
  const app = { sysId: row.sys_id ?? '', version: row.version ?? '' };
  const detail = `${row.name ?? ''} ${app.version} installed${row.active === 'false' ? ', inactive' : ''}`;
  if (row.active === 'false') return { check: fail('app', names.scope, detail, 'make the application active (System Applications > My Company Applications)'), app };
  if (buildVersion !== null && buildVersion !== app.version) return { check: fail('app', names.scope, `${detail}; the build is ${buildVersion}`, REINSTALL), app };
  return { check: pass('app', names.scope, detail), app };
}

/** The queries that find a type's records of this app on the instance. */
function queriesFor(type: InstallType, names: AppNames, app: InstalledApp, expected: readonly InstallRecord[]): Where[][] {
  switch (type) {
    case 'sys_db_object':
      return [[{ field: 'name', op: 'IN', value: Object.values(names.tables) }]];
    case 'sys_user_role':
      return [[{ field: 'name', op: 'STARTSWITH', value: `${names.scope}.` }]];
    case 'sys_dictionary': {
      const tables = [...new Set(expected.map((r) => r.fields.name ?? ''))];
      const own = new Set(Object.values(names.tables));
      return tables.map((t) => (own.has(t) ? [eq('name', t)] : [eq('name', t), { field: 'element', op: 'STARTSWITH', value: `${names.scope}_` }]));
    }
    default:
      return [[eq('sys_scope', app.sysId)]];
  }
}

async function readAll(reader: InstanceReader, type: InstallType, queries: readonly (readonly Where[])[]): Promise<ReadResult> {
  const rows: Readonly<Record<string, string>>[] = [];
  for (const query of queries) {
    const read = await reader.list(type, query, KEY_FIELDS[type], LIMIT);
    if (!read.ok) return read;
    rows.push(...read.rows);
  }
  return { ok: true, rows };
}

const listed = (keys: readonly string[]): string => `${keys.slice(0, SHOWN).join('; ')}${keys.length > SHOWN ? `; and ${keys.length - SHOWN} more` : ''}`;

/** One check per record type: every expected record present, and (for rules) nothing the build lacks. */
export async function checkInstalledRecords(reader: InstanceReader, names: AppNames, app: InstalledApp, expected: readonly InstallRecord[]): Promise<AppCheck[]> {
  const checks: AppCheck[] = [];
  for (const type of INSTALL_TYPES) {
    const want = expected.filter((r) => r.type === type);
    if (want.length === 0) continue;
    const read = await readAll(reader, type, queriesFor(type, names, app, want));
    if (!read.ok) {
      checks.push(fail('records', type, `could not be read as ${reader.who} (${describeRefusal(read)})`, ADMIN_FIX));
      continue;
    }
    const found = new Set(read.rows.map((row) => installKey(type, row)));
    const wanted = new Set(want.map((r) => r.key));
    const missing = [...wanted].filter((k) => !found.has(k)).sort();
    const extra = EXTRAS_MATTER.has(type) ? [...found].filter((k) => !wanted.has(k)).sort() : [];
    if (missing.length === 0 && extra.length === 0) {
      checks.push(pass('records', type, `${wanted.size} of ${wanted.size} present`));
      continue;
    }
    const parts = [
      ...(missing.length > 0 ? [`${missing.length} of ${wanted.size} missing: ${listed(missing)}`] : []),
      ...(extra.length > 0 ? [`${extra.length} not in the build: ${listed(extra)}`] : []),
    ];
    const fix = extra.length > 0 && missing.length === 0 ? `remove the records the build does not have (they change what the app allows), or rebuild the app with them` : REINSTALL;
    checks.push(fail('records', type, parts.join('; '), fix));
  }
  return checks;
}
