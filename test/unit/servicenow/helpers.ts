/**
 * Shared pieces of the connector's nock tests: a fake instance origin, a
 * config, a connector whose back-off sleeps are recorded instead of slept,
 * and the default mappings.
 */
import nock from 'nock';
import { parseServiceNowConfig, type ServiceNowConfigInput } from '../../../connectors/servicenow/config.js';
import { createServiceNowConnector, type ServiceNowConnector, type ServiceNowConnectorOptions } from '../../../connectors/servicenow/servicenow-connector.js';
import { loadMappings, mappingFor } from '../../../src/mapping/load-mappings.js';
import type { TableMapping } from '../../../src/mapping/mapping-schema.js';
import { createLogger, type Logger } from '../../../src/util/log.js';

export const BASE = 'https://acme.service-now.com';

export const SYS = (n: number): string => n.toString(16).padStart(32, '0');

export function config(overrides: Partial<ServiceNowConfigInput> = {}) {
  return parseServiceNowConfig({
    instanceUrl: BASE,
    auth: { kind: 'basic', username: 'svc.aihandoff', password: 'integration-sandbox' },
    // These tests script each call with nock; reads sent together as one Batch API call are tested on the sandbox (batch.test.ts).
    batch: false,
    ...overrides,
  });
}

export interface Harness {
  readonly connector: ServiceNowConnector;
  /** Every back-off the transport asked to sleep, in ms. */
  readonly sleeps: number[];
  /** Every log line written (debug and up). */
  readonly lines: string[];
  readonly log: Logger;
}

export function harness(overrides: Partial<ServiceNowConfigInput> = {}, options: Partial<ServiceNowConnectorOptions> = {}): Harness {
  const sleeps: number[] = [];
  const lines: string[] = [];
  const log = createLogger({ level: 'debug', write: (line) => lines.push(line) });
  const connector = createServiceNowConnector({
    config: config(overrides),
    log,
    sleep: (ms) => {
      sleeps.push(ms);
      return Promise.resolve();
    },
    random: () => 0.5,
    ...options,
  });
  return { connector, sleeps, lines, log };
}

const mappings = loadMappings();
export function mapping(table: string): TableMapping {
  return mappingFor(mappings, table);
}

/** The decoded query parameters of a request path, in the order sent. */
export function paramsOf(path: string): Array<[string, string]> {
  const query = path.includes('?') ? path.slice(path.indexOf('?') + 1) : '';
  return [...new URLSearchParams(query).entries()];
}

/** A nock scope on the fake instance that fails the test if a request carries a cookie. */
export function instance(): nock.Scope {
  return nock(BASE, { badheaders: ['cookie'] });
}

/** ServiceNow's error envelope. */
export function snError(message: string, detail: string | null = null) {
  return { error: { message, detail }, status: 'failure' };
}

/** A socket-level error as Node raises it (nock needs an Error instance to fail the request). */
export function netError(code: string, message = code): Error {
  return Object.assign(new Error(message), { code });
}
