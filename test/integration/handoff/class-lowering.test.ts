/**
 * Pickup's check of a lowered class (src/handoff/class-lowering.ts) on a real
 * Redis and audit ledger, with the instance's answers given directly: what
 * sys_audit says (or that it cannot be read) and the panel the ticket holds,
 * which is how the worker knows the previous class across restarts when
 * sys_audit is not readable.
 */
import { Redis } from 'ioredis';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import type { BoundaryRules } from '../../../src/boundary/containment.js';
import type { Connector, FieldChange, RawRecord } from '../../../src/connector/connector.js';
import { HandoffError } from '../../../src/errors.js';
import { createAuditLedger, type AuditLedger } from '../../../src/handoff/audit-ledger.js';
import { checkClassLowering } from '../../../src/handoff/class-lowering.js';
import type { FlowDeps } from '../../../src/handoff/flow-deps.js';
import { loadMappings, mappingFor } from '../../../src/mapping/load-mappings.js';
import { toTicket } from '../../../src/mapping/to-ticket.js';
import { redisUrl, testPrefix } from '../../support/redis.js';
import { testAuditKeys } from '../../support/audit.js';

const redis = new Redis(redisUrl());
afterAll(() => redis.quit());

const mapping = mappingFor(loadMappings(), 'incident');
const CLASS = 'x_acme_aihandoff_data_classification';
const NOW = new Date('2026-03-02T12:00:00Z');
const HOUR = 3_600_000;
const glide = (ms: number): string => new Date(NOW.getTime() - ms).toISOString().slice(0, 19).replace('T', ' ');

function record(dataClass: string, panel?: object): RawRecord {
  return {
    sys_id: 'a'.repeat(32),
    number: 'INC0002099',
    short_description: 'x',
    active: 'true',
    priority: '3',
    assignment_group: 'b'.repeat(32),
    [CLASS]: dataClass,
    ...(panel === undefined ? {} : { [mapping.ai.panel]: JSON.stringify(panel) }),
  };
}
const panelAt = (dataClass: string, classLowered: object | null = null) => ({ ticket: { dataClass, classLowered } });

