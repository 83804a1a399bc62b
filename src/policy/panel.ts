/**
 * Builds the eligible-AI-actions panel for a ticket: every operation for its
 * type, blocked ones included with their reasons and remedies (the seed wants
 * limits visible), the recent hand-offs and the last notice, sealed with its
 * digest.
 *
 * The digest is `sealPanel`'s (the domain's `panelDigest`), but its canonical
 * JSON is assembled from parts the compiler serialised at load, so a panel
 * costs a short hash rather than a sort of every key; panel.test.ts checks it
 * equals `sealPanel(body).digest` on fixtures and random tickets.
 */
import { BLOCKED_ACTIONS, type BlockedAction } from '../domain/operation.js';
import { PANEL_SCHEMA_VERSION, type Panel, type PanelBody, type PanelHandoff, type PanelNotice, type PanelOperation } from '../domain/panel.js';
import type { Ticket } from '../domain/ticket.js';
import { canonicalJson, DIGEST_HEX_LENGTH, sha256Hex } from '../util/canonical-json.js';
import { reasonJson } from './compile.js';
import type { PolicyContext } from './context.js';
import { classify, evaluateTicket, type Evaluated } from './evaluate.js';
import { readFacts, readRef } from './facts.js';

export interface PanelExtras {
  readonly handoffs?: readonly PanelHandoff[];
  readonly notice?: PanelNotice | null;
}

/** Shown where a malformed ticket lacks a value the panel needs. */
const UNKNOWN = '(unknown)';

export function buildPanel(ticket: Ticket, ctx: PolicyContext, extras: PanelExtras = {}): Panel {
  const facts = readFacts(ticket, ctx);
  const evaluated = evaluateTicket(facts);
  const operations: PanelOperation[] = [];
  const blocked = new Set<BlockedAction>();
  for (const { op: cop, decision, scope } of evaluated) {
    const { op } = cop;
    for (const action of op.blockedActions) blocked.add(action);
    operations.push({
      id: op.id,
      title: op.title,
      class: op.class,
      outcome: decision.outcome,
      approval: decision.approval,
      scopeDigest: scope.digest,
      sources: op.sources,
      outputKind: op.outputKind,
      expectedOutput: op.expectedOutput,
      stopConditions: op.stopConditions,
      blockedActions: op.blockedActions,
      reasons: decision.reasons,
    });
  }
  const body: PanelBody = {
    schema: PANEL_SCHEMA_VERSION,
    ticket: { number: facts.ref.number || UNKNOWN, table: facts.ref.table || UNKNOWN, sysId: facts.ref.sysId || UNKNOWN, owner: ownerIds(ticket) },
    policyVersion: ctx.policy.version,
    classification: classify(evaluated.map((e) => e.decision)),
    operations,
    blockedActions: BLOCKED_ACTIONS.filter((a) => blocked.has(a)),
    handoffs: [...(extras.handoffs ?? [])],
    notice: extras.notice ?? null,
  };
  return { ...body, digest: sha256Hex(panelJson(body, evaluated)).slice(0, DIGEST_HEX_LENGTH) };
}

/** The owner's ids; read as readFacts reads them, since a malformed ticket still gets a panel. */
function ownerIds(ticket: Ticket): PanelBody['ticket']['owner'] {
  const t: unknown = ticket;
  const owner: unknown = t !== null && typeof t === 'object' ? (t as { owner?: unknown }).owner : undefined;
  const o = owner !== null && typeof owner === 'object' ? (owner as { assignee?: unknown; group?: unknown }) : {};
  return { assignee: readRef(o.assignee)?.id ?? null, group: readRef(o.group)?.id ?? null };
}

/** The body in the digest form of the domain's `panelDigest`, keys sorted at every depth. */
function panelJson(body: PanelBody, evaluated: readonly Evaluated[]): string {
  const j = JSON.stringify;
  let ops = '';
  evaluated.forEach((e, i) => {
    let reasons = '';
    e.decision.reasons.forEach((reason, k) => {
      reasons += (k === 0 ? '' : ',') + (e.shown[k]?.fixedReason === reason ? (e.shown[k]?.fixedReasonJson ?? reasonJson(reason)) : reasonJson(reason));
    });
    ops += `${i === 0 ? '' : ','}{${e.op.panelId},"outcome":${j(e.decision.outcome)},"reasons":[${reasons}],"scopeDigest":${j(e.scope.digest)}}`;
  });
  const { ticket } = body;
  const owner = `{"assignee":${j(ticket.owner.assignee)},"group":${j(ticket.owner.group)}}`;
  return (
    `{"blockedActions":${j(body.blockedActions)},"classification":${j(body.classification)},` +
    `"handoffs":${canonicalJson(body.handoffs)},"notice":${canonicalJson(body.notice)},"operations":[${ops}],` +
    `"policyVersion":${j(body.policyVersion)},"schema":${body.schema},` +
    `"ticket":{"number":${j(ticket.number)},"owner":${owner},"sysId":${j(ticket.sysId)},"table":${j(ticket.table)}}}`
  );
}
