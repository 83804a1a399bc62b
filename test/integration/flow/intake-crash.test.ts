/**
 * Every request ends across crashes (issue 11): a worker process SIGKILLed at
 * each step of intake, and a Redis killed and restarted during a batch. The
 * instance holds what is waiting (the row stays pending until a worker has
 * set it queued or refused), the hand-off is keyed by the row, so the next
 * worker finishes each request once: one hand-off, one note.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { FaultPoint } from '../../../src/handoff/flow-deps.js';
import { startFlowHarness, type FlowHarness } from '../../support/flow-harness.js';
import { eligibleIncidents, expectOnlyAllowedWrites, untilEvent } from '../../support/flow-steps.js';
import { redisUrl } from '../../support/redis.js';
import { redisOutageAt, startRedisServer, type RedisServer } from '../../support/redis-server.js';
import { startWorkerProcess, type WorkerProcess } from '../../support/worker-process.js';

const OPERATION = 'gather-diagnostics';

/** Each row ended queued, its ticket holds that one hand-off, written once. */
async function expectEachOnce(h: FlowHarness, rows: ReadonlyMap<string, string>): Promise<void> {
  for (const [ticket, row] of rows) {
    const ended = await h.untilRowEnds('request', row, 60_000);
    expect(ended.state, `${ticket}: ${ended.message}`).toBe('queued');
    await untilEvent(h, ended.handoff!, 'written', 60_000);
    const handoffs = await h.worker!.store.forTicket('incident', ticket, 10);
    expect(handoffs.map((x) => x.id)).toEqual([ended.handoff]);
    const number = h.sandbox.store.get('incident', ticket)!.v.number!;
    expect((await h.notes(number)).filter((n) => n.by === 'svc.aihandoff' && n.value.includes(ended.handoff!))).toHaveLength(1);
  }
}

describe('a worker SIGKILLed during intake', () => {
  const workers: WorkerProcess[] = [];
  afterAll(() => Promise.all(workers.map((w) => w.stop())));

  it('at each step, leaves every request to the next worker, which takes it once', async () => {
    const h = await startFlowHarness({ noWorker: true, sandbox: { seed: { tickets: 200 } } });
    try {
      const config = { ...h.config, worker: { ...h.config.worker, lockDurationMs: 2_000, stuckAfterMs: 3_000 } };
      const points: FaultPoint[] = ['intake-ticket-read', 'after-handoff-create', 'intake-after-take'];
      const rows = new Map<string, string>();
      let tickets: string[] = [];
      for (const point of points) {
        const doomed = startWorkerProcess({ instanceUrl: h.sandbox.url, redisUrl: redisUrl(), prefix: h.prefix, config, fault: point });
        workers.push(doomed);
        // The first worker's sync writes the panels the requests are made on.
        if (tickets.length === 0) tickets = await eligibleIncidents(h, OPERATION, points.length);
        const ticket = tickets.shift()!;
        rows.set(ticket, await h.request('alex.rivera', h.sandbox.store.get('incident', ticket)!.v.number!, { operation: OPERATION }));
        const death = await doomed.exited;
        expect(death.signal, doomed.output()).toBe('SIGKILL');
      }
      // Nothing is lost: the rows are still pending on the instance (or taken, when the worker died after that).
      await h.startWorker(() => config);
      await expectEachOnce(h, rows);
      expectOnlyAllowedWrites(h);
    } finally {
      await h.close();
    }
  }, 180_000);
});

describe('Redis killed and restarted during a batch', () => {
  let redis: RedisServer | undefined;
  afterAll(() => redis?.stop());

  it('ends every request of the batch, with at most one hand-off each', async () => {
    redis = await startRedisServer();
    const outage = redisOutageAt(redis, 'after-handoff-create');
    const h = await startFlowHarness({
      redisUrl: redis.url,
      sandbox: { seed: { tickets: 200 } },
      fault: outage.fault,
    });
    try {
      const tickets = await eligibleIncidents(h, OPERATION, 6);
      const rows = new Map<string, string>();
      await Promise.all(tickets.map(async (ticket) => rows.set(ticket, await h.request('alex.rivera', h.sandbox.store.get('incident', ticket)!.v.number!, { operation: OPERATION }))));
      await expectEachOnce(h, rows);
      expect(outage.happened()).toBe(true);
      expect((await h.worker!.ledger.verify()).ok).toBe(true);
      expectOnlyAllowedWrites(h);
    } finally {
      await h.close();
    }
  }, 120_000);
});
