/**
 * Records as the Table API returns them (every value a string, dot-walked
 * keys, empty fields as "") become canonical tickets; what cannot be derived
 * is null with an issue; a record that is not an object of strings is refused
 * naming the field.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Ticket } from '../../../src/domain/ticket.js';
import { isHandoffError } from '../../../src/errors.js';
import { loadMappings, mappingFor } from '../../../src/mapping/load-mappings.js';
import type { TableMapping } from '../../../src/mapping/mapping-schema.js';
import { priorityFromImpactUrgency } from '../../../src/mapping/severity.js';
import { toTicket } from '../../../src/mapping/to-ticket.js';
import { fromRoot } from '../../../src/util/paths.js';

const mappings = loadMappings();
const incidentMapping = mappingFor(mappings, 'incident');

function record(file: string): Record<string, string> {
  const json = JSON.parse(readFileSync(fromRoot('test', 'fixtures', 'records', file), 'utf8')) as { result?: Record<string, string> } & Record<string, string>;
  return { ...(json.result ?? json) };
}
const inc = record('incident-INC0002041.json');

function refusal(mapping: TableMapping, value: unknown): string {
  try {
    toTicket(mapping, value as Record<string, string>);
  } catch (error) {
    if (isHandoffError(error, 'RECORD_INVALID')) return error.message;
    throw error;
  }
  throw new Error('the record mapped');
}

describe('the seed records', () => {
  it('INC0002041 maps every field, with names from the dot-walked keys', () => {
    const ticket = Ticket.parse(toTicket(incidentMapping, inc));
    expect(ticket).toMatchObject({
      ref: { system: 'servicenow', table: 'incident', sysId: inc.sys_id, number: 'INC0002041' },
      type: 'incident',
      number: 'INC0002041',
      title: 'Remote access latency',
      severity: 2,
      dataClass: 'internal',
      owner: { group: { id: inc.assignment_group, name: 'Network Operations' }, assignee: { id: inc.assigned_to, name: 'Alex Rivera' } },
      aiTier: null,
      approvers: { incident_commander: [{ kind: 'user', id: inc['assignment_group.manager'], name: 'Irene Costa' }] },
      configurationItem: { id: inc.cmdb_ci, name: 'VPN Gateway EU-West' },
      caller: { id: inc.caller_id, name: 'Jordan Miles' },
      state: { value: '2', active: true },
      updatedAt: '2026-11-25 09:30:05',
      issues: [],
    });
  });

  it.each([
    ['sc_request', 'sc_request-REQ0002188.json', 'request', 'confidential', 'requester_manager', 'Morgan Lee'],
    ['sc_req_item', 'sc_req_item-RITM0002188.json', 'request', 'confidential', 'requester_manager', 'Morgan Lee'],
    ['sn_si_incident', 'sn_si_incident-SIR0002274.json', 'security', 'confidential', 'security_owner', 'Samira Haddad'],
    ['rm_enhancement', 'rm_enhancement-ENHC0002219.json', 'enhancement', 'internal', 'sponsor', 'Victor Alvarez'],
  ] as const)('%s maps to a %s ticket, %s, approver %s %s', (table, file, type, dataClass, role, name) => {
    const ticket = Ticket.parse(toTicket(mappingFor(mappings, table), record(file)));
    expect(ticket.type).toBe(type);
    expect(ticket.dataClass).toBe(dataClass);
    expect(ticket.approvers[role]?.[0]?.name).toBe(name);
    expect(ticket.issues).toEqual([]);
  });

  it('the security incident lists the CI owner first, then the group manager, without duplicates', () => {
    const sec = record('sn_si_incident-SIR0002274.json');
    const ticket = toTicket(mappingFor(mappings, 'sn_si_incident'), sec);
    expect(ticket.approvers.security_owner).toEqual([{ kind: 'user', id: sec['cmdb_ci.owned_by'], name: 'Samira Haddad' }]);
    const other = toTicket(mappingFor(mappings, 'sn_si_incident'), { ...sec, 'assignment_group.manager': 'bbbb', 'assignment_group.manager.name': 'Deputy' });
    expect(other.approvers.security_owner?.map((p) => p.name)).toEqual(['Samira Haddad', 'Deputy']);
  });
});

describe('derived values', () => {
  it('severity follows the priority map; Planning (5) counts as 4; empty or odd priority is unknown', () => {
    expect(toTicket(incidentMapping, { ...inc, priority: '5' }).severity).toBe(4);
    const empty = toTicket(incidentMapping, { ...inc, priority: '' });
    expect(empty.severity).toBeNull();
    expect(empty.issues).toEqual([{ field: 'priority', message: 'is empty: severity is unknown' }]);
    expect(toTicket(incidentMapping, { ...inc, priority: '9' }).issues[0]?.message).toContain("priority '9' is not in the mapping's severity map");
  });

  it("impact and urgency go through ServiceNow's priority matrix", () => {
    expect([
      ['1', '1'],
      ['1', '2'],
      ['1', '3'],
      ['2', '1'],
      ['2', '2'],
      ['2', '3'],
      ['3', '1'],
      ['3', '2'],
      ['3', '3'],
    ].map(([i, u]) => priorityFromImpactUrgency(i!, u!))).toEqual(['1', '2', '3', '2', '3', '4', '3', '4', '5']);
    const byMatrix: TableMapping = { ...incidentMapping, severity: { from: 'impact_urgency', impact: 'impact', urgency: 'urgency', map: { '1': 1, '2': 2, '3': 3, '4': 4, '5': 4 } } };
    expect(toTicket(byMatrix, { ...inc, impact: '1', urgency: '1' }).severity).toBe(1);
    expect(toTicket(byMatrix, { ...inc, impact: '3', urgency: '3' }).severity).toBe(4);
    const odd = toTicket(byMatrix, { ...inc, impact: '4', urgency: '1' });
    expect(odd.severity).toBeNull();
    expect(odd.issues[0]).toEqual({ field: 'impact/urgency', message: "impact '4' and urgency '1' are not in ServiceNow's 1..3 matrix: severity is unknown" });
  });

  it('data class: empty is the table default, a value outside the map is unknown with an issue', () => {
    expect(toTicket(incidentMapping, { ...inc, x_acme_aihandoff_data_classification: '' }).dataClass).toBe('internal');
    expect(toTicket(mappingFor(mappings, 'sn_si_incident'), { ...record('sn_si_incident-SIR0002274.json'), x_acme_aihandoff_data_classification: '' }).dataClass).toBe('confidential');
    expect(toTicket(incidentMapping, { ...inc, x_acme_aihandoff_data_classification: 'Confidential' }).dataClass).toBe('confidential');
    const odd = toTicket(incidentMapping, { ...inc, x_acme_aihandoff_data_classification: 'secret' });
    expect(odd.dataClass).toBeNull();
    expect(odd.issues).toEqual([{ field: 'x_acme_aihandoff_data_classification', message: "value 'secret' is not in the mapping's data-class map: the data class is unknown" }]);
    const { x_acme_aihandoff_data_classification: _, ...without } = inc;
    expect(toTicket(incidentMapping, without).dataClass).toBe('internal');
  });

  it('empty references are null, empty approver fields are skipped, names are optional', () => {
    const t = toTicket(incidentMapping, { ...inc, assigned_to: '', cmdb_ci: '', 'assignment_group.manager': '', 'assignment_group.name': '' });
    expect(t.owner.assignee).toBeNull();
    expect(t.configurationItem).toBeNull();
    expect(t.approvers.incident_commander).toEqual([]);
    expect(t.owner.group).toEqual({ id: inc.assignment_group });
  });

  it('a mapped tier field: known values map, an unknown one is tier none with an issue', () => {
    const withTier: TableMapping = { ...incidentMapping, aiTier: { field: 'x_acme_aihandoff_tier', map: { gold: 'extended', silver: 'standard' } } };
    expect(toTicket(withTier, { ...inc, x_acme_aihandoff_tier: 'silver' }).aiTier).toBe('standard');
    expect(toTicket(withTier, { ...inc, x_acme_aihandoff_tier: '' }).aiTier).toBeNull();
    const odd = toTicket(withTier, { ...inc, x_acme_aihandoff_tier: 'platinum' });
    expect(odd.aiTier).toBe('none');
    expect(odd.issues[0]?.field).toBe('x_acme_aihandoff_tier');
  });

  it('active other than "true" or "false" is inactive with an issue', () => {
    const t = toTicket(incidentMapping, { ...inc, active: '1' });
    expect(t.state.active).toBe(false);
    expect(t.issues[0]?.field).toBe('active');
  });

  it('a map key such as "constructor" is not read from the prototype', () => {
    expect(toTicket(incidentMapping, { ...inc, priority: 'constructor' }).severity).toBeNull();
    expect(toTicket(incidentMapping, { ...inc, x_acme_aihandoff_data_classification: 'toString' }).dataClass).toBeNull();
  });
});

describe('records that cannot be mapped', () => {
  it('not an object', () => {
    expect(refusal(incidentMapping, null)).toBe('incident record: (record): is null, not an object of field values');
    expect(refusal(incidentMapping, [inc])).toContain('is an array');
    expect(refusal(incidentMapping, 'INC0002041')).toContain('is string');
  });

  it('a value that is not a string names the field', () => {
    expect(refusal(incidentMapping, { ...inc, priority: 2 })).toContain('incident record: priority: is number, not a string');
    expect(refusal(incidentMapping, { ...inc, active: true })).toContain('active: is boolean');
    expect(refusal(incidentMapping, { ...inc, assignment_group: null })).toContain('assignment_group: is null');
  });

  it('a reference field as {link, value} says how to ask the Table API', () => {
    const message = refusal(incidentMapping, { ...inc, assignment_group: { link: 'https://x/api/now/table/sys_user_group/1', value: '1' } });
    expect(message).toContain('assignment_group: is object (a {link, value} or {display_value, value} object)');
    expect(message).toContain('sysparm_exclude_reference_link=true');
  });

  it('no sys_id or no number', () => {
    expect(refusal(incidentMapping, { ...inc, sys_id: '' })).toContain('sys_id: is empty or missing');
    const { number: _, ...noNumber } = inc;
    expect(refusal(incidentMapping, noNumber)).toContain('number: is empty or missing');
  });
});
