/**
 * A realistic mix of raw ServiceNow records for the policy benchmark, made from
 * the seed's four tickets (test/fixtures/records/) with a seeded generator:
 * all four ticket types, mixed priorities, data classes (some empty, some not
 * in the map), the sandbox cast's groups (opted in, assist tier, not opted in,
 * unlisted), and some tickets missing their owner, approver or CI.
 */
import { readFileSync } from 'node:fs';
import type { RawRecord } from '../src/connector/connector.js';
import { fromRoot } from '../src/util/paths.js';

export interface MixRecord {
  readonly table: string;
  readonly record: RawRecord;
}

const FIXTURES: readonly (readonly [table: string, file: string, weight: number])[] = [
  ['incident', 'incident-INC0002041.json', 50],
  ['sc_req_item', 'sc_req_item-RITM0002188.json', 15],
  ['sc_request', 'sc_request-REQ0002188.json', 10],
  ['sn_si_incident', 'sn_si_incident-SIR0002274.json', 10],
  ['rm_enhancement', 'rm_enhancement-ENHC0002219.json', 15],
];

const PRIORITIES: readonly (readonly [string, number])[] = [['1', 5], ['2', 20], ['3', 45], ['4', 25], ['5', 5]];
const CLASSES: readonly (readonly [string, number])[] = [['', 20], ['public', 10], ['internal', 40], ['confidential', 22], ['restricted', 6], ['secret', 2]];
const GROUPS: readonly (readonly [string, number])[] = [
  ['Network Operations', 25],
  ['Service Desk', 20],
  ['Access Management', 12],
  ['Security Operations', 10],
  ['Analytics Platform', 10],
  ['Legal Hold', 5],
  ['Payroll Systems', 8],
  ['Facilities', 7],
  ['', 3],
];

/** mulberry32: a small seeded generator, so every run benches the same mix. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(rand: () => number, options: readonly (readonly [T, number, ...unknown[]])[]): readonly [T, number, ...unknown[]] {
  const total = options.reduce((sum, o) => sum + o[1], 0);
  let r = rand() * total;
  for (const option of options) {
    r -= option[1];
    if (r < 0) return option;
  }
  return options[options.length - 1]!;
}

export function ticketMix(count: number, seed = 2041): MixRecord[] {
  const rand = random(seed);
  const bases = FIXTURES.map(([table, file, weight]) => {
    const json = JSON.parse(readFileSync(fromRoot('test', 'fixtures', 'records', file), 'utf8')) as { result?: RawRecord } & RawRecord;
    return [{ table, record: json.result ?? json }, weight] as const;
  });
  const hex = (): string => Array.from({ length: 32 }, () => Math.floor(rand() * 16).toString(16)).join('');
  const out: MixRecord[] = [];
  for (let i = 0; i < count; i++) {
    const [base] = pick(rand, bases);
    const record: Record<string, string> = { ...base.record };
    record.sys_id = hex();
    record.number = `${record.number?.replace(/\d+$/, '')}${String(1_000_000 + i).slice(1)}`;
    record.priority = pick(rand, PRIORITIES)[0];
    record.x_acme_aihandoff_data_classification = pick(rand, CLASSES)[0];
    const group = pick(rand, GROUPS)[0];
    record.assignment_group = group === '' ? '' : hex();
    record['assignment_group.name'] = group;
    if (rand() < 0.05) for (const key of Object.keys(record)) if (key.endsWith('.manager') || key.endsWith('.owned_by')) record[key] = '';
    if (rand() < 0.15) record.cmdb_ci = '';
    if (rand() < 0.03) record.active = 'false';
    out.push({ table: base.table, record });
  }
  return out;
}
