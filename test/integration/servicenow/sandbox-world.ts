/**
 * One sandbox instance and the real connector pointed at it over loopback
 * HTTP, sharing one clock: the sandbox stamps records and counts rate-limit
 * windows with it, and the connector's back-off sleeps move it forward
 * instead of waiting, so a Retry-After of seconds costs no wall time while
 * every request still crosses a real socket. Each test builds its own world
 * and closes it.
 */
import { parseServiceNowConfig, type AuthConfig, type ServiceNowConfigInput } from '../../../connectors/servicenow/config.js';
import { createServiceNowConnector, type ServiceNowConnector, type ServiceNowConnectorOptions } from '../../../connectors/servicenow/servicenow-connector.js';
import {
  createSandbox,
  INTEGRATION_PASSWORD,
  INTEGRATION_USER,
  OAUTH_CLIENT_ID,
  OAUTH_CLIENT_SECRET,
  type FaultRule,
  type Sandbox,
  type SandboxOptions,
} from '../../../connectors/servicenow/sandbox/index.js';
import type { StoredRow } from '../../../connectors/servicenow/sandbox/store.js';
import type { RawRecord } from '../../../src/connector/connector.js';
import { sealPanel, type Panel } from '../../../src/domain/panel.js';
import { NO_READ_CHECK, TICKET_CLASS } from '../../support/panel-fixture.js';
import { loadMappings, mappingFor } from '../../../src/mapping/load-mappings.js';
import type { TableMapping } from '../../../src/mapping/mapping-schema.js';
import { createLogger } from '../../../src/util/log.js';

/** The five ticket tables of the default mappings. */
export const TABLES = ['incident', 'sc_request', 'sc_req_item', 'sn_si_incident', 'rm_enhancement'] as const;

const mappings = loadMappings();
export function mapping(table: string): TableMapping {
  return mappingFor(mappings, table);
}

/** 2025-03-03 09:00:00 UTC: a fixed start, so runs are repeatable. */
export const START = Date.UTC(2025, 2, 3, 9, 0, 0);

export interface Clock {
  readonly now: () => number;
  readonly advance: (ms: number) => void;
}

export function manualClock(start = START): Clock {
  let t = start;
  return { now: () => t, advance: (ms) => void (t += ms) };
}

export type AuthMode = 'basic' | 'oauth-password' | 'oauth-client-credentials';

export function authConfig(mode: AuthMode): AuthConfig {
  if (mode === 'basic') return { kind: 'basic', username: INTEGRATION_USER, password: INTEGRATION_PASSWORD };
  if (mode === 'oauth-password') return { kind: 'oauth-password', clientId: OAUTH_CLIENT_ID, clientSecret: OAUTH_CLIENT_SECRET, username: INTEGRATION_USER, password: INTEGRATION_PASSWORD };
  return { kind: 'oauth-client-credentials', clientId: OAUTH_CLIENT_ID, clientSecret: OAUTH_CLIENT_SECRET };
}

export interface WorldOptions {
  readonly sandbox?: Omit<SandboxOptions, 'clock' | 'port' | 'host' | 'page'>;
  readonly auth?: AuthMode;
  readonly config?: Partial<Omit<ServiceNowConfigInput, 'instanceUrl' | 'auth'>>;
  readonly connector?: Partial<Omit<ServiceNowConnectorOptions, 'config' | 'log'>>;
  readonly clock?: Clock;
}

export interface World {
  readonly sandbox: Sandbox;
  readonly clock: Clock;
  readonly connector: ServiceNowConnector;
  /** Every back-off the connector asked for, in ms (the clock moved by each). */
  readonly sleeps: number[];
  /** Every log line the connector wrote (debug and up). */
  readonly lines: string[];
  /** Another connector on the same sandbox (a restarted worker), closed with the world. */
  connect(options?: Omit<WorldOptions, 'sandbox' | 'clock'>): ServiceNowConnector;
  close(): Promise<void>;
}

export async function startWorld(options: WorldOptions = {}): Promise<World> {
  const clock = options.clock ?? manualClock();
  const sandbox = await createSandbox({ ...options.sandbox, clock: clock.now, page: false });
  const sleeps: number[] = [];
  const lines: string[] = [];
  const connectors: ServiceNowConnector[] = [];
  const connect = (more: Omit<WorldOptions, 'sandbox' | 'clock'> = {}): ServiceNowConnector => {
    const connector = createServiceNowConnector({
      config: parseServiceNowConfig({ instanceUrl: sandbox.url, auth: authConfig(more.auth ?? options.auth ?? 'basic'), ...options.config, ...more.config }),
      log: createLogger({ level: 'debug', write: (line) => lines.push(line) }),
      now: clock.now,
      sleep: (ms) => {
        sleeps.push(ms);
        clock.advance(ms);
        return Promise.resolve();
      },
      ...options.connector,
      ...more.connector,
    });
    connectors.push(connector);
    return connector;
  };
  const connector = connect();
  return {
    sandbox,
    clock,
    connector,
    sleeps,
    lines,
    connect,
    async close() {
      for (const c of connectors) c.close();
      await sandbox.close();
    },
  };
}

