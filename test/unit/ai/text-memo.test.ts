import { describe, expect, it } from 'vitest';
import { MASK_KINDS } from '../../../src/ai/config.js';
import { extractFacts } from '../../../src/ai/facts/extract.js';
import { createMasker } from '../../../src/ai/mask.js';
import { buildSourceSet } from '../../../src/ai/source-set.js';
import { memoByText } from '../../../src/util/text-memo.js';
import { INC_2041, ALL_KINDS } from '../../fixtures/ai/seed-gathered.js';

describe('texts read once (the AI stage speed, docs/performance.md)', () => {
  it('remembers a result per text and starts over when full', () => {
    let calls = 0;
    const length = memoByText((t) => {
      calls += 1;
      return t.length;
    }, 2);
    expect([length('ab'), length('ab'), length('abc')]).toEqual([2, 2, 3]);
    expect(calls).toBe(2);
    length('abcd'); // full: starts over
    length('ab');
    expect(calls).toBe(4);
  });

  it('gives each source set its own sources, though the facts of the same texts are read once', () => {
    const first = extractFacts(buildSourceSet({ ...INC_2041, requested: ALL_KINDS }).sources);
    const set = buildSourceSet({ ...INC_2041, requested: ALL_KINDS });
    const second = extractFacts(set.sources);
    expect(second.said.length).toBe(first.said.length);
    expect(second.said.length).toBeGreaterThan(0);
    for (const s of second.said) expect(set.sources).toContain(s.source);
    expect(second.measurements.map((m) => m.reading.value.text)).toEqual(first.measurements.map((m) => m.reading.value.text));
  });

  it('masks a text again in every hand-off, counting it there, after other texts were found clean', () => {
    const secret = 'ticket says Password: Winter2025!x end';
    for (let i = 0; i < 2; i += 1) {
      const masker = createMasker(MASK_KINDS);
      expect(masker.mask('nothing secret here')).toBe('nothing secret here');
      expect(masker.mask(secret)).not.toContain('Winter2025!x');
      expect(masker.record().occurrences).toBe(1);
    }
  });
});
