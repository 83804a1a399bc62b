/**
 * `ai-handoff mappings preview --table <name> [--limit N] [--json]`: the
 * newest N active tickets of a table read through its mapping, how each maps
 * and how the current policy classifies it, and a summary (src/admin/preview.ts).
 * Read-only. The mapping is the running config's, a candidate folder's
 * (`--mappings`) or one file not yet in any folder (`--file`, e.g. what
 * `mappings init` wrote).
 */
import type { Command } from 'commander';
import { runPreview } from '../../admin/preview.js';
import { formatPreview } from '../../admin/preview-text.js';
import { HandoffError } from '../../errors.js';
import { loadMappings, mappingFor, parseMappingText } from '../../mapping/load-mappings.js';
import type { TableMapping } from '../../mapping/mapping-schema.js';
import { createPolicyContext, loadPolicy } from '../../policy/index.js';
import { readInputFile } from './input-file.js';
import { instanceTarget, withInstance } from './instance.js';
import { integer } from './sandbox.js';

interface PreviewOptions {
  readonly table: string;
  readonly limit: string;
  readonly json?: boolean;
  readonly mappings?: string;
  readonly file?: string;
  readonly config?: string;
}

/** Most tickets one preview reads: one Table API page (instances cap a page's rows). */
export const PREVIEW_MAX = 1000;

export function registerMappingsPreview(mappings: Command): void {
  mappings
    .command('preview')
    .description('read the newest active tickets of a table through its mapping (read-only): how each maps, its classification, and a summary')
    .requiredOption('--table <table>', 'the ServiceNow table, e.g. incident')
    .option('--limit <n>', `how many tickets, 1 to ${PREVIEW_MAX}`, '20')
    .option('--json', 'print one JSON object: {table, mapping, policyVersion, tickets, summary}')
    .option('--mappings <dir>', "a mappings folder (default: the runtime config's)")
    .option('--file <mapping.yaml>', 'one mapping file, not yet in the folder (what mappings init wrote)')
    .option('--config <file>', 'runtime config (default: AI_HANDOFF_CONFIG, else config/production.yaml with SN_INSTANCE_URL set, else config/sandbox.yaml)')
    .action(async (options: PreviewOptions) => {
      process.stdout.write(await preview(options));
    });
}

async function preview(options: PreviewOptions): Promise<string> {
  const limit = integer('--limit', options.limit, 1, PREVIEW_MAX);
  if (options.file !== undefined && options.mappings !== undefined) {
    throw new HandoffError('INPUT_INVALID', '--file and --mappings both name a mapping', { remedy: 'give one of them' });
  }
  const target = instanceTarget({ config: options.config });
  const { file, config } = target.loaded;
  const { mapping, source } = options.file === undefined ? fromFolder(options.mappings ?? config.paths.mappings, options.table) : fromFile(options.file, options.table);
  const ctx = createPolicyContext({ policy: loadPolicy(config.paths.policy), switches: config.switches, groups: config.groups, providerKind: config.ai.provider.kind });
  const result = await withInstance(target, (connector) => runPreview({ connector, mapping, source, ctx, limit }));
  return options.json === true ? `${JSON.stringify(result)}\n` : formatPreview(result, file);
}

function fromFolder(dir: string, table: string): { mapping: TableMapping; source: string } {
  const set = loadMappings(dir);
  return { mapping: mappingFor(set, table), source: `${set.dir} (${table})` };
}

function fromFile(file: string, table: string): { mapping: TableMapping; source: string } {
  const { path, text } = readInputFile('--file', file, 'give the path of a mapping file, e.g. the one mappings init wrote');
  const parsed = parseMappingText(text, path);
  if (!parsed.ok) {
    throw new HandoffError('MAPPING_INVALID', `mapping ${path} is invalid:\n  ${parsed.problems.join('\n  ')}`, { details: { file: path, problems: parsed.problems }, remedy: 'fix each listed key and preview again' });
  }
  if (parsed.mapping.table !== table) {
    throw new HandoffError('INPUT_INVALID', `--table ${table}, but ${path} maps table ${parsed.mapping.table}`, { remedy: `use --table ${parsed.mapping.table}, or the file for ${table}` });
  }
  return { mapping: parsed.mapping, source: path };
}
