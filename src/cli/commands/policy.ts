/**
 * `ai-handoff policy check` and `ai-handoff policy explain`: validate the
 * policy with the runtime config and mappings it runs with, and show what it
 * decides for one ticket record. `policy what-if` lives in what-if.ts.
 */
import type { Command } from 'commander';
import { loadRuntimeConfig } from '../../config/load-runtime-config.js';
import type { RawRecord } from '../../connector/connector.js';
import { BLOCKED_ACTIONS, type BlockedAction } from '../../domain/operation.js';
import { HandoffError } from '../../errors.js';
import { loadMappings, mappingFor, type MappingSet } from '../../mapping/load-mappings.js';
import { toTicket } from '../../mapping/to-ticket.js';
import { approverCoverageProblems } from '../../policy/coverage.js';
import { classify, createPolicyContext, decideRequest, decideTicket, loadPolicy, PROVIDER_KINDS, type ProviderKind } from '../../policy/index.js';
import { readInputFile } from './input-file.js';
import { readRunRecord } from '../run-file.js';
import { explainJson, explainText, type Explained } from './policy-output.js';
import { registerWhatIf } from './what-if.js';

interface CommonOptions {
  readonly config?: string;
}

interface ExplainOptions extends CommonOptions {
  readonly table: string;
  readonly record: string;
  readonly json?: boolean;
  readonly provider?: string;
  readonly note?: string;
}

export function registerPolicy(program: Command): void {
  const policy = program.command('policy').description('validate the AI hand-off policy and explain its decisions');

  policy
    .command('check')
    .description('validate the policy, operations catalog, runtime config and mappings; exit 0 or print what is wrong')
    .option('--config <file>', "runtime config file (default: $AI_HANDOFF_CONFIG, else the running npm start's, else config/sandbox.yaml)")
    .action((options: CommonOptions) => {
      process.stdout.write(`${check(options)}\n`);
    });

  policy
    .command('explain')
    .description('map a ticket record with the default mapping for its table and show the decision for every operation')
    .requiredOption('--table <table>', 'ServiceNow table of the record (incident, sc_req_item, sc_request, sn_si_incident, rm_enhancement)')
    .requiredOption('--record <file>', 'JSON file: the record as the Table API returns it, bare or as {"result": {...}}')
    .option('--json', 'print one JSON object instead of text')
    .option('--provider <kind>', `also apply the data-class allowance of a provider kind (${PROVIDER_KINDS.join(', ')}; external: the generic key only)`)
    .option('--note <text>', "check an operator's note as if it came with a request for each operation")
    .option('--config <file>', "runtime config file (default: $AI_HANDOFF_CONFIG, else the running npm start's, else config/sandbox.yaml)")
    .action((options: ExplainOptions) => {
      process.stdout.write(explain(options));
    });

  registerWhatIf(policy);
}

function loadAll(options: CommonOptions, providerKind?: ProviderKind) {
  // --config, else AI_HANDOFF_CONFIG, else the config of the running npm start (run-file.ts), else config/sandbox.yaml.
  const file = options.config ?? (process.env.AI_HANDOFF_CONFIG?.trim() ? undefined : readRunRecord()?.config);
  const loaded = loadRuntimeConfig(file === undefined ? {} : { file });
  const { config } = loaded;
  const policy = loadPolicy(config.paths.policy);
  const mappings = loadMappings(config.paths.mappings);
  const ctx = createPolicyContext({
    policy,
    switches: config.switches,
    groups: config.groups,
    ...(providerKind === undefined ? {} : { providerKind }),
  });
  return { file: loaded.file, config, policy, mappings, ctx };
}

