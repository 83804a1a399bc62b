/**
 * Scale beyond one process (issue 13): three `ai-handoff worker` processes on
 * one Redis and one instance share a batch of requests, one of them is
 * SIGKILLed mid-batch, and still every request ends in exactly one hand-off
 * with exactly one note; the jobs each process finished are read from BullMQ
 * (processedBy), so the test shows the work was shared, not done by one.
 */
import { Queue } from 'bullmq';
import { afterAll, describe, expect, it } from 'vitest';
import { createRedis } from '../../../src/queue/redis-connection.js';
import { startFlowHarness } from '../../support/flow-harness.js';
import { eligibleIncidents, expectOnlyAllowedWrites } from '../../support/flow-steps.js';
import { redisUrl } from '../../support/redis.js';
import { startWorkerProcess, type WorkerProcess } from '../../support/worker-process.js';

const OPERATION = 'gather-diagnostics';
const TICKETS = 30;

describe('three worker processes on one Redis, one SIGKILLed mid-batch', () => {
  const workers: WorkerProcess[] = [];
  afterAll(() => Promise.all(workers.map((w) => w.stop())));

  it('share the batch: every request ends in one hand-off and one note, none lost', async () => {
    const h = await startFlowHarness({ noWorker: true, sandbox: { seed: { tickets: 400 } } });
    const redis = createRedis(redisUrl(), 'store');
    const opened: Queue[] = [];
    const queue = (name: string): Queue => {
      const q = new Queue(name, { connection: redis, prefix: `${h.prefix}:q` });
      opened.push(q);
      return q;
    };
    try {
      const config = { ...h.config, worker: { ...h.config.worker, lockDurationMs: 2_000, stuckAfterMs: 3_000, concurrency: { intake: 4, execute: 4, writeback: 4 } } };
      for (let i = 0; i < 3; i++) workers.push(startWorkerProcess({ instanceUrl: h.sandbox.url, redisUrl: redisUrl(), prefix: h.prefix, config, auditDir: h.auditDir, syncIntervalMs: 2_000 }));
      const tickets = await eligibleIncidents(h, OPERATION, TICKETS);
      // All three are up and polling before the batch (each has run at least one job: the sync's or maintenance's).
      const sync = queue('sync');
      await h.waitFor('three worker processes running jobs', async () => {
        const names = new Set((await sync.getJobs(['completed'], 0, 200)).map((j) => j.processedBy));
        return names.size >= 3 || undefined;
      }, 90_000);

      const rows = new Map<string, string>();
      await Promise.all(tickets.map(async (ticket) => rows.set(ticket, await h.request('alex.rivera', h.sandbox.store.get('incident', ticket)!.v.number!, { operation: OPERATION }))));
      // Mid-batch: once some notes are written, one process dies without a word.
      const notesWritten = (): number => h.sandbox.writeLog.entries({ table: 'incident' }).filter((e) => e.user === 'svc.aihandoff' && e.changed.includes('work_notes')).length;
      await h.waitFor('the first note', () => Promise.resolve(notesWritten() >= 1 || undefined), 60_000);
      const doomed = workers[0]!;
      doomed.child.kill('SIGKILL');
      expect((await doomed.exited).signal).toBe('SIGKILL');
      expect(notesWritten(), 'the kill came before the batch ended').toBeLessThan(TICKETS);

      // Every request ends queued, in its own hand-off; every execute job (which writes the note back itself) completes.
      const handoffs = new Map<string, string>();
      for (const [ticket, row] of rows) {
        const ended = await h.untilRowEnds('request', row, 90_000);
        expect(ended.state, `${ticket}: ${ended.message}`).toBe('queued');
        handoffs.set(ticket, ended.handoff!);
      }
      expect(new Set(handoffs.values()).size).toBe(TICKETS);
      const execute = queue('execute');
      const writeback = queue('writeback');
      const written = await h.waitFor('every execute job completed', async () => {
        const jobs = await execute.getJobs(['completed'], 0, 1_000);
        return jobs.length >= TICKETS ? jobs : undefined;
      }, 90_000);
      expect(written).toHaveLength(TICKETS);
      expect(await execute.getJobCounts('failed', 'active', 'waiting', 'delayed')).toEqual({ failed: 0, active: 0, waiting: 0, delayed: 0 });
      // A write-back left to its queue (a takeover of a job killed after its output was stored, waiting out the dead
      // process's write lease) completes too, and none fails.
      await h.waitFor('the write-back queue drained', async () => {
        const counts = await writeback.getJobCounts('active', 'waiting', 'delayed');
        return Object.values(counts).every((n) => n === 0) || undefined;
      }, 90_000);
      expect(await writeback.getJobCounts('failed')).toEqual({ failed: 0 });
      // One note per ticket, carrying its hand-off's id: none lost, none doubled by the takeover.
      for (const [ticket, handoff] of handoffs) {
        const number = h.sandbox.store.get('incident', ticket)!.v.number!;
        const ours = (await h.notes(number)).filter((n) => n.by === 'svc.aihandoff');
        expect(ours, number).toHaveLength(1);
        expect(ours[0]!.value).toContain(handoff);
      }

      // The work was shared: the surviving processes (and the killed one, before it died) finished the jobs.
      const byProcess = new Map<string, number>();
      for (const job of written) byProcess.set(job.processedBy ?? '?', (byProcess.get(job.processedBy ?? '?') ?? 0) + 1);
      expect(byProcess.size, JSON.stringify(Object.fromEntries(byProcess))).toBeGreaterThanOrEqual(2);
      expectOnlyAllowedWrites(h);
    } finally {
      await Promise.all(opened.map((q) => q.close()));
      redis.disconnect();
      await h.close();
    }
  }, 240_000);
});
