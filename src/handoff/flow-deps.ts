/**
 * Everything the hand-off flow's steps need, passed in by the worker
 * (src/queue/wiring.ts) or by tests: real or local services, never module
 * singletons.
 */
import type { Redis } from 'ioredis';
import type { Connector } from '../connector/connector.js';
import type { AppNames } from '../domain/app-names.js';
import type { Logger } from '../util/log.js';
import type { AuditLedger } from './audit-ledger.js';
import type { HandoffStore } from './handoff-store.js';
import type { NoticeStore } from './notices.js';
import type { PanelWriter } from './panel-writer.js';
import type { People } from './people.js';
import type { TicketCache } from './ticket-cache.js';
import type { Executor, NoteRenderer, PanelPolicy } from './ports.js';

/** What a job needs of its hand-off: the id (its job id comes from it) and the ticket's table (the job's mapping). */
export type QueuedHandoff = { readonly id: string; readonly ticket: { readonly table: string } };

export interface FlowQueues {
  /** Enqueues the execute job of a hand-off (job id derived from the hand-off id). */
  execute(handoff: QueuedHandoff): Promise<void>;
  /** Enqueues the write-back job of a hand-off. */
  writeback(handoff: QueuedHandoff): Promise<void>;
}

export interface FlowSettings {
  /** How long an awaited review stays open before it expires, in ms. */
  readonly reviewWindowMs: number;
  /**
   * How long the write-back lease lasts, in ms: as long as a job lock, so a
   * dead writer's lease lapses when its job is handed to another worker.
   */
  readonly writeLeaseMs: number;
  /** user_name of the integration user: it can never be a requester or reviewer. */
  readonly integrationUser: string;
  /**
   * Display name of the integration user, for journals read through the
   * display-value fallback (which names authors by display name).
   */
  readonly integrationUserDisplayName?: string;
}

/**
 * Named points where a test can make the process die (SIGKILL) or Redis go
 * away, to prove crash safety: the write-back around its note, and every
 * step of intake (a row locked, its ticket read, its hand-off created, the
 * row taken; a review about to be and just recorded).
 */
export const FAULT_POINTS = [
  'before-note-write',
  'after-note-write',
  'intake-row-locked',
  'intake-ticket-read',
  'after-handoff-create',
  'intake-after-take',
  'review-before-write',
  'review-after-write',
] as const;
export type FaultPoint = (typeof FAULT_POINTS)[number];

export interface FlowDeps {
  readonly connector: Connector;
  /** The installed app's names (its roles decide who may request and review). */
  readonly app: AppNames;
  /** Users with roles, and group members, cached for worker.userCacheMs. */
  readonly people: People;
  /** The ticket as pickup read it, for execute and write-back within worker.ticketFreshMs. */
  readonly tickets: TicketCache;
  readonly store: HandoffStore;
  readonly ledger: AuditLedger;
  readonly notices: NoticeStore;
  readonly panels: PanelWriter;
  readonly policy: PanelPolicy;
  readonly executor: Executor;
  readonly notes: NoteRenderer;
  readonly queues: FlowQueues;
  readonly redis: Redis;
  readonly prefix: string;
  readonly settings: FlowSettings;
  readonly now: () => Date;
  readonly log: Logger;
  /**
   * Called at each fault point; the worker kills itself there when
   * AI_HANDOFF_FAULT names it. Tests may pass an async hook (crash Redis,
   * then go on); the flow awaits it.
   */
  readonly fault: (point: FaultPoint) => void | Promise<void>;
}
