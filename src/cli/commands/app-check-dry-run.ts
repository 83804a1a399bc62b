/**
 * The dry run's connection to the instance (src/admin/app-check/dry-run.ts
 * runs it): the ticket found by number as the integration user and mapped
 * with its mapping (for its group), the group's shadow flag from the runtime
 * config's policy context, the request row created as the agent with the
 * agent's own credentials (AIH_DRY_RUN_PASSWORD; the sandbox's people
 * password locally), and the row, panel and journal read back.
 */
import { readSecret, type Env } from '../../../connectors/servicenow/env-config.js';
import { parseServiceNowConfig, type ServiceNowConfig } from '../../../connectors/servicenow/config.js';
import { PERSON_PASSWORD } from '../../../connectors/servicenow/sandbox/index.js';
import { createServiceNowConnector } from '../../../connectors/servicenow/servicenow-connector.js';
import { runDryRun, type DryRunPort, type DryRunTicket } from '../../admin/app-check/dry-run.js';
import { eq, type InstanceReader } from '../../admin/app-check/instance-reader.js';
import type { AppCheck } from '../../admin/app-check/report-schema.js';
import type { ServedTicketTable } from '../../admin/app-check/served-tables.js';
import type { LoadedConfig } from '../../config/load-runtime-config.js';
import type { AppNames } from '../../domain/app-names.js';
import { HandoffError } from '../../errors.js';
import { loadMappings } from '../../mapping/load-mappings.js';
import { toTicket } from '../../mapping/to-ticket.js';
import { createPolicyContext, loadPolicy } from '../../policy/index.js';
import type { Logger } from '../../util/log.js';
import { integer } from './sandbox.js';
import { openTableClient, refusalOf } from './table-reader.js';

export interface DryRunOptions {
  readonly number: string;
  readonly agent: string;
  readonly operation: string | undefined;
  readonly timeoutMs: number;
  readonly agentPassword: string;
  readonly sn: ServiceNowConfig;
  readonly names: AppNames;
  readonly served: readonly ServedTicketTable[];
  readonly integration: InstanceReader;
  /** Reads the ticket's journal (the admin reader where given: the integration user may not read sys_journal_field). */
  readonly journal: InstanceReader;
  readonly loaded: LoadedConfig;
  readonly log: Logger;
}

const NUMBER = /^[A-Za-z]{2,8}\d{1,12}$/;
const OPERATION_ID = /^[a-z][a-z0-9_-]{0,63}$/;

/** Checks the dry run's options before anything is read: a clear error naming the option. */
export function checkDryRunInput(number: string, timeoutSeconds: string, operation: string | undefined): { timeoutMs: number } {
  if (!NUMBER.test(number)) throw new HandoffError('INPUT_INVALID', `--dry-run: ${JSON.stringify(number)} is not a ticket number`, { remedy: 'give a ticket number such as INC0010001' });
  if (operation !== undefined && !OPERATION_ID.test(operation)) throw new HandoffError('INPUT_INVALID', `--operation: ${JSON.stringify(operation)} is not an operation id`, { remedy: 'give an operation id from the catalog, e.g. gather-diagnostics (ai-handoff policy explain lists them)' });
  return { timeoutMs: integer('--timeout', timeoutSeconds, 10, 900) * 1000 };
}

/** The agent's password: AIH_DRY_RUN_PASSWORD (or its _FILE); the sandbox's people password against the local sandbox. */
export function agentPassword(env: Env, realInstance: boolean, agent: string): string {
  const password = readSecret(env, 'AIH_DRY_RUN_PASSWORD');
  if (password !== undefined) return password;
  if (!realInstance) return PERSON_PASSWORD;
  throw new HandoffError('SECRET_MISSING', `AIH_DRY_RUN_PASSWORD is not set: the dry run creates its request row as ${agent}`, { remedy: `set AIH_DRY_RUN_PASSWORD (or AIH_DRY_RUN_PASSWORD_FILE) to ${agent}’s password` });
}

export async function dryRunChecks(options: DryRunOptions): Promise<AppCheck[]> {
  const { config } = options.loaded;
  const { names, integration } = options;
  const mappings = loadMappings(config.paths.mappings);
  const ctx = createPolicyContext({ policy: loadPolicy(config.paths.policy), switches: config.switches, groups: config.groups, providerKind: config.ai.provider.kind });
  const connector = createServiceNowConnector({ config: options.sn, appScope: names.scope, log: options.log });
  const agent = openTableClient(parseServiceNowConfig({ instanceUrl: options.sn.instanceUrl, auth: { kind: 'basic', username: options.agent, password: options.agentPassword } }, '--as and AIH_DRY_RUN_PASSWORD'), options.log);
  const panelOf = async (table: string, sysId: string): Promise<string> => {
    const read = await integration.list(table, [eq('sys_id', sysId)], [names.fields.panel], 1);
    return read.ok ? (read.rows[0]?.[names.fields.panel] ?? '') : '';
  };
  const port: DryRunPort = {
    async findTicket(number) {
      for (const table of options.served) {
        const mapping = mappings.byTable.get(table.name);
        if (mapping === undefined) continue;
        const read = await integration.list(table.name, [eq('number', number)], ['sys_id'], 1);
        const sysId = read.ok ? read.rows[0]?.sys_id : undefined;
        if (sysId === undefined) continue;
        const record = await connector.get(mapping, sysId);
        if (record === null) continue;
        const ticket: DryRunTicket = { table: table.name, sysId, panel: await panelOf(table.name, sysId), group: toTicket(mapping, record).owner.group };
        return ticket;
      }
      return null;
    },
    shadow: (group) => ctx.group(group).shadow,
    async createRequest(row) {
      try {
        const created = await agent.client.insert(names.tables.request, row, { fields: ['sys_id'] });
        return { ok: true, sysId: created.sys_id ?? '' };
      } catch (error) {
        const refusal = refusalOf(error);
        if (refusal === null) throw error;
        return { ok: false, ...refusal };
      }
    },
    async readRow(sysId) {
      const read = await integration.list(names.tables.request, [eq('sys_id', sysId)], ['state', 'handoff', 'message', 'remedy'], 1);
      return read.ok ? (read.rows[0] ?? null) : null;
    },
    readPanel: (ticket) => panelOf(ticket.table, ticket.sysId),
    async countNotes(ticket) {
      const read = await options.journal.list('sys_journal_field', [eq('element_id', ticket.sysId), eq('element', 'work_notes')], ['sys_id'], 1000);
      return read.ok ? read.rows.length : null;
    },
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    now: () => Date.now(),
  };
  try {
    return await runDryRun(port, { number: options.number, agent: options.agent, ...(options.operation === undefined ? {} : { operation: options.operation }), timeoutMs: options.timeoutMs });
  } finally {
    agent.close();
    connector.close();
  }
}
