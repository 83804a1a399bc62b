/**
 * `policy what-if`: every active ticket of the instance decided twice, under
 * the running policy, mappings and switches and under the candidate ones, and
 * the difference. Read-only: it only pulls (the connector's keyset pull, the
 * same reads as a sync). A table whose mapping is the same on both sides is
 * pulled once and each record mapped once; a table whose mapping differs is
 * pulled under each (the fields read and the active filter may differ) and
 * joined by sys_id, keeping only a small outcome per ticket in between.
 */
import type { Connector, RawRecord } from '../connector/connector.js';
import type { MappingSet } from '../mapping/load-mappings.js';
import type { TableMapping } from '../mapping/mapping-schema.js';
import { toTicket } from '../mapping/to-ticket.js';
import type { PolicyContext } from '../policy/context.js';
import { canonicalJson } from '../util/canonical-json.js';
import { outcomeOfRecord, outcomeOfTicket, unmappableOutcome, type TicketOutcome } from './ticket-outcome.js';
import { diffTicket, type ApproverChange } from './what-if-diff.js';
import type { Split, TicketChange, WhatIfJson } from './what-if-schema.js';

export interface WhatIfSideInput {
  readonly mappings: MappingSet;
  readonly ctx: PolicyContext;
}

export interface WhatIfInput {
  readonly connector: Pick<Connector, 'pull'>;
  readonly before: WhatIfSideInput;
  readonly after: WhatIfSideInput;
  /** Rows per request; default the connector's. */
  readonly pageSize?: number;
}

export interface TableCount {
  readonly table: string;
  /** Active tickets on each side (0 where the side does not map the table). */
  readonly before: number;
  readonly after: number;
  /** Pulled once (same mapping on both sides) or twice. */
  readonly pulls: 1 | 2;
}

export interface WhatIfResult {
  readonly json: WhatIfJson;
  readonly tables: readonly TableCount[];
  readonly approvers: readonly ApproverChange[];
  /** Records a side's mapping could not read (blocked there), with the first reason. */
  readonly unmappable: { readonly before: number; readonly after: number; readonly example: string | null };
  /** Owning groups of the active tickets, by sys_id and by lower-cased name: to warn about a switch change naming no group in use. */
  readonly groupsSeen: ReadonlySet<string>;
}

class Tally {
  readonly split = { eligible: 0, approvalBound: 0, blocked: 0 };
  unmappable = 0;
  add(o: TicketOutcome): void {
    if (o.classification === 'eligible') this.split.eligible++;
    else if (o.classification === 'approval-bound') this.split.approvalBound++;
    else this.split.blocked++;
    if (o.unmappable !== null) this.unmappable++;
  }
}

export async function runWhatIf(input: WhatIfInput): Promise<WhatIfResult> {
  const { before, after } = input;
  const tallies = { before: new Tally(), after: new Tally() };
  const changed: TicketChange[] = [];
  const approvers: ApproverChange[] = [];
  const groupsSeen = new Set<string>();
  const tables: TableCount[] = [];
  let example: string | null = null;

  const record = (table: string, b: TicketOutcome | null, a: TicketOutcome | null): void => {
    if (b !== null) tallies.before.add(b);
    if (a !== null) tallies.after.add(a);
    example ??= b?.unmappable ?? a?.unmappable ?? null;
    const diff = diffTicket(table, b, a);
    if (diff.change !== null) changed.push(diff.change);
    approvers.push(...diff.approvers);
  };
  const seeGroup = (mapping: TableMapping, raw: RawRecord): void => {
    const id = raw[mapping.fields.group];
    if (id) groupsSeen.add(id);
    const name = mapping.fields.groupName === undefined ? undefined : raw[mapping.fields.groupName];
    if (name) groupsSeen.add(name.toLowerCase());
  };
  const pull = async (mapping: TableMapping, each: (raw: RawRecord) => void): Promise<number> => {
    let count = 0;
    for await (const page of input.connector.pull(mapping, null, input.pageSize === undefined ? {} : { pageSize: input.pageSize })) {
      for (const raw of page.records) {
        seeGroup(mapping, raw);
        each(raw);
        count++;
      }
    }
    return count;
  };

  const names = [...new Set([...before.mappings.byTable.keys(), ...after.mappings.byTable.keys()])].sort();
  for (const table of names) {
    const mb = before.mappings.byTable.get(table);
    const ma = after.mappings.byTable.get(table);
    if (mb !== undefined && ma !== undefined && canonicalJson(mb) === canonicalJson(ma)) {
      const n = await pull(mb, (raw) => {
        const [b, a] = decideTwice(mb, raw, before.ctx, after.ctx);
        record(table, b, a);
      });
      tables.push({ table, before: n, after: n, pulls: 1 });
      continue;
    }
    // Different mappings (or one side only): the running side first, kept by sys_id, then joined.
    const held = new Map<string, TicketOutcome>();
    const nb = mb === undefined ? 0 : await pull(mb, (raw) => held.set(raw.sys_id ?? '', outcomeOfRecord(mb, raw, before.ctx)));
    const na =
      ma === undefined
        ? 0
        : await pull(ma, (raw) => {
            const key = raw.sys_id ?? '';
            record(table, held.get(key) ?? null, outcomeOfRecord(ma, raw, after.ctx));
            held.delete(key);
          });
    for (const b of held.values()) record(table, b, null);
    tables.push({ table, before: nb, after: na, pulls: mb !== undefined && ma !== undefined ? 2 : 1 });
  }

  changed.sort((x, y) => (x.table === y.table ? (x.number < y.number ? -1 : x.number > y.number ? 1 : 0) : x.table < y.table ? -1 : 1));
  const split = (t: Tally): Split => ({ ...t.split });
  return {
    json: { before: split(tallies.before), after: split(tallies.after), changed, policyVersion: { before: before.ctx.policy.version, after: after.ctx.policy.version } },
    tables,
    approvers,
    unmappable: { before: tallies.before.unmappable, after: tallies.after.unmappable, example },
    groupsSeen,
  };
}

/** One record under one mapping, decided in both contexts; mapped once. */
function decideTwice(mapping: TableMapping, raw: RawRecord, before: PolicyContext, after: PolicyContext): [TicketOutcome, TicketOutcome] {
  try {
    const ticket = toTicket(mapping, raw);
    return [outcomeOfTicket(ticket, before), outcomeOfTicket(ticket, after)];
  } catch (error) {
    const o = unmappableOutcome(raw, error);
    return [o, o];
  }
}
