/**
 * The connector signed in through the sandbox's own `/oauth_token.do`: the
 * password grant (renewed through the refresh token before it expires) and
 * the client_credentials grant (running as the OAuth client's user), pulling
 * every mapped table and writing a note.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { INTEGRATION_USER } from '../../../connectors/servicenow/sandbox/index.js';
import { activeSysIds, byNumber, countRequests, duplicates, mapping, pullAll, startWorld, TABLES, type World } from './sandbox-world.js';

let world: World | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

async function pullsEverything(w: World): Promise<void> {
  for (const table of TABLES) {
    const ids = (await pullAll(w.connector, table, 50)).map((r) => r.sys_id ?? '');
    expect(duplicates(ids), table).toEqual([]);
    expect(new Set(ids), table).toEqual(new Set(activeSysIds(w.sandbox, table)));
  }
}

describe('OAuth against the sandbox', () => {
  it('password grant: one token for a whole pull, renewed by refresh token shortly before it expires', async () => {
    world = await startWorld({ auth: 'oauth-password', sandbox: { seed: { tickets: 300, generator: { seed: 4 } } } });
    const w = world;
    const tokens = countRequests(w.sandbox, { path: '/oauth_token.do' });
    await pullsEverything(w);
    expect(tokens()).toBe(1);

    // 1,750 s later the token (1,800 s) is inside the 60 s margin: renewed before use, no 401.
    w.clock.advance(1_750_000);
    const tableCalls = countRequests(w.sandbox, { path: '/api/now/table/' });
    await pullsEverything(w);
    expect(tokens()).toBe(2);
    expect(w.lines.filter((l) => l.includes('"grant":"refresh_token"'))).toHaveLength(1);
    expect(w.lines.some((l) => l.includes('answered 401'))).toBe(false);
    // One call per page, none repeated after a 401.
    expect(tableCalls()).toBe(TABLES.reduce((sum, table) => sum + Math.floor(activeSysIds(w.sandbox, table).length / 50) + 1, 0));
  });

  it('client_credentials: pulls every table and writes as the OAuth client\'s user', async () => {
    world = await startWorld({ auth: 'oauth-client-credentials', sandbox: { seed: { tickets: 300, generator: { seed: 4 } } } });
    const w = world;
    const tokens = countRequests(w.sandbox, { path: '/oauth_token.do' });
    await pullsEverything(w);
    const sysId = byNumber(w.sandbox, 'incident', 'INC0002041').v.sys_id!;
    await w.connector.writeTicket(mapping('incident'), sysId, { note: { text: 'AI draft via client credentials\n[key: oauth]', key: '[key: oauth]' } });
    expect(tokens()).toBe(1);
    expect(w.sandbox.writeLog.entries({ sysId }).map((e) => [e.api, e.user, e.fields, e.applied])).toEqual([['app', INTEGRATION_USER, ['work_notes'], true]]);
    const notes = await w.connector.workNotes(mapping('incident'), sysId);
    expect(notes.at(-1)).toMatchObject({ value: 'AI draft via client credentials\n[key: oauth]', createdBy: INTEGRATION_USER, source: 'journal' });
  });
});
