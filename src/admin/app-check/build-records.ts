/**
 * The app's build output as `app check` compares it with an instance: the
 * records `npm run build --prefix connectors/servicenow/app` wrote to
 * dist/app (single-record `<record_update>` XML) reduced to the natural keys
 * of src/domain/app-install.ts, and the build's manifest (build.json: scope,
 * parts, tables). Ids are not compared: an instance that got the app through
 * an update set or the App Repo keeps the build's sys_ids, but a key says
 * what a missing record is.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { INSTALL_TYPES, installKey, type InstallRecord, type InstallType } from '../../domain/app-install.js';
import { HandoffError } from '../../errors.js';
import { fromRoot } from '../../util/paths.js';
import { parseXml } from '../../util/xml.js';
import { formatIssues } from '../../util/zod-issues.js';

/** Where `npm run build --prefix connectors/servicenow/app` leaves the records. */
export const DEFAULT_BUILD_DIR = fromRoot('connectors', 'servicenow', 'app', 'dist', 'app');

const Manifest = z.object({ scope: z.string().min(1), parts: z.array(z.string()), tables: z.array(z.string().min(1)) });

export interface BuildRecords {
  readonly dir: string;
  readonly scope: string;
  readonly parts: readonly string[];
  readonly tables: readonly string[];
  /** The app's own record (sys_app): name and version as installed. */
  readonly app: { readonly name: string; readonly version: string };
  readonly records: readonly InstallRecord[];
}

const TYPES: ReadonlySet<string> = new Set(INSTALL_TYPES);

function xmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return xmlFiles(path);
    return entry.name.endsWith('.xml') ? [path] : [];
  });
}

/** Reads a build; null when the folder has no build.json (not built). Throws CONFIG_INVALID for a build it cannot read. */
export function readBuildRecords(dir: string = DEFAULT_BUILD_DIR): BuildRecords | null {
  const manifestFile = join(dir, 'build.json');
  if (!existsSync(manifestFile)) return null;
  const parsed = Manifest.safeParse(JSON.parse(readFileSync(manifestFile, 'utf8')));
  if (!parsed.success) {
    throw new HandoffError('CONFIG_INVALID', formatIssues(manifestFile, parsed.error).join('; '), { remedy: 'build the app again: npm run build --prefix connectors/servicenow/app' });
  }
  const records: InstallRecord[] = [];
  let app = { name: '', version: '' };
  for (const path of xmlFiles(dir)) {
    const top = parseXml(readFileSync(path, 'utf8')).children[0];
    if (top?.name !== 'record_update') continue; // dictionary/*.xml repeats the sys_dictionary records in bootstrap form
    for (const element of top.children) {
      if (element.attributes.action !== 'INSERT_OR_UPDATE') continue;
      const fields = Object.fromEntries(element.children.map((c) => [c.name, c.text]));
      if (element.name === 'sys_app') app = { name: fields.name ?? '', version: fields.version ?? '' };
      if (!TYPES.has(element.name)) continue;
      const type = element.name as InstallType;
      records.push({ type, key: installKey(type, fields), fields });
    }
  }
  return { dir, ...parsed.data, app, records };
}