function check(options: CommonOptions): string {
  const { file, config, policy, mappings } = loadAll(options);
  const problems = approverCoverageProblems(policy, mappings.byTable.values());
  if (problems.length > 0) {
    throw new HandoffError('POLICY_INVALID', `policy ${policy.version} cannot be served by the mappings in ${mappings.dir}:\n  ${problems.join('\n  ')}`, {
      remedy: 'map the approver roles, or change the operations that need them',
    });
  }
  const effects = { permit: 0, forbid: 0, advise: 0 };
  for (const rule of policy.rules) effects[rule.effect]++;
  const groups = Object.entries(config.groups).filter(([key]) => key !== 'default');
  const optedIn = groups.filter(([, g]) => g.enabled).length;
  const off = config.switches.ai ? '' : '; AI switched OFF globally';
  return (
    `policy ${policy.version} OK: ${policy.classes.length} classes, ${policy.operations.length} operations, ` +
    `${policy.rules.length} rules (${effects.permit} permit, ${effects.forbid} forbid, ${effects.advise} advise); ` +
    `config ${file}: ${optedIn} of ${groups.length} listed groups opted in, others ${config.groups.default?.enabled ? 'on' : 'off'}${off}; ` +
    `${mappings.byTable.size} mappings`
  );
}

function explain(options: ExplainOptions): string {
  const providerKind = parseProvider(options.provider);
  const { policy, mappings, ctx } = loadAll(options, providerKind);
  const mapping = mappingFor(mappings, options.table);
  const record = readRecord(options.record);
  refuseOtherTable(record, options.table, mappings);
  const ticket = toTicket(mapping, record);

  const base = decideTicket(ticket, ctx);
  let decisions = base.decisions;
  let scopes = base.scopes.map((s) => s as (typeof base.scopes)[number] | null);
  if (options.note !== undefined) {
    const outcomes = base.decisions.map((d) => decideRequest(ticket, { operation: d.operation, note: options.note ?? '' }, ctx));
    decisions = outcomes.map((o) => o.decision);
    scopes = outcomes.map((o) => o.scope);
  }
  const blocked = new Set<BlockedAction>();
  for (const d of decisions) for (const action of policy.operations.find((op) => op.id === d.operation)?.blockedActions ?? []) blocked.add(action);

  const explained: Explained = {
    ticket,
    classification: classify(decisions),
    decisions,
    scopes,
    blockedActions: BLOCKED_ACTIONS.filter((a) => blocked.has(a)),
    otherTypes: policy.operations.length - decisions.length,
  };
  return options.json === true ? `${explainJson(policy, explained)}\n` : explainText(policy, explained);
}

function parseProvider(value: string | undefined): ProviderKind | undefined {
  if (value === undefined) return undefined;
  if ((PROVIDER_KINDS as readonly string[]).includes(value)) return value as ProviderKind;
  throw new HandoffError('INPUT_INVALID', `--provider: '${value}' is not a provider kind`, { remedy: `use one of: ${PROVIDER_KINDS.join(', ')}` });
}

/**
 * Refuses a record whose own table (`sys_class_name`, which the Table API
 * returns for every task record) is another mapped table: read under the
 * wrong mapping, its fields would be silently missing or mean something else.
 * A record of an unmapped child table (a custom table extending incident) is
 * read under its parent's mapping, as the worker's pull of the parent reads it.
 */
function refuseOtherTable(record: RawRecord, table: string, mappings: MappingSet): void {
  const own = typeof record.sys_class_name === 'string' ? record.sys_class_name.trim() : '';
  if (own === '' || own === table || !mappings.byTable.has(own)) return;
  const number = typeof record.number === 'string' && record.number !== '' ? ` ${record.number}` : '';
  throw new HandoffError('INPUT_INVALID', `--table ${table}, but the record${number} belongs to table ${own} (its sys_class_name): under the ${table} mapping its fields would be read wrongly`, {
    remedy: `use --table ${own}`,
  });
}

/** Reads a record file: the Table API envelope {"result": {...}} (or a one-record list), or the bare record. */
function readRecord(file: string): RawRecord {
  const { path, text } = readInputFile('--record', file, 'give the path of a JSON file holding one record (save the Table API response body)');
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (cause) {
    throw new HandoffError('INPUT_INVALID', `--record: ${path} is not valid JSON`, { cause, remedy: 'save the Table API response body as it came' });
  }
  if (data !== null && typeof data === 'object' && !Array.isArray(data) && 'result' in data) {
    const result = data.result;
    if (Array.isArray(result)) {
      if (result.length !== 1) {
        throw new HandoffError('INPUT_INVALID', `--record: ${path} holds ${result.length} records in "result"`, { remedy: 'give a file with exactly one record' });
      }
      return result[0] as RawRecord;
    }
    return result as RawRecord;
  }
  return data as RawRecord;
}
