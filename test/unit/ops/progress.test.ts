import { describe, expect, it } from 'vitest';
import { createProgress } from '../../../src/cli/progress.js';

describe('the progress line', () => {
  it('rewrites one line in place on a terminal, at most every interval, and clears it at the end', () => {
    const written: string[] = [];
    let now = 0;
    const progress = createProgress({ isTTY: true, write: (t: string) => written.push(t) }, { minIntervalMs: 100, now: () => now });
    progress.update('1 of 3');
    now = 50;
    progress.update('2 of 3');
    now = 150;
    progress.update('3 of 3');
    progress.done();
    expect(written).toEqual(['\r\x1b[K1 of 3', '\r\x1b[K3 of 3', '\r\x1b[K']);
  });

  it('writes nothing when the stream is not a terminal', () => {
    const written: string[] = [];
    const progress = createProgress({ isTTY: false, write: (t: string) => written.push(t) });
    progress.update('1 of 3');
    progress.done();
    expect(written).toEqual([]);
  });
});
