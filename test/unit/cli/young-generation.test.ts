/**
 * What the worker says it runs with (src/cli/young-generation.ts): the
 * semi-space from its own flags or NODE_OPTIONS, the last one winning as in
 * node; `default` when neither sets it.
 */
import { describe, expect, it } from 'vitest';
import { SEMI_SPACE_FLAG, semiSpaceSetting } from '../../../src/cli/young-generation.js';

describe('semiSpaceSetting', () => {
  it('reads the flag from the command line or NODE_OPTIONS, in either spelling', () => {
    expect(semiSpaceSetting([SEMI_SPACE_FLAG], undefined)).toBe(64);
    expect(semiSpaceSetting(['--import', 'tsx'], '--max-semi-space-size=64')).toBe(64);
    expect(semiSpaceSetting([], '--enable-source-maps --max_semi_space_size=32')).toBe(32);
    // NODE_OPTIONS is read before the command line's own flags: the command line wins.
    expect(semiSpaceSetting(['--max-semi-space-size=128'], '--max-semi-space-size=64')).toBe(128);
  });

  it('answers default when nothing sets it, or only something else', () => {
    expect(semiSpaceSetting([], undefined)).toBe('default');
    expect(semiSpaceSetting(['--max-old-space-size=4096'], '--max-semi-space-size=')).toBe('default');
  });
});
