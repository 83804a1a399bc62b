/**
 * The people cache (src/handoff/people.ts): a user's roles are read once per
 * worker.userCacheMs, so a hand-off costs no user lookup, and a role removed
 * is seen after that bound; a user not found is not cached.
 */
import { describe, expect, it } from 'vitest';
import { createPeople } from '../../../src/handoff/people.js';

function fakeConnector(roles: Record<string, string[]>) {
  const calls = { user: 0, roles: 0, groups: 0 };
  return {
    calls,
    connector: {
      user: ({ userName }: { userName: string }) => {
        calls.user++;
        return Promise.resolve(userName in roles ? { sysId: `id-${userName}`, userName, name: userName, active: true } : null);
      },
      userRoles: (sysId: string) => {
        calls.roles++;
        return Promise.resolve(roles[sysId.slice(3)] ?? []);
      },
      groupMembers: () => {
        calls.groups++;
        return Promise.resolve(['id-alex.rivera']);
      },
    },
  };
}

describe('people cache', () => {
  it('reads a user and their roles once within the bound, and again after it', async () => {
    let t = 0;
    const fake = fakeConnector({ 'alex.rivera': ['itil', 'x_acme_aihandoff.agent'] });
    const people = createPeople({ connector: fake.connector, ttlMs: 1_000, now: () => t });
    expect([...(await people.byUserName('alex.rivera'))!.roles]).toEqual(['itil', 'x_acme_aihandoff.agent']);
    await people.byUserName('Alex.Rivera');
    expect(fake.calls).toMatchObject({ user: 1, roles: 1 });
    t = 1_001;
    await people.byUserName('alex.rivera');
    expect(fake.calls).toMatchObject({ user: 2, roles: 2 });
    await people.groupMembers('g');
    await people.groupMembers('g');
    expect(fake.calls.groups).toBe(1);
  });

  it('does not keep a miss or a failure, and with a bound of 0 asks every time', async () => {
    const fake = fakeConnector({});
    const people = createPeople({ connector: fake.connector, ttlMs: 60_000 });
    expect(await people.byUserName('nobody')).toBeNull();
    expect(await people.byUserName('nobody')).toBeNull();
    expect(fake.calls.user).toBe(2);
    const failing = createPeople({ connector: { ...fake.connector, user: () => Promise.reject(new Error('503')) }, ttlMs: 60_000 });
    await expect(failing.byUserName('x')).rejects.toThrow('503');
    await expect(failing.byUserName('x')).rejects.toThrow('503');
    const always = fakeConnector({ 'a.b': [] });
    const uncached = createPeople({ connector: always.connector, ttlMs: 0 });
    await uncached.byUserName('a.b');
    await uncached.byUserName('a.b');
    expect(always.calls.user).toBe(2);
  });
});
