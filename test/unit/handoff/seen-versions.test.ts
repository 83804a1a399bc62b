/**
 * The versions whose panel is up to date (src/handoff/seen-versions.ts): the
 * flow's own write marks the version it made only when it was the only
 * change since the ticket was read.
 */
import { describe, expect, it } from 'vitest';
import { createSeenVersions, ownWriteVersion, versionOf } from '../../../src/handoff/seen-versions.js';

const ID = 'a'.repeat(32);

describe('seen versions', () => {
  it('keys a record by table, sys_id and sys_mod_count, or not at all without a count', () => {
    expect(versionOf('incident', { sys_id: ID, sys_mod_count: '4' })).toBe(`incident:${ID}:4`);
    expect(versionOf('incident', { sys_id: ID })).toBeNull();
    expect(versionOf('incident', { sys_id: ID, sys_mod_count: '' })).toBeNull();
  });

  it("marks a write's version only when it is the next one after the record read", () => {
    expect(ownWriteVersion('incident', { sys_id: ID, sys_mod_count: '4' }, '5')).toBe(`incident:${ID}:5`);
    // A person changed the ticket between the read and the write: the panel was computed from an older version.
    expect(ownWriteVersion('incident', { sys_id: ID, sys_mod_count: '4' }, '6')).toBeNull();
    expect(ownWriteVersion('incident', { sys_id: ID }, '1')).toBeNull();
    expect(ownWriteVersion('incident', { sys_id: ID, sys_mod_count: '4' }, 'x')).toBeNull();
  });

  it("counts from the version the flow's own earlier write from the same record reached", () => {
    // Pickup read 4 and wrote 5; the note's write from the same record makes 6: the next one after 5.
    expect(ownWriteVersion('incident', { sys_id: ID, sys_mod_count: '4' }, '6', '5')).toBe(`incident:${ID}:6`);
    // A person's change between the two writes: 7, not the next after 5.
    expect(ownWriteVersion('incident', { sys_id: ID, sys_mod_count: '4' }, '7', '5')).toBeNull();
  });

  it('forgets the oldest beyond its size, and everything on clear', () => {
    const seen = createSeenVersions(2);
    for (const k of ['a', 'b', 'c']) seen.add(k);
    expect([seen.has('a'), seen.has('b'), seen.has('c')]).toEqual([false, true, true]);
    seen.clear();
    expect(seen.has('c')).toBe(false);
  });
});
