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
    expect(again).toEqual({ created: false, existingId: first.id, because: 'active' });
    expect(await store.create(queuedHandoff({ operation: 'gather-diagnostics' }))).toMatchObject({ created: true });

    await store.update(first.id, (h) => ({ ...h, status: 'rejected' }));
    expect(await store.create(queuedHandoff())).toMatchObject({ created: true });
  });

  it('makes one hand-off per request row, even when two workers take the row at once or after the first finished', async () => {
    const row = 'f'.repeat(32);
    const results = await Promise.all([queuedHandoff({ requestRow: row }), queuedHandoff({ requestRow: row, operation: 'gather-diagnostics' })].map((h) => store.create(h)));
    const made = results.filter((r) => r.created);
    expect(made).toHaveLength(1);
    const id = made[0]!.created ? made[0]!.handoff.id : '';
    expect(results.find((r) => !r.created)).toEqual({ created: false, existingId: id, because: 'row' });
    expect((await store.forRequestRow(row))?.id).toBe(id);
    await store.update(id, (h) => ({ ...h, status: 'failed' }));
    expect(await store.create(queuedHandoff({ requestRow: row }))).toEqual({ created: false, existingId: id, because: 'row' });
    expect(await store.forRequestRow('e'.repeat(32))).toBeNull();
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

  it('reads a ticket under a lease taken in the same step, and reads nothing while another holds it', async () => {
    const prefix = testPrefix('leased');
    const leased = createHandoffStore({ redis, prefix });
    const a = queuedHandoff({ createdAt: '2026-11-25T10:00:00.000Z', operation: 'a-op' });
    const b = queuedHandoff({ createdAt: '2026-11-25T11:00:00.000Z', operation: 'b-op' });
    await leased.create(a);
    await leased.create(b);
    await redis.set(`${prefix}:other`, 'a notice');
    const lease = { key: `${prefix}:lease`, owner: 'me', ms: 5_000 };
    const read = await leased.forTicketLeased('incident', 'b'.repeat(32), 5, lease, [`${prefix}:other`, `${prefix}:absent`]);
    expect(read?.handoffs.map((h) => h.id)).toEqual([b.id, a.id]);
    expect(read?.also).toEqual(['a notice', null]);
    expect(await redis.get(lease.key)).toBe('me');
    expect(await redis.pttl(lease.key)).toBeGreaterThan(4_000);
    // Held: nothing read, the holder unchanged; the limit keeps the newest.
    expect(await leased.forTicketLeased('incident', 'b'.repeat(32), 5, { ...lease, owner: 'you' }, [])).toBeNull();
    expect(await redis.get(lease.key)).toBe('me');
    await redis.del(lease.key);
    expect((await leased.forTicketLeased('incident', 'b'.repeat(32), 1, lease, []))?.handoffs.map((h) => h.id)).toEqual([b.id]);
    // A hand-off edited into something else in Redis is refused, as forTicket refuses it.
    await redis.hset(`${prefix}:handoff:${a.id}`, 'json', '{"not":"a hand-off"}');
    await redis.del(lease.key);
    await expect(leased.forTicketLeased('incident', 'b'.repeat(32), 5, lease, [])).rejects.toThrow();
  });

  it('refuses an update of an unknown hand-off with HANDOFF_NOT_FOUND', async () => {
    await expect(store.update('ho_missing', (h) => h)).rejects.toMatchObject({ code: 'HANDOFF_NOT_FOUND' });
  });
});
