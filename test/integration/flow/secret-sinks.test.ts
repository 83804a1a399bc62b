/**
 * No secret gets through (issue 11): every format of the secret corpus, with
 * fresh random values each run, planted in a ticket's description, a
 * colleague's work note, the operator's note and the reviewer's comment,
 * through the real flow (sandbox, connector, Redis, BullMQ, the built-in
 * provider): none survives in any sink. Sinks: the work notes, the panel and
 * status fields, the audit ledger, the integration user's writes, the logs
 * (worker and sandbox, debug level), BullMQ's jobs, and every key under the
 * run's Redis prefix (test/integration/hostile/sinks.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEvent } from '../../../src/handoff/audit-event.js';
import { createRng, runSeed, SECRET_FORMATS, type Planted, type SecretFormat } from '../../fixtures/secrets/corpus.js';
import { startFlowHarness, type FlowHarness } from '../../support/flow-harness.js';
import { untilStatus } from '../../support/flow-steps.js';
import { createHostileSeeder } from '../../support/hostile-seed.js';
import { captureLog, readSinks, sinksHolding, type Sink } from '../hostile/sinks.js';

const PLACES = ['description', 'work note', "operator's note", 'reviewer comment'] as const;
type Place = (typeof PLACES)[number];

/** Characters of planted text per place and ticket: within what the source set reads (2,000 a field, 4,000 a note) and the request and review limits (1,000, 2,000). */
const BUDGET: Readonly<Record<Place, number>> = { description: 1700, 'work note': 3600, "operator's note": 900, 'reviewer comment': 1800 };

interface Plant {
  readonly format: SecretFormat;
  readonly place: Place;
  readonly planted: Planted;
}

/** Every format in every place, fresh values each time, packed into as few tickets as the budgets allow. */
function plan(seed: number): Plant[][][] {
  const rng = createRng(seed);
  const perPlace = PLACES.map((place) => {
    const bins: Plant[][] = [[]];
    let used = 0;
    for (const format of SECRET_FORMATS) {
      const plant = { format, place, planted: format.make(rng) };
      const size = plant.planted.text.length + 1;
      if (used + size > BUDGET[place] && (bins.at(-1)?.length ?? 0) > 0) {
        bins.push([]);
        used = 0;
      }
      bins.at(-1)?.push(plant);
      used += size;
    }
    return bins;
  });
  const tickets = Math.max(...perPlace.map((bins) => bins.length));
  return Array.from({ length: tickets }, (_, t) => perPlace.map((bins) => bins[t] ?? []));
}

const seed = runSeed();
const tickets = plan(seed);
const numberOf = (t: number): string => `INC${String(7001 + t).padStart(7, '0')}`;
const text = (plants: readonly Plant[]): string => plants.map((p) => p.planted.text).join('\n');

