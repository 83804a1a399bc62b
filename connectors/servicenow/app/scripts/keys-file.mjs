// The committed record ids (src/fluent/generated/keys.ts, written by the SDK)
// for one build: without the records of the tables the build leaves out, and
// in the build's scope.
//
// `now-sdk build --frozenKeys` refuses a keys file with entries the build does
// not use, and a build without frozen keys turns each unused entry into a
// DELETE record; so a build without an optional part gets a keys file without
// that part's entries. The file's layout is the SDK's own: one entry per block,
// explicit keys at 20 spaces of indent (`name: {` ... `}`), composite keys as
// `{` ... `},` blocks at the same indent.
import { applyScope, scopedId } from './app-params.mjs';

const ENTRY_INDENT = ' '.repeat(20);
const SYS_ID = /'([0-9a-f]{32})'/g;

/** Splits the file into lines outside entries and entry blocks (arrays of lines), in order. */
function blocks(text) {
  const lines = text.split('\n');
  const out = [];
  let current = null;
  for (const line of lines) {
    const opens = line.startsWith(ENTRY_INDENT) && !line.startsWith(`${ENTRY_INDENT} `) && /\{$/.test(line);
    const closes = current !== null && line.startsWith(ENTRY_INDENT) && !line.startsWith(`${ENTRY_INDENT} `) && /^\s*\},?$/.test(line);
    if (current === null && opens) {
      current = [line];
    } else if (current !== null) {
      current.push(line);
      if (closes) {
        out.push({ entry: current });
        current = null;
      }
    } else {
      out.push({ line });
    }
  }
  if (current !== null) throw new Error('keys.ts: an entry is not closed; is this the file the SDK wrote?');
  return out;
}

function idOf(entry) {
  const match = /^\s*id: '([0-9a-f]{32})'$/m.exec(entry.join('\n'));
  return match ? match[1] : null;
}

/**
 * The keys file without the entries of `tables`: explicit keys named
 * `<table>_...` (the template's naming), composite keys whose key names the
 * table, and, until none is left, composite keys that refer to a removed id
 * (a button's role, an access rule's role).
 */
export function withoutTables(text, tables) {
  let parts = blocks(text);
  const removed = new Set();
  const named = (entry) => tables.some((t) => entry[0].trim().startsWith(`${t}_`) || entry.some((l) => l.trim() === `name: '${t}'`));
  const refers = (entry) => [...entry.join('\n').matchAll(SYS_ID)].some((m) => m[1] !== idOf(entry) && removed.has(m[1]));
  for (let changed = true; changed; ) {
    changed = false;
    parts = parts.filter((p) => {
      if (!p.entry || !(named(p.entry) || refers(p.entry))) return true;
      removed.add(idOf(p.entry));
      changed = true;
      return false;
    });
  }
  return parts.flatMap((p) => (p.entry ? p.entry : [p.line])).join('\n');
}

/** Composite entries in the SDK's order (by id), which it checks under --frozenKeys. */
function sortComposite(text) {
  const parts = blocks(text);
  const start = parts.findIndex((p) => p.line !== undefined && p.line.trim() === 'composite: [');
  const end = parts.findIndex((p, i) => i > start && p.line !== undefined && p.line.trim() === ']');
  if (start < 0 || end < 0) return text;
  const sorted = parts.slice(start + 1, end).sort((a, b) => (idOf(a.entry) < idOf(b.entry) ? -1 : 1));
  return [...parts.slice(0, start + 1), ...sorted, ...parts.slice(end)].flatMap((p) => (p.entry ? p.entry : [p.line])).join('\n');
}

/** The keys file in another scope: names follow the scope, every id is the scope's (scopedId). */
export function inScope(text, scope) {
  return sortComposite(applyScope(text, scope).replace(SYS_ID, (_all, id) => `'${scopedId(scope, id)}'`));
}
