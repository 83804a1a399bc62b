/**
 * The ServiceNow connector: the `Connector` interface over the Table API.
 * Wiring only; each concern lives in its own file (table-client.ts,
 * keyset-cursor.ts, journal.ts, audit.ts, people.ts, dictionary.ts, auth/).
 *
 * Tables read: the mapped ticket tables, the app's request and review
 * tables, plus `sys_journal_field`, `sys_audit` (who changed the data
 * classification), `sys_user`, `sys_user_has_role`, `sys_user_group`,
 * `sys_user_grmember`, `sys_dictionary`, `cmdb_ci` and the app's checkpoint
 * table; `mappings init` also reads `sys_db_object` and `sys_choice`.
 * Written: tickets only through the app's API (app-api.ts), and the app's
 * rows' end state, both through the write guard; rows are created only in
 * the app's insert-only audit checkpoint table.
 */
import type { TableDescription } from '../../src/admin/table-description.js';
import { GET_MANY_MAX, type Connector, type PullOptions, type PullPage, type Watermark, type WatermarkStore } from '../../src/connector/connector.js';
import { guardTicketWrite } from '../../src/connector/write-guard.js';
import { appNames, DEFAULT_APP_SCOPE } from '../../src/domain/app-names.js';
import type { CheckpointSink } from '../../src/handoff/audit-checkpoint.js';
import { HandoffError } from '../../src/errors.js';
import { queryableFields, readFields, relatedFields, withoutAiFields } from '../../src/mapping/fields.js';
import type { TableMapping } from '../../src/mapping/mapping-schema.js';
import type { Logger } from '../../src/util/log.js';
import { createAppApiClient } from './app-api.js';
import { createAppRows } from './app-rows.js';
import { readFieldChanges } from './audit.js';
import { createCheckpointTable } from './checkpoint-table.js';
import type { AuthProvider } from './auth/auth-provider.js';
import { createAuth } from './auth/create-auth.js';
import { instanceIdOf, type ServiceNowConfig } from './config.js';
import { createDictionaryReader, type Dictionary } from './dictionary.js';
import { conditionFrom, encodedQuery } from './encoded-query.js';
import { checkMappingFields, type FieldCheck } from './field-check.js';
import { createTransport, type TransportDeps } from './http-transport.js';
import { createJournalReader } from './journal.js';
import { compareWatermarks, keysetPages } from './keyset-cursor.js';
import { readGroupByName, readGroupMembers, readUser, readUserRoles } from './people.js';
import { authorisedSend, createTableClient } from './table-client.js';
import { describeTable } from './table-description.js';
import { createMemoryWatermarkStore } from './watermark-store.js';

/**
 * Non-ticket tables the connector reads (besides the mapped ticket tables).
 * `cmdb_ci` is read for the configuration-item source of a hand-off; the app's
 * integration role grants that read (docs/servicenow-app.md).
 */
export const SYSTEM_TABLES: readonly string[] = ['sys_journal_field', 'sys_audit', 'sys_user', 'sys_user_has_role', 'sys_user_group', 'sys_user_grmember', 'sys_dictionary', 'cmdb_ci'];
/** The ticket tables of the default mappings. */
export const TICKET_TABLES: readonly string[] = ['incident', 'sc_req_item', 'sc_request', 'sn_si_incident', 'rm_enhancement'];

/** What a keys-only pull reads of each record: its keyset position and its version. */
const VERSION_FIELDS: readonly string[] = ['sys_id', 'sys_updated_on', 'sys_mod_count'];

/** A field list worked out once per mapping object (a reload brings new ones). */
function perMapping(fieldsOf: (mapping: TableMapping) => readonly string[]): (mapping: TableMapping) => readonly string[] {
  const known = new WeakMap<TableMapping, readonly string[]>();
  return (mapping) => {
    let fields = known.get(mapping);
    if (fields === undefined) known.set(mapping, (fields = fieldsOf(mapping)));
    return fields;
  };
}
/** The fields a related list or `getMany` may query. */
const listable = perMapping((mapping) => [...queryableFields(mapping), 'sys_id', 'sys_updated_on']);
const related = perMapping(relatedFields);

