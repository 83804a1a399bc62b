/**
 * Serves the ticket page's files (connectors/servicenow/sandbox/page/) and the
 * shared scope-review module, by exact name only: no paths, no traversal.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fromRoot } from '../../../../src/util/paths.js';
import type { Reply } from './reply.js';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

/** Strict headers for every page response: scripts and styles from this origin only, nothing inline. */
export const PAGE_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'same-origin',
  'Cache-Control': 'no-store',
};

export const PAGE_DIR = fromRoot('connectors', 'servicenow', 'sandbox', 'page');

/**
 * The scope-review module the ServiceNow app ships: the one copy of the
 * Assign To AI Operation dialog's logic, which the page renders from.
 */
export const SHARED_SCOPE_REVIEW = fromRoot('connectors', 'servicenow', 'shared', 'scope-review.js');

const FILE_NAME = /^[a-z][a-z0-9-]*\.(html|js|css)$/;

function reply(path: string, headers: Record<string, string> = {}): Reply | undefined {
  if (!existsSync(path)) return undefined;
  const ext = path.slice(path.lastIndexOf('.'));
  return { status: 200, headers: { ...PAGE_HEADERS, 'Content-Type': TYPES[ext] ?? 'application/octet-stream', ...headers }, body: readFileSync(path, 'utf8') };
}

export function pageFile(name: string): Reply | undefined {
  if (name === 'scope-review.js') return scopeReviewModule();
  if (!FILE_NAME.test(name)) return undefined;
  return reply(join(PAGE_DIR, name));
}

export function scopeReviewModule(): Reply | undefined {
  return reply(SHARED_SCOPE_REVIEW);
}
