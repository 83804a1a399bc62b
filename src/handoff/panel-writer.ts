/**
 * Keeps a ticket's panel and status fields current, and is the one way the
 * flow writes a ticket: every write (a note, the end state of a request or
 * review row) goes in the same call as the panel and status it changes, through
 * the app's API (docs/contract.md). The panel is a pure function of the
 * ticket, the policy context, the ticket's hand-offs and its notice, sealed
 * with a digest; the fields are sent only when the digest or the status
 * differs from what the ticket holds, so the worker's own writes never cause
 * a loop of rewrites.
 *
 * One compute-and-write per ticket at a time (a Redis lease): a sync pass
 * computing a panel from hand-offs a flow step is about to change would
 * otherwise write a stale status over the step's.
 */
import type { Redis } from 'ioredis';
import type { Connector, RawRecord, TicketWrite, TicketWriteResult } from '../connector/connector.js';
import { sealedPanelText } from '../connector/write-guard.js';
import type { RequestRowUpdate, ReviewRowUpdate } from '../domain/app-rows.js';
import type { Handoff } from '../domain/handoff.js';
import type { Panel, PanelHandoff, PanelNotice } from '../domain/panel.js';
import type { AiStatus } from '../domain/status.js';
import type { Ticket } from '../domain/ticket.js';
import { HandoffError } from '../errors.js';
import type { TableMapping } from '../mapping/mapping-schema.js';
import { panelFieldFacts, recordedIn, rememberPanelField } from '../policy/class-lowering.js';
import { acquireLease, heldLease, leaseOwner, type Lease } from '../queue/lease.js';
import { panelLine } from './draft-excerpt.js';
import type { HandoffStore } from './handoff-store.js';
import type { NoticeStore } from './notices.js';
import type { PanelPolicy } from './ports.js';
import { ownWriteVersion, type SeenVersions } from './seen-versions.js';

/** How many recent hand-offs the panel lists. */
export const PANEL_HANDOFFS = 5;
/** How long one panel computation and write may hold the ticket, in ms. */
const PANEL_LEASE_MS = 15_000;
/** How long a flow step waits for another writer of the same ticket's panel, in ms. */
const PANEL_WAIT_MS = 5_000;

export interface PanelWriterDeps {
  readonly connector: Connector;
  readonly store: HandoffStore;
  readonly notices: NoticeStore;
  readonly policy: PanelPolicy;
  readonly redis: Redis;
  readonly prefix: string;
  /**
   * The sync's versions already up to date: a write that was the only change
   * since the record was read is marked, so the next passes, which read it
   * again for the settle window, do not compute its panel once more.
   */
  readonly seen?: SeenVersions;
}

/** A work note with its idempotency key (its marker). */
export interface PanelNote {
  readonly text: string;
  readonly key: string;
}

export interface PanelUpdate {
  /** A work note to append in the same call. */
  readonly note?: PanelNote;
  /** The request row this write finishes. */
  readonly request?: RequestRowUpdate;
  /** The review row this write finishes. */
  readonly review?: ReviewRowUpdate;
  /**
   * The hand-offs as they will be once this write lands (a note written: the
   * hand-off awaits review), for the panel and status sent with it; the store
   * is changed in `then`, under the same lease, after the write.
   */
  readonly project?: (handoff: Handoff) => Handoff;
  /**
   * Runs under the ticket's lease before the panel is computed: a step whose
   * change to a hand-off must reach the ticket in this call, with no sync pass
   * writing the new status in between (a review recorded, then its note). It
   * may answer the note to send, when the note depends on that change.
   */
  readonly before?: () => Promise<{ readonly note?: PanelNote } | undefined>;
  /** Runs under the ticket's lease once the write landed (or when there was nothing to send). */
  readonly then?: (result: TicketWriteResult | null) => Promise<void>;
  /** Whether to skip (rather than fail) when another writer holds the ticket; default false. */
  readonly skipIfBusy?: boolean;
  /**
   * Whether to leave the ticket alone while one of its hand-offs is queued or
   * running (a sync pass): the flow writes the panel when that step ends, and
   * a pass in between would only write "running" (issue 13: no separate
   * running write). Default false.
   */
  readonly skipIfInFlight?: boolean;
}