export interface ServiceNowConnectorOptions extends TransportDeps {
  readonly config: ServiceNowConfig;
  readonly log: Logger;
  /** Overrides the auth the config describes. */
  readonly auth?: AuthProvider;
  /** Where `sync` keeps its positions; default in memory (lost on restart). */
  readonly watermarks?: WatermarkStore;
  /** Table ancestors for sys_dictionary reads; default dictionary.ts's. */
  readonly tableAncestors?: Readonly<Record<string, readonly string[]>>;
  /** The installed app's scope (its tables and API); default x_acme_aihandoff (runtime config `app.scope`). */
  readonly appScope?: string;
}

export interface SyncOptions {
  readonly pageSize?: number;
  readonly signal?: AbortSignal;
}

export interface SyncResult {
  readonly pages: number;
  readonly records: number;
  /** The watermark stored at the end (held back behind young changes: see `ServiceNowConfig.settleSeconds`). */
  readonly stored: Watermark | null;
}

export interface ServiceNowConnector extends Connector {
  readonly config: ServiceNowConfig;
  readonly watermarks: WatermarkStore;
  /**
   * Pulls every change since the stored watermark and hands each page to
   * `handle`; the stored watermark moves to the page's watermark only after
   * `handle` resolves. Page watermarks never pass changes younger than
   * `settleSeconds` (they are read again next time, so `handle` must be
   * idempotent).
   */
  sync(mapping: TableMapping, handle: (page: PullPage) => Promise<void>, options?: SyncOptions): Promise<SyncResult>;
  /** The table's fields with their types and references (sys_dictionary), cached. */
  dictionary(table: string): Promise<Dictionary>;
  /** Which of the mapping's fields the instance lacks. */
  checkMapping(mapping: TableMapping): Promise<FieldCheck>;
  /** A table's lineage, columns and choice lists (sys_db_object, sys_dictionary, sys_choice), for `mappings init`. */
  describeTable(table: string): Promise<TableDescription>;
  /** Where work notes are read from: `display_value` once sys_journal_field proved unreadable (403, or no rows for a ticket with notes). */
  readonly journalSource: 'journal' | 'display_value';
  /** The audit checkpoint sink on the app's insert-only checkpoint table, `S_checkpoint` of the connector's app scope (checkpoint-table.ts). */
  checkpoints(): CheckpointSink;
  /** Closes kept-alive connections. */
  close(): void;
}