describe(`${SECRET_FORMATS.length} secret formats in four places through the flow reach no sink (seed ${seed}; replay with SECRET_CORPUS_SEED=${seed})`, () => {
  let h: FlowHarness;
  let sinks: Sink[] = [];
  const events: AuditEvent[] = [];
  const reviewNotes: string[] = [];

  beforeAll(async () => {
    const captured = captureLog();
    const groups = Object.fromEntries(tickets.map((_, t) => [`Secrets ${numberOf(t)}`, { enabled: true, tier: 'standard' as const }]));
    h = await startFlowHarness({ log: captured.log, sandbox: { log: captured.log }, syncIntervalMs: 200, config: (c) => ({ ...c, groups: { ...c.groups, ...groups } }) });
    const seeder = createHostileSeeder(h.sandbox);
    tickets.forEach(([description = [], workNote = []], t) => {
      const number = numberOf(t);
      seeder.seed({
        table: 'incident',
        number,
        title: 'Branch file server unreachable',
        description: `Staff at the branch cannot reach the file server since 08:10 UTC; the nightly copy failed.\n${text(description)}`,
        dataClass: 'internal',
        group: { name: `Secrets ${number}`, manager: 'irene.costa' },
        ci: { name: `Secrets CI ${number}`, description: 'Branch file server', owner: 'irene.costa' },
        caller: { userName: `secrets.caller.${number.toLowerCase()}`, name: 'Casey Ward', manager: 'dana.whitfield' },
        assignee: 'alex.rivera',
        notes: [{ by: 'emma.clarke', text: `Collected what the branch sent us.\n${text(workNote)}` }],
      });
    });
    await Promise.all(
      tickets.map(async ([, , note = [], comment = []], t) => {
        const number = numberOf(t);
        await h.waitFor(`a panel on ${number}`, async () => (await h.ticket(number)).panel, 60_000);
        await h.request('alex.rivera', number, { operation: 'draft-status-update', ...(note.length > 0 ? { note: text(note) } : {}) });
        const written = await untilStatus(h, number, 'awaiting_review', 90_000);
        const handoff = written.panel?.handoffs[0]?.id ?? '';
        await h.review('irene.costa', number, { handoff, decision: 'accept', ...(comment.length > 0 ? { comment: text(comment) } : {}) });
        await untilStatus(h, number, 'accepted', 90_000);
        const ours = (await h.notes(number)).filter((n) => n.by === 'svc.aihandoff');
        reviewNotes.push(...ours.filter((n) => n.value.includes('AI hand-off review')).map((n) => n.value));
      }),
    );
    // Let the last log lines land before reading the sinks.
    await new Promise((r) => setTimeout(r, 300));
    for await (const e of h.worker!.ledger.events()) events.push(e);
    sinks = await readSinks(h, captured.lines);
  }, 240_000);

  afterAll(async () => {
    await h?.close();
  });

  it(`planted ${SECRET_FORMATS.length} formats in each place, on ${tickets.length} tickets`, () => {
    expect(SECRET_FORMATS.length).toBeGreaterThanOrEqual(60);
    for (const [p, place] of PLACES.entries()) expect(tickets.flatMap((t) => t[p] ?? []).map((x) => x.format.id).sort(), place).toEqual(SECRET_FORMATS.map((f) => f.id).sort());
  });

  for (const format of SECRET_FORMATS) {
    it(`${format.id}: in no sink, from any of the four places`, () => {
      const leaks: string[] = [];
      for (const plant of tickets.flat(2).filter((x) => x.format === format)) {
        for (const secret of plant.planted.secrets) for (const sink of sinksHolding(sinks, secret)) leaks.push(`from the ${plant.place}: in the ${sink}`);
      }
      expect(leaks).toEqual([]);
    });
  }

  it('masked what it found, and the audit says so by kind and count, never by value', () => {
    const requested = events.filter((e) => e.type === 'requested' && Object.keys((e.details.noteMasked as object | undefined) ?? {}).length > 0);
    const reviewed = events.filter((e) => e.type === 'reviewed' && Object.keys((e.details.commentMasked as object | undefined) ?? {}).length > 0);
    expect(requested).toHaveLength(tickets.filter((t) => (t[2] ?? []).length > 0).length);
    expect(reviewed).toHaveLength(tickets.filter((t) => (t[3] ?? []).length > 0).length);
    const counted = (es: AuditEvent[], key: string): number => es.reduce((sum, e) => sum + Object.values(e.details[key] as Record<string, number>).reduce((a, b) => a + b, 0), 0);
    expect(counted(requested, 'noteMasked')).toBeGreaterThanOrEqual(SECRET_FORMATS.length);
    expect(counted(reviewed, 'commentMasked')).toBeGreaterThanOrEqual(SECRET_FORMATS.length);
    // The review notes quote the comments, masked.
    expect(reviewNotes.filter((n) => n.includes('[masked-'))).toHaveLength(reviewed.length);
    expect(sinks.find((s) => s.name === 'work notes')?.text).toMatch(/\[masked-(?:password|api-key|token|connection-string|private-key)-\d+\]/);
  });
});
