/**
 * The instance anchor: the app's insert-only checkpoint table on the sandbox,
 * written and read through the real connector. The integration role may
 * create and read rows, never change them; verify holds the ledger against
 * them even when Redis lost everything; a row an admin edited is reported.
 */
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseServiceNowConfig } from '../../../connectors/servicenow/config.js';
import { createSandbox, INTEGRATION_PASSWORD, INTEGRATION_USER, PERSON_PASSWORD, type Sandbox } from '../../../connectors/servicenow/sandbox/index.js';
import { createServiceNowConnector, type ServiceNowConnector } from '../../../connectors/servicenow/servicenow-connector.js';
import { appNames } from '../../../src/domain/app-names.js';
import { createCheckpointer } from '../../../src/handoff/audit-checkpointer.js';
import { openAuditLedger } from '../../../src/handoff/audit-setup.js';
import { createLogger, silentLogger } from '../../../src/util/log.js';
import { testAuditSetup } from '../../support/audit.js';
import { redisUrl, testPrefix } from '../../support/redis.js';

const TABLE = appNames().tables.checkpoint;
const redis = new Redis(redisUrl());
let sandbox: Sandbox;
let connector: ServiceNowConnector;

beforeAll(async () => {
  sandbox = await createSandbox({ port: 0, seed: false });
  connector = connectAs();
});

/** The integration user's connector, for the app installed under `appScope` (default the shipped scope). */
function connectAs(appScope?: string): ServiceNowConnector {
  const config = parseServiceNowConfig({ instanceUrl: sandbox.url, auth: { kind: 'basic', username: INTEGRATION_USER, password: INTEGRATION_PASSWORD } });
  return createServiceNowConnector({ config, log: silentLogger, ...(appScope === undefined ? {} : { appScope }) });
}
afterAll(async () => {
  connector.close();
  await sandbox.close();
  await redis.quit();
});

const call = async (user: string, method: string, path: string, body?: unknown): Promise<{ status: number; json: { result?: Record<string, string> | Record<string, string>[] } }> => {
  const password = user === INTEGRATION_USER ? INTEGRATION_PASSWORD : PERSON_PASSWORD;
  const res = await fetch(`${sandbox.url}${path}`, {
    method,
    headers: { authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`, accept: 'application/json', 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  return { status: res.status, json: text === '' ? {} : (JSON.parse(text) as never) };
};

describe("the instance's checkpoint table", () => {
  it('takes inserts from the integration role and refuses every change', async () => {
    const sink = connector.checkpoints();
    const ledger = `t-${Date.now()}`;
    await sink.append({ ledger, count: 7, head: 'a'.repeat(64), keyId: 'k0123456789abcdef', at: new Date().toISOString() });
    const [row] = await sink.list(ledger);
    expect(row).toMatchObject({ ledger, count: 7, head: 'a'.repeat(64), keyId: 'k0123456789abcdef' });
    expect(row!.at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);

    const listed = await call(INTEGRATION_USER, 'GET', `/api/now/table/${TABLE}?sysparm_query=ledger=${ledger}`);
    const sysId = (listed.json.result as Record<string, string>[])[0]!.sys_id!;
    expect((listed.json.result as Record<string, string>[])[0]!.sys_created_by).toBe(INTEGRATION_USER);
    expect((await call(INTEGRATION_USER, 'PATCH', `/api/now/table/${TABLE}/${sysId}`, { head: 'b'.repeat(64) })).status).toBe(403);
    expect((await call(INTEGRATION_USER, 'PUT', `/api/now/table/${TABLE}/${sysId}`, { count: '1' })).status).toBe(403);
    // The sandbox deletes nothing through the Table API (the app grants no delete on this table).
    expect((await call(INTEGRATION_USER, 'DELETE', `/api/now/table/${TABLE}/${sysId}`)).status).toBeGreaterThanOrEqual(400);
    // Nobody else may add or read checkpoints.
    expect((await call('alex.rivera', 'POST', `/api/now/table/${TABLE}`, { ledger, count: '99', head: 'c'.repeat(64), key_id: 'x' })).status).toBe(403);
    expect((await call('alex.rivera', 'GET', `/api/now/table/${TABLE}?sysparm_query=ledger=${ledger}`)).json.result).toEqual([]);
    expect(await sink.list(ledger)).toEqual([row]);
  });

  it('anchors the ledger: Redis wiped is reported against the instance alone', async () => {
    const prefix = testPrefix('anchor');
    const ledger = openAuditLedger(redis, prefix, testAuditSetup({ sinks: [connector.checkpoints()] }));
    for (let i = 0; i < 3; i++) await ledger.append({ type: 'queued', handoff: null, ticket: null, actors: [], policyVersion: 'v', inputDigest: null, outputDigest: null, details: { i } });
    await createCheckpointer({ ledger, everyMs: 0, now: () => new Date(), log: silentLogger }).tick({ force: true });
    expect(await ledger.verify()).toMatchObject({ ok: true, checkpoints: { found: 2 } });

    // Someone with Redis write access wipes the ledger and the local file is gone too.
    await redis.del(`${prefix}:audit:events`, `${prefix}:audit:head`);
    const instanceOnly = openAuditLedger(redis, prefix, { ...testAuditSetup({ sinks: [connector.checkpoints()] }) });
    const result = await instanceOnly.verify();
    expect(result.problem).toMatchObject({ kind: 'missing' });
    expect(result.problem!.message).toContain(`instance ${TABLE}`);
  });

  it("reports a checkpoint row an admin changed", async () => {
    const prefix = testPrefix('anchor');
    const ledger = openAuditLedger(redis, prefix, testAuditSetup({ sinks: [connector.checkpoints()] }));
    await ledger.append({ type: 'queued', handoff: null, ticket: null, actors: [], policyVersion: 'v', inputDigest: null, outputDigest: null, details: {} });
    await createCheckpointer({ ledger, everyMs: 0, now: () => new Date(), log: silentLogger }).tick({ force: true });
    const rows = (await call('admin', 'GET', `/api/now/table/${TABLE}?sysparm_query=ledger=${prefix}`)).json.result as Record<string, string>[];
    expect((await call('admin', 'PATCH', `/api/now/table/${TABLE}/${rows[0]!.sys_id}`, { head: 'f'.repeat(64) })).status).toBe(200);
    expect((await ledger.verify()).problem).toMatchObject({ seq: 1, kind: 'rewritten' });
  });

  it('keeps writing the local file when the instance refuses, and verify names the unreadable anchor', async () => {
    const lines: string[] = [];
    const log = createLogger({ level: 'warn', write: (line) => lines.push(line) });
    const prefix = testPrefix('anchor');
    // A worker configured for another scope than the app was installed with: the table is not there.
    const other = connectAs('x_other');
    const ledger = openAuditLedger(redis, prefix, testAuditSetup({ sinks: [other.checkpoints()] }));
    await ledger.append({ type: 'queued', handoff: null, ticket: null, actors: [], policyVersion: 'v', inputDigest: null, outputDigest: null, details: {} });
    const written = await createCheckpointer({ ledger, everyMs: 0, now: () => new Date(), log }).tick({ force: true });
    expect(written).toMatchObject({ count: 1 });
    expect(lines.join('')).toContain('audit checkpoint could not be written');
    expect(await ledger.anchors[0]!.list(prefix)).toHaveLength(1);
    const result = await ledger.verify();
    expect(result.problem).toMatchObject({ kind: 'anchor' });
    expect(result.problem!.message).toContain('instance x_other_checkpoint');
    other.close();
  });
});
