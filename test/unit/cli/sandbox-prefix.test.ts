/**
 * start's Redis prefix against its sandbox: a sandbox seeded afresh gets a
 * prefix of its own (so the previous sandbox's watermarks and hand-offs do
 * not hide or haunt its tickets), and the runs that load its saved state keep
 * using it.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { sandboxRunPrefix } from '../../../src/cli/sandbox-prefix.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function data(): string {
  const dir = mkdtempSync(join(tmpdir(), 'aih-prefix-'));
  dirs.push(dir);
  return dir;
}

describe("start's prefix for its sandbox", () => {
  it('is new for each fresh seeding and kept for the runs that load the saved state', () => {
    const dir = data();
    const first = sandboxRunPrefix({ data: dir, seededAfresh: true, base: 'aih', now: () => 1_000_000 });
    expect(first).toBe(`aih-${(1_000_000).toString(36)}`);
    expect(sandboxRunPrefix({ data: dir, seededAfresh: false, base: 'aih' })).toBe(first);
    const second = sandboxRunPrefix({ data: dir, seededAfresh: true, base: 'aih', now: () => 2_000_000 });
    expect(second).not.toBe(first);
    expect(readFileSync(join(dir, 'sandbox-prefix'), 'utf8').trim()).toBe(second);
  });

  it('is the base for saved state from before the file existed, and ignores a damaged file', () => {
    const dir = data();
    expect(sandboxRunPrefix({ data: dir, seededAfresh: false, base: 'aih' })).toBe('aih');
    const other = data();
    sandboxRunPrefix({ data: other, seededAfresh: false, base: 'aih' });
    writeFileSync(join(other, 'sandbox-prefix'), 'not a prefix!\n');
    expect(sandboxRunPrefix({ data: other, seededAfresh: false, base: 'x' })).toBe('x');
  });
});
