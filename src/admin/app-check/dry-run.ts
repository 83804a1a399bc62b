/**
 * The dry run of `app check --dry-run <number> --as <agent>`: one hand-off
 * end to end in shadow mode on a live instance (docs/servicenow-app.md,
 * "First install", step 9). The ticket's group must run in shadow mode in
 * the runtime config the worker uses, so no note reaches the ticket; the
 * request row is created as the named agent (the platform stamps who), the
 * running worker takes it, drafts, and records the draft in the audit. Each
 * step is a check; the run stops at the first that fails. The only write is
 * the request row; the worker's own writes are the panel, the status and the
 * row's state.
 */
import { Panel, type PanelOperation } from '../../domain/panel.js';
import type { Ref } from '../../domain/ticket.js';
import { fail, pass, type AppCheck } from './report-schema.js';

export interface DryRunTicket {
  readonly table: string;
  readonly sysId: string;
  /** The panel field's raw value ('' when the worker has not written one). */
  readonly panel: string;
  /** The ticket's owning group as the mapping reads it. */
  readonly group: Ref | null;
}

export type RowAnswer = { readonly ok: true; readonly sysId: string } | { readonly ok: false; readonly status: number; readonly message: string };

export interface DryRunPort {
  /** Finds the ticket among the tables the app serves (as the integration user). */
  findTicket(number: string): Promise<DryRunTicket | null>;
  /** Whether the group runs in shadow mode in the runtime config. */
  shadow(group: Ref): boolean;
  /** Creates the request row as the agent (Table API insert). */
  createRequest(row: Readonly<Record<string, string>>): Promise<RowAnswer>;
  /** The request row's state columns (as the integration user); null if it cannot be read. */
  readRow(sysId: string): Promise<Readonly<Record<string, string>> | null>;
  /** The ticket's panel field again. */
  readPanel(ticket: DryRunTicket): Promise<string>;
  /** How many work notes the ticket has; null when the journal cannot be read. */
  countNotes(ticket: DryRunTicket): Promise<number | null>;
  sleep(ms: number): Promise<void>;
  now(): number;
}

export interface DryRunInput {
  readonly number: string;
  readonly agent: string;
  /** The operation to request; default the first the panel allows. */
  readonly operation?: string;
  readonly timeoutMs: number;
  readonly pollMs?: number;
}

/** Statuses a shadow hand-off can end its run in (src/domain/status.ts); awaiting_review is the good one. */
const SETTLED = new Set(['awaiting_review', 'failed', 'blocked', 'expired', 'accepted', 'rejected', 'escalated']);

function parsePanel(text: string): Panel | string {
  if (text.trim() === '') return 'the ticket has no AI panel yet: the worker writes one when it syncs an eligible ticket of an opted-in group';
  try {
    const parsed = Panel.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : `the AI panel is not a panel of schema 2 (${parsed.error.issues[0]?.message ?? 'invalid'})`;
  } catch {
    return 'the AI panel is not JSON';
  }
}

function chooseOperation(panel: Panel, wanted: string | undefined): PanelOperation | string {
  const open = panel.operations.filter((o) => o.outcome !== 'blocked');
  if (wanted === undefined) return open[0] ?? `no operation is open on this ticket (${panel.operations.map((o) => `${o.id}: ${o.outcome}`).join(', ') || 'none listed'})`;
  const op = panel.operations.find((o) => o.id === wanted);
  if (op === undefined) return `the panel lists no operation ${wanted} (it lists ${panel.operations.map((o) => o.id).join(', ') || 'none'})`;
  return op.outcome === 'blocked' ? `${wanted} is blocked here: ${op.reasons.map((r) => r.message).join('; ')}` : op;
}

async function until<T>(port: DryRunPort, deadline: number, pollMs: number, probe: () => Promise<T | null>): Promise<T | null> {
  for (;;) {
    const value = await probe();
    if (value !== null || port.now() >= deadline) return value;
    await port.sleep(pollMs);
  }
}

