/**
 * The seed's tickets as the worker gathers them: a real sandbox on a free
 * loopback port, the ServiceNow connector over HTTP as the integration user,
 * the mappings, and the flow's own `gatherSources`. The rubric tests and
 * `npm run bench -- ai` read their sources through this, so what they
 * measure is what a hand-off sees (labels from the instance, real work
 * notes, related tickets, the CI record), not a hand-written fixture.
 */
import { parseServiceNowConfig } from '../../connectors/servicenow/config.js';
import { createServiceNowConnector } from '../../connectors/servicenow/servicenow-connector.js';
import { createSandbox, INTEGRATION_PASSWORD, INTEGRATION_USER, type Sandbox } from '../../connectors/servicenow/sandbox/index.js';
import { parseAiConfig } from '../../src/ai/config.js';
import { createBuiltinProvider } from '../../src/ai/builtin/provider.js';
import type { AiOutput } from '../../src/ai/output-schema.js';
import type { ProviderOperation } from '../../src/ai/provider.js';
import { renderNote } from '../../src/ai/render/note.js';
import { runOperation } from '../../src/ai/run.js';
import { buildSourceSet, type Gathered } from '../../src/ai/source-set.js';
import type { SourceSet } from '../../src/ai/sources.js';
import type { ApproverRole } from '../../src/domain/ticket.js';
import type { Operation } from '../../src/domain/operation.js';
import { gatherAsRequester, sandboxPolicyPort } from './requester-view.js';
import { loadMappings, mappingFor } from '../../src/mapping/load-mappings.js';
import { silentLogger } from '../../src/util/log.js';
import { loadPolicy } from '../../src/policy/load-policy.js';
import type { SeedOptions } from '../../connectors/servicenow/sandbox/index.js';

/** A catalog operation as a provider takes it, with what it reads and whether its output needs approval. */
export type SeedOperation = ProviderOperation & { readonly sources: Operation['sources']; readonly approval: { readonly required: boolean; readonly role: ApproverRole | null } };

export interface SeedWorld {
  /** The sandbox behind it (tests change a record through its store). */
  readonly sandbox: Sandbox;
  /** The gathered sources of a ticket for the kinds an operation reads. */
  gather(number: string, operation: SeedOperation): Promise<Gathered>;
  /** Ticket numbers of a table, newest first (generated tickets included). */
  numbers(table: string, limit: number): Promise<string[]>;
  /** The catalog's operation, in the shape a provider takes, with the sources it reads. */
  operation(id: string): SeedOperation;
  /** Operations of the catalog that fit a ticket type. */
  operationsFor(type: string): SeedOperation[];
  /** The ticket type of a table, from its mapping. */
  typeOf(table: string): string;
  close(): Promise<void>;
}

export async function startSeedWorld(seed?: SeedOptions): Promise<SeedWorld> {
  const sandbox = await createSandbox({ port: 0, ...(seed === undefined ? {} : { seed }) });
  const connector = createServiceNowConnector({
    config: parseServiceNowConfig({ instanceUrl: sandbox.url, auth: { kind: 'basic', username: INTEGRATION_USER, password: INTEGRATION_PASSWORD } }),
    log: silentLogger,
  });
  const mappings = loadMappings();
  const policy = loadPolicy();
  const port = sandboxPolicyPort(mappings);
  const asProvider = (o: Operation): SeedOperation => ({
    id: o.id,
    title: o.title,
    outputKind: o.outputKind,
    expectedOutput: o.expectedOutput,
    stopConditions: o.stopConditions,
    blockedActions: o.blockedActions,
    sources: o.sources,
    approval: { required: o.approval.required, role: o.approval.required ? (o.approval.role ?? null) : null },
  });
  const tables = [...mappings.byTable.keys()];
  const find = async (number: string) => {
    for (const table of tables) {
      const mapping = mappingFor(mappings, table);
      const [hit] = await connector.list(mapping, [{ field: mapping.fields.number, op: '=', value: number }], 1);
      if (hit !== undefined) return { mapping, sysId: hit.sys_id ?? '' };
    }
    throw new Error(`no ticket ${number} in the sandbox`);
  };
  return {
    sandbox,
    async gather(number, operation) {
      const { mapping, sysId } = await find(number);
      const record = await connector.get(mapping, sysId);
      if (record === null) throw new Error(`${number} could not be read`);
      // Through the read boundary, for a requester who may open every candidate (test/support/requester-view.ts).
      const { gathered } = await gatherAsRequester({ connector, mappings, policy: port, mapping, record, operation: operation.id, sources: operation.sources, ours: (e) => e.createdBy === INTEGRATION_USER });
      return gathered;
    },
    async numbers(table, limit) {
      const mapping = mappingFor(mappings, table);
      const rows = await connector.list(mapping, [{ field: 'active', op: '=', value: 'true' }], limit);
      return rows.map((r) => r[mapping.fields.number] ?? '').filter((n) => n !== '');
    },
    operation(id) {
      const found = policy.operations.find((o) => o.id === id);
      if (found === undefined) throw new Error(`no operation ${id} in the catalog`);
      return asProvider(found);
    },
    operationsFor(type) {
      return policy.operations.filter((o) => (o.ticketTypes as readonly string[]).includes(type)).map(asProvider);
    },
    typeOf(table) {
      return mappingFor(mappings, table).ticketType;
    },
    async close() {
      connector.close();
      await sandbox.close();
    },
  };
}

export interface Drafted {
  readonly note: string;
  readonly output: AiOutput;
  readonly sources: SourceSet;
  readonly removed: number;
}

const config = parseAiConfig({});
const provider = createBuiltinProvider();

/** The AI stage as the flow runs it with the built-in provider: sources, mask, compose, guard, note. */
export async function draftNote(gathered: Gathered, operation: SeedOperation, note: string | null = null): Promise<Drafted> {
  const sources = buildSourceSet(gathered);
  const number = gathered.ticket.number;
  const outcome = await runOperation(
    { provider, config, newCanary: () => 'cnryrubriccanary234567ab' },
    { handoffId: `ho_${'r'.repeat(26)}`, operation, ticket: { number, type: 'incident', table: gathered.ticket.table }, sources, note, approval: operation.approval },
  );
  if (!outcome.verdict.ok) throw new Error(`${number} ${operation.id}: the guard rejected the output (${outcome.verdict.rejected.kind}: ${outcome.verdict.rejected.reason})`);
  const text = renderNote({
    handoffId: `ho_${'r'.repeat(26)}`,
    operation,
    requester: { name: 'Alex Rivera', userName: 'alex.rivera' },
    approval: { ...operation.approval, approver: operation.approval.required ? { name: 'Irene Costa', id: 'irene.costa' } : null },
    policyVersion: '2026.11.1',
    scopeDigest: '0'.repeat(32),
    provider: { name: outcome.provider, model: outcome.model },
    sources: outcome.sources,
    output: outcome.verdict.output,
    removed: outcome.verdict.removed,
    flags: outcome.flags,
    operatorNote: note,
  });
  return { note: text, output: outcome.verdict.output, sources: outcome.sources, removed: outcome.verdict.removed.length };
}