export interface RefreshResult {
  readonly written: boolean;
  /** Nothing computed: another writer held the ticket (`skipIfBusy`), or a hand-off was in flight (`inFlight`). */
  readonly skipped: boolean;
  readonly inFlight?: boolean;
  readonly panel: Panel | null;
  readonly ticket: Ticket | null;
  /** The app API's answer, when a call was made. */
  readonly result: TicketWriteResult | null;
}

export interface PanelWriter {
  /** Recomputes the panel for a record and writes what changed, with the update's note and row states. */
  refresh(mapping: TableMapping, record: RawRecord, update?: PanelUpdate): Promise<RefreshResult>;
  /** Reads the record first (one GET). */
  refreshById(mapping: TableMapping, sysId: string, update?: PanelUpdate): Promise<RefreshResult>;
}

/** A hand-off as the panel lists it: with who asked and what they wrote, and the draft's first lines once written (issue 12). */
export function toPanelHandoff(h: Handoff): PanelHandoff {
  const requesterName = panelLine(h.requester.name, 'name');
  const note = panelLine(h.note, 'note');
  const draft = h.output?.excerpt === undefined || h.output.excerpt === '' ? undefined : h.output.excerpt;
  return {
    id: h.id,
    operation: h.operation,
    status: h.status,
    requestedBy: h.requester.userName,
    approval: h.approval,
    updatedAt: h.updatedAt,
    ...(requesterName === undefined ? {} : { requesterName }),
    ...(note === undefined ? {} : { note }),
    ...(draft === undefined ? {} : { draft }),
  };
}

/** The status field: the latest hand-off's status, else what the panel offers. */
export function statusFor(panel: Panel, handoffs: readonly Handoff[]): AiStatus {
  const latest = handoffs[0];
  if (latest) return latest.status;
  if (panel.operations.length === 0) return 'none';
  return panel.operations.some((op) => op.outcome !== 'blocked') ? 'eligible' : 'blocked';
}

/** The digest of the panel a ticket's field holds (parsed once per text, with the class it records). */
function digestInField(value: string | undefined): string | null {
  return value ? panelFieldFacts(value).digest : null;
}

/** The ticket's newest hand-offs and its notice, as the panel shows them. */
interface PanelInputs {
  readonly stored: readonly Handoff[];
  readonly notice: PanelNotice | null;
}