describe('checkClassLowering', () => {
  let ledger: AuditLedger;
  let prefix: string;
  let audit: FieldChange[] | 'unreadable';

  function deps(refuse: BoundaryRules['classLowering']['refuse'] = 'everyone', coolDownMs = 24 * HOUR): FlowDeps {
    const connector = {
      fieldChanges: () => (audit === 'unreadable' ? Promise.reject(new HandoffError('SN_FORBIDDEN', 'ACL')) : Promise.resolve(audit)),
    } as unknown as Connector;
    const rules: BoundaryRules = { groupUsesAi: () => true, ciRecordClass: 'internal', classLowering: { coolDownMs, refuse } };
    return {
      connector,
      ledger,
      redis,
      prefix,
      now: () => NOW,
      settings: { integrationUser: 'svc.aihandoff', reviewWindowMs: 0, writeLeaseMs: 0 },
      policy: { version: 'test+00000000', boundaryRules: () => rules },
    } as unknown as FlowDeps;
  }
  const check = (r: RawRecord, requester = 'alex.rivera', d = deps()) => checkClassLowering(d, mapping, r, toTicket(mapping, r), { userName: requester });
  const loweredEvents = async () => {
    const out = [];
    for await (const e of ledger.events()) if (e.type === 'class_lowered') out.push(e);
    return out;
  };

  beforeEach(() => {
    prefix = testPrefix('lowering');
    ledger = createAuditLedger({ redis, prefix, keys: testAuditKeys() });
    audit = [];
  });

  it('refuses when sys_audit shows a lowering within the cool-down, naming who and when', async () => {
    audit = [{ field: CLASS, oldValue: 'restricted', newValue: 'public', user: 'alex.rivera', createdOn: glide(HOUR), checkpoint: 4 }];
    const refusal = await check(record('public', panelAt('public')));
    expect(refusal?.code).toBe('BOUNDARY_CLASS_LOWERED');
    expect(refusal?.message).toBe(
      `The request was not taken: the data classification of INC0002099 was lowered from Restricted to Public by alex.rivera at ${new Date(NOW.getTime() - HOUR).toISOString()}, and policy refuses AI hand-off until ${new Date(NOW.getTime() + 23 * HOUR).toISOString()}.`,
    );
    const [event] = await loweredEvents();
    expect(event).toMatchObject({ ticket: { number: 'INC0002099' }, handoff: null, details: { from: 'restricted', to: 'public', by: 'alex.rivera' } });
  });

  it('knows the previous class from the panel on the ticket when sys_audit cannot be read: who is unknown', async () => {
    audit = 'unreadable';
    const lowered = { from: 'restricted', to: 'public', at: new Date(NOW.getTime() - 2 * HOUR).toISOString() };
    const refusal = await check(record('public', panelAt('public', lowered)));
    expect(refusal?.message).toContain('was lowered from Restricted to Public by someone the instance does not name (sys_audit is not readable)');
    expect((await loweredEvents())[0]?.details).toMatchObject({ from: 'restricted', to: 'public', by: 'unknown', at: lowered.at });
  });

  it('sees a lowering the next sync has not put in the panel yet: the panel still records the higher class', async () => {
    audit = [];
    const refusal = await check(record('internal', panelAt('confidential')));
    expect(refusal?.message).toContain('lowered from Confidential to Internal');
  });

  it('lets the request go on after the cool-down, when the class is back up, or on a raise', async () => {
    audit = [{ field: CLASS, oldValue: 'restricted', newValue: 'public', user: 'alex.rivera', createdOn: glide(25 * HOUR), checkpoint: 4 }];
    expect(await check(record('public', panelAt('public')))).toBeNull();
    audit = [
      { field: CLASS, oldValue: 'public', newValue: 'restricted', user: 'grace.obi', createdOn: glide(HOUR), checkpoint: 5 },
      { field: CLASS, oldValue: 'restricted', newValue: 'public', user: 'alex.rivera', createdOn: glide(2 * HOUR), checkpoint: 4 },
    ];
    expect(await check(record('restricted', panelAt('restricted')))).toBeNull();
    audit = [{ field: CLASS, oldValue: 'internal', newValue: 'confidential', user: 'alex.rivera', createdOn: glide(HOUR), checkpoint: 2 }];
    expect(await check(record('confidential', panelAt('confidential')))).toBeNull();
    const expired = { from: 'restricted', to: 'public', at: new Date(NOW.getTime() - 30 * HOUR).toISOString() };
    audit = 'unreadable';
    expect(await check(record('public', panelAt('public', expired)))).toBeNull();
    expect(await loweredEvents()).toEqual([]);
  });

  it('does not take the ticket being created with a class for a lowering (the insert row)', async () => {
    audit = [{ field: CLASS, oldValue: '', newValue: 'public', user: 'grace.obi', createdOn: glide(HOUR), checkpoint: 0 }];
    expect(await check(record('public'))).toBeNull();
  });

  it("counts a class cleared to the table's default as a lowering from what it was", async () => {
    audit = [{ field: CLASS, oldValue: 'restricted', newValue: '', user: 'alex.rivera', createdOn: glide(HOUR), checkpoint: 3 }];
    expect((await check(record('', panelAt('internal'))))?.message).toContain('lowered from Restricted to Internal by alex.rivera');
  });

  it('with refuse: lowerer, lets someone else go on but refuses the lowerer and an unknown one; records the lowering either way, once', async () => {
    audit = [{ field: CLASS, oldValue: 'confidential', newValue: 'internal', user: 'morgan.lee', createdOn: glide(HOUR), checkpoint: 2 }];
    const lowerer = deps('lowerer');
    expect(await check(record('internal', panelAt('internal')), 'alex.rivera', lowerer)).toBeNull();
    expect(await check(record('internal', panelAt('internal')), 'morgan.lee', lowerer)).not.toBeNull();
    expect(await loweredEvents()).toHaveLength(1);
    audit = 'unreadable';
    expect(await check(record('internal', panelAt('confidential')), 'alex.rivera', lowerer)).not.toBeNull();
  });

  it('does nothing with a cool-down of 0, or when the class is unknown (policy blocks that ticket already)', async () => {
    audit = [{ field: CLASS, oldValue: 'restricted', newValue: 'public', user: 'alex.rivera', createdOn: glide(HOUR), checkpoint: 4 }];
    expect(await check(record('public', panelAt('restricted')), 'alex.rivera', deps('everyone', 0))).toBeNull();
    expect(await check(record('top secret', panelAt('restricted')))).toBeNull();
  });

  it('lets a transient failure reading sys_audit reach the caller, so pickup tries again', async () => {
    const d = deps();
    (d.connector as { fieldChanges: unknown }).fieldChanges = () => Promise.reject(new HandoffError('SN_UNAVAILABLE', '503'));
    await expect(check(record('public', panelAt('public')), 'alex.rivera', d)).rejects.toThrow('503');
  });
});
