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
import type { Decision } from '../domain/decision.js';
import { DECIDABLE_STATUSES, type HandoffStatus } from '../domain/handoff.js';
import { BLOCKED_ACTIONS, DEFAULT_ESCALATION, type EscalationTarget } from '../domain/operation.js';
import { PANEL_SCHEMA_VERSION, rememberPanelText, type Panel, type PanelBody, type PanelEscalation, type PanelHandoff, type PanelNotice, type PanelOperation } from '../domain/panel.js';
import { DATA_CLASSES, type Ticket } from '../domain/ticket.js';
import { canonicalJson, DIGEST_HEX_LENGTH, sha256Hex } from '../util/canonical-json.js';
import { carryLowering } from './class-lowering.js';
import type { PolicyContext } from './context.js';
import { classify, evaluateTicket, type Evaluated } from './evaluate.js';
import { readFacts, readRef } from './facts.js';
import { readCheckFor, type RelatedFields } from './read-check.js';

export interface PanelExtras {
  readonly handoffs?: readonly PanelHandoff[];
  readonly notice?: PanelNotice | null;
  /** The ticket table's mapping fields for the read check's related queries; without it only the CI record is checked. */
  readonly related?: RelatedFields | null;
  /**
   * The panel the ticket holds now (its JSON text) and the time: a lowering of
   * the class since that panel is carried in this one (class-lowering.ts).
   * Without it the panel carries no lowering.
   */
  readonly lowering?: { readonly previous: string | null; readonly now: Date };
}

const HOUR_MS = 3_600_000;

/** Shown where a malformed ticket lacks a value the panel needs. */
const UNKNOWN = '(unknown)';

/**
 * A ticket's facts and evaluated operations per ticket object, for the policy
 * context they were computed under. A hand-off's steps build the panel of the
 * same ticket object two or three times (pickup's check, the panel with the
 * new hand-off, the one with its note): the evaluation, seven scope digests,
 * depends only on the ticket and the context, so it runs once (issue 13's
 * profile). Tickets are never changed once made (toTicket).
 */
const evaluations = new WeakMap<Ticket, { readonly ctx: PolicyContext; readonly facts: ReturnType<typeof readFacts>; readonly evaluated: Evaluated[] }>();

function evaluationOf(ticket: Ticket, ctx: PolicyContext): { readonly facts: ReturnType<typeof readFacts>; readonly evaluated: Evaluated[] } {
  const hit = evaluations.get(ticket);
  if (hit !== undefined && hit.ctx === ctx) return hit;
  const facts = readFacts(ticket, ctx);
  const entry = { ctx, facts, evaluated: evaluateTicket(facts) };
  // A malformed ticket (not an object) is evaluated every time; a WeakMap takes objects only.
  if (typeof ticket === 'object' && ticket !== null) evaluations.set(ticket, entry);
  return entry;
}

export function buildPanel(ticket: Ticket, ctx: PolicyContext, extras: PanelExtras = {}): Panel {
  const { facts, evaluated } = evaluationOf(ticket, ctx);
  const operations: PanelOperation[] = [];
  const decisions: Decision[] = [];
  const { compiled } = ctx.policy;
  const { boundary, json: boundaryJson } = ctx.boundary(facts.dataClassIndex);
  let blockedMask = 0;
  for (const { op: cop, decision, scopeDigest } of evaluated) {
    const { op } = cop;
    blockedMask |= cop.blockedMask;
    decisions.push(decision);
    operations.push({
      id: op.id,
      title: op.title,
      class: op.class,
      outcome: decision.outcome,
      approval: decision.approval,
      scopeDigest,
      sources: op.sources,
      outputKind: op.outputKind,
      expectedOutput: op.expectedOutput,
      stopConditions: op.stopConditions,
      blockedActions: op.blockedActions,
      reasons: decision.reasons,
      boundary,
      boundaryText: ctx.boundaryWords(op, facts.dataClassIndex),
    });
  }
  // The kinds the ticket's operations read: those of its type's operations (every operation when the type is unknown), as evaluated.
  const readCheck = readCheckFor(ticket, facts.typeIndex >= 0 ? (compiled.sourcesByType[facts.typeIndex] ?? compiled.allSources) : compiled.allSources, extras.related ?? null);
  const dataClass = DATA_CLASSES[facts.dataClassIndex] ?? null;
  const lowering = extras.lowering;
  const classLowered = lowering === undefined ? null : carryLowering(lowering.previous, dataClass, lowering.now, ctx.policy.boundary.classLowering.coolDownHours * HOUR_MS);
  const body: PanelBody = {
    schema: PANEL_SCHEMA_VERSION,
    ticket: { number: facts.ref.number || UNKNOWN, table: facts.ref.table || UNKNOWN, sysId: facts.ref.sysId || UNKNOWN, owner: ownerIds(ticket), dataClass, classLowered },
    policyVersion: ctx.policy.version,
    classification: classify(decisions),
    operations,
    blockedActions: BLOCKED_ACTIONS.filter((_, i) => ((blockedMask >>> i) & 1) === 1),
    handoffs: extras.handoffs === undefined ? [] : extras.handoffs.map((h) => withEscalation(h, compiled.opById.get(h.operation)?.op.approval.escalateTo)),
    notice: extras.notice ?? null,
    readCheck: readCheck.readCheck,
  };
  const digest = sha256Hex(panelJson(body, evaluated, readCheck.json)).slice(0, DIGEST_HEX_LENGTH);
  // Built member by member, not spread: same keys in the same order as sealPanel's `{ ...body, digest }`.
  const panel: Panel = {
    schema: body.schema,
    ticket: body.ticket,
    policyVersion: body.policyVersion,
    classification: body.classification,
    operations: body.operations,
    blockedActions: body.blockedActions,
    handoffs: body.handoffs,
    notice: body.notice,
    readCheck: body.readCheck,
    digest,
  };
  rememberPanelText(panel, panelTextOf(panel, evaluated, readCheck.json, boundaryJson));
  return panel;
}

