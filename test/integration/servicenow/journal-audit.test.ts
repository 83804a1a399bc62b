/**
 * Reading what people did, through the real connector against the sandbox:
 * work notes from sys_journal_field (oldest first, by user_name) and the
 * display-value fallback for both ways an instance hides the journal table
 * (403, and the usual 200 with no rows); the pending rows of the app's
 * request and review tables (the intake's poll) and a row finished alone;
 * users, their roles and group members.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { AuthProvider } from '../../../connectors/servicenow/auth/auth-provider.js';
import { INTEGRATION_PASSWORD, INTEGRATION_USER, stableSysId } from '../../../connectors/servicenow/sandbox/index.js';
import { markerFor } from '../../../src/ai/index.js';
import { byNumber, countRequests, createAs, journalRows, mapping, rowsOf, startWorld, updateAs, type World } from './sandbox-world.js';

let world: World | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

const incident = mapping('incident');
const warnings = (w: World): string[] => w.lines.filter((l) => l.includes('sys_journal_field is not readable'));

/** What the journal says, as the fallback can know it: display names, text trimmed. */
function expectedFallback(w: World, table: string, sysId: string) {
  return journalRows(w.sandbox, table, sysId).map((r) => ({
    sysId: '',
    value: r.v.value!.trim(),
    createdBy: w.sandbox.directory.user(r.v.sys_created_by!)!.v.name!,
    createdOn: r.v.sys_created_on!,
    source: 'display_value',
  }));
}

describe('work notes', () => {
  it('reads the journal oldest first, authors by user_name, same-second notes in sys_id order', async () => {
    world = await startWorld();
    const w = world;
    const ticket = byNumber(w.sandbox, 'incident', 'INC0002041');
    const sysId = ticket.v.sys_id!;
    const seeded = journalRows(w.sandbox, 'incident', sysId);
    expect(seeded.length).toBeGreaterThan(2);

    const key = markerFor('ho_abcdefghijklmnopqrstuvwxyz');
    expect(await w.connector.writeTicket(incident, sysId, { note: { text: `AI draft: evidence pack attached below.\n${key}`, key } })).toMatchObject({ note: 'written' });
    updateAs(w.sandbox, 'irene.costa', ticket, { work_notes: 'Commander: thanks, reviewing now.' });
    const notes = await w.connector.workNotes(incident, sysId);

    const stored = journalRows(w.sandbox, 'incident', sysId);
    expect(notes).toEqual(stored.map((r) => ({ sysId: r.v.sys_id!, value: r.v.value!, createdBy: r.v.sys_created_by!, createdOn: r.v.sys_created_on!, source: 'journal' })));
    expect(notes.map((n) => n.createdOn)).toEqual(notes.map((n) => n.createdOn).sort());
    const last = notes.slice(-2);
    expect(new Set(last.map((n) => n.createdBy))).toEqual(new Set([INTEGRATION_USER, 'irene.costa']));
    expect(last[0]!.createdOn).toBe(last[1]!.createdOn);
    expect(last[0]!.sysId < last[1]!.sysId).toBe(true);
    expect(notes.every((n) => /^[a-z.]+$/.test(n.createdBy))).toBe(true);
    expect(w.connector.journalSource).toBe('journal');
  });

  it('falls back to the display value after a 403 on sys_journal_field, warning once', async () => {
    world = await startWorld({ sandbox: { acl: { sys_journal_field: { read: ['admin'], listDenial: 'forbidden' } } } });
    const w = world;
    const first = byNumber(w.sandbox, 'incident', 'INC0002041').v.sys_id!;
    const second = byNumber(w.sandbox, 'incident', 'INC0002043').v.sys_id!;
    const journal = countRequests(w.sandbox, { table: 'sys_journal_field' });

    expect(await w.connector.workNotes(incident, first)).toEqual(expectedFallback(w, 'incident', first));
    expect(await w.connector.workNotes(incident, second)).toEqual(expectedFallback(w, 'incident', second));
    expect(w.connector.journalSource).toBe('display_value');
    expect(journal(), 'the journal table is asked once').toBe(1);
    expect(warnings(w)).toHaveLength(1);
  });

  it('detects a journal hidden by rows (200 with none): checks the display value once, then stays on it', async () => {
    world = await startWorld({ sandbox: { acl: { sys_journal_field: { read: ['admin'] } } } });
    const w = world;
    expect(w.sandbox.acl.listDenial('sys_journal_field')).toBe('empty');
    const quiet = createAs(w.sandbox, 'alex.rivera', 'incident', { short_description: 'Printer offline on floor 3' }).v.sys_id!;
    const noisy = byNumber(w.sandbox, 'incident', 'INC0002041').v.sys_id!;
    const other = byNumber(w.sandbox, 'sn_si_incident', 'SIR0002274').v.sys_id!;
    const journal = countRequests(w.sandbox, { table: 'sys_journal_field' });
    const records = countRequests(w.sandbox, { path: '/api/now/table/incident/' });

    // No notes anywhere: nothing to tell a hidden journal from an empty one; the reader stays on the journal.
    expect(await w.connector.workNotes(incident, quiet)).toEqual([]);
    expect([journal(), records()]).toEqual([1, 1]);
    expect(w.connector.journalSource).toBe('journal');

    // Notes in the display value but none in the journal, twice: hidden.
    expect(await w.connector.workNotes(incident, noisy)).toEqual(expectedFallback(w, 'incident', noisy));
    expect([journal(), records()]).toEqual([3, 2]);
    expect(w.connector.journalSource).toBe('display_value');

    // From now on one display-value read per ticket, any table.
    expect(await w.connector.workNotes(mapping('sn_si_incident'), other)).toEqual(expectedFallback(w, 'sn_si_incident', other));
    expect(journal()).toBe(3);
    expect(warnings(w)).toHaveLength(1);
    expect(w.lines.find((l) => l.includes('sys_journal_field is not readable'))).toContain('no rows for a ticket whose work notes are not empty');
  });

  it('keeps the journal when a note lands between the empty journal read and the display-value read', async () => {
    // Writes a note just before the connector's second call (the display-value read), through the one seam
    // every call passes: the auth header. The journal, read again, then has the note.
    let calls = 0;
    let ticketId = '';
    const holder: { world?: World } = {};
    const auth: AuthProvider = {
      kind: 'basic',
      unauthorized: () => false,
      authorization() {
        calls += 1;
        const w = holder.world;
        if (calls === 2 && w !== undefined) updateAs(w.sandbox, 'alex.rivera', w.sandbox.store.get('incident', ticketId)!, { work_notes: 'First look: VPN logs pulled.' });
        return Promise.resolve(`Basic ${Buffer.from(`${INTEGRATION_USER}:${INTEGRATION_PASSWORD}`).toString('base64')}`);
      },
    };
    world = await startWorld({ connector: { auth } });
    holder.world = world;
    ticketId = createAs(world.sandbox, 'alex.rivera', 'incident', { short_description: 'VPN slow from home' }).v.sys_id!;
    const notes = await world.connector.workNotes(incident, ticketId);
    expect(notes.map((n) => [n.value, n.createdBy, n.source])).toEqual([['First look: VPN logs pulled.', 'alex.rivera', 'journal']]);
    expect(calls).toBe(3);
    expect(world.connector.journalSource).toBe('journal');
    expect(warnings(world)).toEqual([]);
  });
});

