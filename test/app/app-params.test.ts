/**
 * The app's build parameters and generator: the per-table Fluent files are
 * exactly what the template and the table list give; the scope and the
 * optional parts are validated with an error naming the variable; a build for
 * another scope with every part names everything after that scope, with record
 * ids of its own, and its optional tables carry the fields the mappings name.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appNames } from '../../src/domain/app-names.js';
import { loadMappings } from '../../src/mapping/load-mappings.js';
import { applyScope, DEFAULT_SCOPE, optionalParts, readParams, ticketTables } from '../../connectors/servicenow/app/scripts/app-params.mjs';
import { generate, staleFiles, TEMPLATE } from '../../connectors/servicenow/app/scripts/generate.mjs';
import { buildApp, type BuiltApp } from './support/built-app.js';
import { TICKET_TABLES } from '../../connectors/servicenow/sandbox/schema/app-fields.js';

const SCOPE = 'x_foo_aihandoff';

describe('the per-table Fluent files', () => {
  it('are current: exactly the template filled in for each table of the list', () => {
    expect(staleFiles()).toEqual([]);
    const files = generate();
    expect([...files.keys()].sort()).toEqual(ticketTables().map((t) => `${t.name}.now.ts`).sort());
    const template = readFileSync(TEMPLATE, 'utf8');
    for (const table of ticketTables()) {
      expect(files.get(`${table.name}.now.ts`)).toBe(template.replaceAll('{{name}}', table.name).replaceAll('{{label}}', table.label).replaceAll('{{ownerScope}}', table.ownerScope));
    }
  });

  it("name the sandbox's ticket tables: the app and the sandbox serve the same list", () => {
    expect([...TICKET_TABLES].sort()).toEqual(ticketTables().map((t) => t.name).sort());
  });

  it('would be reported stale after a hand edit, a missing file or a stray one', () => {
    const files = generate();
    const edited = new Map(files);
    edited.set('incident.now.ts', `${files.get('incident.now.ts')}// hand edit\n`);
    expect(staleFiles(edited)).toEqual(['incident.now.ts']);
    const fewer = new Map([...files].filter(([name]) => name !== 'sc_request.now.ts'));
    expect(staleFiles(fewer)).toEqual(['sc_request.now.ts']);
  });

  it('refuses a template placeholder the list does not fill', () => {
    expect(() => generate(ticketTables(), 'export const {{nmae}} = 1')).toThrow('{{nmae}} is not a text field of incident in ticket-tables.json');
  });
});

describe('the build parameters', () => {
  it('default to the shipped scope and the core tables', () => {
    const params = readParams({});
    expect([params.scope, params.parts, params.tables.map((t) => t.name)]).toEqual([DEFAULT_SCOPE, [], ['incident', 'sc_request', 'sc_req_item']]);
    expect(optionalParts()).toEqual(['enhancement', 'security', 'vendor']);
  });

  it('take a custom scope and optional parts', () => {
    const params = readParams({ AIH_APP_SCOPE: 'x_ab_ai', AIH_APP_PARTS: ' security , enhancement,security' });
    expect([params.scope, params.parts, params.excluded.map((t) => t.name)]).toEqual(['x_ab_ai', ['enhancement', 'security'], ['u_vendor_access_request']]);
  });

  it.each([
    ['x_aih', 'no company code'],
    ['x_acmecorp_aihandoff', 'a company code of 8'],
    ['x_acme_aihandoff_two', 'over 18 characters'],
    ['X_ACME_AIHANDOFF', 'upper case'],
    ['sn_acme_aihandoff', 'not x_'],
    ['x_acme_ai-handoff', 'a hyphen'],
  ])('refuses the scope %s (%s), naming the variable and the shape', (scope) => {
    expect(() => readParams({ AIH_APP_SCOPE: scope })).toThrow(`AIH_APP_SCOPE="${scope}"`);
    expect(() => readParams({ AIH_APP_SCOPE: scope })).toThrow('use x_<company code>_<app id>');
  });

  it('refuses a part the list does not define, naming the ones it does', () => {
    expect(() => readParams({ AIH_APP_PARTS: 'security,hr' })).toThrow('AIH_APP_PARTS names "hr", which is not an optional part: use a comma list of enhancement, security, vendor');
    expect(() => readParams({ AIH_APP_PARTS: 'core' })).toThrow('AIH_APP_PARTS names "core"');
  });
});

describe(`a build for ${SCOPE} with every part`, () => {
  let out: string;
  let app: BuiltApp;
  let core: BuiltApp;

  beforeAll(() => {
    out = mkdtempSync(join(tmpdir(), 'aih-app-'));
    app = buildApp({ AIH_APP_SCOPE: SCOPE, AIH_APP_PARTS: optionalParts().join(',') }, out);
    core = buildApp();
  }, 480_000);

  afterAll(() => {
    if (out) rmSync(out, { recursive: true, force: true });
  });

  it('is that scope and has every table of the list', () => {
    expect(app.manifest).toMatchObject({ scope: SCOPE, parts: ['enhancement', 'security', 'vendor'], tables: ticketTables().map((t) => t.name) });
    expect(app.of('sys_app')[0]!.fields).toMatchObject({ scope: SCOPE, name: 'AI Handoff' });
    const augmented = new Set(app.of('sys_dictionary').map((r) => r.fields.name));
    for (const table of ticketTables()) expect(augmented.has(table.name), table.name).toBe(true);
  });

  it('names every field, role and script after the scope, and nothing after the default one', () => {
    const text = JSON.stringify(app.records);
    expect(text).not.toContain(DEFAULT_SCOPE);
    expect(app.of('sys_user_role').map((r) => r.fields.name!.split('.')[0])).toEqual(app.of('sys_user_role').map(() => SCOPE));
    for (const column of app.of('sys_dictionary').filter((r) => r.fields.name !== SCOPE && !r.fields.name!.startsWith(`${SCOPE}_`))) {
      expect(column.fields.element, `${column.fields.name}.${column.fields.element}`).toMatch(new RegExp(`^${SCOPE}_`));
    }
  });

  it("gives every record an id of its own, never the default build's", () => {
    const ids = (built: BuiltApp) => new Set(built.records.map((r) => r.fields.sys_id).filter((id): id is string => /^[0-9a-f]{32}$/.test(id ?? '')));
    const defaults = ids(core);
    const own = ids(app);
    expect(own.size).toBeGreaterThan(defaults.size);
    expect([...own].filter((id) => defaults.has(id))).toEqual([]);
  });

  it('installs on each optional table the fields its default mapping names (the contract\'s, for a custom table with no default mapping)', () => {
    const mappings = loadMappings();
    const contract = appNames().fields;
    for (const table of ticketTables().filter((t) => t.part !== 'core')) {
      const mapping = mappings.byTable.get(table.name);
      const fields = mapping ? [mapping.ai.panel, mapping.ai.status, mapping.dataClass.field] : [contract.panel, contract.status, contract.dataClass];
      const named = fields.filter((f) => f !== undefined).map((f) => applyScope(f, SCOPE));
      const installed = app.of('sys_dictionary', { name: table.name }).map((r) => r.fields.element);
      for (const field of named) expect(installed, `${table.name}.${field}`).toContain(field);
    }
  });
});
