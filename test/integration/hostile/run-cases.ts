/**
 * Runs hostile cases through the real product: one harness (sandbox, real
 * connector, the test run's Redis, the wired worker) for a group of cases,
 * each case on its own ticket, all at once. For each case it records the
 * ticket and its related tickets before the request and after the flow
 * ended, the notes, the hand-offs and how the flow ended.
 */
import type { Provider } from '../../../src/ai/index.js';
import type { Handoff } from '../../../src/domain/handoff.js';
import { Panel } from '../../../src/domain/panel.js';
import { ALLOWED_HOST, BASE, numberOf, type HostileCase } from '../../fixtures/hostile/index.js';
import { startFlowHarness, type FlowHarness, type JournalNote } from '../../support/flow-harness.js';
import { createHostileSeeder, type SeededTicket } from '../../support/hostile-seed.js';
import { groupOf, ticketFor } from './case-ticket.js';
import { captureLog, recordingProvider, type RecordingProvider } from './sinks.js';

export type Ending = 'rejected' | 'refused' | 'written';

export interface Snapshot {
  readonly ticket: Readonly<Record<string, string>>;
  readonly related: Readonly<Record<string, Readonly<Record<string, string>>>>;
}

export interface CaseResult {
  readonly case: HostileCase;
  readonly number: string;
  readonly seeded: SeededTicket;
  readonly before: Snapshot | null;
  readonly after: Snapshot | null;
  readonly ending: Ending | null;
  readonly status: string;
  readonly panel: Panel | null;
  readonly notes: readonly JournalNote[];
  readonly handoffs: readonly Handoff[];
  /** Why the case did not run to an end (a setup problem or a timeout); null when it did. */
  readonly error: string | null;
  /** From the request to the end, in ms. */
  readonly ms: number;
}

export interface HostileRun {
  readonly h: FlowHarness;
  readonly provider: RecordingProvider;
  readonly logs: string[];
  run(cases: readonly HostileCase[]): Promise<Map<string, CaseResult>>;
}

export interface HostileRunOptions {
  /** The provider under test; the recording wrapper is added here. */
  readonly provider: Provider;
  /** Extra groups for the config (shadow mode). */
  readonly groups?: Readonly<Record<string, { enabled: boolean; tier: 'standard'; shadow?: boolean }>>;
  readonly now?: () => Date;
}

/** How long a case may take from the start of its batch to its end, in ms (generous: CI machines are shared). */
const CASE_TIMEOUT_MS = 150_000;

export async function startHostileRun(cases: readonly HostileCase[], options: HostileRunOptions): Promise<HostileRun> {
  const captured = captureLog();
  const provider = recordingProvider(options.provider);
  const groups: Record<string, { enabled: boolean; tier: 'standard'; shadow?: boolean }> = { ...options.groups };
  for (const c of cases) groups[groupOf(c)] = { enabled: true, tier: 'standard' };
  const h = await startFlowHarness({
    provider: provider.provider,
    log: captured.log,
    sandbox: { log: captured.log },
    syncIntervalMs: 200,
    ...(options.now ? { now: options.now } : {}),
    config: (config) => ({
      ...config,
      groups: { ...config.groups, ...groups },
      ai: { ...config.ai, links: { ...config.ai.links, allowedHosts: [ALLOWED_HOST] } },
    }),
  });
  return { h, provider, logs: captured.lines, run: (list) => runCases(h, list) };
}

async function runCases(h: FlowHarness, cases: readonly HostileCase[]): Promise<Map<string, CaseResult>> {
  const seeder = createHostileSeeder(h.sandbox);
  const seeded = new Map(cases.map((c) => [c.id, seeder.seed(ticketFor(c))]));
  const results = await Promise.all(cases.map((c) => runOne(h, c, seeded.get(c.id)!)));
  return new Map(results.map((r) => [r.case.id, r]));
}

/** The raw record as the instance holds it (read in-process: polling over HTTP for every case would only add load). */
function rowOf(h: FlowHarness, table: string, sysId: string): Record<string, string> {
  const row = h.sandbox.store.get(table, sysId);
  if (!row) throw new Error(`${table} ${sysId} is gone from the sandbox`);
  return { ...row.v };
}

