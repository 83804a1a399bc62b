/**
 * Gathering through the read boundary (src/handoff/gather.ts), with a fake
 * connector in place of the instance: the reads are exactly the read check's
 * queries that the scope asks for, and only records the containment check
 * lets through reach the gathered sources; the rest are counted by reason.
 * The readable path uses the JSON shape of the contract's `readable` column.
 */
import { describe, expect, it } from 'vitest';
import type { BoundaryRules } from '../../../src/boundary/containment.js';
import type { Connector, RawRecord } from '../../../src/connector/connector.js';
import type { HandoffReadCheck } from '../../../src/domain/handoff.js';
import type { SourceKind } from '../../../src/domain/operation.js';
import { readCheckOf, type ReadCheck } from '../../../src/domain/read-check.js';
import type { ScopeBoundary } from '../../../src/domain/scope.js';
import { HandoffError } from '../../../src/errors.js';
import { gatherSources, type GatherResult } from '../../../src/handoff/gather.js';
import { loadMappings, mappingFor } from '../../../src/mapping/load-mappings.js';
import type { FilterCondition } from '../../../src/mapping/mapping-schema.js';
import { toTicket } from '../../../src/mapping/to-ticket.js';

const mapping = mappingFor(loadMappings(), 'incident');
const TICKET = 'a'.repeat(32);
const CI = 'c'.repeat(32);
const CALLER = 'd'.repeat(32);
const GROUP = 'e'.repeat(32);
const OTHER_GROUP = 'f'.repeat(32);
const REQUESTED_ON = '2026-03-02 10:15:00';

const record: RawRecord = {
  sys_id: TICKET,
  number: 'INC0002041',
  short_description: 'Remote access latency',
  description: 'VPN latency above 800 ms',
  state: '2',
  active: 'true',
  priority: '2',
  sys_updated_on: '2026-03-02 10:00:00',
  assignment_group: GROUP,
  'assignment_group.name': 'Network Operations',
  cmdb_ci: CI,
  'cmdb_ci.name': 'VPN Gateway EU-West',
  caller_id: CALLER,
  x_acme_aihandoff_data_classification: 'internal',
};
const ticket = toTicket(mapping, record);

function neighbour(n: number, over: Record<string, string> = {}): RawRecord {
  return {
    sys_id: String(n).repeat(32).slice(0, 32),
    number: `INC000190${n}`,
    short_description: `Neighbour ${n} text NBR-${n}`,
    description: `Description NBR-${n}`,
    assignment_group: GROUP,
    'assignment_group.name': 'Network Operations',
    x_acme_aihandoff_data_classification: 'internal',
    sys_updated_on: '2026-03-01 10:00:00',
    ...over,
  };
}
const NEIGHBOURS = {
  ok: neighbour(1),
  restricted: neighbour(2, { x_acme_aihandoff_data_classification: 'restricted' }),
  confidential: neighbour(3, { x_acme_aihandoff_data_classification: 'confidential' }),
  otherGroup: neighbour(4, { assignment_group: OTHER_GROUP, 'assignment_group.name': 'Payroll Systems' }),
  unlisted: neighbour(5),
  unknownClass: neighbour(6, { x_acme_aihandoff_data_classification: 'Highly Sensitive' }),
  emptyClass: neighbour(7, { x_acme_aihandoff_data_classification: '' }),
};

interface Calls {
  list: FilterCondition[][];
  getRecord: string[];
}

function fakeConnector(rows: { byCi?: RawRecord[]; byCaller?: RawRecord[]; byGroup?: RawRecord[]; ci?: RawRecord | null; forbid?: 'ci' }, calls: Calls): Connector {
  const refuse = (): never => {
    throw new Error('not used by gather');
  };
  return {
    instanceId: 'fake',
    pull: refuse,
    get: refuse,
    writeTicket: refuse,
    finishRow: refuse,
    pendingRows: refuse,
    fieldChanges: refuse,
    user: refuse,
    userRoles: refuse,
    groupMembers: refuse,
    groupByName: refuse,
    tableFields: refuse,
    list(_m, conditions) {
      calls.list.push([...conditions]);
      const field = conditions[0]!.field;
      return Promise.resolve((field === 'cmdb_ci' ? rows.byCi : field === 'caller_id' ? rows.byCaller : rows.byGroup) ?? []);
    },
    getRecord(table, sysId) {
      calls.getRecord.push(`${table}:${sysId}`);
      if (rows.forbid === 'ci') return Promise.reject(new HandoffError('SN_FORBIDDEN', 'ACL'));
      return Promise.resolve(rows.ci ?? null);
    },
    workNotes: () => Promise.resolve([{ sysId: 'n'.repeat(32), value: 'Checked the gateway.', createdBy: 'alex.rivera', createdOn: '2026-03-02 09:00:00' }]),
  };
}

