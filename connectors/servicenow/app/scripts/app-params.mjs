// The build's parameters: which scope the app is built for, and which optional
// parts (ticket tables of plugins an instance may lack) it includes. Read from
// the environment (AIH_APP_SCOPE, AIH_APP_PARTS), validated here once, with an
// error that names the variable and the fix.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const APP_DIR = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The scope every source file is written in, and the shipped default. */
export const DEFAULT_SCOPE = 'x_acme_aihandoff';

/**
 * A custom scope is x_<company code>_<app id>: the company code (2 to 5
 * characters) is the instance's vendor prefix, and the SDK caps a scope at
 * 18 characters (now.config.json schema: `^(x|sn)_[a-z0-9_]+$`, maxLength 18).
 * A scope without a company code installs but can never be published to the
 * application repository (docs/servicenow-app.md, "Scope and names").
 */
const SCOPE_SHAPE = /^x_[a-z0-9]{2,5}_[a-z0-9][a-z0-9_]*$/;
const MAX_SCOPE_LENGTH = 18;

export class AppParamError extends Error {
  constructor(message) {
    super(message);
    this.name = 'AppParamError';
  }
}

/** The ticket tables list (ticket-tables.json), checked. */
export function ticketTables() {
  const list = JSON.parse(readFileSync(join(APP_DIR, 'ticket-tables.json'), 'utf8')).tables;
  for (const t of list) {
    if (!/^[a-z][a-z0-9_]*$/.test(t.name) || typeof t.label !== 'string' || !/^[a-z]+$/.test(t.part)) {
      throw new AppParamError(`ticket-tables.json: ${JSON.stringify(t)} needs a table name, a label and a part (lower-case letters)`);
    }
  }
  return list;
}

/** The optional parts the list defines (every part but core). */
export function optionalParts(tables = ticketTables()) {
  return [...new Set(tables.map((t) => t.part).filter((p) => p !== 'core'))].sort();
}

export function checkScope(scope) {
  if (scope.length > MAX_SCOPE_LENGTH || !SCOPE_SHAPE.test(scope)) {
    throw new AppParamError(
      `AIH_APP_SCOPE=${JSON.stringify(scope)} (${scope.length} characters) is not a custom application scope: use x_<company code>_<app id>, ` +
        `the company code 2 to 5 lower-case letters or digits, the app id lower-case letters, digits or _, ` +
        `${MAX_SCOPE_LENGTH} characters at most (for example ${DEFAULT_SCOPE})`,
    );
  }
  return scope;
}

function checkParts(text, known) {
  const parts = text
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '');
  for (const part of parts) {
    if (!known.includes(part)) {
      throw new AppParamError(`AIH_APP_PARTS names ${JSON.stringify(part)}, which is not an optional part: use a comma list of ${known.join(', ')} (or leave it empty for the core tables)`);
    }
  }
  return [...new Set(parts)].sort();
}

/** The build's parameters from an environment: { scope, parts, tables }. */
export function readParams(env = process.env) {
  const all = ticketTables();
  const scope = checkScope(env.AIH_APP_SCOPE === undefined || env.AIH_APP_SCOPE === '' ? DEFAULT_SCOPE : env.AIH_APP_SCOPE.trim());
  const parts = checkParts(env.AIH_APP_PARTS ?? '', optionalParts(all));
  const tables = all.filter((t) => t.part === 'core' || parts.includes(t.part));
  return { scope, parts, tables, excluded: all.filter((t) => !tables.includes(t)) };
}

/**
 * The sys_id a record gets in a build for another scope: the default scope
 * keeps the committed ids (src/fluent/generated/keys.ts); any other scope gets
 * ids derived from the scope and the committed id, so rebuilding gives the
 * same ids (an update install updates rather than duplicates) and two scopes'
 * builds never share a record.
 */
export function scopedId(scope, id) {
  if (scope === DEFAULT_SCOPE) return id;
  return createHash('md5').update(`${scope}/${id}`).digest('hex');
}

/** Every `x_acme_aihandoff` in a source text, in another scope. */
export function applyScope(text, scope) {
  return scope === DEFAULT_SCOPE ? text : text.split(DEFAULT_SCOPE).join(scope);
}
