/**
 * Persistence: state saved to a file and loaded back by a new sandbox, with
 * the journal, audit, passwords and numbering intact; a damaged file is
 * refused with a message naming it.
 */
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSandbox, type AppFields } from '../../../connectors/servicenow/sandbox/index.js';
import { AS_INTEGRATION, as, call, list, manualClock, sysIdOf, type One } from './client.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ai-handoff-sandbox-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('persistence', () => {
  it('saves state atomically and loads it back', async () => {
    const file = join(dir, 'state.jsonl');
    const clock = manualClock();
    const first = await createSandbox({ persistFile: file, clock: clock.now });
    const F: AppFields = first.appFields;
    const inc = await sysIdOf(first.url, 'incident', 'INC0002041');
    await call(first.url, 'POST', `${first.app.apiBase}/tickets/incident/${inc}`, AS_INTEGRATION, { fields: { [F.status]: 'queued' }, work_note: { field: 'work_notes', text: 'survives a restart', key: 'survives a restart' } });
    const created = await call<One>(first.url, 'POST', '/api/now/table/incident', as('alex.rivera'), { short_description: 'made before the restart' });
    await first.close();
    expect((await readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    const header = (await readFile(file, 'utf8')).split('\n', 1)[0]!;
    expect(header).toContain('"format":"ai-handoff-sandbox"');
    expect(header).not.toContain('integration-sandbox');

    clock.advance(3_600_000);
    const second = await createSandbox({ persistFile: file, clock: clock.now });
    try {
      expect(second.seeded).toBeUndefined();
      const row = await call<One>(second.url, 'GET', `/api/now/table/incident/${inc}?sysparm_fields=${F.status},work_notes&sysparm_display_value=true`, AS_INTEGRATION);
      expect(row.status).toBe(200);
      expect(row.json.result[F.status]).toBe('Queued');
      expect(row.json.result.work_notes).toContain('survives a restart');
      const audits = await list(second.url, 'sys_audit', { sysparm_query: `documentkey=${inc}^fieldname=${F.status}` });
      expect(audits.json.result).toHaveLength(1);
      const next = await call<One>(second.url, 'POST', '/api/now/table/incident', as('alex.rivera'), { short_description: 'made after' });
      expect(Number((next.json.result.number as string).slice(3))).toBe(Number((created.json.result.number as string).slice(3)) + 1);
      // The keyset order survives the reload.
      const ordered = await list(second.url, 'incident', { sysparm_query: 'ORDERBYDESCsys_updated_on', sysparm_fields: 'number', sysparm_limit: '1' });
      expect(ordered.json.result[0]!.number).toBe(next.json.result.number);
    } finally {
      await second.close();
    }
  });

  it('refuses a damaged file, naming it', async () => {
    const file = join(dir, 'damaged.jsonl');
    await writeFile(file, '{"format":"something-else"}\n');
    await expect(createSandbox({ persistFile: file })).rejects.toThrow(/damaged\.jsonl: not a sandbox state file/);
    await writeFile(file, 'not json\n');
    await expect(createSandbox({ persistFile: file })).rejects.toThrow(/damaged\.jsonl:1: not JSON/);
  });
});
