/**
 * docs/servicenow-app.md tells an admin exactly what will be installed and
 * what each table must allow: both tables are computed here from the build
 * (the core build, and the build with every optional part), so the page
 * cannot drift from what `npm run build` produces.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { optionalParts, ticketTables } from '../../connectors/servicenow/app/scripts/app-params.mjs';
import { APP_DIR } from './support/app-files.js';
import { bothBuilds, type BuiltApp } from './support/built-app.js';
import { classify, requiredAccess } from './support/platform-rules.js';

const PAGE = readFileSync(new URL('../../docs/servicenow-app.md', import.meta.url), 'utf8');

/** The rows of the markdown table between `<!-- name:start -->` and `<!-- name:end -->`, as cells. */
function tableRows(name: string): string[][] {
  const match = new RegExp(`<!-- ${name}:start -->\\n([\\s\\S]*?)\\n<!-- ${name}:end -->`).exec(PAGE);
  if (!match) throw new Error(`docs/servicenow-app.md has no ${name} table`);
  return match[1]!
    .split('\n')
    .slice(2)
    .map((line) => line.split('|').slice(1, -1).map((cell) => cell.trim()));
}

/** Records of a build by type; choice lists counted as `sys_choice` (lists). */
function counts(app: BuiltApp): Map<string, number> {
  const byType = new Map<string, number>();
  for (const record of app.records) byType.set(`\`${record.table}\``, (byType.get(`\`${record.table}\``) ?? 0) + 1);
  byType.set('`sys_choice` (lists)', app.choices.length);
  return byType;
}

const builds = bothBuilds();

describe('docs/servicenow-app.md', () => {
  it('counts exactly the records each build installs, by type', () => {
    const optional = ticketTables().filter((t) => optionalParts().includes(t.part)).length;
    const inCore = counts(builds.core);
    const inFull = counts(builds.full);
    const computed = [...inFull.keys()].sort().map((type) => {
      const added = ((inFull.get(type) ?? 0) - (inCore.get(type) ?? 0)) / optional;
      expect(Number.isInteger(added), `${type}: every optional table adds the same records`).toBe(true);
      return [type, String(inCore.get(type) ?? 0), String(added)];
    });
    expect(tableRows('install-counts').map((row) => row.slice(0, 3)).sort((a, b) => a[0]!.localeCompare(b[0]!))).toEqual(computed);
  });

  it('says what each table of another scope must allow, as the build needs it', () => {
    const computed = new Map(requiredAccess(classify(builds.full, ticketTables().map((t) => t.name))).map((a) => [a.table, a]));
    const yes = (flag: boolean) => (flag ? 'yes' : 'no');
    const documented = new Set<string>();
    for (const [tables = '', from, read, update, configuration] of tableRows('table-access')) {
      for (const [, table] of tables.split('(')[0]!.matchAll(/`([a-z_]+)`/g)) {
        const access = computed.get(table!);
        expect(access, `${table} is not a table the build needs anything of`).toBeDefined();
        expect([from, read, update, configuration], table).toEqual(['All application scopes', yes(access!.canRead), yes(access!.canUpdate), yes(access!.allowConfiguration)]);
        expect(access!.canCreate || access!.canDelete, `${table}: create or delete is not in the table`).toBe(false);
        documented.add(table!);
      }
    }
    expect([...documented].sort()).toEqual([...computed.keys()].sort());
  });

  it('names the build parameters the build reads', () => {
    const build = readFileSync(`${APP_DIR}scripts/app-params.mjs`, 'utf8');
    for (const variable of ['AIH_APP_SCOPE', 'AIH_APP_PARTS']) {
      expect(build).toContain(variable);
      expect(PAGE).toContain(variable);
    }
    for (const part of optionalParts()) expect(PAGE).toContain(`\`${part}\``);
  });
});
