/**
 * Guarded writes and the mapping check, through the real connector against
 * the sandbox. The sandbox's write log is the witness: a work note appends
 * and the AI fields update, through the app's API; a forbidden field sends
 * nothing at all.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { INTEGRATION_PASSWORD, INTEGRATION_USER } from '../../../connectors/servicenow/sandbox/index.js';
import { DEFAULT_MAPPINGS_DIR } from '../../../src/mapping/load-mappings.js';
import { runCli } from '../../support/run-cli.js';
import { byNumber, countRequests, journalRows, mapping, sealedPanel, startWorld, TABLES, type World } from './sandbox-world.js';

let world: World | undefined;
const temp: string[] = [];
afterEach(async () => {
  vi.unstubAllEnvs();
  await world?.close();
  world = undefined;
  for (const dir of temp.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const incident = mapping('incident');

describe('guarded writes', () => {
  it('appends work notes, updates the AI fields, and sends nothing for a forbidden field', async () => {
    world = await startWorld();
    const w = world;
    const { panel, status } = w.sandbox.appFields;
    const ticket = byNumber(w.sandbox, 'incident', 'INC0002041');
    const sysId = ticket.v.sys_id!;
    const stateBefore = ticket.v.state;
    const notesBefore = journalRows(w.sandbox, 'incident', sysId).length;
    const note = (text: string) => ({ text: `${text}\n[key: ${text}]`, key: `[key: ${text}]` });

    await w.connector.writeTicket(incident, sysId, { note: note('AI draft 1') });
    w.clock.advance(1000);
    await w.connector.writeTicket(incident, sysId, { note: note('AI draft 2') });
    const sealed = JSON.stringify(sealedPanel('incident', sysId, 'INC0002041'));
    const before = w.sandbox.store.get('incident', sysId)!.v.sys_mod_count;
    const updated = await w.connector.writeTicket(incident, sysId, { fields: { [panel]: sealed, [status]: 'eligible' } });
    expect(updated).toEqual({ modCount: String(Number(before) + 1), updatedOn: w.sandbox.store.get('incident', sysId)!.v.sys_updated_on, note: 'none' });
    expect(w.sandbox.store.get('incident', sysId)!.v).toMatchObject({ [panel]: sealed, [status]: 'eligible' });

    const notes = journalRows(w.sandbox, 'incident', sysId);
    expect(notes.slice(notesBefore).map((r) => [r.v.value, r.v.sys_created_by])).toEqual([
      [note('AI draft 1').text, INTEGRATION_USER],
      [note('AI draft 2').text, INTEGRATION_USER],
    ]);
    const log = w.sandbox.writeLog.entries({ user: INTEGRATION_USER });
    expect(log.map((e) => [e.api, e.method, e.table, e.sysId, e.fields, e.applied, e.status])).toEqual([
      ['app', 'POST', 'incident', sysId, ['work_notes'], true, 200],
      ['app', 'POST', 'incident', sysId, ['work_notes'], true, 200],
      ['app', 'POST', 'incident', sysId, [panel, status], true, 200],
    ]);

    // Forbidden fields, alone or beside an allowed one: refused before a byte is sent.
    const requests = countRequests(w.sandbox);
    const seq = w.sandbox.writeLog.lastSeq;
    for (const [fields, field] of [
      [{ state: '6' }, 'state'],
      [{ [status]: 'queued', assigned_to: ticket.v.assigned_to ?? '' }, 'assigned_to'],
      [{ comments: 'Dear customer' }, 'comments'],
      [{ work_notes: 'a note as a field' }, 'work_notes'],
      [{ priority: '1', [status]: 'queued' }, 'priority'],
    ] as const) {
      await expect(w.connector.writeTicket(incident, sysId, { fields })).rejects.toMatchObject({ details: { field } });
    }
    expect(requests(), 'no request reached the instance').toBe(0);
    expect(w.sandbox.writeLog.lastSeq).toBe(seq);
    expect(w.sandbox.store.get('incident', sysId)!.v.state).toBe(stateBefore);

    // The invariant over everything the integration user ever sent.
    expect([...w.sandbox.writeLog.fieldsWrittenBy(INTEGRATION_USER)].every((f) => ['work_notes', panel, status].includes(f))).toBe(true);
    expect(w.sandbox.writeLog.dropped).toBe(0);
  });
});

describe('mappings check against the sandbox', () => {
  it('finds every mapped field of every table (checkMapping)', async () => {
    world = await startWorld();
    for (const table of TABLES) {
      const check = await world.connector.checkMapping(mapping(table));
      expect(check.missing, table).toEqual([]);
      expect(check.checked.length).toBeGreaterThan(10);
    }
  });

  it('ai-handoff mappings check exits 0, then 1 naming a bogus field and a bogus dot-walk', async () => {
    world = await startWorld();
    vi.stubEnv('SN_INSTANCE_URL', world.sandbox.url);
    vi.stubEnv('SN_USERNAME', INTEGRATION_USER);
    vi.stubEnv('SN_PASSWORD', INTEGRATION_PASSWORD);

    const ok = await runCli(['mappings', 'check']);
    expect(ok.stderr).toBe('');
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('All mapped fields exist on the instance, and the written ones have the right types.');
    for (const table of TABLES) expect(ok.stdout).toMatch(new RegExp(`^${table}: all \\d+ fields present, written fields typed right$`, 'm'));

    const dir = mkdtempSync(join(tmpdir(), 'aih-mappings-'));
    temp.push(dir);
    const original = readFileSync(join(DEFAULT_MAPPINGS_DIR, 'incident.yaml'), 'utf8');
    const bogus = original.replace('  description: description\n', '  description: u_no_such_field\n').replace('  callerName: caller_id.name\n', '  callerName: caller_id.no_such_name\n');
    expect(bogus).not.toBe(original);
    writeFileSync(join(dir, 'incident.yaml'), bogus);

    const bad = await runCli(['mappings', 'check', '--dir', dir]);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain('incident: 2 of');
    expect(bad.stdout).toContain("u_no_such_field: no field 'u_no_such_field' on incident in sys_dictionary");
    expect(bad.stdout).toContain("caller_id.no_such_name: 'caller_id' refers to sys_user, which has no field 'no_such_name'");
    expect(bad.stdout).not.toContain('All mapped fields exist');
  });

  it('ai-handoff mappings check refuses an unsafe mapping before connecting: one line naming the file, the key and the fix, exit 2', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'aih-mappings-'));
    temp.push(dir);
    const original = readFileSync(join(DEFAULT_MAPPINGS_DIR, 'incident.yaml'), 'utf8');
    writeFileSync(join(dir, 'incident.yaml'), original.replace('  workNotes: work_notes\n', '  workNotes: comments\n'));
    vi.stubEnv('SN_INSTANCE_URL', 'http://127.0.0.1:9');
    vi.stubEnv('SN_USERNAME', INTEGRATION_USER);
    vi.stubEnv('SN_PASSWORD', INTEGRATION_PASSWORD);
    const bad = await runCli(['mappings', 'check', '--dir', dir]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("MAPPING_INVALID");
    expect(bad.stderr).toContain("incident.yaml: ai.workNotes: 'comments' is the customer-visible journal; the AI writes only internal work notes: set it to work_notes");
    expect(bad.stdout).toBe('');
  });
});
