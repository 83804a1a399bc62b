/**
 * `ai-handoff mappings check`: connects to the instance named by the
 * environment (docs/servicenow-connector.md, "Configuration") and checks,
 * through sys_dictionary, that every field each mapping reads exists there,
 * following dot-walks through reference fields, and that the fields the
 * worker writes have the right type (a journal input for the work notes, a
 * string or choice for the AI fields), then whether each table can take the
 * app (mappings-readiness.ts). Prints what is wrong per table. Exit code: 0
 * all present, typed right and ready, 1 something missing, mistyped or not
 * ready, 2 an error (an unsafe mapping file is refused before connecting).
 */
import type { Command } from 'commander';
import { createServiceNowConnector, type ServiceNowConnector } from '../../../connectors/servicenow/servicenow-connector.js';
import { serviceNowConfigFromEnv, type Env } from '../../../connectors/servicenow/env-config.js';
import type { ServiceNowConfig } from '../../../connectors/servicenow/config.js';
import { describeCause, isHandoffError } from '../../errors.js';
import { DEFAULT_MAPPINGS_DIR, loadMappings, mappingFor } from '../../mapping/load-mappings.js';
import { createLogger } from '../../util/log.js';
import { registerMappingsInit } from './mappings-init.js';
import { registerMappingsPreview } from './mappings-preview.js';
import { createProgress, type ProgressStream } from '../progress.js';
import { reportReadiness } from './mappings-readiness.js';

export interface MappingsCheckOptions {
  /** The mappings folder; default mappings/servicenow. */
  readonly dir?: string;
  /** Only these tables; default every mapped table. */
  readonly tables?: readonly string[];
  readonly env: Env;
  /** Where the report goes (stdout). */
  readonly out: (text: string) => void;
  /** Where errors and connector warnings go (stderr). */
  readonly err: (text: string) => void;
  /** Builds the connector; tests pass one with injected retry deps. */
  readonly connect?: (config: ServiceNowConfig) => ServiceNowConnector;
  /** Where the progress line goes (a terminal only; default none). */
  readonly progress?: ProgressStream;
}

export type MappingsCheckExit = 0 | 1 | 2;

export async function runMappingsCheck(options: MappingsCheckOptions): Promise<MappingsCheckExit> {
  const { out, err } = options;
  let connector: ServiceNowConnector | undefined;
  try {
    const set = loadMappings(options.dir ?? DEFAULT_MAPPINGS_DIR);
    const mappings = options.tables === undefined || options.tables.length === 0 ? [...set.byTable.values()] : options.tables.map((table) => mappingFor(set, table));
    const config = serviceNowConfigFromEnv(options.env);
    const log = createLogger({ level: 'warn', write: err });
    connector = options.connect?.(config) ?? createServiceNowConnector({ config, log });
    out(`Checking ${mappings.length} mapping(s) from ${set.dir} against ${config.instanceUrl} (sys_dictionary)\n`);
    let missingFields = 0;
    let wrongTypes = 0;
    let tablesWithGaps = 0;
    const progress = createProgress(options.progress ?? { isTTY: false, write: () => true });
    for (const [index, mapping] of mappings.entries()) {
      progress.update(`checking ${mapping.table} (${index + 1} of ${mappings.length})`);
      const check = await connector.checkMapping(mapping);
      progress.done();
      if (check.missing.length === 0 && check.wrongTypes.length === 0) {
        out(`${check.table}: all ${check.checked.length} fields present, written fields typed right\n`);
        continue;
      }
      tablesWithGaps += 1;
      missingFields += check.missing.length;
      wrongTypes += check.wrongTypes.length;
      if (check.missing.length > 0) out(`${check.table}: ${check.missing.length} of ${check.checked.length} fields missing\n`);
      for (const { field, reason } of check.missing) out(`  - ${field}: ${reason}\n`);
      if (check.wrongTypes.length > 0) out(`${check.table}: ${check.wrongTypes.length} written field(s) of the wrong type\n`);
      for (const { key, field, reason } of check.wrongTypes) out(`  - ${key} (${field}): ${reason}\n`);
    }
    const notReady = await reportReadiness(config, mappings.map((m) => m.table), log, out);
    if (missingFields === 0 && wrongTypes === 0) {
      out('All mapped fields exist on the instance, and the written ones have the right types.\n');
      return notReady === 0 ? 0 : 1;
    }
    out(`${missingFields} field(s) missing and ${wrongTypes} of the wrong type in ${tablesWithGaps} table(s): install the app's AI fields on the instance or correct the mapping files.\n`);
    return 1;
  } catch (error) {
    if (isHandoffError(error)) {
      err(`ai-handoff: ${error.code}: ${error.message}\n`);
      if (error.remedy !== undefined) err(`  fix: ${error.remedy}\n`);
    } else {
      err(`ai-handoff: mappings check failed: ${describeCause(error)}\n`);
    }
    return 2;
  } finally {
    connector?.close();
  }
}

export function registerMappings(program: Command): void {
  const mappings = program.command('mappings').description('Field mappings between ServiceNow tables and canonical tickets');
  mappings
    .command('check')
    .description('Check that every mapped field exists on the instance and each table can take the app (reads sys_dictionary and sys_db_object with the SN_* settings); exit 0 all present and ready, 1 missing or not ready, 2 error')
    .option('--dir <folder>', 'the mappings folder', DEFAULT_MAPPINGS_DIR)
    .option('--table <table...>', 'check only these tables')
    .action(async (opts: { dir: string; table?: string[] }) => {
      process.exitCode = await runMappingsCheck({
        dir: opts.dir,
        ...(opts.table === undefined ? {} : { tables: opts.table }),
        env: process.env,
        out: (text) => process.stdout.write(text),
        err: (text) => process.stderr.write(text),
        progress: process.stderr,
      });
    });
  registerMappingsPreview(mappings);
  registerMappingsInit(mappings);
}
