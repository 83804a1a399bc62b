// Copies the shared scope-review module (../shared/scope-review.js) into the
// project before a build. The SDK's Now.include only reads files inside the
// project ("Included file path is not within project"), and the module has
// one home, ../shared, where the sandbox's ticket page loads it from too: the
// scope review, the buttons' rules and the row builders (requestRow,
// reviewRow) are the same code in the app and on the sandbox's page.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { APP_DIR } from './app-params.mjs';

export const SHARED_MODULE = join(APP_DIR, '..', 'shared', 'scope-review.js');
export const VENDORED_MODULE = join(APP_DIR, 'src', 'vendor', 'scope-review.js');

/** The module as the app ships it: the shared file as it is; a module without the row builders stops the build. */
export function vendoredText(shared = readFileSync(SHARED_MODULE, 'utf8')) {
  const hasRows = /\brequestRow\s*:/.test(shared) && /\breviewRow\s*:/.test(shared);
  if (!hasRows) throw new Error(`app build: ${SHARED_MODULE} must export requestRow and reviewRow (the rows the dialog creates); restore them and build again`);
  return shared;
}

export function vendorShared() {
  const text = vendoredText();
  mkdirSync(dirname(VENDORED_MODULE), { recursive: true });
  writeFileSync(VENDORED_MODULE, text);
}
