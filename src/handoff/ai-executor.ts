/**
 * The AI side behind the flow's Executor port: gather the allowed sources
 * (everything beyond the ticket through the read boundary's containment
 * check), run the provider and the output guard (src/ai runOperation), and
 * render the work note from the validated structure with our own attribution
 * header, the withheld counts and the hand-off's marker. Raw model text never
 * becomes the note.
 */
import type { Connector, JournalEntry } from '../connector/connector.js';
import { budgetGroupKey, buildSourceSet, renderNote, runOperation, type Budget, type Provider } from '../ai/index.js';
import { sourceSetJson } from '../ai/sources.js';
import type { AiConfig } from '../ai/config.js';
import { DIGEST_HEX_LENGTH, digestOf, sha256Hex } from '../util/canonical-json.js';
import type { Logger } from '../util/log.js';
import { gatherSources, type BoundaryReport } from './gather.js';
import type { Executor } from './ports.js';

export interface AiExecutorOptions {
  readonly connector: Connector;
  readonly provider: Provider;
  readonly config: AiConfig;
  readonly budget?: Budget;
  readonly log?: Logger;
  /** Operation titles by id, for the note. */
  readonly titles: ReadonlyMap<string, string>;
  /** Whether a journal entry is the integration user's own (its AI and review notes are not sources). */
  readonly ours: (entry: JournalEntry) => boolean;
}

export function createAiExecutor(options: AiExecutorOptions): Executor {
  const { connector, provider, config } = options;
  return {
    async execute({ handoff, ticket, record, mapping, boundary }) {
      const { gathered, boundary: report } = await gatherSources({ connector, mapping, ticket, record, handoff, ours: options.ours, readCheck: boundary.readCheck, rules: boundary.rules });
      const sources = buildSourceSet(gathered);
      // digestOf({ scope, sources }), with the source set written out directly (sourceSetJson).
      const inputDigest = sha256Hex(`{"scope":${JSON.stringify(handoff.scopeDigest)},"sources":${sourceSetJson(sources)}}`).slice(0, DIGEST_HEX_LENGTH);
      const title = options.titles.get(handoff.operation) ?? handoff.operation;
      const outcome = await runOperation(
        { provider, config, ...(options.budget ? { budget: options.budget } : {}), ...(options.log ? { log: options.log } : {}) },
        {
          handoffId: handoff.id,
          operation: {
            id: handoff.operation,
            title,
            outputKind: handoff.scope.outputKind,
            expectedOutput: handoff.scope.expectedOutput,
            stopConditions: handoff.scope.stopConditions,
            blockedActions: handoff.scope.blockedActions,
          },
          ticket: { number: ticket.number, type: ticket.type, table: mapping.table },
          sources,
          note: handoff.note,
          approval: { required: handoff.approval.required, role: handoff.approval.role },
          group: budgetGroupKey(ticket.owner.group),
        },
      );
      const audit = {
        masked: outcome.masking.counts,
        promptTokens: outcome.usage.promptTokens,
        completionTokens: outcome.usage.completionTokens,
        cost: outcome.cost.amount,
        removed: outcome.verdict.removed.map((r) => r.reason),
        gaps: sources.gaps.map((g) => `${g.kind}:${g.reason}`),
        boundary: boundaryAudit(report),
        // The owning group as budgets key it: the dashboard's rates per group (src/ops).
        group: budgetGroupKey(ticket.owner.group),
      };
      if (!outcome.verdict.ok) {
        return { ok: false, kind: outcome.verdict.rejected.kind, reason: outcome.verdict.rejected.reason, inputDigest, audit };
      }
      const approver = handoff.approval.approver;
      const note = renderNote({
        handoffId: handoff.id,
        operation: { id: handoff.operation, title },
        requester: { name: handoff.requester.name ?? null, userName: handoff.requester.userName },
        approval: {
          required: handoff.approval.required,
          role: handoff.approval.role,
          approver: approver === null ? null : { name: approver.name ?? null, id: approver.id },
        },
        policyVersion: handoff.policyVersion,
        scopeDigest: handoff.scopeDigest,
        provider: { name: outcome.provider, model: outcome.model },
        sources: outcome.sources,
        output: outcome.verdict.output,
        removed: outcome.verdict.removed,
        flags: { ...outcome.flags, shadow: handoff.shadow },
        withheld: { readsBeyondTicket: report.requested.length > 0, readCheck: report.readCheck, withheld: report.withheld },
        allowedHosts: config.links.allowedHosts,
        // Masked at pickup; shown attributed, as data.
        operatorNote: handoff.note,
      });
      return {
        ok: true,
        note,
        outputDigest: outcome.outputDigest ?? digestOf(outcome.verdict.output),
        inputDigest,
        provider: outcome.provider,
        model: outcome.model,
        sourceCount: outcome.sources.sources.length,
        removedStatements: outcome.verdict.removed.length,
        audit,
      };
    },
  };
}

/**
 * The read boundary in the audit event: the read check's state, the records
 * used by table, sys_id and class, and the withheld ones by reason and count
 * (never which ones).
 */
function boundaryAudit(report: BoundaryReport): Record<string, unknown> {
  return {
    readCheck: report.readCheck,
    used: report.used.map((u) => ({ table: u.table, sysId: u.sysId, class: u.dataClass })),
    withheld: Object.fromEntries(report.withheld.map((w) => [w.reason, w.count])),
  };
}
