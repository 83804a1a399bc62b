import { describe, expect, it } from 'vitest';
import { createGroupCommit } from '../../../src/handoff/group-commit.js';

describe('group commit', () => {
  it('commits items in order, batching those that arrive while a batch is in flight', async () => {
    const batches: number[][] = [];
    const submit = createGroupCommit(async (items: readonly number[]) => {
      batches.push([...items]);
      await new Promise((r) => setTimeout(r, 5));
      return items.map((i) => i * 10);
    }, 3);
    const results = await Promise.all([1, 2, 3, 4, 5, 6, 7].map((i) => submit(i)));
    expect(results).toEqual([10, 20, 30, 40, 50, 60, 70]);
    // Submitted in one turn: they share the first batch, at most 3 to a batch, in order.
    expect(batches).toEqual([[1, 2, 3], [4, 5, 6], [7]]);
  });

  it('sends an item submitted while a batch is in flight with the next batch', async () => {
    const batches: number[][] = [];
    const submit = createGroupCommit(async (items: readonly number[]) => {
      batches.push([...items]);
      await new Promise((r) => setTimeout(r, 5));
      return items;
    }, 10);
    const first = submit(1);
    await new Promise((r) => setTimeout(r, 1));
    const later = [submit(2), submit(3)];
    await Promise.all([first, ...later]);
    expect(batches).toEqual([[1], [2, 3]]);
  });

  it('fails only the batch whose commit threw, and keeps going', async () => {
    const submit = createGroupCommit(async (items: readonly string[]) => {
      await Promise.resolve();
      if (items.includes('bad')) throw new Error('refused');
      return items.map((i) => i.toUpperCase());
    }, 10);
    const first = submit('a');
    // The first batch is in flight before the next two are submitted.
    await Promise.resolve();
    const bad = submit('bad');
    const sibling = submit('b');
    await expect(first).resolves.toBe('A');
    await expect(bad).rejects.toThrow('refused');
    await expect(sibling).rejects.toThrow('refused');
    await expect(submit('c')).resolves.toBe('C');
  });

  it('refuses a result count that does not match the batch', async () => {
    const submit = createGroupCommit(() => Promise.resolve([]), 10);
    await expect(submit(1)).rejects.toThrow('returned 0 results for 1 items');
    expect(() => createGroupCommit(() => Promise.resolve([]), 0)).toThrow(RangeError);
  });
});