/**
 * Counts the requests the sandbox receives that match `match`, through a
 * zero-length delay rule (delay rules count every match and change nothing).
 * Add rules with `faults.add` afterwards, never `faults.set`, which would drop it.
 */
export function countRequests(sandbox: Sandbox, match: Omit<FaultRule, 'kind' | 'delayMs'> = {}): () => number {
  const id = sandbox.faults.add({ ...match, kind: 'delay', delayMs: 0 });
  return () => sandbox.faults.list().find((rule) => rule.id === id)?.seen ?? 0;
}

/** Stored rows of a table (and the tables extending it), as the API would list them to an admin. */
export function rowsOf(sandbox: Sandbox, table: string, keep: (row: StoredRow) => boolean = () => true): StoredRow[] {
  return sandbox.store.partitions(table).flatMap((p) => [...p.rows.values()].filter(keep));
}

export function activeSysIds(sandbox: Sandbox, table: string): string[] {
  return rowsOf(sandbox, table, (row) => row.v.active === 'true').map((row) => row.v.sys_id!);
}

/** A stored row by table and number. */
export function byNumber(sandbox: Sandbox, table: string, number: string): StoredRow {
  const row = rowsOf(sandbox, table, (r) => r.v.number === number)[0];
  if (row === undefined) throw new Error(`no ${table} ${number} in the sandbox`);
  return row;
}

/** Updates a record as a seeded person would, at the sandbox clock's current second. */
export function updateAs(sandbox: Sandbox, userName: string, row: StoredRow, body: Readonly<Record<string, unknown>>): void {
  const user = sandbox.directory.user(userName);
  if (user === undefined) throw new Error(`no sandbox user ${userName}`);
  const result = sandbox.records.update(row, body, sandbox.directory.actor(user));
  if (!result.ok) throw new Error(`the sandbox refused the update: ${result.message} ${result.detail}`);
}

/** Creates a record as a seeded person would. */
export function createAs(sandbox: Sandbox, userName: string, table: string, body: Readonly<Record<string, unknown>>): StoredRow {
  const user = sandbox.directory.user(userName);
  if (user === undefined) throw new Error(`no sandbox user ${userName}`);
  const result = sandbox.records.create(table, body, sandbox.directory.actor(user));
  if (!result.ok) throw new Error(`the sandbox refused the create: ${result.message} ${result.detail}`);
  return result.row;
}

/** Journal rows of one record's journal field, as stored, oldest first by (sys_created_on, sys_id). */
export function journalRows(sandbox: Sandbox, table: string, sysId: string, element = 'work_notes'): StoredRow[] {
  return rowsOf(sandbox, 'sys_journal_field', (r) => r.v.element_id === sysId && r.v.element === element && r.v.name === table).sort((a, b) =>
    `${a.v.sys_created_on!} ${a.v.sys_id!}` < `${b.v.sys_created_on!} ${b.v.sys_id!}` ? -1 : 1,
  );
}

/** Pulls every page of a table from `since` through the connector, returning the rows in the order received. */
export async function pullAll(connector: ServiceNowConnector, table: string, pageSize: number): Promise<RawRecord[]> {
  const rows: RawRecord[] = [];
  for await (const page of connector.pull(mapping(table), null, { pageSize })) rows.push(...page.records);
  return rows;
}

/** A minimal sealed panel, as the worker writes one (the write guard accepts only sealed panels). */
export function sealedPanel(table: string, sysId: string, number: string): Panel {
  return sealPanel({
    schema: 2,
    ticket: { number, table, sysId, owner: { assignee: null, group: null }, ...TICKET_CLASS },
    readCheck: NO_READ_CHECK,
    policyVersion: 'integration-test-1',
    classification: 'blocked',
    operations: [],
    blockedActions: ['routing', 'closure'],
    handoffs: [],
    notice: null,
  });
}

/** The duplicates in a list, each once. */
export function duplicates(values: readonly string[]): string[] {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const v of values) (seen.has(v) ? twice : seen).add(v);
  return [...twice];
}
