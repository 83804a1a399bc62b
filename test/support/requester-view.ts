/**
 * Gathering as a hand-off would for a requester who may open every candidate
 * record: the panel's read check (docs/contract.md, "The read check") run by
 * the integration user stands in for the app's before-insert rule, which runs
 * the same queries in the requester's session. The containment check's other
 * conditions (data class, provider kind, owning group) still apply, so what a
 * test or benchmark sees through this is what a real hand-off may use.
 */
import type { Connector, JournalEntry, RawRecord } from '../../src/connector/connector.js';
import type { ReadCheck } from '../../src/domain/read-check.js';
import { scopeOf } from '../../src/domain/scope.js';
import type { SourceKind } from '../../src/domain/operation.js';
import type { Ticket } from '../../src/domain/ticket.js';
import { loadRuntimeConfig } from '../../src/config/load-runtime-config.js';
import { gatherSources, type GatherResult } from '../../src/handoff/gather.js';
import { createPolicyPort } from '../../src/handoff/policy-port.js';
import type { PanelPolicy } from '../../src/handoff/ports.js';
import { loadPolicy } from '../../src/policy/load-policy.js';
import { fromRoot } from '../../src/util/paths.js';
import type { TableMapping } from '../../src/mapping/mapping-schema.js';
import type { MappingSet } from '../../src/mapping/load-mappings.js';
import { mappingFor } from '../../src/mapping/load-mappings.js';

/** The worker's policy port as `npm start` runs it (config/sandbox.yaml, the built-in provider), for these mappings. */
export function sandboxPolicyPort(mappings: MappingSet): PanelPolicy {
  return createPolicyPort({ policy: loadPolicy(), config: loadRuntimeConfig({ file: fromRoot('config', 'sandbox.yaml') }).config, providerKind: 'builtin', mappings });
}

/** What the app's rule would list for a requester who may read everything the read check's queries find. */
export async function readableEverything(connector: Connector, mappings: MappingSet, check: ReadCheck): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const q of check.queries) {
    const ids =
      q.source === 'ci_record'
        ? [q.sysId]
        : (await connector.list(mappingFor(mappings, q.table), [{ field: q.field, op: '=', value: q.value }, { field: 'sys_id', op: '!=', value: q.exclude }], q.limit)).map((r) => r.sys_id ?? '');
    out[q.table] = [...(out[q.table] ?? []), ...ids];
  }
  return out;
}

/** A glide date-time for now, as the app's rule stamps `at` and the platform `sys_created_on`. */
export function glideNow(): string {
  return new Date().toISOString().slice(0, 19).replace('T', ' ');
}

export interface RequesterGather {
  readonly connector: Connector;
  readonly mappings: MappingSet;
  readonly policy: PanelPolicy;
  readonly mapping: TableMapping;
  readonly record: RawRecord;
  /** The operation whose scope (and its sources) the gather follows. */
  readonly operation: string;
  /** The kinds to read instead of the operation's own (a test of one kind). */
  readonly sources?: readonly SourceKind[];
  readonly ours?: (entry: JournalEntry) => boolean;
}

/** The ticket and its gathered sources, through the read boundary, for a requester who may open every candidate. */
export async function gatherAsRequester(input: RequesterGather): Promise<GatherResult & { readonly ticket: Ticket }> {
  const { connector, mappings, policy, mapping, record } = input;
  const ticket = policy.toTicket(mapping, record);
  const panel = await policy.panel(ticket, { handoffs: [], notice: null });
  const op = panel.operations.find((o) => o.id === input.operation);
  if (op === undefined) throw new Error(`${ticket.number} offers no operation '${input.operation}'`);
  const at = glideNow();
  const readable = JSON.stringify({ check: panel.readCheck.id, at, readable: await readableEverything(connector, mappings, panel.readCheck) });
  const scope = scopeOf(op, ticket.ref, op.approval, panel.policyVersion);
  const result = await gatherSources({
    connector,
    mapping,
    ticket,
    record,
    handoff: { scope: input.sources === undefined ? scope : { ...scope, sources: [...input.sources] }, readCheck: { readable, requestedOn: at } },
    ours: input.ours ?? (() => false),
    readCheck: panel.readCheck,
    rules: policy.boundaryRules(),
  });
  return { ...result, ticket };
}
