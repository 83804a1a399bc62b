/**
 * Builds the ServiceNow app with its own build (scripts/build.mjs: the staged
 * project, `now-sdk build --frozenKeys`, offline) and reads what it wrote: the
 * records an install creates on the instance. The default build goes to
 * dist/app, as `npm run build` leaves it; it is rebuilt only when an input
 * changed, and read under the build lock, so test files share one build.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeAll } from 'vitest';
import { optionalParts, readParams } from '../../../connectors/servicenow/app/scripts/app-params.mjs';
import { buildApp as runBuild, type BuildManifest } from '../../../connectors/servicenow/app/scripts/build.mjs';
import { APP_DIR } from './app-files.js';
import { childrenNamed, parseXml, type XmlElement } from '../../../src/util/xml.js';

export interface BuiltRecord {
  /** The table the record belongs to (sys_dictionary, sys_ui_action, ...). */
  table: string;
  /** INSERT_OR_UPDATE, or DELETE for a record the install removes. */
  action: string;
  fields: Record<string, string>;
  /** Attributes of each field element (display_value, name). */
  fieldAttributes: Record<string, Record<string, string>>;
  file: string;
}

export interface BuiltChoice {
  table: string;
  element: string;
  values: string[];
}

export interface BuiltApp {
  manifest: BuildManifest;
  records: BuiltRecord[];
  choices: BuiltChoice[];
  /** Records of one table, optionally filtered by field values. */
  of(table: string, where?: Record<string, string>): BuiltRecord[];
}

/**
 * Builds the app for a build environment (AIH_APP_SCOPE, AIH_APP_PARTS; the
 * test's own process environment is not consulted) into `out`.
 */
export function buildApp(env: Record<string, string> = {}, out = join(APP_DIR, 'dist', 'app')): BuiltApp {
  if (!existsSync(join(APP_DIR, 'node_modules', '@servicenow', 'sdk', 'package.json'))) {
    throw new Error("The ServiceNow app's dependencies are not installed: run `npm ci --prefix connectors/servicenow/app` (the CI script does), then run the tests again.");
  }
  return runBuild(readParams(env), { out, ifStale: true, then: (dir, manifest) => readBuiltApp(dir, manifest) });
}

/** The default scope with every optional part, into a directory of its own (build/out/every-part): test files share it. */
export function buildEveryPart(): BuiltApp {
  return buildApp({ AIH_APP_PARTS: optionalParts().join(',') }, join(APP_DIR, 'build', 'out', 'every-part'));
}

/** The core build and the build with every part, built before a test file's tests (once: both are shared). */
export function bothBuilds(): { readonly core: BuiltApp; readonly full: BuiltApp } {
  const builds = {} as { core: BuiltApp; full: BuiltApp };
  beforeAll(() => {
    builds.core = buildApp();
    builds.full = buildEveryPart();
  }, 480_000);
  return builds;
}

function xmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return xmlFiles(path);
    return entry.name.endsWith('.xml') ? [path] : [];
  });
}

function leafFields(element: XmlElement): Pick<BuiltRecord, 'fields' | 'fieldAttributes'> {
  const fields: Record<string, string> = {};
  const fieldAttributes: Record<string, Record<string, string>> = {};
  for (const child of element.children) {
    fields[child.name] = child.text;
    fieldAttributes[child.name] = child.attributes;
  }
  return { fields, fieldAttributes };
}

export function readBuiltApp(dir: string, manifest: BuildManifest): BuiltApp {
  const records: BuiltRecord[] = [];
  const choices: BuiltChoice[] = [];
  for (const path of xmlFiles(dir)) {
    const file = relative(dir, path);
    const top = parseXml(readFileSync(path, 'utf8')).children[0];
    if (!top || top.name !== 'record_update') continue; // dictionary/*.xml repeats the sys_dictionary records in bootstrap form
    for (const element of top.children) {
      if (element.name === 'sys_choice_v2') {
        const values = childrenNamed(element, 'sys_choice').filter((c) => c.attributes.action === 'INSERT_OR_UPDATE').map((c) => leafFields(c).fields.value ?? '');
        choices.push({ table: element.attributes.table ?? '', element: element.attributes.field ?? '', values });
        continue;
      }
      records.push({ table: element.name, action: element.attributes.action ?? '', file, ...leafFields(element) });
    }
  }
  return {
    manifest,
    records,
    choices,
    of(table, where = {}) {
      return records.filter((r) => r.table === table && Object.entries(where).every(([field, value]) => r.fields[field] === value));
    },
  };
}
