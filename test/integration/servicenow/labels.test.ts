/**
 * Labels, not codes: the connector reads records with
 * `sysparm_display_value=all` from the sandbox over HTTP, keeps the raw value
 * under each field's name and the label under `dv_<field>`, and the gathered
 * sources show the label while the guard can still ground the raw value.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { buildSourceSet } from '../../../src/ai/source-set.js';
import { sourceText } from '../../../src/ai/sources.js';
import { displayValueOf } from '../../../src/connector/connector.js';
import { loadMappings } from '../../../src/mapping/load-mappings.js';
import { toTicket } from '../../../src/mapping/to-ticket.js';
import { gatherAsRequester, sandboxPolicyPort } from '../../support/requester-view.js';
import { byNumber, mapping, startWorld, type World } from './sandbox-world.js';

let world: World | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

describe('labels from the instance', () => {
  it('reads choice and reference labels beside the raw values, as a real instance serves them', async () => {
    world = await startWorld();
    const incident = mapping('incident');
    const sysId = byNumber(world.sandbox, 'incident', 'INC0002041').v.sys_id!;
    const record = (await world.connector.get(incident, sysId))!;
    expect([record.state, displayValueOf(record, 'state')]).toEqual(['2', 'In Progress']);
    expect([record.priority, displayValueOf(record, 'priority')]).toEqual(['2', '2 - High']);
    // A reference's label is the referenced record's display field; a dot-walked name is already a label.
    expect(displayValueOf(record, 'cmdb_ci')).toBe('VPN Gateway EU-West');
    expect(displayValueOf(record, 'cmdb_ci.name')).toBeUndefined();
    // The canonical ticket is built from raw values, exactly as before.
    expect(toTicket(incident, record).state.value).toBe('2');

    const security = (await world.connector.list(mapping('sn_si_incident'), [{ field: 'number', op: '=', value: 'SIR0002274' }], 1))[0]!;
    expect([security.state, displayValueOf(security, 'state')]).toEqual(['16', 'Analysis']);

    const ci = (await world.connector.getRecord('cmdb_ci', record.cmdb_ci!, ['name', 'sys_class_name', 'operational_status']))!;
    expect(displayValueOf(ci, 'sys_class_name')).toBe('Network Gear');
    expect(displayValueOf(ci, 'operational_status')).toBe('Operational');
  });

  it('gathers labelled sources: people read the label, the guard can still ground the raw value', async () => {
    world = await startWorld();
    const incident = mapping('incident');
    const sysId = byNumber(world.sandbox, 'incident', 'INC0002041').v.sys_id!;
    const record = (await world.connector.get(incident, sysId))!;
    const { gathered } = await gatherAsRequester({ connector: world.connector, mappings: loadMappings(), policy: sandboxPolicyPort(loadMappings()), mapping: incident, record, operation: 'gather-diagnostics', sources: ['ticket_fields', 'related_by_ci', 'ci_record'] });
    const set = buildSourceSet(gathered);
    const ticket = set.sources[0]!;
    expect(ticket.fields.find((f) => f.name === 'state')).toEqual({ name: 'state', label: 'State', value: 'In Progress', raw: '2' });
    expect(ticket.fields.find((f) => f.name === 'priority')).toMatchObject({ value: '2 - High', raw: '2' });
    expect(sourceText(ticket)).toContain('State: In Progress');
    expect(sourceText(ticket).split('\n')).toContain('2');
    const related = set.sources.filter((s) => s.kind === 'related_by_ci').flatMap((s) => s.fields.filter((f) => f.name === 'state').map((f) => f.value));
    expect(related.length).toBeGreaterThan(0);
    for (const state of related) expect(state).toMatch(/^[A-Z][a-z]/);
    const ci = set.sources.find((s) => s.kind === 'ci_record')!;
    expect(ci.fields.map((f) => `${f.label}: ${f.value}`)).toEqual(expect.arrayContaining(['Class: Network Gear', 'Operational status: Operational', 'Owned by: Irene Costa']));
  });
});