function snapshot(h: FlowHarness, seeded: SeededTicket): Snapshot {
  return { ticket: rowOf(h, seeded.table, seeded.sysId), related: Object.fromEntries(seeded.related.map((r) => [r.number, rowOf(h, r.table, r.sysId)])) };
}

function panelOf(h: FlowHarness, record: Readonly<Record<string, string>>): Panel | null {
  const raw = record[h.sandbox.appFields.panel] ?? '';
  return raw === '' ? null : Panel.parse(JSON.parse(raw));
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

async function until<T>(what: string, deadline: number, check: () => T | null | Promise<T | null>): Promise<T> {
  for (;;) {
    const value = await check();
    if (value !== null) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

async function runOne(h: FlowHarness, c: HostileCase, seeded: SeededTicket): Promise<CaseResult> {
  const number = numberOf(c);
  const { appFields } = h.sandbox;
  const started = Date.now();
  const deadline = started + CASE_TIMEOUT_MS;
  let before: Snapshot | null = null;
  try {
    const panel = await until(`the panel on ${number}`, deadline, () => panelOf(h, rowOf(h, seeded.table, seeded.sysId)));
    const op = panel.operations.find((o) => o.id === c.operation);
    if (!op || op.outcome === 'blocked') {
      throw new Error(`setup: ${c.operation} is not offered on ${number} (${op ? op.reasons.map((r) => r.message).join(' ') : 'not listed'})`);
    }
    before = snapshot(h, seeded);
    const requestRow = await h.request(BASE[c.type].agent, number, { operation: c.operation, ...(c.note === undefined ? {} : { note: c.note }) });
    const ending = await until(`the end of ${c.id} on ${number}`, deadline, async (): Promise<Ending | null> => {
      const record = rowOf(h, seeded.table, seeded.sysId);
      if ((h.sandbox.store.get(h.sandbox.app.tables.request, requestRow)?.v.state ?? 'pending') === 'pending') return null;
      const status = record[appFields.status] ?? '';
      if (status === 'failed') return 'rejected';
      // The note's call shows the status first; the flow records it in the hand-off right after.
      if (status === 'awaiting_review') return (await h.worker?.store.forTicket(seeded.table, seeded.sysId, 1))?.[0]?.status === 'awaiting_review' ? 'written' : null;
      const now = panelOf(h, record);
      return now !== null && now.handoffs.length === 0 && now.notice?.kind === 'refused' ? 'refused' : null;
    });
    if (ending === 'written' && c.review !== undefined) await review(h, c, seeded, deadline);
    return await finish(h, c, seeded, before, ending, null, started);
  } catch (error) {
    return finish(h, c, seeded, before, null, error instanceof Error ? error.message : String(error), started);
  }
}

const DECIDED = { accept: 'accepted', reject: 'rejected', escalate: 'escalated' } as const;

/** The case's review of its written hand-off, with its comment; waits until the decision is recorded. */
async function review(h: FlowHarness, c: HostileCase, seeded: SeededTicket, deadline: number): Promise<void> {
  const { comment, by = BASE[c.type].agent, decision = 'accept' } = c.review ?? { comment: '' };
  const handoff = panelOf(h, rowOf(h, seeded.table, seeded.sysId))?.handoffs[0]?.id ?? '';
  const reviewRow = await h.review(by, seeded.number, { handoff, decision, comment });
  await until(`the review of ${c.id} on ${seeded.number}`, deadline, () => {
    const record = rowOf(h, seeded.table, seeded.sysId);
    const state = h.sandbox.store.get(h.sandbox.app.tables.review, reviewRow)?.v.state ?? 'pending';
    return record[h.sandbox.appFields.status] === DECIDED[decision] && state !== 'pending' ? true : null;
  });
}

async function finish(h: FlowHarness, c: HostileCase, seeded: SeededTicket, before: Snapshot | null, ending: Ending | null, error: string | null, started: number): Promise<CaseResult> {
  const ms = Date.now() - started;
  const after = snapshot(h, seeded);
  return {
    case: c,
    number: seeded.number,
    seeded,
    before,
    after,
    ending,
    status: after.ticket[h.sandbox.appFields.status] ?? '',
    panel: panelOf(h, after.ticket),
    notes: await h.notes(seeded.number),
    handoffs: (await h.worker?.store.forTicket(seeded.table, seeded.sysId, 10)) ?? [],
    error,
    ms,
  };
}
