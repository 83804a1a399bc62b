/**
 * The records `app check` looks for (src/domain/app-install.ts: the list it
 * falls back on without a build, and the list the sandbox imitates) are the
 * build's own, by natural key: for the core build and the build with every
 * part, read with the reader `app check` uses on dist/app.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ticketTables } from '../../connectors/servicenow/app/scripts/app-params.mjs';
import { readBuildRecords } from '../../src/admin/app-check/build-records.js';
import { SANDBOX_APP_VERSION, SANDBOX_PLUGINS } from '../../connectors/servicenow/sandbox/seed/app-install.js';
import { appInstallRecords } from '../../src/domain/app-install.js';
import { appNames } from '../../src/domain/app-names.js';
import { APP_DIR } from './support/app-files.js';
import { bothBuilds } from './support/built-app.js';

// Both builds exist before the tests run (shared with the other app tests).
bothBuilds();

function keysOf(dir: string): { built: string[]; expected: string[]; app: { name: string; version: string } } {
  const read = readBuildRecords(dir);
  if (read === null) throw new Error(`no build in ${dir}`);
  const tables = ticketTables().filter((t) => read.tables.includes(t.name));
  return {
    built: read.records.map((r) => `${r.type} ${r.key}`).sort(),
    expected: appInstallRecords(appNames(read.scope), tables).map((r) => `${r.type} ${r.key}`).sort(),
    app: read.app,
  };
}

describe('the records app check compares', () => {
  it('are the core build’s, key for key', () => {
    const { built, expected, app } = keysOf(join(APP_DIR, 'dist', 'app'));
    expect(expected).toEqual(built);
    expect(app.name).toBe('AI Handoff');
    expect(app.version).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('are the every-part build’s, key for key', () => {
    const { built, expected } = keysOf(join(APP_DIR, 'build', 'out', 'every-part'));
    expect(expected).toEqual(built);
    expect(built.some((k) => k.includes('sn_si.sn_si_incident'))).toBe(true);
  });

  it('are what the sandbox imitates: its plugins and version are the build’s (its owning scopes it reads from ticket-tables.json)', () => {
    const listed = ticketTables();
    const plugins = listed.flatMap((t) => (t.plugin === null ? [] : [/\(([^)]+)\)$/.exec(t.plugin)?.[1]]));
    expect(SANDBOX_PLUGINS.map((p) => p.id)).toEqual(plugins);
    expect(keysOf(join(APP_DIR, 'dist', 'app')).app.version).toBe(SANDBOX_APP_VERSION);
  });
});
