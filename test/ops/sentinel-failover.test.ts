/**
 * Issue 14, Redis as it runs in production: the worker (`ai-handoff worker`,
 * a child process) reaches Redis through Sentinel (REDIS_SENTINELS,
 * REDIS_SENTINEL_NAME); a batch of hand-offs is requested, the primary is
 * killed mid-batch and Sentinel promotes the replica. Afterwards every request
 * has ended with exactly one note, nothing is stuck, the worker kept running,
 * and the audit chain verifies on the promoted Redis. The assertions are about
 * outcomes (one note per request), not mechanisms, so they hold whichever way
 * requests reach the worker.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { INTEGRATION_PASSWORD, INTEGRATION_USER } from '../../connectors/servicenow/sandbox/index.js';
import { auditEnv } from '../support/audit.js';
import { startFlowHarness, type FlowHarness } from '../support/flow-harness.js';
import { expectOnlyAllowedWrites } from '../support/flow-steps.js';
import { writeConfig } from '../support/worker-process.js';
import { runCliProcess, startCli, type RunningCli } from './support/cli-process.js';
import { sample } from './support/metrics-text.js';
import { MASTER_NAME, startSentinelCluster, type SentinelCluster } from './support/sentinel-cluster.js';

/** Hand-offs in the batch: one per active seed ticket whose panel offers an operation (policy blocks some). */
const BATCH_SIZE = 8;

describe('a Redis failover under Sentinel in the middle of a batch', () => {
  let cluster: SentinelCluster | undefined;
  let h: FlowHarness | undefined;
  let worker: RunningCli | undefined;
  afterAll(async () => {
    // The Redis processes and their folders go whatever happens before.
    try {
      await worker?.stop();
      if (h) expectOnlyAllowedWrites(h);
      await h?.close();
    } finally {
      await cluster?.stop();
    }
  }, 60_000);

  it('ends every request with exactly one note, nothing stuck or lost, the worker still running', async () => {
    cluster = await startSentinelCluster();
    h = await startFlowHarness({ noWorker: true });
    const harness = h;
    const prefix = harness.prefix;
    const config = writeConfig({
      ...harness.config,
      // Quick take-over of jobs whose locks were on the dead primary, and of hand-offs that stopped moving.
      worker: { ...harness.config.worker, lockDurationMs: 2_000, stuckAfterMs: 3_000, maintenanceEveryMs: 1_000 },
      ops: { ...harness.config.ops, checkEveryMs: 500 },
    });
    // The test file's audit key and one folder, so verify below finds the worker's checkpoints.
    const audit = auditEnv();
    const env = {
      SN_INSTANCE_URL: harness.sandbox.url,
      SN_USERNAME: INTEGRATION_USER,
      SN_PASSWORD: INTEGRATION_PASSWORD,
      REDIS_SENTINELS: `127.0.0.1:${cluster.sentinelPort}`,
      REDIS_SENTINEL_NAME: MASTER_NAME,
      AI_HANDOFF_PREFIX: prefix,
      AI_HANDOFF_CONFIG: config,
      AI_HANDOFF_HTTP: '127.0.0.1:0',
      SYNC_INTERVAL_MS: '250',
      ...audit,
    };
    worker = startCli(['worker', '--log-level', 'info'], env, 170_000);
    const started = await worker.waitFor(/"msg":"worker started".*"http":"(http:\/\/[^"]+)"/, 60_000);
    const http = /"http":"(http:\/\/[^"]+)"/.exec(started)![1]!;

    const BATCH: [string, string][] = [];
    for (const mapping of harness.mappings.byTable.values()) {
      for await (const page of harness.connector.pull(mapping, null)) {
        for (const record of page.records) {
          const number = record[mapping.fields.number] ?? '';
          const panel = await harness.waitFor(`a panel on ${number}`, async () => (await harness.ticket(number)).panel, 30_000);
          const op = panel.operations.find((o) => o.outcome !== 'blocked');
          if (op && BATCH.length < BATCH_SIZE) BATCH.push([number, op.id]);
        }
      }
    }
    expect(BATCH).toHaveLength(BATCH_SIZE);
    const half = Math.floor(BATCH.length / 2);
    const rows: string[] = [];
    for (const [number, operation] of BATCH.slice(0, half)) rows.push(await harness.request('alex.rivera', number, { operation }));
    // Mid-batch: once the first note is written, while the others are queued or running.
    await harness.waitFor('a first note', async () => {
      for (const [number] of BATCH.slice(0, half)) if ((await harness.ticket(number)).status === 'awaiting_review') return true;
      return false;
    }, 30_000);
    const barrier = sample(await (await fetch(`${http}/metrics`)).text(), 'ai_handoff_redis_replica_waits_total', { outcome: 'acked' });
    expect(barrier, 'the replication barrier ran before instance writes').toBeGreaterThan(0);
    cluster.killPrimary();
    for (const [number, operation] of BATCH.slice(half)) rows.push(await harness.request('alex.rivera', number, { operation }));

    const promoted = cluster;
    await harness.waitFor('Sentinel to promote the replica', async () => (await promoted.masterPort()) === promoted.replicaPort, 30_000);
    for (const [i, [number, operation]] of BATCH.entries()) {
      const done = await harness.waitFor(`${number} to await review`, async () => {
        const t = await harness.ticket(number);
        return t.status === 'awaiting_review' ? t : undefined;
      }, 90_000);
      const handoffs = done.panel!.handoffs.filter((x) => x.operation === operation);
      expect(handoffs, `${number}: one hand-off`).toHaveLength(1);
      const ours = (await harness.notes(number)).filter((n) => n.by === INTEGRATION_USER);
      expect(ours, `${number}: exactly one note`).toHaveLength(1);
      expect(ours[0]!.value).toContain(handoffs[0]!.id);
      // A pickup cut off by the failover leaves its row pending until the intake takes it again and finishes it.
      expect((await harness.untilRowEnds('request', rows[i]!, 60_000)).state, `${number}: request row ended`).toBe('queued');
    }
    expect(worker.child.exitCode).toBeNull();

    // Nothing stuck: no hand-off left queued or running, and the chain verifies on the promoted Redis (through Sentinel).
    const metrics = await (await fetch(`${http}/metrics`)).text();
    expect(sample(metrics, 'ai_handoff_handoffs_open', { status: 'queued' })).toBe(0);
    expect(sample(metrics, 'ai_handoff_handoffs_open', { status: 'running' })).toBe(0);
    const verified = await runCliProcess(['audit', 'verify'], { REDIS_SENTINELS: env.REDIS_SENTINELS, REDIS_SENTINEL_NAME: MASTER_NAME, AI_HANDOFF_PREFIX: prefix, ...audit });
    expect(verified.stdout, verified.stderr).toMatch(/^audit chain intact: \d+ events/);
  }, 180_000);
});
