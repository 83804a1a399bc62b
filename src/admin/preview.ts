/**
 * `mappings preview`: the newest N active tickets of one table read through a
 * mapping (one list call, read-only) and decided under the current policy,
 * then a summary that makes a mapping which leaves most tickets blocked for a
 * missing field obvious on one screen.
 */
import type { Connector, RawRecord } from '../connector/connector.js';
import type { Ticket } from '../domain/ticket.js';
import type { TableMapping } from '../mapping/mapping-schema.js';
import { toTicket } from '../mapping/to-ticket.js';
import type { PolicyContext } from '../policy/context.js';
import { decideTicket } from '../policy/evaluate.js';
import { describeCause } from '../errors.js';
import type { PreviewApprover, PreviewJson, PreviewSummary, PreviewTicket } from './preview-schema.js';

export interface PreviewInput {
  readonly connector: Pick<Connector, 'list'>;
  readonly mapping: TableMapping;
  /** Where the mapping came from, as shown. */
  readonly source: string;
  readonly ctx: PolicyContext;
  readonly limit: number;
}

export async function runPreview(input: PreviewInput): Promise<PreviewJson> {
  const { mapping, ctx } = input;
  const records = await input.connector.list(mapping, mapping.active, input.limit, 'ticket');
  const tickets: PreviewTicket[] = [];
  const reasons = new Counter();
  const issues = new Counter();
  for (const record of records) {
    let ticket: Ticket;
    try {
      ticket = toTicket(mapping, record);
    } catch (error) {
      tickets.push(unmappable(record, describeCause(error)));
      issues.add('(record)', describeCause(error));
      continue;
    }
    const decided = decideTicket(ticket, ctx);
    const approvers: PreviewApprover[] = [];
    for (const d of decided.decisions) {
      const role = d.approval.role;
      if (role === null || approvers.some((a) => a.role === role)) continue;
      approvers.push({ role, approver: d.approval.approver, why: d.approval.approver === null ? whyNoApprover(mapping, role) : null });
    }
    const blocking = new Map<string, string>();
    for (const d of decided.decisions) if (d.outcome === 'blocked') for (const r of d.reasons) if (!blocking.has(r.rule)) blocking.set(r.rule, r.message);
    for (const [rule, message] of blocking) reasons.add(rule, message);
    const seenFields = new Set<string>();
    for (const issue of ticket.issues) {
      if (seenFields.has(issue.field)) continue;
      seenFields.add(issue.field);
      issues.add(issue.field, issue.message);
    }
    tickets.push({
      number: ticket.number,
      sysId: ticket.ref.sysId,
      type: ticket.type,
      severity: ticket.severity,
      dataClass: ticket.dataClass,
      group: ticket.owner.group,
      assignee: ticket.owner.assignee,
      approvers,
      classification: decided.classification,
      operations: decided.decisions.map((d) => ({ id: d.operation, outcome: d.outcome })),
      issues: ticket.issues,
      unmappable: null,
    });
  }
  return { table: mapping.table, mapping: input.source, policyVersion: ctx.policy.version, tickets, summary: summarize(tickets, reasons, issues) };
}

/** Why a role has no approver on this ticket: not mapped, or every source field empty. */
function whyNoApprover(mapping: TableMapping, role: NonNullable<PreviewApprover['role']>): string {
  const sources = mapping.approvers[role];
  if (sources === undefined) return `the mapping names no source for ${role} (approvers.${role})`;
  return `empty on this ticket: ${sources.map((s) => ('user' in s ? s.user : s.group)).join(', ')}`;
}

function unmappable(record: RawRecord, why: string): PreviewTicket {
  return {
    number: record.number !== undefined && record.number !== '' ? record.number : `(sys_id ${record.sys_id ?? '?'})`,
    sysId: record.sys_id ?? '',
    type: null,
    severity: null,
    dataClass: null,
    group: null,
    assignee: null,
    approvers: [],
    classification: 'blocked',
    operations: [],
    issues: [],
    unmappable: why,
  };
}

/** Counts keys by ticket, keeping the first message seen for each. */
class Counter {
  private readonly counts = new Map<string, { n: number; message: string }>();
  add(key: string, message: string): void {
    const entry = this.counts.get(key);
    if (entry === undefined) this.counts.set(key, { n: 1, message });
    else entry.n++;
  }
  /** Most first, then by key. */
  sorted(): { key: string; n: number; message: string }[] {
    return [...this.counts].map(([key, v]) => ({ key, ...v })).sort((a, b) => b.n - a.n || (a.key < b.key ? -1 : 1));
  }
}

function summarize(tickets: readonly PreviewTicket[], reasons: Counter, issues: Counter): PreviewSummary {
  const count = (c: PreviewTicket['classification']): number => tickets.filter((t) => t.classification === c).length;
  const eligible = count('eligible');
  const approvalBound = count('approval-bound');
  const blocked = count('blocked');
  const share = (x: number): number => (tickets.length === 0 ? 0 : x / tickets.length);
  return {
    tickets: tickets.length,
    eligible,
    approvalBound,
    blocked,
    shares: { eligible: share(eligible), approvalBound: share(approvalBound), blocked: share(blocked) },
    blockingReasons: reasons.sorted().map((r) => ({ rule: r.key, tickets: r.n, message: r.message })),
    mappingIssues: issues.sorted().map((r) => ({ field: r.key, tickets: r.n, message: r.message })),
  };
}
