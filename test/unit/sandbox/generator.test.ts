/**
 * The ticket generator: deterministic for a seed, the planned mix, and
 * records an instance would accept (references resolve, closed incidents
 * carry their resolution, every requested item has its request).
 */
import { describe, expect, it } from 'vitest';
import { appNames } from '../../../src/domain/app-names.js';
import { createCredentials } from '../../../connectors/servicenow/sandbox/auth/credentials.js';
import { createRecords } from '../../../connectors/servicenow/sandbox/records.js';
import { createSchema } from '../../../connectors/servicenow/sandbox/schema/registry.js';
import { loadSeed } from '../../../connectors/servicenow/sandbox/seed/index.js';
import { createStore, type Store } from '../../../connectors/servicenow/sandbox/store.js';
import type { GenerateOptions } from '../../../connectors/servicenow/sandbox/generator.js';

const NOW = Date.UTC(2025, 5, 2, 12, 0, 0);
const TICKET_TABLES = ['incident', 'sc_request', 'sc_req_item', 'sn_si_incident', 'rm_enhancement'];

function generate(options: Omit<GenerateOptions, 'count'>, count: number): { store: Store; stats: NonNullable<ReturnType<typeof loadSeed>['generated']> } {
  const store = createStore(createSchema());
  const records = createRecords({ store, clock: () => NOW });
  const { generated } = loadSeed(store, records, createCredentials(), NOW, appNames(), { handWritten: false, tickets: count, generator: options });
  return { store, stats: generated! };
}

const fingerprint = (store: Store): string[] =>
  TICKET_TABLES.flatMap((t) => [...store.partitions(t)[0]!.rows.values()].map((r) => `${t} ${r.v.number!} ${r.v.sys_id!} ${r.v.sys_updated_on!} ${r.v.short_description!} ${r.v.state!}`));

describe('generator', () => {
  it('makes exactly the requested number of ticket records', () => {
    const { store, stats } = generate({ seed: 1 }, 1001);
    expect(stats.count).toBe(1001);
    expect(TICKET_TABLES.reduce((n, t) => n + store.partitions(t)[0]!.rows.size, 0)).toBe(1001);
  });

  it('is deterministic: same seed, same tickets; another seed, other tickets', () => {
    const a = fingerprint(generate({ seed: 42 }, 500).store);
    const b = fingerprint(generate({ seed: 42 }, 500).store);
    const c = fingerprint(generate({ seed: 43 }, 500).store);
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
  });

  it('gives the planned mix: types, active share, and about 12% blocking inputs', () => {
    const { store, stats } = generate({ seed: 5, activeShare: 0.8 }, 6000);
    const share = (n: number): number => n / stats.count;
    expect(share(stats.byTable.incident!)).toBeGreaterThan(0.33);
    expect(share(stats.byTable.incident!)).toBeLessThan(0.47);
    expect(stats.byTable.sc_req_item).toBeGreaterThan(0);
    expect(stats.byTable.sn_si_incident).toBeGreaterThan(0);
    expect(stats.byTable.rm_enhancement).toBeGreaterThan(0);
    expect(share(stats.active)).toBeGreaterThan(0.76);
    expect(share(stats.active)).toBeLessThan(0.84);
    const blocked = stats.blockInputs.restricted + stats.blockInputs.not_opted_in + stats.blockInputs.no_owner;
    // Counted per generated ticket (a request counts once for its pair of records).
    const tickets = stats.count - stats.byTable.sc_request!;
    expect(blocked / tickets).toBeGreaterThan(0.09);
    expect(blocked / tickets).toBeLessThan(0.15);
    const restricted = TICKET_TABLES.flatMap((t) => [...store.partitions(t)[0]!.rows.values()]).filter((r) => r.v[appNames().fields.dataClass] === 'restricted');
    expect(restricted.length).toBeGreaterThan(0);
  });

  it('writes records an instance would accept', () => {
    const { store } = generate({ seed: 9 }, 2000);
    for (const t of TICKET_TABLES) {
      for (const row of store.partitions(t)[0]!.rows.values()) {
        for (const [field, target] of [['assignment_group', 'sys_user_group'], ['assigned_to', 'sys_user'], ['cmdb_ci', 'cmdb_ci'], ['opened_by', 'sys_user']] as const) {
          const id = row.v[field]!;
          if (id !== '') expect(store.get(target, id), `${row.v.number!}.${field}`).toBeDefined();
        }
        expect(row.v.number).toMatch(/^(INC|REQ|RITM|SIR|ENHC)\d{7}$/);
        expect(row.v.sys_updated_on! >= row.v.sys_created_on!).toBe(true);
        if (t === 'incident' && (row.v.state === '6' || row.v.state === '7')) {
          expect(row.v.close_code, row.v.number).not.toBe('');
          expect(row.v.close_notes, row.v.number).not.toBe('');
        }
        if (t === 'sc_req_item' && row.v.request !== '') expect(store.get('sc_request', row.v.request!)).toBeDefined();
        expect(row.v.active).toBe(['7', '3', '4'].includes(row.v.state!) && t !== 'incident' ? 'false' : row.v.active);
      }
    }
    const notes = store.partitions('sys_journal_field')[0]!.rows.size;
    expect(notes).toBeGreaterThan(1000);
  });
});
