// Copies the shared scope-review module (../shared/scope-review.js) into the
// project before a build. The SDK's Now.include only reads files inside the
// project ("Included file path is not within project"), and the module has
// one home, ../shared, where the sandbox's ticket page loads it from too.
import { copyFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const from = join(root, '..', 'shared', 'scope-review.js');
const to = join(root, 'src', 'vendor', 'scope-review.js');
mkdirSync(dirname(to), { recursive: true });
copyFileSync(from, to);