export function createPanelWriter(deps: PanelWriterDeps): PanelWriter {
  const { connector, store, notices, policy, redis, prefix } = deps;

  const readInputs = async (table: string, sysId: string): Promise<PanelInputs> => {
    // Read together: on the flow's auto-pipelined connection they go out in one write.
    const [stored, notice] = await Promise.all([store.forTicket(table, sysId, PANEL_HANDOFFS), notices.get(table, sysId)]);
    return { stored, notice };
  };

  const compute = async (mapping: TableMapping, record: RawRecord, update: PanelUpdate, inputs: PanelInputs): Promise<{ panel: Panel; ticket: Ticket; status: AiStatus } | null> => {
    const ticket = policy.toTicket(mapping, record);
    const { stored, notice } = inputs;
    if (update.skipIfInFlight && stored.some((h) => h.status === 'queued' || h.status === 'running')) return null;
    const handoffs = update.project ? stored.map(update.project) : stored;
    const panel = await policy.panel(ticket, { handoffs: handoffs.map(toPanelHandoff), notice, previous: record[mapping.ai.panel] ?? null });
    return { panel, ticket, status: statusFor(panel, handoffs) };
  };

  /**
   * Takes the ticket's lease and, in the same step, reads the panel's inputs
   * (one script: issue 13's profile counted each Redis round trip at tens of
   * microseconds of this process's time). A step with `before` changes a
   * hand-off under the lease first, so it reads after.
   */
  const open = async (mapping: TableMapping, sysId: string, key: string, update: PanelUpdate): Promise<{ lease: Lease; inputs: PanelInputs | null } | null> => {
    if (update.before) {
      const lease = await acquireLease(redis, key, PANEL_LEASE_MS);
      return lease === null ? null : { lease, inputs: null };
    }
    const owner = leaseOwner();
    const read = await store.forTicketLeased(mapping.table, sysId, PANEL_HANDOFFS, { key, owner, ms: PANEL_LEASE_MS }, [notices.keyOf(mapping.table, sysId)]);
    if (read === null) return null;
    return { lease: heldLease(redis, key, owner), inputs: { stored: read.handoffs, notice: notices.fromText(read.also[0] ?? null) } };
  };

  /** Per record object: the sys_mod_count its ticket reached through this writer's own writes computed from it (seen-versions.ts). */
  const reached = new WeakMap<RawRecord, string>();

  const refresh = async (mapping: TableMapping, record: RawRecord, update: PanelUpdate = {}): Promise<RefreshResult> => {
    const sysId = record.sys_id ?? '';
    const key = `${prefix}:lease:panel:${mapping.table}:${sysId}`;
    let opened = await open(mapping, sysId, key, update);
    // Another writer holds the ticket only for one compute-and-write; the flow waits it out, a sync pass moves on.
    for (let waited = 0; !opened && !update.skipIfBusy && waited < PANEL_WAIT_MS; waited += 50) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      opened = await open(mapping, sysId, key, update);
    }
    if (!opened) {
      if (update.skipIfBusy) return { written: false, skipped: true, panel: null, ticket: null, result: null };
      throw new HandoffError('LEASE_HELD', `another worker is writing the panel of ${mapping.table} ${sysId}`, { details: { table: mapping.table, sysId } });
    }
    const { lease } = opened;
    try {
      const note = (await update.before?.())?.note ?? update.note;
      const computed = await compute(mapping, record, update, opened.inputs ?? (await readInputs(mapping.table, sysId)));
      if (computed === null) return { written: false, skipped: true, inFlight: true, panel: null, ticket: null, result: null };
      const { panel, ticket, status } = computed;
      const fields: Record<string, string> = {};
      if (digestInField(record[mapping.ai.panel]) !== panel.digest) {
        const text = sealedPanelText(panel);
        fields[mapping.ai.panel] = text;
        // The next read of this ticket brings this text back: what it records is known without parsing it.
        rememberPanelField(text, { digest: panel.digest, recorded: recordedIn(panel.ticket) });
      }
      if ((record[mapping.ai.status] ?? '') !== status) fields[mapping.ai.status] = status;
      const write: TicketWrite = {
        ...(Object.keys(fields).length > 0 ? { fields } : {}),
        ...(note ? { note } : {}),
        ...(update.request ? { request: update.request } : {}),
        ...(update.review ? { review: update.review } : {}),
      };
      const result = Object.keys(write).length === 0 ? null : await connector.writeTicket(mapping, sysId, write);
      const written = result === null ? null : ownWriteVersion(mapping.table, record, result.modCount, reached.get(record));
      if (written !== null && result !== null) {
        deps.seen?.add(written);
        // The note's write is computed from the record pickup read, whose ticket pickup's own write moved on by one.
        reached.set(record, result.modCount);
      }
      await update.then?.(result);
      return { written: result !== null, skipped: false, panel, ticket, result };
    } finally {
      // Sent, not awaited: the caller's next Redis command goes out in the same write, after it (one connection keeps
      // the order), instead of a round trip later. A release that fails lapses within PANEL_LEASE_MS.
      void lease.release().catch(() => undefined);
    }
  };

  return {
    refresh,
    async refreshById(mapping, sysId, update) {
      const record = await connector.get(mapping, sysId);
      if (!record) throw new HandoffError('SN_NOT_FOUND', `${mapping.table} ${sysId} is gone or hidden`, { details: { table: mapping.table, sysId } });
      return refresh(mapping, record, update);
    },
  };
}
