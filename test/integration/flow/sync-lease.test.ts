/**
 * One sync poller per instance and table at a time, even with several worker
 * processes: two wired workers (each with its own Redis connections and
 * BullMQ workers, as two processes would have) share one Redis, prefix and
 * sandbox instance, and sync a table every 200 ms with passes slowed to
 * 300 ms (longer than the interval, so the scheduler hands out the next pass
 * while one is running; without the lease the passes overlap).
 * Every pull of both workers is timed; no two passes of the table overlap,
 * and both workers took passes.
 */
import { performance } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServiceNowConnector, type ServiceNowConnector } from '../../../connectors/servicenow/servicenow-connector.js';
import { parseServiceNowConfig } from '../../../connectors/servicenow/config.js';
import { createSandbox, INTEGRATION_PASSWORD, INTEGRATION_USER, type Sandbox } from '../../../connectors/servicenow/sandbox/index.js';
import type { Connector, PullPage } from '../../../src/connector/connector.js';
import { loadRuntimeConfig } from '../../../src/config/load-runtime-config.js';
import { startWiredWorker, type WiredWorker } from '../../../src/queue/wiring.js';
import { silentLogger } from '../../../src/util/log.js';
import { fromRoot } from '../../../src/util/paths.js';
import { testAuditSetup } from '../../support/audit.js';
import { redisUrl, testPrefix } from '../../support/redis.js';

const TABLE = 'incident';
const INTERVAL_MS = 200;
const PASS_MS = 300;

interface Pass {
  readonly worker: string;
  readonly table: string;
  readonly start: number;
  end: number;
}

/** The connector with every pull timed and stretched to PASS_MS. */
function timedPulls(base: Connector, worker: string, passes: Pass[]): Connector {
  async function* pull(...args: Parameters<Connector['pull']>): AsyncIterable<PullPage> {
    const pass: Pass = { worker, table: args[0].table, start: performance.now(), end: Number.POSITIVE_INFINITY };
    passes.push(pass);
    try {
      await new Promise((r) => setTimeout(r, PASS_MS));
      yield* base.pull(...args);
    } finally {
      pass.end = performance.now();
    }
  }
  return new Proxy(base, { get: (target, key, receiver) => (key === 'pull' ? pull : Reflect.get(target, key, receiver)) as unknown });
}

describe('one sync poller per instance and table, across worker processes', () => {
  let sandbox: Sandbox;
  const connectors: ServiceNowConnector[] = [];
  const workers: WiredWorker[] = [];
  const passes: Pass[] = [];

  beforeAll(async () => {
    sandbox = await createSandbox({ port: 0 });
    const loaded = loadRuntimeConfig({ file: fromRoot('config', 'sandbox.yaml') }).config;
    const config = { ...loaded, worker: { ...loaded.worker, tables: [TABLE] } };
    const prefix = testPrefix('sync-lease');
    for (const name of ['worker-a', 'worker-b']) {
      const connector = createServiceNowConnector({
        config: parseServiceNowConfig({ instanceUrl: sandbox.url, auth: { kind: 'basic', username: INTEGRATION_USER, password: INTEGRATION_PASSWORD } }),
        log: silentLogger,
      });
      connectors.push(connector);
      workers.push(await startWiredWorker({ config, connector: timedPulls(connector, name, passes), redisUrl: redisUrl(), integrationUser: INTEGRATION_USER, log: silentLogger, syncIntervalMs: INTERVAL_MS, prefix, audit: testAuditSetup() }));
    }
  });
  afterAll(async () => {
    for (const worker of workers) await worker.close(5_000);
    for (const connector of connectors) connector.close();
    await sandbox.close();
  });

  it('never runs two passes of a table at once, while both workers take passes', async () => {
    const deadline = Date.now() + 20_000;
    while (Date.now() < deadline) {
      const finished = passes.filter((p) => Number.isFinite(p.end));
      if (finished.length >= 8 && new Set(finished.map((p) => p.worker)).size === 2) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const finished = passes.filter((p) => Number.isFinite(p.end)).sort((a, b) => a.start - b.start);
    expect(finished.length).toBeGreaterThanOrEqual(8);
    expect(new Set(finished.map((p) => p.worker))).toEqual(new Set(['worker-a', 'worker-b']));
    expect(new Set(finished.map((p) => p.table))).toEqual(new Set([TABLE]));
    const overlaps = finished.slice(1).filter((p, i) => p.start < finished[i]!.end);
    expect(overlaps.map((p) => `${p.worker} started at ${p.start.toFixed(0)} ms`)).toEqual([]);
  });

  it('lets exactly one of two simultaneous passes run; the other finds the lease held', async () => {
    // The scheduled passes (300 ms each, every 200 ms) hold the lease most of the time, more so on a loaded
    // machine: try until a pair lands in a gap between them, and check every pair on the way.
    let ran = 0;
    let rounds = 0;
    const deadline = Date.now() + 30_000;
    while (ran === 0 && Date.now() < deadline) {
      rounds++;
      const [a, b] = await Promise.all([workers[0]!.syncNow(TABLE), workers[1]!.syncNow(TABLE)]);
      expect(a !== undefined && b !== undefined, `round ${rounds}: both passes ran`).toBe(false);
      if (a !== undefined || b !== undefined) ran++;
      else await new Promise((r) => setTimeout(r, 10 + (rounds % 7) * 13));
    }
    expect(ran, `no pair of passes found the lease free in ${rounds} rounds`).toBe(1);
  });
});
