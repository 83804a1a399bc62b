import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | undefined;

/**
 * The package's root folder (where config/ and mappings/ live), found by
 * walking up from this file: the same answer from the sources (tsx, vitest)
 * and from the compiled dist/.
 */
export function packageRoot(): string {
  if (cached !== undefined) return cached;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'mappings'))) {
      cached = dir;
      return dir;
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error('cannot find the ai-handoff package root (package.json beside mappings/)');
    dir = parent;
  }
}

/** A path inside the package root. */
export function fromRoot(...parts: string[]): string {
  return join(packageRoot(), ...parts);
}