export async function runDryRun(port: DryRunPort, input: DryRunInput): Promise<AppCheck[]> {
  const subject = `${input.number} as ${input.agent}`;
  const checks: AppCheck[] = [];
  const stop = (detail: string, fix: string): AppCheck[] => [...checks, fail('dry-run', subject, detail, fix)];
  const ticket = await port.findTicket(input.number);
  if (ticket === null) return stop(`no ticket ${input.number} in the tables the app serves, as the integration user`, 'give the number of a ticket of a mapped table that the integration user can read');
  const panel = parsePanel(ticket.panel);
  if (typeof panel === 'string') return stop(panel, 'run the worker against this instance until it has written the ticket’s panel, then run the dry run again');
  const op = chooseOperation(panel, input.operation);
  if (typeof op === 'string') return stop(op, 'pick an open operation (--operation), or another ticket');
  if (ticket.group === null || !port.shadow(ticket.group)) {
    const group = ticket.group?.name ?? ticket.group?.id ?? 'none';
    return stop(`the ticket’s group (${group}) does not run in shadow mode in the runtime config: a dry run would write a note`, `set shadow: true for ${group === 'none' ? 'the ticket’s group' : group} under groups in the config the worker runs with, restart the worker, and run again`);
  }
  checks.push(pass('dry-run', subject, `${ticket.table} ${input.number}: operation ${op.id} (${op.outcome}), group ${ticket.group.name ?? ticket.group.id} in shadow mode`));
  const notesBefore = await port.countNotes(ticket);
  const created = await port.createRequest({ ticket_table: ticket.table, ticket: ticket.sysId, operation: op.id, scope_digest: op.scopeDigest, note: 'ai-handoff app check: dry run in shadow mode' });
  if (!created.ok) return stop(`the request row was refused (${created.status}): ${created.message}`, `check ${input.agent} holds the app’s agent role and can read the ticket, and AIH_DRY_RUN_PASSWORD is theirs`);
  const pollMs = input.pollMs ?? 1000;
  const deadline = port.now() + input.timeoutMs;
  const row = await until(port, deadline, pollMs, async () => {
    const r = await port.readRow(created.sysId);
    return r !== null && r.state !== 'pending' ? r : null;
  });
  if (row === null) return stop(`request row ${created.sysId} is still pending after ${Math.round(input.timeoutMs / 1000)} s`, 'start the worker against this instance (ai-handoff worker), or give it longer (--timeout)');
  if (row.state !== 'queued') return stop(`the worker refused the request: ${row.message ?? ''}`, row.remedy !== undefined && row.remedy !== '' ? row.remedy : 'see the row’s message');
  checks.push(pass('dry-run', subject, `request row ${created.sysId} taken as hand-off ${row.handoff ?? ''}`));
  const settled = await until(port, deadline, pollMs, async () => {
    const now = parsePanel(await port.readPanel(ticket));
    const handoff = typeof now === 'string' ? undefined : now.handoffs.find((h) => h.id === row.handoff);
    return handoff !== undefined && SETTLED.has(handoff.status) ? { status: handoff.status, notice: typeof now === 'string' ? null : now.notice } : null;
  });
  if (settled === null) return stop(`hand-off ${row.handoff ?? ''} has not finished after ${Math.round(input.timeoutMs / 1000)} s`, 'check the worker’s log and the AI provider, or give it longer (--timeout)');
  if (settled.status !== 'awaiting_review') return stop(`hand-off ${row.handoff ?? ''} ended ${settled.status}${settled.notice === null ? '' : `: ${settled.notice.message}`}`, settled.notice?.remedy || 'see the worker’s log and ai-handoff audit export');
  checks.push(pass('dry-run', subject, `hand-off ${row.handoff ?? ''} drafted in shadow mode (awaiting_review): the draft is in the audit (ai-handoff audit export)`));
  const notesAfter = await port.countNotes(ticket);
  if (notesBefore === null || notesAfter === null) return stop('the ticket’s work notes could not be read to confirm none was written', 'run app check with an administrator’s credentials (SN_ADMIN_USERNAME), or read the ticket’s work notes by hand');
  if (notesAfter !== notesBefore) return stop(`${notesAfter - notesBefore} work note(s) appeared on the ticket during the dry run`, 'the worker did not run the group in shadow mode: restart it with the config app check read, and check the note');
  checks.push(pass('dry-run', subject, `no work note written to ${input.number} (${notesAfter} before and after)`));
  return checks;
}