describe("the app's rows", () => {
  it('polls the pending rows of a table, oldest first, and finishes a row alone through the Table API', async () => {
    world = await startWorld();
    const w = world;
    const ticket = byNumber(w.sandbox, 'incident', 'INC0002041');
    const table = w.sandbox.app.tables.request;
    const row = (by: string, operation: string) => createAs(w.sandbox, by, table, { ticket_table: 'incident', ticket: ticket.v.sys_id!, number: 'INC0002041', operation, scope_digest: 'a1'.repeat(16), state: 'pending', requested_by: stableSysId(`sys_user:${by}`) });
    const first = row('alex.rivera', 'gather-diagnostics');
    w.clock.advance(2000);
    const second = row('nora.brandt', 'compare-baseline');
    w.clock.advance(2000);
    const done = row('alex.rivera', 'draft-status-update');
    w.sandbox.store.update(done, { state: 'queued' });

    const pending = await w.connector.pendingRows('request');
    expect(pending.map((r) => r.sys_id)).toEqual([first.v.sys_id, second.v.sys_id]);
    expect(pending[0]).toMatchObject({ ticket_table: 'incident', ticket: ticket.v.sys_id, operation: 'gather-diagnostics', sys_created_by: 'alex.rivera', requested_by: stableSysId('sys_user:alex.rivera'), state: 'pending' });
    expect(await w.connector.pendingRows('review')).toEqual([]);

    await w.connector.finishRow('request', { sysId: first.v.sys_id!, state: 'refused', message: 'No such table.', remedy: 'Ask again.' });
    expect(w.sandbox.store.get(table, first.v.sys_id!)!.v).toMatchObject({ state: 'refused', message: 'No such table.', remedy: 'Ask again.' });
    expect((await w.connector.pendingRows('request')).map((r) => r.sys_id)).toEqual([second.v.sys_id]);
  });
});

describe('people', () => {
  it('finds users by user_name and sys_id, and lists the active members of a group', async () => {
    world = await startWorld();
    const w = world;
    const irene = { sysId: stableSysId('sys_user:irene.costa'), userName: 'irene.costa', name: 'Irene Costa', active: true };
    expect(await w.connector.user({ userName: 'irene.costa' })).toEqual(irene);
    expect(await w.connector.user({ sysId: irene.sysId })).toEqual(irene);
    expect(await w.connector.user({ userName: 'nobody.here' })).toBeNull();
    expect(await w.connector.user({ sysId: 'f'.repeat(32) })).toBeNull();

    const group = stableSysId('sys_user_group:Network Operations');
    const members = rowsOf(w.sandbox, 'sys_user_grmember', (r) => r.v.group === group).map((r) => r.v.user!);
    expect(members.length).toBeGreaterThan(1);
    expect(new Set(await w.connector.groupMembers(group))).toEqual(new Set(members));

    expect(await w.connector.userRoles(irene.sysId)).toEqual(['itil', 'x_acme_aihandoff.reviewer']);
    expect(await w.connector.userRoles(stableSysId('sys_user:jordan.miles'))).toEqual([]);

    const leaver = w.sandbox.store.get('sys_user', members[0]!)!;
    updateAs(w.sandbox, 'admin', leaver, { active: 'false' });
    expect(new Set(await w.connector.groupMembers(group))).toEqual(new Set(members.slice(1)));
    expect(await w.connector.user({ sysId: members[0]! })).toMatchObject({ active: false });
  });
});
