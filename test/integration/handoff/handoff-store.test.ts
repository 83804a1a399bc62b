import { Redis } from 'ioredis';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { createHandoffStore, type HandoffStore } from '../../../src/handoff/handoff-store.js';
import { queuedHandoff } from '../../support/handoff-fixture.js';
import { redisUrl, testPrefix } from '../../support/redis.js';

const redis = new Redis(redisUrl());
afterAll(() => redis.quit());

describe('hand-off store on a real Redis', () => {
  let store: HandoffStore;
  beforeEach(() => {
    store = createHandoffStore({ redis, prefix: testPrefix('store') });
  });

  it('creates once per ticket and operation while unfinished, then allows a new one', async () => {
    const first = queuedHandoff();
    expect(await store.create(first)).toMatchObject({ created: true });
    const again = await store.create(queuedHandoff());
    expect(again).toEqual({ created: false, existingId: first.id });
    expect(await store.create(queuedHandoff({ operation: 'gather-diagnostics' }))).toMatchObject({ created: true });

    await store.update(first.id, (h) => ({ ...h, status: 'rejected' }));
    expect(await store.create(queuedHandoff())).toMatchObject({ created: true });
  });

  it('keeps status indexes right under concurrent updates', async () => {
    const h = queuedHandoff();
    await store.create(h);
    await Promise.all(
      Array.from({ length: 20 }, (_, i) => store.update(h.id, (cur) => ({ ...cur, note: `${cur.note ?? ''}${i},` }))),
    );
    const final = await store.get(h.id);
    expect(final!.note!.split(',').filter(Boolean)).toHaveLength(20);
    await store.update(h.id, (cur) => ({ ...cur, status: 'running' }));
    expect(await store.idsWithStatus('queued')).toEqual([]);
    expect(await store.idsWithStatus('running')).toEqual([h.id]);
  });

  it('lists a ticket newest first and keeps the first persisted note', async () => {
    const a = queuedHandoff({ createdAt: '2026-11-25T10:00:00.000Z', operation: 'a-op' });
    const b = queuedHandoff({ createdAt: '2026-11-25T11:00:00.000Z', operation: 'b-op' });
    await store.create(a);
    await store.create(b);
    expect((await store.forTicket('incident', 'b'.repeat(32), 5)).map((h) => h.id)).toEqual([b.id, a.id]);
    expect(await store.saveNote(a.id, 'first')).toBe('first');
    expect(await store.saveNote(a.id, 'second')).toBe('first');
  });

  it('refuses an update of an unknown hand-off with HANDOFF_NOT_FOUND', async () => {
    await expect(store.update('ho_missing', (h) => h)).rejects.toMatchObject({ code: 'HANDOFF_NOT_FOUND' });
  });
});
