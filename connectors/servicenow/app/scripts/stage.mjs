// A build's own copy of the SDK project (build/<scope>[+<parts>]): the sources
// in the build's scope, without the tables of the parts it leaves out, with a
// keys file to match. `now-sdk build` then runs there, unchanged, so every
// build is the SDK's own, from committed sources and committed record ids.
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { APP_DIR, applyScope, scopedId } from './app-params.mjs';
import { inScope, withoutTables } from './keys-file.mjs';

const KEYS = join('src', 'fluent', 'generated', 'keys.ts');
const SERVER = join('src', 'scripts', 'server', 'ai-handoff-server.js');
/** The one line of the server script that lists the ticket tables (all of ticket-tables.json in the source). */
const TABLES_LINE = /^AiHandoffServer\.TABLES = \[.*\];$/m;
const TEXT = /\.(ts|js|json|html|css|md|txt)$/;

/** Where a build for these parameters is staged. */
export function stageDir(params) {
  return join(APP_DIR, 'build', [params.scope, ...params.parts].join('+'));
}

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

/** The project files a build reads: package.json, now.config.json and everything under src/. */
export function sourceFiles() {
  return [join(APP_DIR, 'package.json'), join(APP_DIR, 'now.config.json'), ...files(join(APP_DIR, 'src'))].sort();
}

/** A source file's text as a build ships it (exported for the tests: shipped is exactly what they ran, so transformed). */
export function stagedText(path, text, params) {
  const rel = relative(APP_DIR, path);
  if (rel === SERVER) {
    if (!TABLES_LINE.test(text)) throw new Error(`${SERVER} has no line AiHandoffServer.TABLES = [...]; for the build to list its tables in`);
    text = text.replace(TABLES_LINE, `AiHandoffServer.TABLES = [${params.tables.map((t) => `'${t.name}'`).join(', ')}];`);
  }
  if (rel === KEYS) return inScope(withoutTables(text, params.excluded.map((t) => t.name)), params.scope);
  if (rel === 'now.config.json') {
    const config = JSON.parse(text);
    config.scopeId = scopedId(params.scope, config.scopeId);
    return applyScope(`${JSON.stringify(config, null, 4)}\n`, params.scope);
  }
  return applyScope(text, params.scope);
}

/** Writes the staged project and returns its directory. */
export function stage(params) {
  const dir = stageDir(params);
  rmSync(dir, { recursive: true, force: true });
  const left = new Set(params.excluded.map((t) => join(APP_DIR, 'src', 'fluent', 'tables', `${t.name}.now.ts`)));
  for (const path of sourceFiles()) {
    if (left.has(path)) continue;
    const to = join(dir, relative(APP_DIR, path));
    mkdirSync(dirname(to), { recursive: true });
    if (TEXT.test(path)) writeFileSync(to, stagedText(path, readFileSync(path, 'utf8'), params));
    else copyFileSync(path, to);
  }
  return dir;
}
