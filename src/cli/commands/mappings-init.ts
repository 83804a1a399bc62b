/**
 * `ai-handoff mappings init --table <name> --type <type> [--out <file>] [--force]`:
 * writes a first mapping for a table from the instance's own description of
 * it (sys_db_object, sys_dictionary, sys_choice; src/admin/mapping-draft.ts),
 * with a comment on every guess. Reads the instance only; writes only the
 * local file, and never over an existing one without --force.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { draftMapping, referencedTables, type MappingDraft } from '../../admin/mapping-draft.js';
import { mappingYaml } from '../../admin/mapping-yaml.js';
import type { TableDescription } from '../../admin/table-description.js';
import { TICKET_TYPES, type ApproverRole, type TicketType } from '../../domain/ticket.js';
import { HandoffError } from '../../errors.js';
import { loadPolicy } from '../../policy/index.js';
import { instanceTarget, withInstance } from './instance.js';

interface InitOptions {
  readonly table: string;
  readonly type: string;
  readonly out?: string;
  readonly force?: boolean;
  readonly scope?: string;
  readonly config?: string;
}

/** The app's scope when neither --scope nor SN_APP_SCOPE names one (docs/contract.md, "Names"). */
export const DEFAULT_APP_SCOPE = 'x_acme_aihandoff';
const SCOPE = /^[a-z][a-z0-9_]*$/;

export function registerMappingsInit(mappings: Command): void {
  mappings
    .command('init')
    .description("write a first mapping for a table from the instance's dictionary (sys_dictionary, sys_db_object, sys_choice), with a comment on every guess")
    .requiredOption('--table <table>', 'the ServiceNow table, e.g. u_vendor_access_request')
    .requiredOption('--type <type>', `the ticket type its records are: ${TICKET_TYPES.join(', ')}`)
    .option('--out <file>', "where to write it (default: <the runtime config's mappings folder>/<table>.yaml; - prints it)")
    .option('--force', 'overwrite an existing file')
    .option('--scope <scope>', `the app's scope, naming its AI fields (default: SN_APP_SCOPE, else ${DEFAULT_APP_SCOPE})`)
    .option('--config <file>', 'runtime config: its policy says which approver roles the type needs (default: AI_HANDOFF_CONFIG, else config/production.yaml with SN_INSTANCE_URL set, else config/sandbox.yaml)')
    .action(async (options: InitOptions) => {
      process.stdout.write(await init(options));
    });
}

async function init(options: InitOptions): Promise<string> {
  if (!(TICKET_TYPES as readonly string[]).includes(options.type)) {
    throw new HandoffError('INPUT_INVALID', `--type '${options.type}' is not a ticket type`, { remedy: `use one of: ${TICKET_TYPES.join(', ')}` });
  }
  const ticketType = options.type as TicketType;
  const scope = (options.scope ?? process.env.SN_APP_SCOPE ?? DEFAULT_APP_SCOPE).trim();
  if (!SCOPE.test(scope)) throw new HandoffError('INPUT_INVALID', `--scope '${scope}' is not a scope name`, { remedy: `use the app's scope, e.g. ${DEFAULT_APP_SCOPE}` });
  const target = instanceTarget({ config: options.config });
  const { config } = target.loaded;
  const out = options.out === '-' ? null : resolve(options.out ?? join(config.paths.mappings, `${options.table}.yaml`));
  if (out !== null && options.force !== true && existsSync(out)) throw exists(out);
  const roles = [...new Set(loadPolicy(config.paths.policy).operations.flatMap((op) => (op.ticketTypes.includes(ticketType) && op.approval.required && op.approval.role !== undefined ? [op.approval.role] : [])))] as ApproverRole[];

  const draft = await withInstance(target, async (connector) => {
    const table = await connector.describeTable(options.table);
    const referenced = new Map<string, TableDescription>();
    for (const name of referencedTables(table)) referenced.set(name, await connector.describeTable(name));
    return draftMapping({ table, referenced, ticketType, roles, scope });
  });
  const command = `ai-handoff mappings init --table ${options.table} --type ${ticketType}${options.scope === undefined ? '' : ` --scope ${scope}`}`;
  const text = mappingYaml(draft, { command, instance: target.sn.instanceUrl, file: out });
  if (out === null) return text;
  try {
    // 'wx' refuses an existing file atomically: nothing is overwritten without --force.
    writeFileSync(out, text, { flag: options.force === true ? 'w' : 'wx' });
  } catch (cause) {
    const code = cause instanceof Error ? (cause as { code?: unknown }).code : undefined;
    if (code === 'EEXIST') throw exists(out);
    throw new HandoffError('INPUT_INVALID', `--out: cannot write ${out}`, { cause, remedy: 'give a file in a folder that exists and you may write' });
  }
  const counts = countNotes(draft);
  const guesses = `${counts.confirm} guess${counts.confirm === 1 ? '' : 'es'} to confirm (comments with "confirm:")`;
  const missing = counts.missing === 0 ? '' : `; ${counts.missing} value${counts.missing === 1 ? '' : 's'} NOT FOUND: fill ${counts.missing === 1 ? 'it' : 'them'} in, or the file does not load`;
  return `Wrote ${out}: ${guesses}${missing}.\nNext: ai-handoff mappings preview --table ${draft.table} --file ${out}\n`;
}

function exists(out: string): HandoffError {
  return new HandoffError('INPUT_INVALID', `--out: ${out} exists; it was not overwritten`, { remedy: 'give another --out, or --force to replace it' });
}

/** How many comments ask a person to confirm a guess, and how many values are missing. */
export function countNotes(d: MappingDraft): { confirm: number; missing: number } {
  const notes = [
    d.active.note,
    ...d.fields.map(([, e]) => e.note),
    d.severity.note,
    d.dataClass.field.note,
    d.dataClass.map.note,
    d.dataClass.default.note,
    ...d.approvers.map(([, e]) => e.note),
    d.ai.note,
  ];
  return {
    confirm: notes.filter((n) => n?.startsWith('confirm:') === true).length,
    missing: notes.filter((n) => n?.startsWith('NOT ') === true).length,
  };
}
