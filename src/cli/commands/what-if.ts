/**
 * `ai-handoff policy what-if`: what a candidate policy folder, a candidate
 * mappings folder, or switch changes (groups opted in or out, operations
 * switched off or on) would do to the instance's active tickets, before
 * anything is deployed. Read-only: it pulls the tickets and writes nothing
 * (src/admin/what-if.ts). The instance and the running config are those of
 * `ai-handoff report` (src/cli/commands/instance.ts).
 */
import type { Command } from 'commander';
import { applySwitchChanges, describeSwitchChanges, hasSwitchChanges, parseOptIn, type SwitchChanges } from '../../admin/switch-changes.js';
import { runWhatIf } from '../../admin/what-if.js';
import { formatWhatIf } from '../../admin/what-if-text.js';
import { HandoffError } from '../../errors.js';
import { loadMappings } from '../../mapping/load-mappings.js';
import { createPolicyContext, loadPolicy } from '../../policy/index.js';
import { instanceTarget, withInstance } from './instance.js';

interface WhatIfOptions {
  readonly policy?: string;
  readonly mappings?: string;
  readonly optIn: string[];
  readonly optOut: string[];
  readonly operationOff: string[];
  readonly operationOn: string[];
  readonly json?: boolean;
  readonly config?: string;
}

const collect = (value: string, previous: string[]): string[] => [...previous, value];

export function registerWhatIf(policy: Command): void {
  policy
    .command('what-if')
    .description("compare a candidate policy, mappings or switch change with the running one over the instance's active tickets (read-only)")
    .option('--policy <dir>', 'candidate policy folder (policy.yaml, classes.yaml, catalog.yaml)')
    .option('--mappings <dir>', 'candidate mappings folder (<table>.yaml files)')
    .option('--opt-in <group[=tier]>', 'opt a group in (its name or sys_id; the tier it is cleared for, else its listed tier); repeatable', collect, [])
    .option('--opt-out <group>', 'opt a group out; repeatable', collect, [])
    .option('--operation-off <id>', 'switch an operation off everywhere; repeatable', collect, [])
    .option('--operation-on <id>', 'switch an operation back on; repeatable', collect, [])
    .option('--json', 'print one JSON object: {before, after, changed, policyVersion}')
    .option('--config <file>', 'the running runtime config (default: AI_HANDOFF_CONFIG, else config/production.yaml with SN_INSTANCE_URL set, else config/sandbox.yaml)')
    .action(async (options: WhatIfOptions) => {
      process.stdout.write(await whatIf(options));
    });
}

async function whatIf(options: WhatIfOptions): Promise<string> {
  const changes: SwitchChanges = {
    optIn: options.optIn.map(parseOptIn),
    optOut: options.optOut.map((g) => g.trim()),
    operationsOff: options.operationOff,
    operationsOn: options.operationOn,
  };
  if (options.policy === undefined && options.mappings === undefined && !hasSwitchChanges(changes)) {
    throw new HandoffError('INPUT_INVALID', 'nothing to compare: no candidate was given', {
      remedy: 'give --policy <dir>, --mappings <dir>, or a switch change (--opt-in, --opt-out, --operation-off, --operation-on)',
    });
  }
  const target = instanceTarget({ config: options.config });
  const { file, config } = target.loaded;
  const providerKind = config.ai.provider.kind;

  const running = { policy: loadPolicy(config.paths.policy), mappings: loadMappings(config.paths.mappings) };
  const candidatePolicy = options.policy === undefined ? running.policy : loadPolicy(options.policy);
  const candidateMappings = options.mappings === undefined ? running.mappings : loadMappings(options.mappings);
  const switched = applySwitchChanges(config, changes, candidatePolicy);

  const result = await withInstance(target, (connector) =>
    runWhatIf({
      connector,
      before: { mappings: running.mappings, ctx: createPolicyContext({ policy: running.policy, switches: config.switches, groups: config.groups, providerKind }) },
      after: { mappings: candidateMappings, ctx: createPolicyContext({ policy: candidatePolicy, switches: switched.switches, groups: switched.groups, providerKind }) },
    }),
  );
  if (options.json === true) return `${JSON.stringify(result.json)}\n`;

  const unseen = [...changes.optIn.map((o) => o.group), ...changes.optOut].filter((g) => !result.groupsSeen.has(g) && !result.groupsSeen.has(g.toLowerCase()));
  return formatWhatIf(
    result,
    {
      instance: target.sn.instanceUrl,
      running: [`policy ${running.policy.version}`, `mappings ${running.mappings.dir}`, `config ${file}`],
      candidate: [
        options.policy === undefined ? 'the same policy' : `policy ${candidatePolicy.version} from ${candidatePolicy.dir}`,
        options.mappings === undefined ? 'the same mappings' : `mappings ${candidateMappings.dir}`,
        ...(hasSwitchChanges(changes) ? describeSwitchChanges(changes) : ['the same switches']),
      ],
    },
    unseen.map((g) => `no active ticket is owned by group '${g}': check its name (sys_user_group.name) or sys_id`),
  );
}
