// Copies the shared scope-review module (../shared/scope-review.js) into the
// project before a build. The SDK's Now.include only reads files inside the
// project ("Included file path is not within project"), and the module has
// one home, ../shared, where the sandbox's ticket page loads it from too.
import { copyFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { APP_DIR } from './app-params.mjs';

export const SHARED_MODULE = join(APP_DIR, '..', 'shared', 'scope-review.js');
export const VENDORED_MODULE = join(APP_DIR, 'src', 'vendor', 'scope-review.js');

export function vendorShared() {
  mkdirSync(dirname(VENDORED_MODULE), { recursive: true });
  copyFileSync(SHARED_MODULE, VENDORED_MODULE);
}
