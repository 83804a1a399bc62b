/**
 * Execute: run one queued hand-off. Checks again that the operation is still
 * allowed with the same scope (a kill switch, a reclassified ticket or a new
 * approver stops it), against the ticket as pickup read it when that was at
 * most `worker.ticketFreshMs` ago (ticket-cache.ts), else read again; runs
 * the executor (gather only the allowed sources, provider, output guard,
 * render), persists the note before anything is written, then writes it
 * back in the same job (write-back.ts); only when that write fails (the
 * instance down, a lease held) does the hand-off go to the write-back queue,
 * which retries it for longer. One job per hand-off in the usual case: the
 * second job's queue round trips were a tenth of the worker's CPU (issue 13).
 * A rejected output fails the hand-off closed: nothing is written to the
 * ticket but the status and the reason.
 */
import type { Handoff } from '../domain/handoff.js';
import { describeCause, HandoffError } from '../errors.js';
import type { TableMapping } from '../mapping/mapping-schema.js';
import { digestOf } from '../util/canonical-json.js';
import { handoffEvent } from './audit-helpers.js';
import { draftExcerpt } from './draft-excerpt.js';
import type { FlowDeps } from './flow-deps.js';
import { writeBack } from './write-back.js';

export type ExecuteOutcome = 'skipped' | 'executed' | 'rejected' | 'stopped';

export async function executeHandoff(deps: FlowDeps, mapping: TableMapping, handoffId: string): Promise<ExecuteOutcome> {
  const worker = { role: 'worker' as const, userName: deps.settings.integrationUser };
  const handoff = await deps.store.get(handoffId);
  if (!handoff) throw new HandoffError('HANDOFF_NOT_FOUND', `no hand-off ${handoffId}`, { details: { handoff: handoffId } });
  if (handoff.status !== 'queued' && handoff.status !== 'running') return 'skipped';
  if (handoff.output !== null) {
    // Executed before a crash: the note is persisted; only the write-back is left.
    await deps.queues.writeback(handoff);
    return 'skipped';
  }
  // The ticket as pickup read it, if that was at most worker.ticketFreshMs ago; else read now.
  let record = await deps.tickets.get(mapping.table, handoff.ticket.sysId);
  if (!record) {
    record = await deps.connector.get(mapping, handoff.ticket.sysId);
    if (!record) return stop(deps, mapping, handoff, 'SN_NOT_FOUND', 'The ticket can no longer be read.');
    await deps.tickets.put(mapping.table, handoff.ticket.sysId, record);
  }
  const ticket = deps.policy.toTicket(mapping, record);
  const panel = await deps.policy.panel(ticket, { handoffs: [], notice: null });
  const op = panel.operations.find((o) => o.id === handoff.operation);
  if (!op || op.outcome === 'blocked') {
    const why = op ? op.reasons.map((r) => r.message).join(' ') : 'the operation is no longer offered for this ticket';
    return stop(deps, mapping, handoff, 'POLICY_BLOCKED', `Stopped before running: ${why}`);
  }
  if (op.scopeDigest !== handoff.scopeDigest) {
    return stop(deps, mapping, handoff, 'POLICY_STALE_SCOPE', 'Stopped before running: the scope changed after it was confirmed (ticket, policy or approver). Assign it again.');
  }

  const result = await deps.executor.execute({ handoff, ticket, record, mapping, boundary: { readCheck: panel.readCheck, rules: deps.policy.boundaryRules() } });
  if (!result.ok) {
    await deps.ledger.append(handoffEvent('guarded', handoff, [worker], { inputDigest: result.inputDigest, details: { outcome: 'rejected', kind: result.kind, reason: result.reason, ...result.audit } }));
    await fail(deps, mapping, handoff, 'AI_OUTPUT_REJECTED', `The AI output was rejected (${result.kind}): ${result.reason}. Nothing was written.`);
    return 'rejected';
  }

  const note = await deps.store.saveNote(handoff.id, result.note);
  const noteDigest = digestOf(note);
  // Submitted together, in this order: one append to the ledger (group commit) for both.
  await Promise.all([
    deps.ledger.append(
      handoffEvent('executed', handoff, [worker], {
        inputDigest: result.inputDigest,
        outputDigest: result.outputDigest,
        details: { provider: result.provider, model: result.model, sources: result.sourceCount, ...result.audit },
      }),
    ),
    deps.ledger.append(
      handoffEvent('guarded', handoff, [worker], {
        inputDigest: result.outputDigest,
        outputDigest: noteDigest,
        details: { outcome: 'passed', removedStatements: result.removedStatements },
      }),
    ),
  ]);
  // Running is recorded in the store only, with the output (no write to the ticket: issue 13); the note's write shows the outcome.
  const ran = await deps.store.update(handoff.id, (h) => ({
    ...h,
    status: h.status === 'queued' ? 'running' : h.status,
    output: {
      outputDigest: result.outputDigest,
      noteDigest,
      provider: result.provider,
      model: result.model,
      sourceCount: result.sourceCount,
      removedStatements: result.removedStatements,
      excerpt: draftExcerpt(note),
    },
  }));
  try {
    await writeBack(deps, mapping, ran.id, { handoff: ran, note });
  } catch (error) {
    // The write-back queue retries it (12 attempts with back-off) and fails the hand-off visibly when it gives up.
    deps.log.info('write-back left to its queue', { handoff: ran.id, error: describeCause(error) });
    await deps.queues.writeback(ran);
  }
  return 'executed';
}

async function stop(deps: FlowDeps, mapping: TableMapping, handoff: Handoff, code: string, message: string): Promise<ExecuteOutcome> {
  await fail(deps, mapping, handoff, code, message);
  return 'stopped';
}

/** Marks the hand-off failed with a reason the agent sees in the panel. */
export async function fail(deps: FlowDeps, mapping: TableMapping, handoff: Handoff, code: string, message: string): Promise<void> {
  // The notice first: a sync pass may compute the panel at any moment, and a panel that shows the hand-off
  // failed must already carry the reason (found by the hostile suite under load: "failed" with no reason).
  await deps.notices.set(mapping.table, handoff.ticket.sysId, { kind: 'refused', message, remedy: 'See the hand-off in the panel; assign the operation again if it is still needed.', at: deps.now().toISOString() });
  const failed = await deps.store.update(handoff.id, (h) => ({ ...h, status: 'failed', failure: { code, message } }));
  await deps.ledger.append(handoffEvent('failed', failed, [{ role: 'worker', userName: deps.settings.integrationUser }], { details: { code, reason: message } }));
  await deps.panels.refreshById(mapping, handoff.ticket.sysId);
}