export function createServiceNowConnector(options: ServiceNowConnectorOptions): ServiceNowConnector {
  const { config, log } = options;
  const now = options.now ?? Date.now;
  const transport = createTransport({ ...options, baseUrl: config.instanceUrl, timeoutMs: config.timeoutMs, maxConcurrency: config.maxConcurrency, retry: config.retry, batch: config.batch, log });
  const auth = options.auth ?? createAuth(config.auth, { transport, timeoutMs: config.timeoutMs, log, now });
  const client = createTableClient({ transport, auth, log });
  const app = appNames(options.appScope ?? DEFAULT_APP_SCOPE);
  const appApi = createAppApiClient(authorisedSend({ transport, auth, log }), app);
  const rows = createAppRows(client, app, config.pageSize);
  const journal = createJournalReader({ client, pageSize: config.pageSize, log });
  const dictionary = createDictionaryReader({ client, pageSize: config.pageSize, ...(options.tableAncestors === undefined ? {} : { ancestors: options.tableAncestors }) });
  const watermarks = options.watermarks ?? createMemoryWatermarkStore();
  const instanceId = instanceIdOf(config.instanceUrl);
  const readable = new Set([...SYSTEM_TABLES, ...TICKET_TABLES]);

  async function* pull(mapping: TableMapping, since: Watermark | null, pullOptions: PullOptions = {}): AsyncGenerator<PullPage, void, undefined> {
    yield* keysetPages(
      client,
      {
        table: mapping.table,
        fields: pullOptions.keysOnly === true ? VERSION_FIELDS : readFields(mapping),
        conditions: mapping.active.map((condition) => conditionFrom(condition, mapping.table)),
        allowed: queryableFields(mapping),
        pageSize: pullOptions.pageSize ?? config.pageSize,
        ...(pullOptions.signal === undefined ? {} : { signal: pullOptions.signal }),
        // Changes younger than this may still have uncommitted neighbours at the same or earlier times.
        settledBefore: utcDateTime(now() - config.settleSeconds * 1000),
      },
      since,
    );
  }

  return {
    instanceId,
    config,
    watermarks,
    get journalSource() {
      return journal.source;
    },
    pull,

    async sync(mapping, handle, syncOptions = {}) {
      const since = await watermarks.get(instanceId, mapping.table);
      let pages = 0;
      let records = 0;
      let stored = since;
      for await (const page of pull(mapping, since, syncOptions)) {
        await handle(page);
        pages += 1;
        records += page.records.length;
        const next = page.watermark;
        if (next !== null && (stored === null || compareWatermarks(next, stored) > 0)) {
          await watermarks.advance(instanceId, mapping.table, next);
          stored = next;
        }
      }
      log.debug('ServiceNow sync done', { table: mapping.table, pages, records });
      return { pages, records, stored };
    },

    async get(mapping, sysId) {
      return client.get(mapping.table, sysId, { fields: readFields(mapping), displayValue: 'all' });
    },

    async getMany(mapping, sysIds) {
      if (sysIds.length === 0) return [];
      if (sysIds.length > GET_MANY_MAX) throw new HandoffError('INPUT_INVALID', `getMany takes at most ${GET_MANY_MAX} sys_ids, got ${sysIds.length}`, { details: { table: mapping.table } });
      const query = encodedQuery(mapping.table, listable(mapping))
        .andAll([...mapping.active.map((condition) => conditionFrom(condition, mapping.table)), conditionFrom({ field: 'sys_id', op: 'IN', value: [...sysIds] }, mapping.table)])
        .build();
      return client.list(mapping.table, { query, fields: readFields(mapping), limit: sysIds.length });
    },

    async list(mapping, conditions, limit, fields = 'related') {
      const query = encodedQuery(mapping.table, listable(mapping))
        .andAll(conditions.map((condition) => conditionFrom(condition, mapping.table)))
        .orderByDesc('sys_updated_on')
        .build();
      return client.list(mapping.table, { query, fields: fields === 'related' ? related(mapping) : withoutAiFields(mapping), limit, displayValue: 'all', batchable: true });
    },

    async getRecord(table, sysId, fields) {
      if (!readable.has(table)) {
        throw new HandoffError('INPUT_INVALID', `the connector does not read table '${table}'`, {
          details: { table },
          remedy: `read one of ${[...readable].join(', ')}; reach other records through dot-walked fields in the mapping`,
        });
      }
      return client.get(table, sysId, { fields, displayValue: 'all' });
    },

    async writeTicket(mapping, sysId, write) {
      // The guard runs first: a refused field throws here and nothing is sent.
      return appApi.writeTicket(mapping.table, sysId, guardTicketWrite(mapping, write));
    },

    finishRow: (kind, update) => rows.finish(kind, update),

    pendingRows: (kind) => rows.pending(kind),

    async workNotes(mapping, sysId) {
      return journal.workNotes(mapping, sysId);
    },

    async fieldChanges(mapping, sysId, field) {
      return readFieldChanges(client, mapping, sysId, field, config.pageSize);
    },

    async user(by) {
      return readUser(client, by);
    },

    async userRoles(userSysId) {
      return readUserRoles(client, userSysId, config.pageSize);
    },

    async groupMembers(groupSysId) {
      return readGroupMembers(client, groupSysId, config.pageSize);
    },

    async groupByName(name) {
      return readGroupByName(client, name);
    },

    async tableFields(table) {
      return new Set((await dictionary.read(table)).keys());
    },

    async dictionary(table) {
      return dictionary.read(table);
    },

    async checkMapping(mapping) {
      return checkMappingFields(dictionary, mapping);
    },

    async describeTable(table) {
      return describeTable(client, table, config.pageSize);
    },
    checkpoints() {
      return createCheckpointTable({ client, table: app.tables.checkpoint, pageSize: config.pageSize });
    },

    close() {
      transport.close();
    },
  };
}

/** A time as ServiceNow writes raw date-times: UTC `YYYY-MM-DD HH:mm:ss`. */
export function utcDateTime(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
}
