/**
 * An `InstanceReader` (src/admin/app-check/instance-reader.ts) over the
 * connector's own transport, auth and table client, for one set of
 * credentials: `app check` reads metadata as an administrator and the rest
 * as the integration user, `mappings check` as whoever SN_* names. Queries
 * are rendered by the connector's one query builder. A 400, 403 or 404 is an
 * answer (the check it belongs to fails with its fix); anything else throws.
 */
import { createAuth } from '../../../connectors/servicenow/auth/create-auth.js';
import type { ServiceNowConfig } from '../../../connectors/servicenow/config.js';
import { QueryBuilder, type Condition } from '../../../connectors/servicenow/encoded-query.js';
import { createTransport } from '../../../connectors/servicenow/http-transport.js';
import { createTableClient, type TableClient } from '../../../connectors/servicenow/table-client.js';
import type { InstanceReader, Where } from '../../admin/app-check/instance-reader.js';
import { isHandoffError } from '../../errors.js';
import type { Logger } from '../../util/log.js';

export interface ClosableReader extends InstanceReader {
  close(): void;
}

const REFUSALS = new Set(['SN_BAD_REQUEST', 'SN_FORBIDDEN', 'SN_NOT_FOUND']);

const condition = (w: Where): Condition => (w.op === 'IN' ? { field: w.field, op: 'IN', value: w.value } : { field: w.field, op: w.op, value: w.value });

/** A Table API client for one set of credentials, and how to close its sockets. */
export function openTableClient(config: ServiceNowConfig, log: Logger): { readonly client: TableClient; readonly close: () => void } {
  const transport = createTransport({ baseUrl: config.instanceUrl, timeoutMs: config.timeoutMs, maxConcurrency: config.maxConcurrency, retry: config.retry, log });
  return { client: createTableClient({ transport, auth: createAuth(config.auth, { transport, timeoutMs: config.timeoutMs, log }), log }), close: () => transport.close() };
}

/** A refusal (400, 403, 404) as the instance gave it; null for any other error. */
export function refusalOf(error: unknown): { status: number; message: string } | null {
  if (!isHandoffError(error) || !REFUSALS.has(error.code)) return null;
  const status = typeof error.details.status === 'number' ? error.details.status : 0;
  return { status, message: typeof error.details.snMessage === 'string' ? error.details.snMessage : error.code };
}

export function createTableReader(config: ServiceNowConfig, who: string, log: Logger): ClosableReader {
  const { client, close } = openTableClient(config, log);
  return {
    who,
    async list(table, where, fields, limit) {
      const query = new QueryBuilder(new Set(where.map((w) => w.field)), table).andAll(where.map(condition)).build();
      try {
        return { ok: true, rows: await client.list(table, { query, fields, limit }) };
      } catch (error) {
        const refusal = refusalOf(error);
        if (refusal === null) throw error;
        return { ok: false, ...refusal };
      }
    },
    close,
  };
}

/** Who a configuration signs in as, when it names a user (basic and password-grant auth). */
export function userOf(config: ServiceNowConfig): string | undefined {
  return config.auth.kind === 'basic' || config.auth.kind === 'oauth-password' ? config.auth.username : undefined;
}
