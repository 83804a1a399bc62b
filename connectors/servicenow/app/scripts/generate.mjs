// The per-table Fluent files, from one template and the one list of ticket
// tables (ticket-tables.json). The SDK refuses loops, functions and spreads in
// Fluent files and resolves a column constant only within its own file, so
// each ticket table gets a file of its own: src/fluent/tables/<table>.now.ts.
//
//   node scripts/generate.mjs          writes the files (npm run generate)
//   node scripts/generate.mjs --check  exits 1 naming every file that is not current
//
// The files are committed and written in the default scope; the build only
// checks they are current (a hand edit would otherwise be overwritten).
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { APP_DIR, ticketTables } from './app-params.mjs';

export const TEMPLATE = join(APP_DIR, 'templates', 'ticket-table.now.ts.template');
export const TABLES_DIR = join(APP_DIR, 'src', 'fluent', 'tables');

/** `{{name}}` placeholders of the template, each replaced by that field of the table entry. */
function fill(template, table) {
  return template.replace(/\{\{(\w+)\}\}/g, (all, name) => {
    const value = table[name];
    if (typeof value !== 'string') throw new Error(`templates/ticket-table.now.ts.template: {{${name}}} is not a text field of ${table.name} in ticket-tables.json`);
    return value;
  });
}

/** The generated files: file name (in src/fluent/tables) to text. */
export function generate(tables = ticketTables(), template = readFileSync(TEMPLATE, 'utf8')) {
  return new Map(tables.map((t) => [`${t.name}.now.ts`, fill(template, t)]));
}

/** Names of files that are missing, differ, or should not be there. */
export function staleFiles(files = generate(), dir = TABLES_DIR) {
  const present = existsSync(dir) ? readdirSync(dir) : [];
  const stale = [...files].filter(([name, text]) => !present.includes(name) || readFileSync(join(dir, name), 'utf8') !== text).map(([name]) => name);
  return [...stale, ...present.filter((name) => !files.has(name))].sort();
}

function write(files = generate(), dir = TABLES_DIR) {
  mkdirSync(dir, { recursive: true });
  for (const name of readdirSync(dir)) if (!files.has(name)) rmSync(join(dir, name));
  for (const [name, text] of files) writeFileSync(join(dir, name), text);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  if (process.argv.includes('--check')) {
    const stale = staleFiles();
    if (stale.length > 0) {
      console.error(`src/fluent/tables is not current (${stale.join(', ')}): run \`npm run generate\` in connectors/servicenow/app and commit the result`);
      process.exit(1);
    }
  } else {
    write();
  }
}
