/**
 * Crash safety with real processes: a worker killed (SIGKILL) after writing a
 * note and before acknowledging its job makes exactly one note; Redis killed
 * and restarted mid-flow loses no hand-off (AOF, everysec).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { startFlowHarness } from '../../support/flow-harness.js';
import { expectOnlyAllowedWrites, untilEvent, untilStatus } from '../../support/flow-steps.js';
import { redisUrl } from '../../support/redis.js';
import { redisOutageAt, startRedisServer, type RedisServer } from '../../support/redis-server.js';
import { startWorkerProcess, type WorkerProcess } from '../../support/worker-process.js';

describe('a worker killed after the write and before the acknowledgement', () => {
  const workers: WorkerProcess[] = [];
  afterAll(() => Promise.all(workers.map((w) => w.stop())));

  it('makes exactly one note, completed by the next worker', async () => {
    const h = await startFlowHarness({ noWorker: true });
    try {
      const config = { ...h.config, worker: { ...h.config.worker, lockDurationMs: 2_000, stuckAfterMs: 3_000 } };
      const doomed = startWorkerProcess({ instanceUrl: h.sandbox.url, redisUrl: redisUrl(), prefix: h.prefix, config, fault: 'after-note-write', auditDir: h.auditDir });
      workers.push(doomed);
      await h.waitFor('the first panel', async () => (await h.ticket('INC0002041')).panel, 60_000);
      await h.request('alex.rivera', 'INC0002041', { operation: 'gather-diagnostics' });

      const death = await doomed.exited;
      expect(death.signal).toBe('SIGKILL');
      const afterCrash = (await h.notes('INC0002041')).filter((n) => n.by === 'svc.aihandoff');
      expect(afterCrash).toHaveLength(1);
      // The note and its status went in one call; the worker died before recording it and acknowledging the job.
      expect((await h.ticket('INC0002041')).status).toBe('awaiting_review');

      // The next worker (in-process) takes the stalled write-back over after the lock lapses.
      await h.startWorker(() => config);
      const done = await untilStatus(h, 'INC0002041', 'awaiting_review', 60_000);
      const handoff = done.panel!.handoffs[0]!;
      await untilEvent(h, handoff.id, 'written', 60_000);
      const ours = (await h.notes('INC0002041')).filter((n) => n.by === 'svc.aihandoff');
      expect(ours).toHaveLength(1);
      expect(ours[0]!.value).toContain(handoff.id);
      // The next worker sent the note again under its key; the app found it among ours and wrote nothing.
      const noteWrites = h.sandbox.writeLog.entries({ table: 'incident' }).filter((e) => e.user === 'svc.aihandoff' && e.fields.includes('work_notes'));
      expect(noteWrites.map((e) => e.changed.includes('work_notes'))).toEqual([true, false]);
      const events = await h.worker!.ledger.forHandoff(handoff.id);
      expect(events.filter((e) => e.type === 'written').map((e) => e.details.outcome)).toEqual(['already-written']);
      expectOnlyAllowedWrites(h);
    } finally {
      await h.close();
    }
  }, 120_000);
});

describe('Redis killed and restarted mid-flow', () => {
  let redis: RedisServer | undefined;
  afterAll(() => redis?.stop());

  it('loses no hand-off: the flow waits, then completes with one note and an intact audit chain', async () => {
    redis = await startRedisServer();
    const outage = redisOutageAt(redis, 'after-handoff-create');
    const h = await startFlowHarness({
      redisUrl: redis.url,
      fault: outage.fault,
    });
    try {
      await h.waitFor('the panel', async () => (await h.ticket('SIR0002274')).panel);
      await h.request('lena.fischer', 'SIR0002274', { operation: 'compile-exception-history' });
      const done = await untilStatus(h, 'SIR0002274', 'awaiting_review', 60_000);
      expect(outage.happened()).toBe(true);
      expect(done.panel!.handoffs).toHaveLength(1);
      const ours = (await h.notes('SIR0002274')).filter((n) => n.by === 'svc.aihandoff');
      expect(ours).toHaveLength(1);
      const events = await h.worker!.ledger.forHandoff(done.panel!.handoffs[0]!.id);
      expect(events.map((e) => e.type)).toEqual(['requested', 'queued', 'executed', 'guarded', 'written']);
      expect((await h.worker!.ledger.verify()).ok).toBe(true);
      expectOnlyAllowedWrites(h);
    } finally {
      await h.close();
    }
  }, 120_000);
});