const check: ReadCheck = readCheckOf([
  { source: 'related_by_ci', table: 'incident', field: 'cmdb_ci', value: CI, exclude: TICKET, limit: 20 },
  { source: 'related_by_caller', table: 'incident', field: 'caller_id', value: CALLER, exclude: TICKET, limit: 20 },
  { source: 'related_by_group', table: 'incident', field: 'assignment_group', value: GROUP, exclude: TICKET, limit: 20 },
  { source: 'ci_record', table: 'cmdb_ci', sysId: CI },
]);
const rules: BoundaryRules = { groupUsesAi: (g) => g.id === GROUP, ciRecordClass: 'internal', classLowering: { coolDownMs: 0, refuse: 'everyone' } };
const BOUNDARY: ScopeBoundary = { classes: ['public', 'internal'], provider: 'builtin', otherGroups: false, requesterMustRead: true };
const CI_ROW: RawRecord = { sys_id: CI, name: 'VPN Gateway EU-West', short_description: 'Gateway pair NBR-CI', support_group: GROUP, 'support_group.name': 'Network Operations' };

function readable(tables: Record<string, string[]>, id = check.id): HandoffReadCheck {
  return { readable: JSON.stringify({ check: id, at: REQUESTED_ON, readable: tables }), requestedOn: REQUESTED_ON };
}

async function gather(
  sources: SourceKind[],
  readCheck: HandoffReadCheck | null,
  rows: Parameters<typeof fakeConnector>[0],
  boundary: ScopeBoundary = BOUNDARY,
): Promise<GatherResult & { calls: Calls }> {
  const calls: Calls = { list: [], getRecord: [] };
  const scope = { sources, boundary } as unknown as Parameters<typeof gatherSources>[0]['handoff']['scope'];
  const result = await gatherSources({ connector: fakeConnector(rows, calls), mapping, ticket, record, handoff: { scope, readCheck }, ours: () => false, readCheck: check, rules });
  return { ...result, calls };
}

const ALL: SourceKind[] = ['ticket_fields', 'work_notes', 'related_by_ci', 'related_by_caller', 'related_by_group', 'ci_record'];
const text = (r: GatherResult): string => JSON.stringify(r.gathered);

describe('gathering without a usable read check: fail closed', () => {
  it('uses nothing beyond the ticket, counts what was found, and says so instead of "none found"', async () => {
    const r = await gather(ALL, null, { byCi: [NEIGHBOURS.ok, NEIGHBOURS.restricted], byCaller: [NEIGHBOURS.otherGroup], ci: CI_ROW });
    expect(r.gathered.relatedByCi).toEqual([]);
    expect(r.gathered.relatedByCaller).toEqual([]);
    expect(r.gathered.ci).toBeNull();
    expect(r.gathered.ticket.number).toBe('INC0002041');
    expect(r.gathered.workNotes).toHaveLength(1);
    expect(r.boundary).toEqual({
      requested: ['related_by_ci', 'related_by_caller', 'related_by_group', 'ci_record'],
      readCheck: 'missing',
      used: [],
      withheld: [
        { reason: 'restricted', count: 1 },
        { reason: 'group_not_opted_in', count: 1 },
        { reason: 'read_check_unavailable', count: 2 },
      ],
    });
    expect(r.gathered.unreadable?.map((u) => `${u.kind}: ${u.detail}`)).toEqual([
      "ci_record: withheld: none of the 1 found is within this hand-off's boundary",
      "related_by_ci: withheld: none of the 2 found is within this hand-off's boundary",
      "related_by_caller: withheld: none of the 1 found is within this hand-off's boundary",
    ]);
    expect(text(r)).not.toMatch(/NBR-/);
  });

  it('fails closed the same on a read check for another panel', async () => {
    const r = await gather(ALL, readable({ incident: [NEIGHBOURS.ok.sys_id!], cmdb_ci: [CI] }, 'f'.repeat(32)), { byCi: [NEIGHBOURS.ok], ci: CI_ROW });
    expect(r.boundary.readCheck).toBe('mismatched');
    expect(r.boundary.used).toEqual([]);
    expect(text(r)).not.toMatch(/NBR-/);
  });
});

