/** Shared set-up for the policy tests: the shipped policy, the sandbox config, tickets from fixture records. */
import { readFileSync } from 'node:fs';
import { loadRuntimeConfig } from '../../../src/config/load-runtime-config.js';
import type { Switches } from '../../../src/config/switches.js';
import type { Groups } from '../../../src/config/groups.js';
import type { RawRecord } from '../../../src/connector/connector.js';
import type { Ticket } from '../../../src/domain/ticket.js';
import { loadMappings, mappingFor } from '../../../src/mapping/load-mappings.js';
import { toTicket } from '../../../src/mapping/to-ticket.js';
import { createPolicyContext, loadPolicy, parsePolicy, type BudgetState, type Policy, type PolicyContext, type ProviderKind } from '../../../src/policy/index.js';
import { POLICY_FILES, type PolicyFileName } from '../../../src/policy/policy-schema.js';
import { fromRoot } from '../../../src/util/paths.js';

export const sandbox = loadRuntimeConfig({ file: fromRoot('config', 'sandbox.yaml') }).config;
export const policy = loadPolicy(sandbox.paths.policy);
export const mappings = loadMappings(sandbox.paths.mappings);

export const SEED_FILES = {
  'INC-2041': ['incident', 'incident-INC0002041.json'],
  'REQ-2188': ['sc_request', 'sc_request-REQ0002188.json'],
  'RITM-2188': ['sc_req_item', 'sc_req_item-RITM0002188.json'],
  'SEC-2274': ['sn_si_incident', 'sn_si_incident-SIR0002274.json'],
  'ENH-2219': ['rm_enhancement', 'rm_enhancement-ENHC0002219.json'],
} as const;
export type SeedName = keyof typeof SEED_FILES;

export function fixturePath(name: SeedName): string {
  return fromRoot('test', 'fixtures', 'records', SEED_FILES[name][1]);
}

/** The record of a seed ticket, unwrapped from the Table API envelope where the file has one. */
export function seedRecord(name: SeedName): Record<string, string> {
  const json = JSON.parse(readFileSync(fixturePath(name), 'utf8')) as { result?: Record<string, string> } & Record<string, string>;
  return { ...(json.result ?? json) };
}

export function ticketFrom(table: string, record: RawRecord): Ticket {
  return toTicket(mappingFor(mappings, table), record);
}

export function seedTicket(name: SeedName, change: Record<string, string> = {}): Ticket {
  return ticketFrom(SEED_FILES[name][0], { ...seedRecord(name), ...change });
}

export interface ContextChanges {
  readonly policy?: Policy;
  readonly switches?: Partial<Switches>;
  readonly groups?: Groups;
  readonly providerKind?: ProviderKind;
  readonly budgets?: Readonly<Record<string, BudgetState>>;
}

export function context(changes: ContextChanges = {}): PolicyContext {
  return createPolicyContext({
    policy: changes.policy ?? policy,
    switches: { ...sandbox.switches, ...changes.switches },
    groups: changes.groups ?? sandbox.groups,
    ...(changes.providerKind === undefined ? {} : { providerKind: changes.providerKind }),
    ...(changes.budgets === undefined ? {} : { budgets: changes.budgets }),
  });
}

/** The shipped policy files' text, for tests that load an edited copy. */
export function policyTexts(): Record<PolicyFileName, string> {
  const texts = {} as Record<PolicyFileName, string>;
  for (const name of POLICY_FILES) texts[name] = readFileSync(fromRoot('config', 'policy', name), 'utf8');
  return texts;
}

/** Loads the shipped policy with one file's text replaced. */
export function policyWith(file: PolicyFileName, edit: (text: string) => string): Policy {
  const texts = policyTexts();
  const edited = edit(texts[file]);
  if (edited === texts[file]) throw new Error(`the edit did not change ${file}`);
  return parsePolicy({ ...texts, [file]: edited }, 'edited');
}
