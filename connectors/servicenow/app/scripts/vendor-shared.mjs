// Copies the shared scope-review module (../shared/scope-review.js) into the
// project before a build. The SDK's Now.include only reads files inside the
// project ("Included file path is not within project"), and the module has
// one home, ../shared, where the sandbox's ticket page loads it from too.
//
// Until the shared module exports requestRow and reviewRow (the contract-2
// change to it), the app's stand-in for them (stand-ins/scope-review-rows.js)
// is appended to the copy, and the build says so.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { APP_DIR } from './app-params.mjs';

export const SHARED_MODULE = join(APP_DIR, '..', 'shared', 'scope-review.js');
export const VENDORED_MODULE = join(APP_DIR, 'src', 'vendor', 'scope-review.js');
export const ROWS_STAND_IN = join(APP_DIR, 'scripts', 'stand-ins', 'scope-review-rows.js');

/** The module as the app ships it: the shared file, and the stand-in while the shared file lacks the row builders. */
export function vendoredText(shared = readFileSync(SHARED_MODULE, 'utf8')) {
  const hasRows = /\brequestRow\s*:/.test(shared) && /\breviewRow\s*:/.test(shared);
  return hasRows ? shared : shared + readFileSync(ROWS_STAND_IN, 'utf8');
}

export function vendorShared() {
  const text = vendoredText();
  if (text !== readFileSync(SHARED_MODULE, 'utf8')) console.warn('app build: the shared scope-review module has no requestRow / reviewRow yet; using the app\'s stand-in (scripts/stand-ins/scope-review-rows.js)');
  mkdirSync(dirname(VENDORED_MODULE), { recursive: true });
  writeFileSync(VENDORED_MODULE, text);
}