describe('gathering with the read check (the JSON the app rule stores)', () => {
  it('uses only records in bounds and listed; withholds restricted, higher, other-group, unlisted and unknown-class ones', async () => {
    const listed = Object.values(NEIGHBOURS).filter((n) => n !== NEIGHBOURS.unlisted).map((n) => n.sys_id!);
    const r = await gather(ALL, readable({ incident: listed, cmdb_ci: [CI] }), {
      byCi: [NEIGHBOURS.ok, NEIGHBOURS.restricted, NEIGHBOURS.confidential, NEIGHBOURS.unknownClass],
      byCaller: [NEIGHBOURS.otherGroup, NEIGHBOURS.unlisted],
      byGroup: [NEIGHBOURS.emptyClass],
      ci: CI_ROW,
    });
    expect(r.gathered.relatedByCi.map((x) => x.number)).toEqual([NEIGHBOURS.ok.number]);
    expect(r.gathered.relatedByCaller).toEqual([]);
    expect(r.gathered.relatedByGroup.map((x) => x.number)).toEqual([NEIGHBOURS.emptyClass.number]);
    expect(r.gathered.ci?.fields.map((f) => f.name)).toEqual(['name', 'short_description', 'support_group.name']);
    expect(r.boundary.readCheck).toBe('ok');
    expect(r.boundary.used).toEqual([
      { kind: 'related_by_ci', table: 'incident', sysId: NEIGHBOURS.ok.sys_id, dataClass: 'internal' },
      { kind: 'related_by_group', table: 'incident', sysId: NEIGHBOURS.emptyClass.sys_id, dataClass: 'internal' },
      { kind: 'ci_record', table: 'cmdb_ci', sysId: CI, dataClass: 'internal' },
    ]);
    expect(r.boundary.withheld).toEqual([
      { reason: 'restricted', count: 1 },
      { reason: 'above_ticket_class', count: 2 },
      { reason: 'group_not_opted_in', count: 1 },
      { reason: 'requester_cannot_open', count: 1 },
    ]);
    const gathered = text(r);
    for (const out of [NEIGHBOURS.restricted, NEIGHBOURS.confidential, NEIGHBOURS.otherGroup, NEIGHBOURS.unlisted, NEIGHBOURS.unknownClass]) {
      expect(gathered).not.toContain(out.short_description);
      expect(gathered).not.toContain(out.sys_id);
    }
    expect(gathered).toContain('NBR-1');
    // The CI's owning group is read for the check, never shown.
    expect(gathered).not.toContain(GROUP);
  });

  it('withholds the CI record of a group that has not opted in, or with none', async () => {
    const r = await gather(['ticket_fields', 'ci_record'], readable({ cmdb_ci: [CI] }), { ci: { ...CI_ROW, support_group: '' } });
    expect(r.gathered.ci).toBeNull();
    expect(r.boundary.withheld).toEqual([{ reason: 'group_not_opted_in', count: 1 }]);
  });

  it('counts the CI record as the policy\'s class for it', async () => {
    const calls: Calls = { list: [], getRecord: [] };
    const scope = { sources: ['ci_record'], boundary: BOUNDARY } as unknown as Parameters<typeof gatherSources>[0]['handoff']['scope'];
    const r = await gatherSources({ connector: fakeConnector({ ci: CI_ROW }, calls), mapping, ticket, record, handoff: { scope, readCheck: readable({ cmdb_ci: [CI] }) }, ours: () => false, readCheck: check, rules: { ...rules, ciRecordClass: 'confidential' } });
    expect(r.gathered.ci).toBeNull();
    expect(r.boundary.withheld).toEqual([{ reason: 'above_ticket_class', count: 1 }]);
  });

  it('reads exactly the read check\'s queries the scope asks for, and nothing else', async () => {
    const r = await gather(['ticket_fields', 'related_by_caller'], readable({ incident: [] }), { byCaller: [NEIGHBOURS.ok] });
    expect(r.calls.getRecord).toEqual([]);
    expect(r.calls.list).toEqual([
      [
        { field: 'caller_id', op: '=', value: CALLER },
        { field: 'sys_id', op: '!=', value: TICKET },
      ],
    ]);
    expect(r.boundary.requested).toEqual(['related_by_caller']);
  });

  it('keeps a source the integration user may not read an "unreadable" gap, not a failure', async () => {
    const r = await gather(['ticket_fields', 'ci_record'], readable({ cmdb_ci: [CI] }), { forbid: 'ci' });
    expect(r.gathered.unreadable).toEqual([{ kind: 'ci_record', detail: 'SN_FORBIDDEN: the integration user could not read these' }]);
    expect(r.boundary.withheld).toEqual([]);
  });
});