/** A hand-off a review can still decide, with where its Escalate goes by policy (the dialogs show it before the click). */
function withEscalation(h: PanelHandoff, to: EscalationTarget | undefined): PanelHandoff {
  if (!DECIDABLE_STATUSES.includes(h.status as HandoffStatus)) return h;
  return { ...h, escalateTo: panelEscalation(to ?? DEFAULT_ESCALATION) };
}

/** The policy's escalation target as the panel carries it. */
export function panelEscalation(to: EscalationTarget): PanelEscalation {
  return to === 'reviewer-manager' ? { kind: 'manager' } : { kind: 'group', name: to.group };
}

/** The owner's ids; read as readFacts reads them, since a malformed ticket still gets a panel. */
function ownerIds(ticket: Ticket): PanelBody['ticket']['owner'] {
  const t: unknown = ticket;
  const owner: unknown = t !== null && typeof t === 'object' ? (t as { owner?: unknown }).owner : undefined;
  const o = owner !== null && typeof owner === 'object' ? (owner as { assignee?: unknown; group?: unknown }) : {};
  return { assignee: readRef(o.assignee)?.id ?? null, group: readRef(o.group)?.id ?? null };
}

/**
 * The panel as the JSON text the ticket's field takes, assembled from parts
 * already serialised (each operation's fixed members at compile, its
 * approval, reasons and boundary at evaluation, the read check): the same
 * panel as `JSON.stringify(panel)` gives (property.test.ts checks it parses
 * equal), without serialising its 9 KB again for every write (issue 13's
 * profile: 2 % of the worker's CPU).
 */
function panelTextOf(panel: Panel, evaluated: readonly Evaluated[], readCheckJson: string, boundaryJson: string): string {
  const j = JSON.stringify;
  let ops = '';
  for (let i = 0; i < evaluated.length; i++) {
    const e = evaluated[i]!;
    const entry = panel.operations[i]!;
    let reasons = '';
    for (let k = 0; k < e.reasonJsons.length; k++) reasons += (k === 0 ? '' : ',') + e.reasonJsons[k]!;
    ops +=
      `${i === 0 ? '' : ','}{${e.op.panelStatic},"outcome":"${entry.outcome}","approval":${e.approvalJson},"scopeDigest":"${entry.scopeDigest}",` +
      `"reasons":[${reasons}],"boundary":${boundaryJson},"boundaryText":${j(entry.boundaryText)}}`;
  }
  return (
    `{"schema":${panel.schema},"ticket":${j(panel.ticket)},"policyVersion":${j(panel.policyVersion)},"classification":"${panel.classification}",` +
    `"operations":[${ops}],"blockedActions":${j(panel.blockedActions)},"handoffs":${j(panel.handoffs)},"notice":${j(panel.notice)},` +
    `"readCheck":${readCheckJson},"digest":"${panel.digest}"}`
  );
}

/** The body in the digest form of the domain's `panelDigest`, keys sorted at every depth. */
function panelJson(body: PanelBody, evaluated: readonly Evaluated[], readCheckJson: string): string {
  const j = JSON.stringify;
  // Outcomes, the classification and blocked actions are enum words and digests
  // are hex: quoted as they are, since JSON.stringify would escape nothing in them.
  let ops = '';
  for (let i = 0; i < evaluated.length; i++) {
    const e = evaluated[i]!;
    let reasons = '';
    for (let k = 0; k < e.reasonJsons.length; k++) reasons += (k === 0 ? '' : ',') + e.reasonJsons[k]!;
    ops += `${i === 0 ? '' : ','}{${e.op.panelId},"outcome":"${e.decision.outcome}","reasons":[${reasons}],"scopeDigest":"${e.scopeDigest}"}`;
  }
  const { ticket } = body;
  const owner = `{"assignee":${j(ticket.owner.assignee)},"group":${j(ticket.owner.group)}}`;
  const classLowered = ticket.classLowered === null ? 'null' : canonicalJson(ticket.classLowered);
  return (
    `{"blockedActions":${body.blockedActions.length === 0 ? '[]' : `["${body.blockedActions.join('","')}"]`},"classification":"${body.classification}",` +
    `"handoffs":${body.handoffs.length === 0 ? '[]' : canonicalJson(body.handoffs)},"notice":${body.notice === null ? 'null' : canonicalJson(body.notice)},"operations":[${ops}],` +
    `"policyVersion":${j(body.policyVersion)},"readCheck":${readCheckJson},"schema":${body.schema},` +
    `"ticket":{"classLowered":${classLowered},"dataClass":${j(ticket.dataClass)},"number":${j(ticket.number)},"owner":${owner},"sysId":${j(ticket.sysId)},"table":${j(ticket.table)}}}`
  );
}
